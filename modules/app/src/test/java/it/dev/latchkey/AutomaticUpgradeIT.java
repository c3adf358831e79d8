package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenario e, the automatic passkey upgrade, against the real server with webauthn4j-test's
 * emulator: after a password sign-in on a browser that reports {@code conditionalCreate}, the
 * server issues a conditional-create ceremony itself and accepts a user-presence flag of 0 for it,
 * and for nothing else. A password alone never adds a passkey to an account that has one.
 */
class AutomaticUpgradeIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final String PASSWORD = "a long passphrase for the upgrade test";
    private static final String ACCOUNT_OF = "(select id from idn_account where email = ? or pending_email = ?)";
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    @Test
    void aPasswordSignInOnACapableBrowserSavesAPasskeyWithoutUserPresenceAndWithoutAPrompt() throws Exception {
        String email = passwordOnlyAccount("upgrade");
        Browser laptop = new Browser();
        String location = passwordSignIn(laptop, email, true);
        assertThat(location).as("no interstitial").endsWith("/account/security");
        assertThat(Database.string("select reason from ndg_decision where account_id = " + ACCOUNT_OF
                + " and scenario = 'AUTOMATIC_UPGRADE'", email, email)).isEqualTo("CONDITIONAL_CREATE_AFTER_PASSWORD");
        String page = laptop.get("/account/security").body();
        assertThat(page).contains("id=\"auto-upgrade\"").contains("/static/js/upgrade.js");

        HttpResponse<String> options = laptop.postJson("/api/account/upgrade/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        byte[] challenge = Authenticator.unb64(Authenticator.parse(options.body()).get("challenge").stringValue());
        assertThat(Database.string("select mediation from cred_challenge where challenge = ?", (Object) challenge))
                .as("the server recorded the mediation when it issued the options").isEqualTo("CONDITIONAL");

        HttpResponse<String> saved = laptop.postJson("/api/account/upgrade/finish",
                Journeys.finishBody(withoutUserPresence(new Authenticator().create(options.body()))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(passkeys(email)).isOne();
        assertThat(Database.strings("select e.type from ndg_event e join ndg_decision d on d.id = e.decision_id"
                + " where d.scenario = 'AUTOMATIC_UPGRADE' and d.account_id = " + ACCOUNT_OF, email, email))
                .containsExactlyInAnyOrder("OFFERED", "COMPLETED");
        String after = laptop.get("/account/security").body();
        assertThat(after).containsPattern("Your passkeys work on:[\\s\\S]*Chrome on Linux[\\s\\S]*This device")
                .doesNotContain("id=\"auto-upgrade\"");
    }

    @Test
    void thePageReportsADeclinedUpgradeOnceAndNothingAfterIt() throws Exception {
        String email = passwordOnlyAccount("declined");
        Browser laptop = new Browser();
        passwordSignIn(laptop, email, true);
        assertThat(laptop.postJson("/api/account/upgrade/outcome", "{\"outcome\":\"maybe\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> declined = laptop.postJson("/api/account/upgrade/outcome", "{\"outcome\":\"declined\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(laptop.postJson("/api/account/upgrade/outcome", "{\"outcome\":\"failed\"}").statusCode())
                .as("the offer stands, its outcome is kept").isEqualTo(200);
        assertThat(Database.strings("select e.type from ndg_event e join ndg_decision d on d.id = e.decision_id"
                + " where d.scenario = 'AUTOMATIC_UPGRADE' and d.account_id = " + ACCOUNT_OF, email, email))
                .containsExactlyInAnyOrder("OFFERED", "DECLINED");
        // Without an offer there is nothing to report.
        assertThat(new Browser().postJson("/api/account/upgrade/outcome", "{\"outcome\":\"failed\"}").statusCode())
                .isBetween(400, 499);
    }

    @Test
    void aModalCeremonyRefusesAResponseWithoutUserPresence() {
        Browser laptop = new Browser();
        String email = Journeys.uniqueEmail("modal-up0");
        Journeys.signUp(laptop, new Authenticator(), email);
        HttpResponse<String> options = laptop.postJson("/api/account/passkeys/options", "{}");
        assertThat(options.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = laptop.postJson("/api/account/passkeys/finish",
                Journeys.finishBody(withoutUserPresence(new Authenticator().create(options.body()))));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("VERIFICATION_FAILED");
        assertThat(passkeys(email)).as("nothing stored").isOne();
    }

    @Test
    void anAccountWithAPasskeyGetsNoUpgradeFromAPasswordNotEvenARacedOne() throws Exception {
        // An account that has a passkey and a password: the password sign-in is not upgraded.
        String email = Journeys.uniqueEmail("has-passkey");
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);
        assertThat(owner.postForm("/account/password", "newPassword=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(302);
        Browser laptop = new Browser();
        passwordSignIn(laptop, email, true);
        assertThat(laptop.get("/account/security").body()).doesNotContain("id=\"auto-upgrade\"");
        HttpResponse<String> noOffer = laptop.postJson("/api/account/upgrade/options", "{}");
        assertThat(noOffer.statusCode()).isEqualTo(403);

        // A password-only account gets conditional options; then a passkey is added before they are
        // used. The conditional ceremony on an account that now has a passkey is refused.
        String other = passwordOnlyAccount("raced");
        Browser browser = new Browser();
        passwordSignIn(browser, other, true);
        HttpResponse<String> conditional = browser.postJson("/api/account/upgrade/options", "{}");
        assertThat(conditional.statusCode()).isEqualTo(200);
        HttpResponse<String> modal = browser.postJson("/api/account/passkeys/options", "{}");
        assertThat(browser.postJson("/api/account/passkeys/finish",
                Journeys.finishBody(new Authenticator().create(modal.body()))).statusCode()).isEqualTo(200);
        HttpResponse<String> raced = browser.postJson("/api/account/upgrade/finish",
                Journeys.finishBody(withoutUserPresence(new Authenticator().create(conditional.body()))));
        assertThat(raced.statusCode()).as(raced.body()).isBetween(400, 499);
        HttpResponse<String> sameCeremonyElsewhere = browser.postJson("/api/account/passkeys/finish",
                Journeys.finishBody(withoutUserPresence(new Authenticator().create(conditional.body()))));
        assertThat(sameCeremonyElsewhere.statusCode()).as("spent, and refused anyway").isBetween(400, 499);
        assertThat(passkeys(other)).as("only the modal one").isOne();
    }

    @Test
    void aBrowserThatDoesNotReportConditionalCreateGetsTheUsualPrompt() throws Exception {
        String email = passwordOnlyAccount("no-capability");
        Browser laptop = new Browser();
        String location = passwordSignIn(laptop, email, false);
        assertThat(location).contains("/nudge?d=");
        assertThat(laptop.get("/account/security").body()).doesNotContain("id=\"auto-upgrade\"");
        assertThat(laptop.postJson("/api/account/upgrade/options", "{}").statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ helpers

    /** A confirmed account with a password and no passkey (its sign-up passkey removed). */
    private static String passwordOnlyAccount(String prefix) throws Exception {
        String email = Journeys.uniqueEmail(prefix);
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);
        HttpResponse<String> set = owner.postForm("/account/password",
                "newPassword=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(302);
        Database.execute("delete from cred_passkey where account_id = " + ACCOUNT_OF, email, email);
        return email;
    }

    /** Signs in with the password form, as the page posts it (its script fills the capability fields). */
    private static String passwordSignIn(Browser browser, String email, boolean conditionalCreate) {
        browser.get("/signin");
        HttpResponse<String> r = browser.postForm("/signin/password", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&cap-platformAuthenticator=true&cap-conditionalCreate=" + conditionalCreate);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    /**
     * What an authenticator answers to a conditional create: the UP flag of the authenticator data
     * cleared (WebAuthn L3 §5.1.3). With "none" attestation nothing signs the authenticator data,
     * so clearing the bit yields a response a real client could send.
     */
    static String withoutUserPresence(String registrationJson) {
        ObjectNode json = Authenticator.parse(registrationJson);
        ObjectNode response = (ObjectNode) json.get("response");
        AttestationObjectConverter converter = new AttestationObjectConverter(CONVERTER);
        AttestationObject original = converter.convert(Authenticator.unb64(response.get("attestationObject").stringValue()));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = original.getAuthenticatorData();
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> absent = new AuthenticatorData<>(data.getRpIdHash(),
                (byte) (data.getFlags() & ~AuthenticatorData.BIT_UP), data.getSignCount(), data.getAttestedCredentialData(),
                data.getExtensions());
        assertThat(absent.isFlagUP()).isFalse();
        response.put("attestationObject", Authenticator.b64(converter.convertToBytes(
                new AttestationObject(absent, original.getAttestationStatement()))));
        return json.toString();
    }

    private static long passkeys(String email) {
        return Database.count("select count(*) from cred_passkey where account_id = " + ACCOUNT_OF, email, email);
    }
}
