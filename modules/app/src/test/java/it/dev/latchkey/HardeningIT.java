package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What an attacker sees of the server itself (issue 11, item 6): a forged Host header is not reflected, and
 * Liberty's own responses (health, errors it writes itself) carry the security headers and no platform
 * names. Raw sockets: an HTTP client library would not send a forged Host or a malformed request.
 */
class HardeningIT {

    private static final URI BASE = URI.create(Browser.BASE_URL);

    /** Status line and headers (lower-case names) of one raw HTTP/1.1 exchange, and the body. */
    record Raw(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    static Raw send(String request) throws IOException {
        try (Socket socket = new Socket(BASE.getHost(), BASE.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, end < 0 ? "" : text.substring(end + 4));
        }
    }

    static Raw get(String path, String host) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private static String ourHost() {
        return BASE.getHost() + ":" + BASE.getPort();
    }

    @Test
    void aForgedHostHeaderIsRefusedAndNeverReflectedIntoRedirects() throws IOException {
        Raw forged = get("/account", "evil.example");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.head() + forged.body()).doesNotContain("evil.example");

        // A page for anyone.
        Raw forgedPage = get("/signin", "evil.example");
        assertThat(forgedPage.status()).isEqualTo(400);
        assertThat(forgedPage.head() + forgedPage.body()).doesNotContain("evil.example");

        Raw forgedPort = get("/account", BASE.getHost() + ":1");
        assertThat(forgedPort.status()).isEqualTo(400);

        // Our own origin: the usual redirect to the sign-in page, on our origin.
        Raw ours = get("/account", ourHost());
        assertThat(ours.status()).isEqualTo(302);
        assertThat(ours.header("Location")).satisfiesAnyOf(
                l -> assertThat(l).startsWith("/signin"), l -> assertThat(l).startsWith(Browser.BASE_URL + "/signin"));
    }

    /**
     * The signed-in pages (SessionCookieFilter): without a session, or with a cookie naming none, every
     * spelling of their paths leads to the sign-in page and back, and none shows anything of an account.
     */
    @Test
    void theSignedInPagesSendEveryoneElseToSignIn() throws IOException {
        String[][] cases = {
                {"/account/security", "/account/security"},
                {"/account", "/account"},
                {"/operator/accounts", "/operator/accounts"},
                {"/%61ccount/security", "/%61ccount/security"},
                {"/learn/../account/security", null},
        };
        for (String[] c : cases) {
            for (String cookie : new String[] {null, "latchkey_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
                Raw raw = send("GET " + c[0] + " HTTP/1.1\r\nHost: " + ourHost() + "\r\n"
                        + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "Connection: close\r\n\r\n");
                String what = c[0] + (cookie == null ? "" : " with an unknown session cookie") + "\n" + raw.head();
                if (c[1] == null && raw.status() != 302) {
                    // A spelling the container refuses outright (Servlet 6 path canonicalisation) is fine too.
                    assertThat(raw.status()).as(what).isIn(400, 404);
                    continue;
                }
                assertThat(raw.status()).as(what).isEqualTo(302);
                String location = raw.header("Location");
                assertThat(location).as(what).satisfiesAnyOf(
                        l -> assertThat(l).startsWith("/signin?next="),
                        l -> assertThat(l).startsWith(Browser.BASE_URL + "/signin?next="));
                if (c[1] != null) {
                    assertThat(java.net.URLDecoder.decode(location.substring(location.indexOf("next=") + 5), StandardCharsets.UTF_8))
                            .as(what).isEqualTo(c[1]);
                }
                assertThat(raw.body()).as(what).doesNotContain("@");
            }
        }
    }

    /**
     * A path parameter in one request must not break the next request for the shorter path, whoever sends it:
     * Liberty's invocation cache did (a 500 for "/account" after "/account;x=1/security"); liberty/jvm.options
     * turns it off.
     */
    @Test
    void aPathParameterNeverBreaksTheNextRequest() throws IOException {
        for (String[] pair : new String[][] {
                {"/account;x=1/security", "/account"},
                {"/account;jsessionid=abc/security", "/account"},
                {"/account/security;x=1", "/account/security"},
                {"/learn;x=1/what-is-a-passkey", "/learn"},
        }) {
            for (String path : pair) {
                Raw raw = get(path, ourHost());
                assertThat(raw.status()).as(String.join(" then ", pair) + ": " + path + "\n" + raw.head()).isIn(200, 302, 404);
            }
        }
    }

    @Test
    void libertysOwnResponsesCarryTheSecurityHeadersAndNoPlatformNames() throws IOException {
        for (String path : new String[] {"/health/ready", "/health/live", "/health", "/no/such/page"}) {
            assertHardened(path, get(path, ourHost()));
            assertNoPlatformText(path, get(path, ourHost()));
        }
        // mpHealth's own 404: Liberty writes its body (not configurable here), the headers are ours.
        assertHardened("/health/nosuch", get("/health/nosuch", ourHost()));
        // An error Liberty writes before any application sees the request: a malformed request line.
        Raw malformed = send("GET /%zz HTTP/1.1\r\nHost: " + ourHost() + "\r\nConnection: close\r\n\r\n");
        assertHardened("malformed request", malformed);
        assertNoPlatformText("malformed request", malformed);
    }

    private static void assertHardened(String what, Raw response) {
        assertThat(response.header("X-Content-Type-Options")).as(what + "\n" + response.head()).isEqualTo("nosniff");
        assertThat(response.header("Content-Security-Policy")).as(what + "\n" + response.head()).contains("frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).as(what + "\n" + response.head()).isNotNull();
        assertThat(response.header("$WSEP")).as(what + "\n" + response.head()).isNull();
        assertThat(response.header("X-Powered-By")).as(what + "\n" + response.head()).isNull();
        String server = response.header("Server");
        if (server != null) {
            assertThat(server.toLowerCase(Locale.ROOT)).as(what).doesNotContain("liberty").doesNotContain("websphere")
                    .doesNotContain("ibm").doesNotContain("java");
        }
    }

    private static void assertNoPlatformText(String what, Raw response) {
        assertThat(response.body().toLowerCase(Locale.ROOT)).as(what).doesNotContain("srve").doesNotContain("websphere")
                .doesNotContain("liberty").doesNotContain("exception");
    }
}
