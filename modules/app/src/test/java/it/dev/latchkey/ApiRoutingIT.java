package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * How requests that no endpoint serves are answered: a script gets problem JSON (404 for a path
 * that is not an endpoint, 405 with {@code Allow: POST} for a GET, 401 before anything else under
 * {@code /api/account/} when signed out), a person gets a readable page. Never a stack trace.
 */
class ApiRoutingIT {

    @Test
    void anUnknownEndpointIsA404InJson() {
        Browser browser = new Browser();
        for (String path : new String[] {"/api/no/such/endpoint", "/api/signin/options/", "/api/signup",
                "/api/handoff/nope", "/api/handoff"}) {
            HttpResponse<String> answer = browser.postJson(path, "{}");
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            assertThat(answer.body()).as(path).contains("\"reason\":\"NOT_FOUND\"").contains("There is nothing here.");
        }
    }

    @Test
    void aGetOnACeremonyEndpointIsA405ThatNamesPost() {
        Browser browser = new Browser();
        for (String path : new String[] {"/api/signup/options", "/api/signup/finish", "/api/signin/options",
                "/api/signin/finish", "/api/handoff/options", "/api/handoff/finish", "/api/handoff/status",
                "/api/no/such/endpoint"}) {
            HttpResponse<String> answer = browser.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(405);
            assertThat(answer.headers().firstValue("Allow")).as(path).hasValue("POST");
            assertThat(answer.body()).as(path).contains("\"reason\":\"METHOD_NOT_ALLOWED\"")
                    .contains("Use POST for this endpoint.");
        }
    }

    @Test
    void theAccountsEndpointsAskForASessionFirst() {
        Browser browser = new Browser();
        for (String path : new String[] {"/api/account/stepup/options", "/api/account/stepup/finish",
                "/api/account/passkeys/options", "/api/account/passkeys/finish", "/api/account/upgrade/options",
                "/api/account/upgrade/finish", "/api/account/nope", "/api/account/upgrade/nope"}) {
            HttpResponse<String> answer = browser.postJson(path, "{}");
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).contains("\"reason\":\"SIGNED_OUT\"");
        }
    }

    @Test
    void aSignedInAccountGetsA404ForAnUnknownAccountEndpointAndA405ForAGet() {
        Browser browser = new Browser();
        Journeys.signUp(browser, new Authenticator(), Journeys.uniqueEmail("routing"));
        for (String path : new String[] {"/api/account/nope", "/api/account/stepup", "/api/account/upgrade/nope"}) {
            HttpResponse<String> answer = browser.postJson(path, "{}");
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("\"reason\":\"NOT_FOUND\"").contains("There is nothing here.");
        }
        for (String path : new String[] {"/api/account/stepup/options", "/api/account/upgrade/options"}) {
            HttpResponse<String> answer = browser.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(405);
            assertThat(answer.body()).as(path).contains("METHOD_NOT_ALLOWED").doesNotContain("Exception");
        }
    }
}
