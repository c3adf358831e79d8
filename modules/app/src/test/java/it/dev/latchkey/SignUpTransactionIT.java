package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sign-up writes identity's account and credentials' passkey in one transaction. Here the passkey
 * insert fails after the account insert (the credential id is already registered to someone
 * else), and the account must vanish with it.
 */
class SignUpTransactionIT {

    @Test
    void aFailureAfterTheAccountInsertLeavesNothingBehind() {
        // Alice registers a passkey. Her attestation (format "none") carries no signature over
        // the client data, so its attestation object can be re-sent with another challenge.
        Browser alice = new Browser();
        String aliceOptions = Journeys.signUpOptions(alice, Journeys.uniqueEmail("alice"), "Alice");
        String aliceCredential = new Authenticator().create(aliceOptions);
        assertThat(alice.postJson("/api/signup/finish", Journeys.finishBody(aliceCredential)).statusCode()).isEqualTo(200);

        // Mallory signs up with a fresh address but presents Alice's credential id and key.
        Browser mallory = new Browser();
        String malloryEmail = Journeys.uniqueEmail("mallory");
        String malloryOptions = Journeys.signUpOptions(mallory, malloryEmail, "Mallory");
        ObjectNode forged = Authenticator.parse(aliceCredential);
        ObjectNode response = (ObjectNode) forged.get("response");
        ObjectNode clientData = Authenticator.parse(new String(Authenticator.unb64(response.get("clientDataJSON").stringValue())));
        clientData.put("challenge", Authenticator.parse(malloryOptions).get("challenge").stringValue());
        response.put("clientDataJSON", Authenticator.b64(clientData.toString().getBytes()));

        long accounts = Database.tableSize("idn_account");
        long passkeys = Database.tableSize("cred_passkey");
        long accountEvents = Database.tableSize("idn_event");
        HttpResponse<String> finish = mallory.postJson("/api/signup/finish", Journeys.finishBody(forged.toString()));

        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(409);
        assertThat(finish.body()).contains("ALREADY_REGISTERED");
        assertThat(Database.count("select count(*) from idn_account where pending_email = ?", malloryEmail))
                .as("the account inserted before the failing passkey insert is rolled back").isZero();
        assertThat(Database.tableSize("idn_account")).isEqualTo(accounts);
        assertThat(Database.tableSize("cred_passkey")).isEqualTo(passkeys);
        assertThat(Database.tableSize("idn_event")).as("no ACCOUNT_CREATED event survives").isEqualTo(accountEvents);
        assertThat(mallory.signedIn()).isFalse();

        // Nothing blocks the real owner of that address from signing up afterwards.
        Journeys.signUp(new Browser(), new Authenticator(), malloryEmail);
    }
}
