package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Accounts, passkeys and sessions live in the database, not in the JVM: they survive a restart
 * of the server, and a passkey created before it signs in after it.
 */
class RestartIT {

    private static final File WLP = new File(System.getProperty("latchkey.it.wlp", "target/liberty/wlp"));
    private static final String SERVER = System.getProperty("latchkey.it.server", "latchkey-it");

    @Test
    void anAccountAndItsPasskeySurviveAServerRestart() throws Exception {
        Browser browser = new Browser();
        Authenticator authenticator = new Authenticator();
        String email = Journeys.uniqueEmail("restart");
        Journeys.signUp(browser, authenticator, email);
        assertThat(browser.signedIn()).isTrue();

        server("stop");
        server("start");
        awaitReady(Duration.ofSeconds(120));

        assertThat(browser.signedIn()).as("the session row outlives the JVM").isTrue();
        assertThat(browser.get("/account/security").body()).contains(email);

        Browser otherBrowser = new Browser();
        HttpResponse<String> signIn = Journeys.signIn(otherBrowser,
                authenticator.get(Journeys.signInOptions(otherBrowser, "modal")));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(otherBrowser.get("/account/security").body()).contains(email);
    }

    private static void server(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new File(WLP, "bin/server").getPath(), action, SERVER)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("server " + action + " finished").isTrue();
        assertThat(process.exitValue()).as("server " + action + " exit code").isZero();
    }

    private static void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (new Browser().get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // connection refused while the server starts
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server not ready within " + timeout);
    }
}
