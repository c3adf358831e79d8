package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.latchkey.AttestingAuthenticator.Attestation;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The registration policy, enforced: against {@link PolicyServer} (direct attestation to a
 * configured test root, user verification required, cross-platform only, no synced passkeys, an
 * AAGUID allow and deny list, a cap of three). Every refusal is a 403 with a reason code and a
 * sentence for the user, and leaves neither a passkey nor an account behind.
 */
class RegistrationPolicyIT {

    @Test
    void theOptionsAskForWhatThePolicyDemands() {
        JsonNode options = Authenticator.parse(signUpOptions(new PolicyServer.Client(), Journeys.uniqueEmail("opts")));
        assertThat(options.get("attestation").stringValue()).isEqualTo("direct");
        JsonNode selection = options.get("authenticatorSelection");
        assertThat(selection.get("userVerification").stringValue()).isEqualTo("required");
        assertThat(selection.get("authenticatorAttachment").stringValue()).isEqualTo("cross-platform");
        assertThat(options.get("hints")).extracting(JsonNode::stringValue).containsExactly("security-key", "hybrid");
    }

    @Test
    void anApprovedSecurityKeyIsAcceptedAndSignsIn() {
        PolicyServer.Client browser = new PolicyServer.Client();
        String email = Journeys.uniqueEmail("approved");
        AttestingAuthenticator key = new AttestingAuthenticator(PolicyServer.BASE_URL, PolicyServer.APPROVED_KEY);
        String credential = key.create(signUpOptions(browser, email));
        HttpResponse<String> finish = browser.postJson("/api/signup/finish", Journeys.finishBody(credential));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);
        assertThat(passkeysWithId(credential)).isOne();
        assertThat(PolicyServer.count("select count(*) from cred_passkey where credential_id = ? and aaguid = ?",
                credentialId(credential), PolicyServer.APPROVED_KEY)).isOne();

