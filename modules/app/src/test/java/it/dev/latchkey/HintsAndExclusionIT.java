package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webauthn4j.test.authenticator.webauthn.exception.InvalidStateException;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * WebAuthn Level 3 options on the default server (no registration policy): the hints of each
 * choice the pages offer, and {@code excludeCredentials} on every create.
 */
class HintsAndExclusionIT {

    @Test
    void signInWithoutAChoiceHasNoHints() {
        JsonNode options = Authenticator.parse(Journeys.signInOptions(new Browser(), "modal"));
        assertThat(options.get("hints")).isEmpty();
        assertThat(options.get("allowCredentials")).as("the page names no account").isEmpty();
    }

    @ParameterizedTest(name = "sign-in \"{0}\" asks for {0}")
    @ValueSource(strings = {"hybrid", "security-key"})
    void signInOnAnotherDeviceAsksForThatDevice(String hint) {
        HttpResponse<String> options = new Browser().postJson("/api/signin/options",
                "{\"mediation\":\"modal\",\"hint\":\"" + hint + "\"}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        assertThat(Authenticator.parse(options.body()).get("hints")).extracting(JsonNode::stringValue).containsExactly(hint);
    }

    @ParameterizedTest(name = "sign-in hint {0} is refused")
    @ValueSource(strings = {"\"client-device\"", "\"usb\"", "42", "[\"hybrid\"]"})
    void aHintThePageNeverSendsIsA400(String hint) {
        Browser browser = new Browser();
        long challenges = Database.tableSize("cred_challenge");
        HttpResponse<String> options = browser.postJson("/api/signin/options", "{\"mediation\":\"modal\",\"hint\":" + hint + "}");
        assertThat(options.statusCode()).isEqualTo(400);
        assertThat(Authenticator.parse(options.body()).get("error").stringValue()).isNotBlank();
        assertThat(Database.tableSize("cred_challenge")).as("no challenge issued").isLessThanOrEqualTo(challenges);
    }

    @ParameterizedTest(name = "add a passkey {0}: hint {0}, attachment {1}")
    @CsvSource({"client-device, platform", "hybrid, cross-platform", "security-key, cross-platform"})
    void eachPlaceToAddAPasskeyAsksForThatPlace(String hint, String attachment) {
        Browser browser = new Browser();
        Journeys.signUp(browser, new Authenticator(), Journeys.uniqueEmail("hint"));
        HttpResponse<String> options = browser.postJson("/api/account/passkeys/options", "{\"hint\":\"" + hint + "\"}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode o = Authenticator.parse(options.body());
        assertThat(o.get("hints")).extracting(JsonNode::stringValue).containsExactly(hint);
        assertThat(o.get("authenticatorSelection").get("authenticatorAttachment").stringValue()).isEqualTo(attachment);
        assertThat(o.get("attestation").stringValue()).isEqualTo("none");
    }

    @Test
    void theAddPasskeyPageOffersEveryPlaceByDefault() {
        Browser browser = new Browser();
        Journeys.signUp(browser, new Authenticator(), Journeys.uniqueEmail("places"));
        String page = browser.get("/account/passkeys/new").body();
        assertThat(page).contains("data-hint=\"client-device\">On this device")
                .contains("data-hint=\"hybrid\">On a phone or tablet")
                .contains("data-hint=\"security-key\">On a security key");
        HttpResponse<String> plain = browser.postJson("/api/account/passkeys/options", "{}");
        JsonNode o = Authenticator.parse(plain.body());
        assertThat(o.get("hints")).isEmpty();
        assertThat(o.get("authenticatorSelection").has("authenticatorAttachment")).as("any authenticator").isFalse();
        assertThat(browser.postJson("/api/account/passkeys/options", "{\"hint\":\"nfc\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void everyCreateExcludesEveryPasskeyTheAccountHolds() {
        Browser browser = new Browser();
        AttestingAuthenticator laptop = new AttestingAuthenticator(Browser.BASE_URL, UUID.randomUUID()).platform()
                .attestation(AttestingAuthenticator.Attestation.NONE);
        String email = Journeys.uniqueEmail("exclude");
        JsonNode signUp = Authenticator.parse(Journeys.signUpOptions(browser, email, "Exclude Tester"));
        assertThat(signUp.get("excludeCredentials")).as("a new account has nothing to exclude").isEmpty();
        String first = laptop.create(signUp.toString());
        assertThat(browser.postJson("/api/signup/finish", Journeys.finishBody(first)).statusCode()).isEqualTo(200);

        Set<String> held = new HashSet<>(Set.of(Authenticator.parse(first).get("id").stringValue()));
        for (String hint : new String[] {"security-key", "hybrid", "client-device"}) {
            HttpResponse<String> options = browser.postJson("/api/account/passkeys/options", "{\"hint\":\"" + hint + "\"}");
            assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
            JsonNode excluded = Authenticator.parse(options.body()).get("excludeCredentials");
            Set<String> ids = new HashSet<>();
            excluded.forEach(d -> {
                ids.add(d.get("id").stringValue());
                assertThat(d.get("type").stringValue()).isEqualTo("public-key");
            });
            assertThat(ids).as("every passkey of the account, and only those").isEqualTo(held);
            assertThat(excluded.get(0).get("transports")).extracting(JsonNode::stringValue)
                    .as("with the transports the browser reported").containsExactly("hybrid", "internal");

            // The laptop already holds one of them: a real authenticator refuses (InvalidStateError).
            String optionsBody = options.body();
            assertThatThrownBy(() -> laptop.create(optionsBody)).isInstanceOf(InvalidStateException.class);

            String added = new Authenticator().create(optionsBody);
            assertThat(browser.postJson("/api/account/passkeys/finish", Journeys.finishBody(added)).statusCode())
                    .isEqualTo(200);
            held.add(Authenticator.parse(added).get("id").stringValue());
        }
        assertThat(Database.count("select count(*) from cred_passkey p join idn_account a on a.id = p.account_id"
                + " where a.pending_email = ? or a.email = ?", email, email)).isEqualTo(4);
    }
}
