package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database, as behind a load balancer: the build's main server and a
 * second node this test starts. Ceremonies begun on the second node are finished on the first after
 * the second was killed outright (SIGKILL, no shutdown): pending WebAuthn ceremonies live in the
 * database, so nothing a user had started is lost with the node.
 */
class NodeCrashIT {

    private static LibertyInstance doomed;

    @BeforeAll
    static void startSecondNode() throws Exception {
        assumeTrue(LibertyInstance.postgres(), "NodeCrashIT skipped: " + LibertyInstance.SKIP_MESSAGE);
        doomed = new LibertyInstance("latchkey-it-crash", LibertyInstance.extraPort(2),
                Integer.parseInt(LibertyInstance.env("PG_PORT", "5432")), Browser.BASE_URL).start();
        doomed.awaitStatus("/health/ready", 200, Duration.ofSeconds(600));
    }

    @AfterAll
    static void stop() throws Exception {
        if (doomed != null) {
            doomed.close();
        }
    }

    @Test
    void ceremoniesStartedOnANodeThatIsKilledFinishOnTheOtherNode() throws Exception {
        // An existing account with a passkey, to sign in with.
        Authenticator existingKey = new Authenticator();
        String existing = Journeys.uniqueEmail("crash-existing");
        Journeys.signUp(new Browser(), existingKey, existing);

        // Two browsers start ceremonies on the second node: a sign-up and a sign-in.
        Browser newcomer = new Browser();
        Authenticator newKey = new Authenticator();
        String email = Journeys.uniqueEmail("crash-new");
        String signUpOptions = Journeys.signUpOptions(newcomer.viaNode(doomed.baseUrl()), email, "Crash Test");
        Browser returning = new Browser();
        String signInOptions = Journeys.signInOptions(returning.viaNode(doomed.baseUrl()), "modal");

        doomed.kill();
        assertThatThrownBy(() -> newcomer.viaNode(doomed.baseUrl()).get("/signin"))
                .as("the second node is gone").isInstanceOf(IllegalStateException.class);

        // The load balancer sends the same browsers to the surviving node.
        HttpResponse<String> signedUp = newcomer.postJson("/api/signup/finish",
                Journeys.finishBody(newKey.create(signUpOptions)));
        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(200);
        assertThat(signedUp.body()).contains("/account/confirm-email");
        assertThat(newcomer.get("/account/security").body()).contains(email);

        HttpResponse<String> signedIn = Journeys.signIn(returning, existingKey.get(signInOptions));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(returning.get("/account/security").body()).contains(existing);

        // Nothing lost, nothing doubled: one account and one passkey for the newcomer, whose passkey
        // signs in on the surviving node.
        // (Until the address is confirmed by its code, it is the account's pending address.)
        assertThat(Database.count("select count(*) from idn_account where email = ? or pending_email = ?", email, email))
                .isEqualTo(1);
        assertThat(Database.count("select count(*) from cred_passkey where account_id ="
                + " (select id from idn_account where email = ? or pending_email = ?)", email, email)).isEqualTo(1);
        Browser later = new Browser();
        HttpResponse<String> again = Journeys.signIn(later, newKey.get(Journeys.signInOptions(later, "modal")));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(later.get("/account/security").body()).contains(email);
    }
}
