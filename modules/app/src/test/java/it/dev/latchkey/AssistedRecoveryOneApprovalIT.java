package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Assisted recovery on the default path, one approval ({@code LATCHKEY_ASSISTED_RECOVERY_APPROVALS}
 * unset): on the second test server, whose admin {@link #ADMIN} invites a member, the admin alone
 * starts the recovery and the answer carries the link at once; the member's new phone creates one
 * passkey through it, gets no session, and the link is spent. No approval step is recorded.
 */
class AssistedRecoveryOneApprovalIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    /** Listed as the second server's admin (modules/app/pom.xml), so it signs up without an invitation. */
    static final String ADMIN = "admin@alt.example";

    private static final Pattern INVITATION = Pattern.compile("https?://\\S+/signup\\?invitation=([A-Za-z0-9_-]{43})");

    @Test
    void oneAgentAloneRecoversAnAccountWhenTheDeploymentAsksForOneApproval() throws Exception {
        Browser admin = AltServer.browser();
        Authenticator adminsPasskey = AltServer.authenticator();
        Mailbox.signUpConfirmed(SMTP, admin, adminsPasskey, ADMIN);
        StaffAccounts.stepUp(admin, adminsPasskey);

        // A member, invited by the admin (this server signs up by invitation).
        String email = Journeys.uniqueEmail("one-approval");
        HttpResponse<String> sent = admin.postForm("/operator/invitations",
                "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String mail = GreenMailUtil.getBody(Mailbox.await(SMTP, email, "invited"));
        Matcher invitation = INVITATION.matcher(mail.replace("=\r\n", "").replace("=3D", "="));
        assertThat(invitation.find()).as(mail).isTrue();
        Browser member = AltServer.browser();
        member.get("/signup?invitation=" + invitation.group(1));
        Mailbox.signUpConfirmed(SMTP, member, AltServer.authenticator(), email);
        String id = AltServer.rowsAsText("select cast(id as varchar(36)) as id from idn_account where email = ?", email)
                .strip().substring("id=".length());

        // One agent (here the admin), one step: the link is in the answer.
        StaffAccounts.stepUp(admin, adminsPasskey);
        HttpResponse<String> started = AssistedRecoveryIT.start(admin, id, "Lost phone at the branch", "PASSPORT", true);
        String token = AssistedRecoveryIT.token(started);
        assertThat(started.body()).doesNotContain("Waiting for a second agent");
        assertThat(AltServer.rowsAsText("select state from ins_assisted_recovery where account_id = cast(? as uuid)", id))
                .endsWith("=LINK_ISSUED\n");
        Mailbox.await(SMTP, email, "A recovery of your account was started");

        Browser phone = AltServer.browser();
        assertThat(phone.get("/recover/" + token).statusCode()).isEqualTo(200);
        HttpResponse<String> options = phone.postJson("/api/recover/options", AssistedRecoveryIT.tokenBody(token));
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        HttpResponse<String> finished = phone.postJson("/api/recover/finish", AssistedRecoveryIT.finishBody(token,
                AltServer.authenticator().create(options.body())));
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        assertThat(phone.signedIn()).as("the link grants no session").isFalse();
        assertThat(AltServer.count("select count(*) from cred_passkey where account_id = cast(? as uuid)", id)).isEqualTo(2);
        assertThat(AltServer.rowsAsText("select state from ins_assisted_recovery where account_id = cast(? as uuid)", id))
                .endsWith("=COMPLETED\n");
        assertThat(phone.get("/recover/" + token).statusCode()).as("spent").isEqualTo(410);

        String audit = AltServer.rowsAsText("select action from ins_staff_action where subject = ? order by occurred_at", id);
        assertThat(audit).contains("=RECOVERY_STARTED\n", "=RECOVERY_LINK_ISSUED\n", "=RECOVERY_PASSKEY_CREATED\n")
                .doesNotContain("RECOVERY_APPROVED");
    }
}
