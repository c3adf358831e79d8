package it.dev.latchkey;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One browser profile as the server sees it: its own cookie jar, the CSRF token the pages hand
 * out, and an Origin header. Talks plain HTTP to the running Liberty server.
 */
final class Browser {

    static final String BASE_URL = System.getProperty("latchkey.it.base-url", "http://localhost:9381");

    final CookieManager cookies;
    private final HttpClient http;
    private final String base;
    private String origin;
    /** Extra headers sent with every request (name, value pairs), e.g. X-Forwarded-For. */
    private final java.util.List<String> extraHeaders = new java.util.ArrayList<>();
    private String userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36";

    /** A browser talking to the default test server. */
    Browser() {
        this(BASE_URL);
    }

    /** A browser talking to another test server (for example {@link AltServer#BASE_URL}). */
    Browser(String baseUrl) {
        this(baseUrl, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private Browser(String baseUrl, CookieManager cookies) {
        this.base = baseUrl;
        this.origin = baseUrl;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The same browser (cookies, origin) reaching another instance directly, as a load balancer would
     * route its next request to another node of the same deployment.
     */
    Browser viaNode(String nodeBaseUrl) {
        Browser node = new Browser(nodeBaseUrl, cookies);
        node.origin = origin;
        node.userAgent = userAgent;
        node.extraHeaders.addAll(extraHeaders);
        return node;
    }

    /** Sends this header with every later request, as a proxy in front of the server would add it. */
    Browser withHeader(String name, String value) {
        extraHeaders.add(name);
        extraHeaders.add(value);
        return this;
    }

    /** Loads a page (which hands out the CSRF cookie) and returns the response. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html"));
    }

    /**
     * Loads a page with extra request headers, as name, value pairs (for example Accept-Language). An
     * {@code Accept} among them replaces the page's {@code text/html}, rather than being sent beside it.
     */
    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        boolean accept = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            accept |= "Accept".equalsIgnoreCase(headers[i]);
        }
        if (!accept) {
            request.header("Accept", "text/html");
        }
        return send(request);
    }

    /** A JSON POST as the WebAuthn script makes it; extra request headers as name, value pairs (for example Accept-Language). */
    HttpResponse<String> postJson(String path, String json, String... headers) {
        ensureCsrfCookie();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Origin", origin)
                .header("X-CSRF-Token", cookie("latchkey_csrf").orElse(""));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A form POST as a page makes it; extra request headers as name, value pairs (for example Accept-Language). */
    HttpResponse<String> postForm(String path, String form, String... headers) {
        ensureCsrfCookie();
        String body = form.isEmpty() ? "_csrf=" + cookie("latchkey_csrf").orElse("")
                : form + "&_csrf=" + cookie("latchkey_csrf").orElse("");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A form POST with this browser's cookies but without the CSRF field, as a forged cross-site form would be. */
    HttpResponse<String> postFormWithoutCsrfToken(String path, String form) {
        ensureCsrfCookie();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin));
    }

    Browser withUserAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    Browser withOrigin(String origin) {
        this.origin = origin;
        return this;
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    /** Whether the server treats this browser as signed in. */
    boolean signedIn() {
        return get("/account/security").statusCode() == 200;
    }

    private void ensureCsrfCookie() {
        if (cookie("latchkey_csrf").isEmpty()) {
            get("/signin");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            for (int i = 0; i + 1 < extraHeaders.size(); i += 2) {
                request.header(extraHeaders.get(i), extraHeaders.get(i + 1));
            }
            return http.send(request.timeout(Duration.ofSeconds(90)).header("User-Agent", userAgent).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
