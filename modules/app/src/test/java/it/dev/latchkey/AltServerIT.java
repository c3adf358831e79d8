package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The second server's settings at work: fallbacks switched off, and a trusted proxy whose
 * X-Forwarded-For decides the client address (shared networks, abuse limits).
 */
class AltServerIT {

    @Test
    void withBothFallbacksOffTheFormsAreGoneAndTheirEndpointsAnswer404() {
        Browser browser = AltServer.browser();
        assertThat(browser.get("/signin").body()).contains("Sign in with a passkey");
        String page = browser.postForm("/signin/continue", "email=someone%40example.com").body();
        assertThat(page).contains("Use a passkey")
                .doesNotContain("action=\"/signin/email\"").doesNotContain("action=\"/signin/password\"")
                .as("recovery codes are always offered").contains("href=\"/signin/recovery?next=");
        assertThat(browser.get("/signin/recovery").body()).contains("action=\"/signin/recovery\"");
        assertThat(browser.postForm("/signin/email", "email=someone%40example.com").statusCode()).isEqualTo(404);
        assertThat(browser.postForm("/signin/code", "code=123456").statusCode()).isEqualTo(404);
        assertThat(browser.postForm("/signin/password", "email=someone%40example.com&password=correct-horse-battery")
                .statusCode()).isEqualTo(404);
        assertThat(AltServer.count("select count(*) from idn_email_code where email = ?", "someone@example.com"))
                .isZero();

        // The default server, same requests: both offered.
        Browser other = new Browser();
        other.get("/signin");
        String defaults = other.postForm("/signin/continue", "email=someone%40example.com").body();
        assertThat(defaults).contains("action=\"/signin/email\"").contains("action=\"/signin/password\"");
    }

    @Test
    void behindTheTrustedProxyTheForwardedAddressDecidesWhetherTheComputerIsShared() {
        HttpResponse<String> branch = AltServer.browser()
                .withHeader("X-Forwarded-For", AltServer.SHARED_NETWORK_ADDRESS).get("/signin");
        assertThat(branch.body()).contains("This is a shared computer").doesNotContain("username webauthn");

        HttpResponse<String> home = AltServer.browser().withHeader("X-Forwarded-For", "203.0.113.20").get("/signin");
        assertThat(home.body()).doesNotContain("This is a shared computer").contains("username webauthn");

        // The same header sent straight to the default server (which trusts no proxy) changes nothing.
        HttpResponse<String> spoofed = new Browser().withHeader("X-Forwarded-For", AltServer.SHARED_NETWORK_ADDRESS)
                .get("/signin");
        assertThat(spoofed.body()).doesNotContain("This is a shared computer").contains("username webauthn");
    }

    @Test
    void behindTheTrustedProxyFailuresCountAgainstTheForwardedAddress() {
        String client = AltServer.clientAddress();
        Browser browser = AltServer.browser().withHeader("X-Forwarded-For", client);
        browser.get("/signin");
        HttpResponse<String> wrong = browser.postForm("/signin/recovery",
                "email=" + Journeys.uniqueEmail("proxied").replace("@", "%40") + "&code=AAAA-BBBB-CCCC");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(AltServer.count("select count(*) from idn_throttle where throttle_key = ?",
                "RECOVERY_CODE:client:" + client)).isOne();
    }
}
