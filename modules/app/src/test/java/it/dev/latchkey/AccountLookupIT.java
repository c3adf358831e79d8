package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
    void theAccountPageListsPasskeyChangesAndStepUpsWithWhoDidThemInEnglishAndGerman() {
        Browser person = new Browser();
        Authenticator laptop = new Authenticator(PasskeyManagementIT.GOOGLE);
        Authenticator phone = new Authenticator();
        String email = Journeys.uniqueEmail("timeline");
        Journeys.signUp(person, laptop, email);
        PasskeyManagementIT.addPasskey(person, phone);
        String[] ids = PasskeyManagementIT.passkeyIds(person.get("/account/security").body());
        assertThat(ids).hasSize(2);
        assertThat(person.postForm("/account/passkeys/rename", "passkey=" + ids[0] + "&name=Desk+laptop").statusCode())
                .isEqualTo(302);
        assertThat(person.postForm("/account/passkeys/rename", "passkey=" + ids[1] + "&name=Old+phone").statusCode())
                .isEqualTo(302);
        StaffAccounts.stepUp(person, laptop);
        assertThat(person.postForm("/account/passkeys/remove", "passkey=" + ids[1]).statusCode()).isEqualTo(302);
        String accountId = Database.string("select cast(id as varchar(36)) from idn_account where pending_email = ? or email = ?",
                email, email);
        assertThat(Database.count("select count(*) from idn_step_up_event where account_id = ?", UUID.fromString(accountId)))
                .as("the step-up is recorded").isOne();
        String view = "/operator/accounts/view?id=" + accountId;

        String page = StaffConsoleIT.ok(staff.agent, view);
        assertThat(events(page)).as("newest first").containsExactly("PASSKEY_REMOVED", "STEP_UP", "PASSKEY_RENAMED",
                "PASSKEY_RENAMED", "PASSKEY_ADDED", "PASSKEY_ADDED");
        String section = section(page);
        assertThat(section).contains("<h2 id=\"security-heading\">Security events</h2>",
                        "<caption>Changes to passkeys and step-ups, newest first (at most 30)</caption>")
                .doesNotContain("Staff: ")
                .containsPattern("<th scope=\"row\"><time datetime=\"\\d{4}-\\d{2}-\\d{2}T");
        assertThat(rowOf(section, "PASSKEY_REMOVED")).as("a removed passkey keeps the name it had")
                .contains("Passkey removed", "on their account page", "The account&#39;s owner", "<td>Old phone</td>");
        assertThat(rowOf(section, "STEP_UP")).contains("Confirmed it was them (step-up)", "The account&#39;s owner")
                .containsPattern("<td>(passkey|security key)[^<]*</td>");
        assertThat(rowOf(section, "PASSKEY_RENAMED")).contains("Passkey renamed", "on their account page",
                "The account&#39;s owner", "<td>Old phone</td>");
        assertThat(section).contains("<td>Desk laptop</td>");
        assertThat(section).contains("at sign-up");

        HttpResponse<String> german = staff.agent.get(view, "Accept-Language", "de");
        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(section(german.body())).contains("Sicherheitsereignisse", "Passkey entfernt", "Identität bestätigt (Step-up)",
                        "Passkey umbenannt", "Passkey hinzugefügt", "auf der eigenen Kontoseite", "bei der Registrierung",
                        "Die Kontoinhaberin oder der Kontoinhaber")
                .doesNotContain("Security events", "Passkey removed");
        // The person's browser by its label in each language: stored once ("Chrome on Linux"), worded per reader.
        assertThat(page).contains("<th scope=\"row\">Chrome on Linux</th>").contains("<td>Chrome on Linux</td>");
        assertThat(german.body()).contains("<th scope=\"row\">Chrome unter Linux</th>").contains("<td>Chrome unter Linux</td>")
                .doesNotContain("Chrome on Linux");

        // The person is no staff member: their own account's lookup is refused, and nothing is recorded.
        assertThat(person.get(view).statusCode()).isEqualTo(403);
        assertThat(Database.count("select count(*) from ins_staff_action where actor_email = ?", email)).isZero();
        assertThat(Database.count("select count(*) from ins_staff_action where action = 'ACCOUNT_VIEW' and subject = ?"
                + " and actor_email = ?", accountId, StaffAccounts.AGENT)).as("both views are audited").isEqualTo(2);
    }

    private static final Pattern EVENT_ROW = Pattern.compile("<tr data-event=\"(\\w+)\">");

    private static java.util.List<String> events(String page) {
        Matcher m = EVENT_ROW.matcher(page);
        java.util.List<String> events = new java.util.ArrayList<>();
        while (m.find()) {
            events.add(m.group(1));
        }
        return events;
    }

    /** The security events section of the operator's account page. */
    private static String section(String page) {
        int start = page.indexOf("<section aria-labelledby=\"security-heading\">");
        assertThat(start).as("the security events section").isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String rowOf(String page, String event) {
        int start = page.indexOf("<tr data-event=\"" + event + "\">");
        assertThat(start).as(event).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
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
