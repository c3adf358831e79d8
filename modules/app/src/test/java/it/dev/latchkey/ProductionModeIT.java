package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settings that are not understood, and development shortcuts in production mode, stop the start
 * (README, "Production"): an extra server from the build's runtime and WAR, started with bad settings.
 */
class ProductionModeIT {

    private static final Duration START = Duration.ofMinutes(3);

    @Test
    void aMisspeltSignUpModeRefusesToStartInsteadOfOpeningSignUp() throws Exception {
        try (LibertyInstance server = new LibertyInstance("latchkey-it-badsetting", LibertyInstance.extraPort(0),
                Map.of("latchkey.signup.mode", "invitaton", "latchkey.fallback.password", "yes")).start()) {
            assertThat(server.awaitApplicationOutcome(START)).as("the application must not start").isFalse();
            assertThat(server.console())
                    .contains("Latchkey refuses to start")
                    .contains("LATCHKEY_SIGNUP_MODE must be one of open, domains, invitation, not 'invitaton'")
                    .contains("LATCHKEY_FALLBACK_PASSWORD must be true or false, not 'yes'");
            assertNothingServed(server);
        }
    }

    @Test
    void productionModeRefusesEveryDevelopmentShortcut() throws Exception {
        try (LibertyInstance server = new LibertyInstance("latchkey-it-badprod", LibertyInstance.extraPort(1),
                Map.of("latchkey.production", "true",
                        "latchkey.rp.origins", "http://id.example.com",
                        "latchkey.dev.outbox", "true")).start()) {
            assertThat(server.awaitApplicationOutcome(START)).as("the application must not start").isFalse();
            assertThat(server.console())
                    .contains("refuses the embedded H2 database")
                    .contains("refuses plain-HTTP origins other than localhost in LATCHKEY_RP_ORIGINS: 'http://id.example.com'")
                    .contains("needs an SMTP server: set LATCHKEY_SMTP_HOST")
                    .contains("refuses the development outbox")
                    .contains("set LTPA_KEYS_PASSWORD");
            assertNothingServed(server);
        }
    }

    private static void assertNothingServed(LibertyInstance server) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : new String[] {"/signup", "/signin", "/"}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = null;
            // Liberty opens its HTTP port just after it gave up on the application: wait for it, bounded.
            for (int attempt = 0; response == null; attempt++) {
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (java.net.ConnectException notYetListening) {
                    if (attempt >= 60) {
                        throw notYetListening;
                    }
                    Thread.sleep(500);
                }
            }
            assertThat(response.statusCode()).as(path).isNotEqualTo(200).isLessThan(500);
            assertThat(response.body()).as(path).doesNotContain("passkey").doesNotContain("Exception")
                    .as("no platform name").doesNotContain("Liberty");
        }
    }
}
