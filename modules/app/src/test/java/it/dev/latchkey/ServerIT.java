package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Readiness, headers and error pages of the running server. */
class ServerIT {

    @Test
    void readinessReportsEveryModuleReady() {
        HttpResponse<String> ready = new Browser().get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"identity\":\"ready\"")
                .contains("\"credentials\":\"ready\"").contains("\"nudges\":\"ready\"");
    }

    @Test
    void pagesForbidInlineScriptAndFraming() {
        HttpResponse<String> page = new Browser().get("/signin");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("autocomplete=\"username webauthn\"").doesNotContain("<script>");
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("latchkey_csrf=")
                && c.contains("HttpOnly") && c.contains("SameSite=Strict"));
    }

    @Test
    void unknownPagesAndWrongMethodsGetReadableErrorsWithoutStackTraces() {
        HttpResponse<String> missing = new Browser().get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("We could not find that page.").doesNotContain("Exception");

        HttpResponse<String> get = new Browser().get("/api/signin/options");
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void postsWithoutTheCsrfTokenAreForbidden() throws Exception {
        HttpResponse<String> forged = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create(Browser.BASE_URL + "/api/signin/options"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"reason\":\"CSRF\"");
    }
}
