package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An operator points LATCHKEY_AAGUID_FILE at a list and lists related origins; the server reads
 * both at start-up. A broken list is logged, the shipped list names passkeys instead, and signing
 * in works as before. Restarts the test server twice (with the settings, then without them).
 */
class OperatorAaguidFileIT {

    private static final File WLP = new File(System.getProperty("latchkey.it.wlp", "target/liberty/wlp"));
    private static final String SERVER = System.getProperty("latchkey.it.server", "latchkey-it");
    private static final Path SERVER_DIR = WLP.toPath().resolve("usr/servers").resolve(SERVER);

    @Test
    void aBrokenOperatorFileIsLoggedAndSignInStillWorks() throws Exception {
        Path broken = SERVER_DIR.resolveSibling(SERVER + "-aaguid-broken.json");
        Files.writeString(broken, "{\"ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4\": {\"name\": \"Goo", StandardCharsets.UTF_8);
        Path bootstrap = SERVER_DIR.resolve("bootstrap.properties");
        String original = Files.readString(bootstrap, StandardCharsets.ISO_8859_1);
        Path log = SERVER_DIR.resolve("logs/messages.log");
        try {
            Files.writeString(bootstrap, original + "\nlatchkey.aaguid.file=" + broken.toString().replace("\\", "/")
                    + "\nlatchkey.related.origins=https://example.co.uk, https://example.de/"
                    // Related origins run ceremonies too, so they must be among the RP origins (else the start is refused).
                    + "\nlatchkey.rp.origins=" + Browser.BASE_URL + ",https://example.co.uk,https://example.de\n",
                    StandardCharsets.ISO_8859_1);
            restart();

            assertThat(Files.readString(log, StandardCharsets.UTF_8))
                    .contains("LATCHKEY_AAGUID_FILE " + broken + " was not used because it is not valid JSON")
                    .contains("Using the list shipped with Latchkey instead.");
            assertThat(new Browser().get("/health/ready").statusCode()).isEqualTo(200);

            Browser browser = new Browser();
            Authenticator google = new Authenticator(PasskeyManagementIT.GOOGLE);
            Journeys.signUp(browser, google, Journeys.uniqueEmail("broken-list"));
            Browser other = new Browser();
            HttpResponse<String> signIn = Journeys.signIn(other, google.get(Journeys.signInOptions(other, "modal")));
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
            assertThat(other.get("/account/security").body()).as("the shipped list names it")
                    .contains("<h3 class=\"passkey-name\">Google Password Manager</h3>");

            HttpResponse<String> related = new Browser().get("/.well-known/webauthn");
            assertThat(related.statusCode()).isEqualTo(200);
            assertThat(related.body()).isEqualTo("{\"origins\":[\"https://example.co.uk\",\"https://example.de\"]}");
        } finally {
            Files.writeString(bootstrap, original, StandardCharsets.ISO_8859_1);
            Files.deleteIfExists(broken);
            restart();
        }
        assertThat(new Browser().get("/.well-known/webauthn").statusCode()).isEqualTo(404);
    }

    private static void restart() throws IOException, InterruptedException {
        server("stop");
        server("start");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
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
        throw new AssertionError("server not ready within 120 s");
    }

    private static void server(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new File(WLP, "bin/server").getPath(), action, SERVER)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("server " + action + " finished").isTrue();
        assertThat(process.exitValue()).as("server " + action + " exit code").isZero();
    }
}
