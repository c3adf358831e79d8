package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Account lookup for staff: a branch agent finds the member and sees their devices, passkeys and
 * sign-ins; every lookup is recorded and visible (on the account, and to admins in the audit),
 * and nobody without the role gets in.
 */
class AccountLookupIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    private static final Pattern VIEW_LINK = Pattern.compile("href=\"(/operator/accounts/view\\?id=[0-9a-f-]{36})\"");

    static StaffAccounts staff;

    @BeforeAll
    static void staffSignUp() throws Exception {
        staff = StaffAccounts.signedUp(SMTP);
    }

    @Test
    void anAgentFindsTheMemberSeesTheirPasskeysAndTheLookupIsRecordedForAllToSee() {
        String prefix = staff.memberEmail.substring(0, 14);
        String found = StaffConsoleIT.ok(staff.agent, "/operator/accounts?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        assertThat(found).contains(staff.memberEmail);
        Matcher link = VIEW_LINK.matcher(found);
        assertThat(link.find()).isTrue();

        String account = StaffConsoleIT.ok(staff.agent, link.group(1).replace("&amp;", "&"));
        assertThat(account).contains(staff.memberEmail, "Passkeys", "Devices", "active devices covered", "Recent sign-ins")
                .contains(StaffAccounts.AGENT);
        assertThat(Database.count("select count(*) from ins_staff_action a join idn_account x on x.id = a.actor_id"
                + " where x.email = ? and a.action = 'ACCOUNT_SEARCH'", StaffAccounts.AGENT)).isPositive();
        assertThat(Database.count("select count(*) from ins_staff_action where action = 'ACCOUNT_VIEW' and actor_email = ?"
                + " and subject = (select cast(id as varchar(36)) from idn_account where email = ?)",
                StaffAccounts.AGENT, staff.memberEmail)).isEqualTo(1);

        // The audit of staff actions is for admins: the agent is refused, the admin sees the agent's lookups.
        HttpResponse<String> refused = staff.agent.get("/operator/audit");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("admin");
        assertThat(StaffConsoleIT.ok(staff.admin, "/operator/audit")).contains(StaffAccounts.AGENT, "ACCOUNT_VIEW");
    }

    @Test
    void wildcardsAreLiteralBadIdsAre404AndLongQueries400() {
        assertThat(StaffConsoleIT.ok(staff.agent, "/operator/accounts?q=%25")).contains("No account matches");
        assertThat(StaffConsoleIT.ok(staff.agent, "/operator/accounts?q=_")).contains("No account matches");
        assertThat(staff.agent.get("/operator/accounts/view?id=not-an-id").statusCode()).isEqualTo(404);
        assertThat(staff.agent.get("/operator/accounts/view?id=00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);
        assertThat(staff.agent.get("/operator/accounts?q=" + "a".repeat(300)).statusCode()).isEqualTo(400);
    }

    @Test
    void membersAndSignedOutVisitorsCannotLookAccountsUp() {
        assertThat(staff.member.get("/operator/accounts?q=a").statusCode()).isEqualTo(403);
        assertThat(staff.member.get("/operator/audit").statusCode()).isEqualTo(403);
        assertThat(new Browser().get("/operator/accounts").statusCode()).isBetween(302, 401);
        assertThat(Database.count("select count(*) from ins_staff_action where actor_email = ?", staff.memberEmail)).isZero();
    }
}
