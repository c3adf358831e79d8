package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

/** The steps the page script performs, for tests to combine. */
final class Journeys {

    private Journeys() {
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static String signUpOptions(Browser browser, String email, String displayName) {
        HttpResponse<String> options = browser.postJson("/api/signup/options",
                Authenticator.JSON.createObjectNode().put("email", email).put("displayName", displayName).toString());
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        return options.body();
    }

    /** Signs up and asserts success; the browser is signed in afterwards. */
    static void signUp(Browser browser, Authenticator authenticator, String email) {
        String options = signUpOptions(browser, email, "Test User");
        HttpResponse<String> finish = browser.postJson("/api/signup/finish", finishBody(authenticator.create(options)));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);
        assertThat(finish.body()).contains("/account/confirm-email");
    }

    static String signInOptions(Browser browser, String mediation) {
        HttpResponse<String> options = browser.postJson("/api/signin/options", "{\"mediation\":\"" + mediation + "\"}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        return options.body();
    }

    static HttpResponse<String> signIn(Browser browser, String assertionJson) {
        return browser.postJson("/api/signin/finish", finishBody(assertionJson));
    }

    /** What the page posts to a finish endpoint: the credential and the browser's capabilities. */
    static String finishBody(String credentialJson) {
        return "{\"credential\":" + credentialJson + ",\"client\":{\"platformAuthenticator\":true,"
                + "\"conditionalGet\":true,\"conditionalCreate\":null,\"hybridTransport\":false}}";
    }
}
