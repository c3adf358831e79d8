package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README, "Your first five minutes": the Run command's configuration (no SMTP host, no LATCHKEY_DEV_OUTBOX, not
 * production) on an extra server of its own. A newcomer signs up, is told where the code is, reads it in the
 * development outbox and confirms; the log says where mail goes; http://127.0.0.1 leads to http://localhost.
 */
class FirstFiveMinutesIT {

    private static final Pattern CODE = Pattern.compile("code to confirm this address is: (\\d{6})");
    private static LibertyInstance server;

    @BeforeAll
    static void start() throws Exception {
        // it.http.port + 6: clear of the + 3 to + 5 that NodeCrashIT, DatabaseOutageIT and ProductionModeIT use.
        server = new LibertyInstance("latchkey-it-firstrun", LibertyInstance.extraPort(3), Map.of()).start();
        // Generous: on a loaded machine a cold Liberty with a fresh H2 file took over 3 minutes.
        assertThat(server.awaitApplicationOutcome(Duration.ofMinutes(8))).as("the application starts").isTrue();
        server.awaitApplication(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aNewcomerReadsTheConfirmationCodeInTheDevelopmentOutbox() throws Exception {
        String base = server.baseUrl();
        Browser browser = new Browser(base);
        String email = Journeys.uniqueEmail("first");
        HttpResponse<String> options = browser.postJson("/api/signup/options",
                Authenticator.JSON.createObjectNode().put("email", email).put("displayName", "New Person").toString());
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        HttpResponse<String> finish = browser.postJson("/api/signup/finish",
                Journeys.finishBody(new Authenticator(base).create(options.body())));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);

        HttpResponse<String> confirm = browser.get("/account/confirm-email");
        assertThat(confirm.body()).as("the page that says a code was sent says where it is")
                .contains("id=\"dev-outbox-link\"").contains("href=\"/dev/outbox\"");

        HttpResponse<String> outbox = browser.get("/dev/outbox");
        assertThat(outbox.statusCode()).isEqualTo(200);
        Matcher code = CODE.matcher(outbox.body().substring(outbox.body().indexOf(email)));
        assertThat(code.find()).as("the confirmation mail to %s is in the outbox", email).isTrue();

        HttpResponse<String> confirmed = browser.postForm("/account/confirm-email", "code=" + code.group(1));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).contains("emailConfirmed");

        assertThat(server.console()).as("the start-up log says where mail goes")
                .contains("No SMTP host (LATCHKEY_SMTP_HOST): mail is not sent; read it at " + base + "/dev/outbox");
    }

    @Test
    void theLoopbackAddressLeadsToLocalhostWherePasskeysWork() throws Exception {
        int port = URI.create(server.baseUrl()).getPort();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/signup?invitation=x")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("http://localhost:" + port + "/signup?invitation=x");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/signin/email")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.com"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains("open http://localhost:" + port + " instead");
    }
}
