package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The full passkey journey over HTTP against the running server, with a software authenticator. */
class SignUpAndSignInIT {

    @Test
    void signUpSignOutAndSignInAgainWithThePasskey() {
        Browser browser = new Browser();
        Authenticator authenticator = new Authenticator();
        String email = Journeys.uniqueEmail("journey");

        Journeys.signUp(browser, authenticator, email);
        assertThat(browser.signedIn()).isTrue();
        String page = browser.get("/account/security").body();
        assertThat(page).contains(email).contains("Test User");
        assertThat(page.split("class=\"passkey\"", -1)).hasSize(2);

        HttpResponse<String> signOut = browser.postForm("/signout", "");
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/signin"));
        assertThat(browser.signedIn()).isFalse();

        String options = Journeys.signInOptions(browser, "modal");
        HttpResponse<String> signIn = Journeys.signIn(browser, authenticator.get(options));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(signIn.body()).contains("\"mediation\":\"modal\"");
        assertThat(browser.signedIn()).isTrue();
        assertThat(browser.get("/account/security").body()).doesNotContain("Not used to sign in yet");
    }

    @Test
    void everySignInGetsANewSessionAndTheOldOneStopsWorking() {
        Browser browser = new Browser();
        Authenticator authenticator = new Authenticator();
        Journeys.signUp(browser, authenticator, Journeys.uniqueEmail("rotate"));
        String first = browser.cookie("latchkey_session").orElseThrow();

        Journeys.signIn(browser, authenticator.get(Journeys.signInOptions(browser, "modal")));
        String second = browser.cookie("latchkey_session").orElseThrow();
        assertThat(second).isNotEqualTo(first);

        Browser stolen = new Browser();
        stolen.get("/signin");
        stolen.cookies.getCookieStore().add(java.net.URI.create(Browser.BASE_URL),
                new java.net.HttpCookie("latchkey_session", first));
        assertThat(stolen.signedIn()).as("the replaced session must be dead").isFalse();
    }

    @Test
    void signUpFormErrorsAreReadableAndNothingIsStarted() {
        Browser browser = new Browser();
        long challenges = Database.tableSize("cred_challenge");
        HttpResponse<String> bad = browser.postJson("/api/signup/options", "{\"email\":\"not-an-email\",\"displayName\":\"\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter an email address like name@example.com.")
                .contains("Enter the name you would like us to use.");
        assertThat(Database.tableSize("cred_challenge")).isEqualTo(challenges);
    }

    @Test
    void theAddressIsNormalisedAndOnlyClaimedUntilConfirmed() {
        String email = Journeys.uniqueEmail("case");
        Journeys.signUp(new Browser(), new Authenticator(), email.toUpperCase(java.util.Locale.ROOT));
        assertThat(Database.count("select count(*) from idn_account where pending_email = ? and email is null", email))
                .isOne();
        // A second claim on the same address is answered like any sign-up: it reserves nothing.
        Journeys.signUp(new Browser(), new Authenticator(), "  " + email + " ");
        assertThat(Database.count("select count(*) from idn_account where pending_email = ?", email)).isEqualTo(2);
    }

    @Test
    void anAbandonedSignUpDoesNotBlockARetry() {
        String email = Journeys.uniqueEmail("abandon");
        Browser browser = new Browser();
        Journeys.signUpOptions(browser, email, "First Try");
        assertThat(Database.count("select count(*) from idn_account where pending_email = ?", email)).isZero();

        Journeys.signUp(browser, new Authenticator(), email);
        assertThat(Database.count("select count(*) from idn_account where pending_email = ?", email)).isOne();
    }

    @Test
    void theFormWithoutScriptKeepsNonAsciiInputIntact() {
        Browser browser = new Browser();
        browser.get("/signup");
        HttpResponse<String> page = browser.postForm("/signup", "email=j%C3%BCrgen%40example.com&displayName=J%C3%BCrgen+M%C3%BCller");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"Jürgen Müller\"").contains("needs JavaScript");
    }

    @Test
    void accountPageNeedsASignedInSession() {
        HttpResponse<String> page = new Browser().get("/account/security");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/signin");
    }
}
