package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The purge jobs delete rows that ended longer ago than their retention (the test server purges
 * every 2 s with the default retentions) and leave live rows alone: codes, sessions, mail,
 * client-address throttles, pending ceremonies and passkeys, handoffs.
 */
class PurgeIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final String ACCOUNT_OF = "(select id from idn_account where pending_email = ? or email = ?)";

    @Test
    void rowsThatEndedLongAgoArePurgedAndLiveOnesKept() throws Exception {
        String oldCode = Journeys.uniqueEmail("purge-old-code");
        String liveCode = Journeys.uniqueEmail("purge-live-code");
        askForCode(oldCode);
        askForCode(liveCode);
        String ended = Journeys.uniqueEmail("purge-ended");
        String active = Journeys.uniqueEmail("purge-active");
        Journeys.signUp(new Browser(), new Authenticator(), ended);
        Browser activeBrowser = new Browser();
        Journeys.signUp(activeBrowser, new Authenticator(), active);
        Mailbox.await(SMTP, ended, "Confirm your email address");
        Mailbox.await(SMTP, active, "Confirm your email address");
        awaitCount(0, "select count(*) from idn_mail_outbox where recipient in (?, ?) and sent_at is null", ended, active);

        // Age what time would have aged (40 days: beyond every default retention).
        Database.execute("update idn_email_code set created_at = created_at - interval '40' day,"
                + " expires_at = expires_at - interval '40' day where email = ?", oldCode);
        Database.execute("update idn_session set created_at = created_at - interval '40' day,"
                + " expires_at = current_timestamp - interval '40' day where account_id = " + ACCOUNT_OF, ended, ended);
        Database.execute("update idn_mail_outbox set created_at = created_at - interval '40' day,"
                + " sent_at = sent_at - interval '40' day where recipient = ?", ended);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String oldClient = "EMAIL_CODE:client:purge-old-" + tag;
        String liveClient = "EMAIL_CODE:client:purge-live-" + tag;
        String oldAddress = "EMAIL_CODE:email:purge-old-" + tag + "@example.com";
        Database.execute("insert into idn_throttle (throttle_key, failures, last_failure_at)"
                + " values (?, 60, current_timestamp - interval '40' day)", oldClient);
        Database.execute("insert into idn_throttle (throttle_key, failures, last_failure_at)"
                + " values (?, 60, current_timestamp)", liveClient);
        Database.execute("insert into idn_throttle (throttle_key, failures, last_failure_at)"
                + " values (?, 7, current_timestamp - interval '40' day)", oldAddress);
        UUID oldChallenge = challenge("- interval '40' day");
        UUID liveChallenge = challenge("+ interval '5' minute");
        UUID oldPending = pendingPasskey("- interval '40' day");
        UUID livePending = pendingPasskey("+ interval '5' minute");
        UUID oldHandoff = handoff("- interval '40' day");
        UUID liveHandoff = handoff("+ interval '5' minute");

        awaitCount(0, "select count(*) from idn_email_code where email = ?", oldCode);
        awaitCount(0, "select count(*) from idn_session where account_id = " + ACCOUNT_OF, ended, ended);
        awaitCount(0, "select count(*) from idn_mail_outbox where recipient = ?", ended);
        awaitCount(0, "select count(*) from idn_throttle where throttle_key = ?", oldClient);
        awaitCount(0, "select count(*) from cred_challenge where id = ?", oldChallenge);
        awaitCount(0, "select count(*) from cred_pending_passkey where id = ?", oldPending);
        awaitCount(0, "select count(*) from ndg_handoff where id = ?", oldHandoff);

        assertThat(Database.count("select count(*) from idn_email_code where email = ?", liveCode)).isOne();
        assertThat(activeBrowser.signedIn()).isTrue();
        assertThat(Database.count("select count(*) from idn_mail_outbox where recipient = ?", active)).isOne();
        assertThat(Database.count("select count(*) from idn_throttle where throttle_key = ?", liveClient)).isOne();
        assertThat(Database.count("select count(*) from idn_throttle where throttle_key = ?", oldAddress))
                .as("an address's run of failures is never forgotten, only ended by a success or a lift").isOne();
        assertThat(Database.count("select count(*) from cred_challenge where id = ?", liveChallenge)).isOne();
        assertThat(Database.count("select count(*) from cred_pending_passkey where id = ?", livePending)).isOne();
        assertThat(Database.count("select count(*) from ndg_handoff where id = ?", liveHandoff)).isOne();
        Database.execute("delete from idn_throttle where throttle_key in (?, ?)", liveClient, oldAddress);
        Database.execute("update idn_email_code set created_at = created_at - interval '2' hour where email = ?",
                liveCode);
    }

    private static void askForCode(String email) {
        Browser browser = new Browser();
        browser.get("/signin");
        assertThat(browser.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(302);
    }

    private static UUID challenge(String expiry) {
        UUID id = UUID.randomUUID();
        Database.execute("insert into cred_challenge (id, challenge, purpose, mediation, binding_hash, client_address,"
                + " created_at, expires_at) values (?, ?, 'AUTHENTICATION', 'MODAL', ?, 'purge-test',"
                + " current_timestamp, current_timestamp " + expiry + ")", id, bytes(id), bytes(id));
        return id;
    }

    private static UUID pendingPasskey(String expiry) {
        UUID id = UUID.randomUUID();
        Database.execute("insert into cred_pending_passkey (id, account_id, credential_id, public_key, sign_count,"
                + " aaguid, transports, backup_eligible, backup_state, user_verified, attestation_format,"
                + " created_at, expires_at) values (?, ?, ?, ?, 0, ?, 'internal', false, false, true, 'none',"
                + " current_timestamp, current_timestamp " + expiry + ")", id, UUID.randomUUID(), bytes(id), bytes(id),
                new UUID(0, 0));
        return id;
    }

    private static UUID handoff(String expiry) {
        UUID id = UUID.randomUUID();
        Database.execute("insert into ndg_handoff (id, account_id, session_id, token_hash, state, code_attempts,"
                + " created_at, expires_at) values (?, ?, ?, ?, 'OPEN', 0, current_timestamp,"
                + " current_timestamp " + expiry + ")", id, UUID.randomUUID(), UUID.randomUUID(), bytes(id));
        return id;
    }

    private static byte[] bytes(UUID id) {
        return id.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void awaitCount(long expected, String sql, Object... params) throws InterruptedException {
        long seen = -1;
        for (int i = 0; i < 600; i++) {
            seen = Database.count(sql, params);
            if (seen == expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + expected + " but found " + seen + ": " + sql);
    }
}
