package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Adding a passkey is a sensitive action: it needs a recent passkey re-authentication when the
 * account has a passkey, so an email code alone can never add an attacker's passkey.
 */
class StepUpAndAddPasskeyIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    @Test
    void rightAfterAPasskeySignInASecondPasskeyCanBeAddedAndTheFirstIsExcluded() {
        Browser browser = new Browser();
        Authenticator laptop = new Authenticator();
        String email = Journeys.uniqueEmail("add");
        Journeys.signUp(browser, laptop, email);

        HttpResponse<String> options = browser.postJson("/api/account/passkeys/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode excluded = Authenticator.parse(options.body()).get("excludeCredentials");
        assertThat(excluded).hasSize(1);
        String firstId = excluded.get(0).get("id").stringValue();
        assertThat(Database.count("select count(*) from cred_passkey where credential_id = ?", Authenticator.unb64(firstId)))
                .isOne();

        Authenticator phone = new Authenticator();
        HttpResponse<String> added = browser.postJson("/api/account/passkeys/finish",
                Journeys.finishBody(phone.create(options.body())));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(browser.get("/account/security?passkeyAdded").body()).contains("Your new passkey is ready.");

        Browser elsewhere = new Browser();
        assertThat(Journeys.signIn(elsewhere, phone.get(Journeys.signInOptions(elsewhere, "modal"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anOlderSessionMustStepUpWithAPasskeyFirst() {
        Browser browser = new Browser();
        Authenticator laptop = new Authenticator();
        String email = Journeys.uniqueEmail("stale");
        Journeys.signUp(browser, laptop, email);
        ageAuthentication(email, 6);

        HttpResponse<String> refused = browser.postJson("/api/account/passkeys/options", "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("STEP_UP_REQUIRED");
        assertThat(browser.get("/account/passkeys/new").headers().firstValue("Location").orElseThrow())
                .contains("/account/step-up");

        stepUp(browser, laptop);
        assertThat(browser.postJson("/api/account/passkeys/options", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void anEmailCodeSignInCannotAddAPasskeyToAnAccountThatHasOne() throws Exception {
        String email = Journeys.uniqueEmail("takeover");
        Authenticator owners = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, new Browser(), owners, email);

        // Someone with access to the mailbox signs in by code on their own computer.
        Browser intruder = new Browser();
        intruder.get("/signin");
        intruder.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        String code = Mailbox.code(Mailbox.await(SMTP, email, "sign-in code"));
        assertThat(intruder.postForm("/signin/code", "code=" + code).statusCode()).isEqualTo(302);
        assertThat(intruder.signedIn()).isTrue();

        HttpResponse<String> refused = intruder.postJson("/api/account/passkeys/options", "{}");
        assertThat(refused.statusCode()).as("an email code is not enough for an account with a passkey").isEqualTo(403);
        // Their own passkey cannot step up: only the account's passkeys count.
        Authenticator intrudersKey = new Authenticator();
        intrudersKey.create(Journeys.signUpOptions(new Browser(), Journeys.uniqueEmail("decoy"), "Decoy"));
        HttpResponse<String> options = intruder.postJson("/api/account/stepup/options", "{}");
        HttpResponse<String> forged = intruder.postJson("/api/account/stepup/finish",
                Journeys.finishBody(intrudersKey.get(options.body())));
        assertThat(forged.statusCode()).isBetween(400, 499);
        assertThat(intruder.postJson("/api/account/passkeys/options", "{}").statusCode()).isEqualTo(403);

        // The owner, with the account's passkey, can.
        stepUp(intruder, owners);
        assertThat(intruder.postJson("/api/account/passkeys/options", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedOutBrowserGetsA401() {
        Browser browser = new Browser();
        browser.get("/signin");
        assertThat(browser.postJson("/api/account/passkeys/options", "{}").statusCode()).isEqualTo(401);
    }

    private static void stepUp(Browser browser, Authenticator authenticator) {
        HttpResponse<String> options = browser.postJson("/api/account/stepup/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        assertThat(Authenticator.parse(options.body()).get("userVerification").stringValue()).isEqualTo("required");
        HttpResponse<String> finished = browser.postJson("/api/account/stepup/finish",
                Journeys.finishBody(authenticator.get(options.body())));
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
    }

    private static void ageAuthentication(String email, int minutes) {
        Database.execute("update idn_session set authenticated_at = current_timestamp - interval '" + minutes
                + "' minute where account_id = (select id from idn_account where pending_email = ? or email = ?)",
                email, email);
    }
}