        PolicyServer.Client elsewhere = new PolicyServer.Client();
        HttpResponse<String> options = elsewhere.postJson("/api/signin/options", "{\"mediation\":\"modal\"}");
        HttpResponse<String> signedIn = elsewhere.postJson("/api/signin/finish",
                Journeys.finishBody(key.get(options.body())));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("no attestation (none)", k -> k.attestation(Attestation.NONE),
                        "ATTESTATION_NOT_TRUSTED", "could not prove it is one"),
                refusal("self attestation", k -> k.attestation(Attestation.SELF),
                        "ATTESTATION_NOT_TRUSTED", "could not prove it is one"),
                refusal("attestation under an untrusted root", k -> k.attestation(Attestation.UNTRUSTED_ROOT),
                        "ATTESTATION_NOT_TRUSTED", "could not prove it is one"),
                refusal("a passkey saved on the computer", AttestingAuthenticator::platform,
                        "ATTACHMENT_NOT_ALLOWED", "only accepts security keys and passkeys on a phone"),
                refusal("a synced passkey", AttestingAuthenticator::synced,
                        "SYNCED_NOT_ALLOWED", "only accepts passkeys that stay on one device"),
                refusal("no user verification", AttestingAuthenticator::withoutUserVerification,
                        "USER_VERIFICATION_REQUIRED", "with a fingerprint, your face or a PIN"),
                refusal("a model not on the allow list", k -> new AttestingAuthenticator(PolicyServer.BASE_URL,
                        PolicyServer.UNLISTED_KEY), "AUTHENTICATOR_NOT_ALLOWED", "only accepts certain security keys"),
                refusal("a model on the deny list", k -> new AttestingAuthenticator(PolicyServer.BASE_URL,
                        PolicyServer.RECALLED_KEY), "AUTHENTICATOR_DENIED", "does not accept this kind of security key"));
    }

    private static Arguments refusal(String what, UnaryOperator<AttestingAuthenticator> key, String reason, String words) {
        return Arguments.of(what, key, reason, words);
    }

    @ParameterizedTest(name = "sign-up with {0} is refused")
    @MethodSource("refusals")
    void aSignUpThePolicyRefusesIsExplainedAndStoresNothing(String what, UnaryOperator<AttestingAuthenticator> kind,
                                                           String reason, String words) {
        PolicyServer.Client browser = new PolicyServer.Client();
        String email = Journeys.uniqueEmail("refused");
        AttestingAuthenticator key = kind.apply(new AttestingAuthenticator(PolicyServer.BASE_URL, PolicyServer.APPROVED_KEY));
        String credential = key.create(signUpOptions(browser, email));

        HttpResponse<String> finish = browser.postJson("/api/signup/finish", Journeys.finishBody(credential));

        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(403);
        JsonNode problem = Authenticator.parse(finish.body());
        assertThat(problem.get("reason").stringValue()).isEqualTo(reason);
        assertThat(problem.get("error").stringValue()).startsWith("This organisation").contains(words);
        assertThat(passkeysWithId(credential)).as("no passkey stored").isZero();
        assertThat(PolicyServer.count("select count(*) from idn_account where pending_email = ? or email = ?", email, email))
                .as("no account created").isZero();
        assertThat(browser.get("/account/security").statusCode()).as("not signed in").isNotEqualTo(200);
    }

    @Test
    void addingAPasskeyFollowsThePolicyToo() {
        PolicyServer.Client browser = new PolicyServer.Client();
        UUID account = signUpWithApprovedKey(browser, Journeys.uniqueEmail("add-policy"));

        String page = browser.get("/account/passkeys/new").body();
        assertThat(page).contains("On a phone or tablet").contains("On a security key")
                .as("this organisation takes no passkey saved on the computer").doesNotContain("On this device");

        HttpResponse<String> onDevice = browser.postJson("/api/account/passkeys/options", "{\"hint\":\"client-device\"}");
        assertThat(onDevice.statusCode()).as(onDevice.body()).isEqualTo(403);
        assertThat(onDevice.body()).contains("ATTACHMENT_NOT_ALLOWED").contains("This organisation only accepts security keys");

        HttpResponse<String> options = browser.postJson("/api/account/passkeys/options", "{\"hint\":\"security-key\"}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        assertThat(Authenticator.parse(options.body()).get("hints")).extracting(JsonNode::stringValue)
                .containsExactly("security-key");
        String synced = new AttestingAuthenticator(PolicyServer.BASE_URL, PolicyServer.APPROVED_KEY).synced()
                .create(options.body());
        HttpResponse<String> refused = browser.postJson("/api/account/passkeys/finish", Journeys.finishBody(synced));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("SYNCED_NOT_ALLOWED");
        assertThat(PolicyServer.count("select count(*) from cred_passkey where account_id = ?", account)).isOne();
    }

    @Test
    void theCapIsTheConfiguredOneAndIsExplained() {
        PolicyServer.Client browser = new PolicyServer.Client();
        UUID account = signUpWithApprovedKey(browser, Journeys.uniqueEmail("cap"));
        Set<String> held = new HashSet<>(credentialIdsOf(account));

        // Two more, up to the cap of three; each time every passkey held so far is excluded.
        String raceOptions = null;
        for (int i = 0; i < PolicyServer.PASSKEY_CAP - 1; i++) {
            HttpResponse<String> options = browser.postJson("/api/account/passkeys/options", "{\"hint\":\"security-key\"}");
            assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
            assertThat(excluded(options.body())).isEqualTo(held);
            if (i == PolicyServer.PASSKEY_CAP - 2) {
                // A second tab asks for options at the same time, while the account is still below the cap.
                raceOptions = browser.postJson("/api/account/passkeys/options", "{}").body();
            }
            String credential = new AttestingAuthenticator(PolicyServer.BASE_URL, PolicyServer.APPROVED_KEY)
                    .create(options.body());
            HttpResponse<String> added = browser.postJson("/api/account/passkeys/finish", Journeys.finishBody(credential));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            held.add(Authenticator.parse(credential).get("id").stringValue());
        }
        assertThat(credentialIdsOf(account)).hasSize(PolicyServer.PASSKEY_CAP);

        HttpResponse<String> full = browser.postJson("/api/account/passkeys/options", "{}");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(Authenticator.parse(full.body()).get("reason").stringValue()).isEqualTo("TOO_MANY_PASSKEYS");
        assertThat(Authenticator.parse(full.body()).get("error").stringValue())
                .isEqualTo("Your account already has 3 passkeys, the most it can hold. Remove one you no longer use"
                        + " before adding another.");

        String late = new AttestingAuthenticator(PolicyServer.BASE_URL, PolicyServer.APPROVED_KEY).create(raceOptions);
        HttpResponse<String> lateFinish = browser.postJson("/api/account/passkeys/finish", Journeys.finishBody(late));
        assertThat(lateFinish.statusCode()).as(lateFinish.body()).isEqualTo(409);
        assertThat(lateFinish.body()).contains("TOO_MANY_PASSKEYS");
        assertThat(credentialIdsOf(account)).hasSize(PolicyServer.PASSKEY_CAP);
    }

    private static UUID signUpWithApprovedKey(PolicyServer.Client browser, String email) {
        String credential = new AttestingAuthenticator(PolicyServer.BASE_URL, PolicyServer.APPROVED_KEY)
                .create(signUpOptions(browser, email));
        HttpResponse<String> finish = browser.postJson("/api/signup/finish", Journeys.finishBody(credential));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);
        return accountOf(credential);
    }

    private static String signUpOptions(PolicyServer.Client browser, String email) {
        HttpResponse<String> options = browser.postJson("/api/signup/options",
                Authenticator.JSON.createObjectNode().put("email", email).put("displayName", "Policy Tester").toString());
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        return options.body();
    }

    private static long passkeysWithId(String credentialJson) {
        return PolicyServer.count("select count(*) from cred_passkey where credential_id = ?", credentialId(credentialJson));
    }

    private static byte[] credentialId(String credentialJson) {
        return Authenticator.unb64(Authenticator.parse(credentialJson).get("id").stringValue());
    }

    private static UUID accountOf(String credentialJson) {
        return (UUID) PolicyServer.values("select account_id from cred_passkey where credential_id = ?",
                credentialId(credentialJson)).get(0);
    }

    private static Set<String> credentialIdsOf(UUID account) {
        Set<String> ids = new HashSet<>();
        PolicyServer.values("select credential_id from cred_passkey where account_id = ?", account)
                .forEach(id -> ids.add(Authenticator.b64((byte[]) id)));
        return ids;
    }

    private static Set<String> excluded(String optionsJson) {
        Set<String> ids = new HashSet<>();
        Authenticator.parse(optionsJson).get("excludeCredentials").forEach(d -> ids.add(d.get("id").stringValue()));
        return ids;
    }
}
