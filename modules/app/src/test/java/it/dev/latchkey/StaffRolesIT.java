package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Admins grant and revoke the operator and agent roles in the console, beyond configuration: the
 * grant takes effect at once and ends with the revocation, both audited; admins cannot be made here,
 * configured roles cannot be revoked here, bad input is a 4xx that changes nothing, and nobody but an
 * admin reaches the page.
 */
class StaffRolesIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    static StaffAccounts staff;

    @BeforeAll
    static void staffSignUp() throws Exception {
        staff = StaffAccounts.signedUp(SMTP);
    }

    @BeforeEach
    void freshStepUps() {
        StaffAccounts.stepUp(staff.admin, staff.adminsPasskey);
        StaffAccounts.stepUp(staff.agent, staff.agentsPasskey);
        StaffAccounts.stepUp(staff.operator, staff.operatorsPasskey);
    }

    private static HttpResponse<String> grant(String email, String role) {
        return staff.admin.postForm("/operator/roles/grant", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&role=" + role);
    }

    private static long grants(String email) {
        return Database.count("select count(*) from idn_staff_grant g join idn_account a on a.id = g.account_id"
                + " where a.email = ?", email);
    }

    @Test
    void anAdminGrantsTheAgentRoleItWorksAtOnceAndEndsWithTheRevocationBothAudited() throws Exception {
        String email = Journeys.uniqueEmail("new-agent");
        Browser newAgent = new Browser();
        Authenticator passkey = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, newAgent, passkey, email);
        StaffAccounts.stepUp(newAgent, passkey);
        assertThat(newAgent.get("/operator/recovery").statusCode()).isEqualTo(403);

        HttpResponse<String> granted = grant(email, "AGENT");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(302);
        assertThat(granted.headers().firstValue("Location").orElseThrow()).contains("/operator/roles?granted");
        assertThat(StaffConsoleIT.ok(newAgent, "/operator/recovery")).contains("Assisted recoveries");
        assertThat(StaffConsoleIT.ok(staff.admin, "/operator/roles")).contains(email)
                .contains("Revoke the branch agent role of " + email);
        assertThat(grant(email, "AGENT").statusCode()).as("already held").isEqualTo(409);

        String id = Database.string("select cast(id as varchar(36)) from idn_account where email = ?", email);
        HttpResponse<String> revoked = staff.admin.postForm("/operator/roles/revoke", "account=" + id + "&role=AGENT");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(302);
        assertThat(newAgent.get("/operator/recovery").statusCode()).isEqualTo(403);
        assertThat(grants(email)).isZero();

        assertThat(Database.strings("select action from ins_staff_action where subject = ? and actor_email = ?"
                + " order by occurred_at", id, StaffAccounts.ADMIN)).containsSubsequence("STAFF_ROLE_GRANTED",
                "STAFF_ROLE_REVOKED");
        assertThat(StaffConsoleIT.ok(staff.admin, "/operator/audit")).contains("STAFF_ROLE_GRANTED")
                .contains("branch agent role granted to " + email);
    }

    @Test
    void noAdminIsMadeHereConfiguredRolesStayAndBadInputChangesNothing() throws Exception {
        String email = Journeys.uniqueEmail("not-admin");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), email);
        long before = Database.tableSize("idn_staff_grant");
        assertThat(grant(email, "ADMIN").statusCode()).isEqualTo(422);
        assertThat(grant(email, "KING").statusCode()).isEqualTo(422);
        HttpResponse<String> badAddress = grant("not an address", "AGENT");
        assertThat(badAddress.statusCode()).isEqualTo(422);
        assertThat(badAddress.body()).contains("like name@example.com");
        assertThat(grant(Journeys.uniqueEmail("nobody"), "AGENT").statusCode()).isEqualTo(404);
        // Someone who merely claimed an address at sign-up is not given a role by it.
        String unconfirmed = Journeys.uniqueEmail("unconfirmed");
        Journeys.signUp(new Browser(), new Authenticator(), unconfirmed);
        assertThat(grant(unconfirmed, "OPERATOR").statusCode()).isEqualTo(404);
        // A role from the settings is not revoked here.
        String adminsId = Database.string("select cast(id as varchar(36)) from idn_account where email = ?", StaffAccounts.ADMIN);
        HttpResponse<String> configured = staff.admin.postForm("/operator/roles/revoke", "account=" + adminsId + "&role=ADMIN");
        assertThat(configured.statusCode()).isEqualTo(409);
        assertThat(configured.body()).contains("it comes from the deployment");
        assertThat(staff.admin.postForm("/operator/roles/revoke", "account=nonsense&role=AGENT").statusCode()).isEqualTo(404);
        assertThat(Database.tableSize("idn_staff_grant")).isEqualTo(before);
        assertThat(StaffConsoleIT.ok(staff.admin, "/operator")).contains("href=\"/operator/roles\"");
    }

    @Test
    void onlyAdminsReachTheRolesPage() {
        for (Browser refused : new Browser[] {staff.agent, staff.operator, staff.member}) {
            assertThat(refused.get("/operator/roles").statusCode()).isEqualTo(403);
            assertThat(refused.postForm("/operator/roles/grant", "email=x%40example.com&role=AGENT").statusCode())
                    .isEqualTo(403);
        }
        assertThat(StaffConsoleIT.ok(staff.agent, "/operator")).doesNotContain("/operator/roles");
        assertThat(new Browser().get("/operator/roles").statusCode()).isBetween(302, 401);
    }
}
