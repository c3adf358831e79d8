package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Step-up is a type: every sensitive operation takes identity's StepUpProof, so a session whose last
 * re-authentication is older than five minutes (a borrowed laptop, a stolen cookie) changes nothing.
 * Each request here is refused towards "Confirm it's you", and the database shows nothing happened.
 */
class StepUpProofIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final String ACCOUNT = "(select id from idn_account where email = ?)";

    @Test
    void aStaleSessionRemovesNoPasswordChangesNoAddressIssuesNoLinkAndAddsNoPasskey() throws Exception {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("stale");
        Mailbox.signUpConfirmed(SMTP, browser, new Authenticator(), email);
        assertThat(browser.postForm("/account/password", "newPassword=correct+horse+battery+staple").statusCode())
                .isEqualTo(302);
        assertThat(Database.count("select count(*) from idn_password where account_id = " + ACCOUNT, email)).isOne();

        Database.execute("update idn_session set authenticated_at = current_timestamp - interval '10' minute"
                + " where account_id = " + ACCOUNT, email);

        assertRefusedToStepUp(browser.postForm("/account/password/remove", ""));
        assertThat(Database.count("select count(*) from idn_password where account_id = " + ACCOUNT, email))
                .as("the password stays").isOne();

        assertRefusedToStepUp(browser.postForm("/account/email", "newEmail=" + Journeys.uniqueEmail("taker")));
        assertThat(Database.count("select count(*) from idn_event where type = 'EMAIL_CHANGE_REQUESTED'"
                + " and account_id = " + ACCOUNT, email)).as("no code went to a new address").isZero();

        assertRefusedToStepUp(browser.postForm("/account/handoff", ""));
        assertThat(Database.count("select count(*) from ndg_handoff where account_id = " + ACCOUNT, email))
                .as("no link for another device").isZero();

        HttpResponse<String> options = browser.postJson("/api/account/passkeys/options", "{}");
        assertThat(options.statusCode()).isEqualTo(403);
        assertThat(options.body()).contains("STEP_UP_REQUIRED");
        // A finish without options: refused on the proof, before the body is even read.
        HttpResponse<String> finish = browser.postJson("/api/account/passkeys/finish",
                Journeys.finishBody("{\"id\":\"AAAA\",\"type\":\"public-key\"}"));
        assertThat(finish.statusCode()).isEqualTo(403);
        assertThat(Database.count("select count(*) from cred_passkey where account_id = " + ACCOUNT, email))
                .as("still only the sign-up passkey").isOne();
    }

    private static void assertRefusedToStepUp(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/account/step-up?next=");
    }
}
