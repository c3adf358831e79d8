package dev.latchkey.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * One browser profile as the server sees it: its own cookie jar and keep-alive connection, the
 * CSRF token the pages hand out (sent as the page script sends it, in X-CSRF-Token), an Origin
 * header on every POST and a desktop Chrome User-Agent. Not thread-safe: one per virtual user.
 *
 * <p>With several instances (two Liberty servers on one database, as behind a load balancer), each
 * request goes to the next instance in turn, so a ceremony's options and finish land on different
 * servers; every request carries the public origin's Host and Origin (the first instance's), as a load
 * balancer passes them on, and every instance is configured with that origin only. Cookies are the
 * browser's, whatever the port (RFC 6265 cookies ignore it). Setting Host needs
 * {@code -Djdk.httpclient.allowRestrictedHeaders=host}, which {@link LoadRun} sets.
 */
final class BrowserProfile {

    static final String USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String origin;
    private final List<String> instances;
    private int next;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    BrowserProfile(String origin, List<String> instances) {
        this.origin = origin;
        this.instances = List.copyOf(instances);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(instance() + path)).GET().header("Accept", "text/html"));
    }

    HttpResponse<String> postJson(String path, String json) {
        if (csrf().isEmpty()) {
            get("/signin");
        }
        return send(HttpRequest.newBuilder(URI.create(instance() + path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Origin", origin)
                .header("X-CSRF-Token", csrf()));
    }

    /**
     * Forgets the session cookie, as a returning browser whose session ended: it keeps its CSRF and
     * device cookies, so a sign-in updates its device row instead of adding one.
     */
    void dropSession() {
        var store = cookies.getCookieStore();
        for (HttpCookie c : List.copyOf(store.getCookies())) {
            if ("latchkey_session".equals(c.getName())) {
                store.remove(null, c);
            }
        }
    }

    /** The instance the next request goes to: each in turn. */
    private String instance() {
        String instance = instances.get(next);
        next = (next + 1) % instances.size();
        return instance;
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("latchkey_csrf"))
                .map(HttpCookie::getValue)
                .findFirst().orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (instances.size() > 1) {
            request.header("Host", URI.create(origin).getAuthority());
        }
        try {
            return http.send(request.timeout(TIMEOUT).header("User-Agent", USER_AGENT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
