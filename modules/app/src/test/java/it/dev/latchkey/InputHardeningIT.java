package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/**
 * Input nobody's browser sends, at every JSON endpoint and on the pages that take a return path:
 * a clear 4xx (problem JSON for scripts), never a 500, and nothing half-written.
 */
class InputHardeningIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final String PASSWORD = "a long passphrase for the input test";
    private static final String ACCOUNT_OF = "(select id from idn_account where email = ? or pending_email = ?)";

    /** The credential's {@code type} is the string "public-key"; a number, a boolean or an object is a 400 everywhere. */
    @Test
    void aCredentialTypeThatIsNotAStringIsABadRequestAtEveryFinishEndpoint() throws Exception {
        for (String type : List.of("42", "true", "{}", "[]", "null")) {
            for (Map.Entry<String, Finish> endpoint : finishEndpoints().entrySet()) {
                Finish finish = endpoint.getValue();
                long passkeys = Database.tableSize("cred_passkey");
                long accounts = Database.tableSize("idn_account");
                ObjectNode credential = Authenticator.parse(finish.credential());
                credential.set("type", Authenticator.JSON.readTree(type));
                HttpResponse<String> answer = finish.browser().postJson(finish.path(), finish.body(credential.toString()));
                assertThat(answer.statusCode()).as("%s with type %s: %s", endpoint.getKey(), type, answer.body())
                        .isEqualTo(400);
                assertThat(answer.body()).contains("\"reason\":\"").contains("\"error\":\"").doesNotContain("Exception");
                assertThat(Database.tableSize("cred_passkey")).isEqualTo(passkeys);
                assertThat(Database.tableSize("idn_account")).isEqualTo(accounts);
            }
        }
    }

    /** JSON nested far deeper than any request of ours, well under the size limit: a 400, quickly. */
    @Test
    void deeplyNestedJsonIsABadRequestAtEveryJsonEndpoint() throws Exception {
        Browser signedIn = new Browser();
        Journeys.signUp(signedIn, new Authenticator(), Journeys.uniqueEmail("deep"));
        String arrays = "[".repeat(1_000) + "]".repeat(1_000);
        String objects = "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000);
        List<String> bodies = List.of(arrays, objects, "{\"credential\":" + arrays + "}",
                "{\"credential\":{\"type\":\"public-key\",\"response\":" + objects + "}}",
                "{\"token\":" + arrays + "}", "{\"hint\":" + objects + "}", "{\"email\":" + arrays + "}");
        for (String path : JsonFuzzIT.JSON_ENDPOINTS) {
            for (String body : bodies) {
                HttpResponse<String> answer = signedIn.postJson(path, body);
                assertThat(answer.statusCode()).as("%s %s: %s", path, body.substring(0, 20), answer.body())
                        .isBetween(400, 499);
                assertThat(answer.body().length()).as("a short problem, no stack trace").isLessThan(1_000);
            }
        }
        assertThat(signedIn.signedIn()).isTrue();
    }

    /** A User-Agent and client hints long enough to overflow the device label: the sign-up and the sign-in work. */
    @Test
    void aVeryLongUserAgentAndClientHintsStillSignUpAndSignIn() {
        String name = "Q".repeat(400);
        Browser browser = new Browser()
                .withUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) " + name + "/1.0 Safari/537.36")
                .withHeader("Sec-CH-UA", "\"" + name + "\";v=\"137\"")
                .withHeader("Sec-CH-UA-Platform", "\"" + name + "\"");
        Authenticator authenticator = new Authenticator();
        String email = Journeys.uniqueEmail("long-ua");
        Journeys.signUp(browser, authenticator, email);
        assertThat(browser.signedIn()).isTrue();
        assertThat(browser.postForm("/signout", "").statusCode()).isEqualTo(302);
        HttpResponse<String> signIn = Journeys.signIn(browser, authenticator.get(Journeys.signInOptions(browser, "modal")));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(browser.signedIn()).isTrue();
        assertThat(Database.strings("select label from idn_device where account_id = " + ACCOUNT_OF, email, email))
                .isNotEmpty().allSatisfy(label -> assertThat(label.length()).isLessThanOrEqualTo(120));
    }

    /** Return paths that are broken or climb out of the site: the pages answer, and send nobody off-site. */
    @Test
    void brokenOrClimbingReturnPathsNeverFailAndNeverLeaveTheSite() throws Exception {
        Browser signedIn = new Browser();
        Journeys.signUp(signedIn, new Authenticator(), Journeys.uniqueEmail("next"));
        Browser signedOut = new Browser();
        signedOut.get("/signin");
        List<String> rawQueries = List.of("/%zz", "/%", "/%2", "/..//evil.example", "/../evil", "/.%2e//evil.example",
                "/%2F%2Fevil.example", "/%5C%5Cevil.example", "/%2e%2e/%2fevil.example", "/x%00y", "/%0d%0aSet-Cookie:%20a=b",
                "%2F%2Fevil.example", "/\\evil.example", "/%E2%80%AE", "/%C0%AF");
        for (String page : List.of("/signin", "/nudge", "/account/step-up")) {
            for (String next : rawQueries) {
                for (Browser browser : List.of(signedIn, signedOut)) {
                    RawResponse answer = rawGet(browser, page + "?next=" + next);
                    assertThat(answer.status()).as("%s?next=%s: %s", page, next, answer.head()).isBetween(200, 499);
                    answer.location().ifPresent(location -> {
                        URI target = URI.create(Browser.BASE_URL).resolve(location);
                        assertThat(target.getHost()).as("%s?next=%s -> %s", page, next, location).isEqualTo("localhost");
                        assertThat(location).doesNotStartWith("//").doesNotContain("\\").doesNotContain("..");
                    });
                }
            }
        }
    }

    /** A form post of 10 MB is refused unread with a 413; a normal form still works. */
    @Test
    void aTenMegabyteFormIsRefusedUnread() throws Exception {
        Browser browser = new Browser();
        browser.get("/signin");
        String huge = "email=someone%40example.com&password=" + "x".repeat(10 * 1024 * 1024);
        HttpResponse<String> answer = browser.postForm("/signin/password", huge);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        HttpResponse<String> normal = browser.postForm("/signin/password", "email=someone%40example.com&password=wrong");
        assertThat(normal.statusCode()).isBetween(200, 499);
    }

    // ------------------------------------------------------------------ the finish endpoints, each ready to finish

    record Finish(Browser browser, String path, String credential, java.util.function.UnaryOperator<String> wrap) {
        String body(String credentialJson) {
            return wrap.apply(credentialJson);
        }
    }

    private Map<String, Finish> finishEndpoints() throws Exception {
        Map<String, Finish> endpoints = new LinkedHashMap<>();
        Browser newcomer = new Browser();
        String signUpOptions = Journeys.signUpOptions(newcomer, Journeys.uniqueEmail("type"), "Type");
        endpoints.put("sign-up", new Finish(newcomer, "/api/signup/finish", new Authenticator().create(signUpOptions),
                Journeys::finishBody));

        Browser owner = new Browser();
        Authenticator key = new Authenticator();
        Journeys.signUp(owner, key, Journeys.uniqueEmail("type-owner"));
        Browser signingIn = new Browser();
        endpoints.put("sign-in", new Finish(signingIn, "/api/signin/finish",
                key.get(Journeys.signInOptions(signingIn, "modal")), Journeys::finishBody));
        HttpResponse<String> stepUp = owner.postJson("/api/account/stepup/options", "{}");
        endpoints.put("step-up", new Finish(owner, "/api/account/stepup/finish", key.get(stepUp.body()),
                Journeys::finishBody));
        HttpResponse<String> add = owner.postJson("/api/account/passkeys/options", "{}");
        assertThat(add.statusCode()).as(add.body()).isEqualTo(200);
        endpoints.put("add passkey", new Finish(owner, "/api/account/passkeys/finish", new Authenticator().create(add.body()),
                Journeys::finishBody));

        Browser laptop = new Browser();
        Journeys.signUp(laptop, new Authenticator(), Journeys.uniqueEmail("type-handoff"));
        HandoffIT.Link link = HandoffIT.issue(laptop);
        Browser phone = new Browser();
        HttpResponse<String> handoff = phone.postJson("/api/handoff/options", "{\"token\":\"" + link.token() + "\"}");
        assertThat(handoff.statusCode()).as(handoff.body()).isEqualTo(200);
        endpoints.put("handoff", new Finish(phone, "/api/handoff/finish", new Authenticator().create(handoff.body()),
                c -> "{\"token\":\"" + link.token() + "\"," + Journeys.finishBody(c).substring(1)));

        String email = Journeys.uniqueEmail("type-upgrade");
        Browser upgrader = new Browser();
        Mailbox.signUpConfirmed(SMTP, upgrader, new Authenticator(), email);
        assertThat(upgrader.postForm("/account/password", "newPassword=" + URLEncoder.encode(PASSWORD,
                StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
        Database.execute("delete from cred_passkey where account_id = " + ACCOUNT_OF, email, email);
        Browser laptop2 = new Browser();
        laptop2.get("/signin");
        HttpResponse<String> signedIn = laptop2.postForm("/signin/password", "email=" + URLEncoder.encode(email,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&cap-platformAuthenticator=true&cap-conditionalCreate=true");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        HttpResponse<String> upgrade = laptop2.postJson("/api/account/upgrade/options", "{}");
        assertThat(upgrade.statusCode()).as(upgrade.body()).isEqualTo(200);
        endpoints.put("automatic upgrade", new Finish(laptop2, "/api/account/upgrade/finish",
                new Authenticator().create(upgrade.body()), Journeys::finishBody));
        return endpoints;
    }

    // ------------------------------------------------------------------ a request line as typed, not as java.net.URI allows

    record RawResponse(int status, String head) {
        java.util.Optional<String> location() {
            return head.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
                    .map(l -> l.substring(9).strip()).findFirst();
        }
    }

    /** GET with the request target exactly as given (java.net.URI refuses {@code %zz}), and the browser's cookies. */
    static RawResponse rawGet(Browser browser, String target) throws IOException {
        URI base = URI.create(Browser.BASE_URL);
        String cookies = browser.cookies.getCookieStore().getCookies().stream()
                .map(HttpCookie::toString).collect(Collectors.joining("; "));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAccept: text/html\r\nConnection: close\r\n"
                    + (cookies.isEmpty() ? "" : "Cookie: " + cookies + "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0 && head.size() < 64 * 1024) {
                head.write(buffer, 0, n);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String headers = end < 0 ? text : text.substring(0, end);
            return new RawResponse(Integer.parseInt(headers.substring(9, 12)), headers);
        }
    }
}
