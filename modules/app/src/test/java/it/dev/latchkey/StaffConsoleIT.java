package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator console's roles (modules/app/pom.xml lists the addresses for the test server):
 * an operator, an admin, a branch agent and a member without a role. Each page opens for exactly
 * the roles of the Permission table; everyone else gets a 403 page that names the role it needs.
 */
class StaffConsoleIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    static StaffAccounts staff;
    static Browser operator;
    static Browser admin;
    static Browser agent;
    static Browser member;

    @BeforeAll
    static void staffAndAMemberSignUpAndConfirmTheirAddresses() throws Exception {
        staff = StaffAccounts.signedUp(SMTP);
        operator = staff.operator;
        admin = staff.admin;
        agent = staff.agent;
        member = staff.member;
    }

    @Test
    void theHomeLinksToWhatEachRoleMayOpen() {
        String operatorsHome = ok(operator, "/operator");
        assertThat(operatorsHome).contains("href=\"/operator/insights\"", "href=\"/operator/invitations\"",
                "href=\"/operator/mail\"");

        String agentsHome = ok(agent, "/operator");
        assertThat(agentsHome).contains("branch agent")
                .doesNotContain("/operator/insights", "/operator/invitations", "/operator/mail");
    }

    @Test
    void anAgentIsRefusedTheOperatorsPagesWithAPageNamingTheRoleItNeeds() {
        for (String path : new String[] {"/operator/invitations", "/operator/mail", "/operator/insights",
                "/operator/insights/export?table=sign-ins-by-method"}) {
            HttpResponse<String> refused = agent.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("operator or admin").contains("branch agent")
                    .doesNotContain("Something went wrong");
        }
        assertThat(agent.postForm("/operator/invitations", "email=x%40example.com").statusCode()).isEqualTo(403);
        assertThat(admin.get("/operator/invitations").statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberWithoutARoleGetsA403EverywhereAndSignedOutVisitorsAreSentToSignIn() {
        for (String path : new String[] {"/operator", "/operator/invitations", "/operator/mail", "/operator/insights"}) {
            HttpResponse<String> refused = member.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("no staff role");
            HttpResponse<String> anonymous = new Browser().get(path);
            assertThat(anonymous.statusCode()).as(path).isBetween(302, 401);
        }
    }

    @Test
    void staffLandOnTheConsoleAndEveryPageWantsAFreshStepUp() {
        HttpResponse<String> home = operator.get("/");
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/operator");
        assertThat(member.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/account/security");

        // A fresh sign-in without a page to return to leads to the console.
        Browser again = new Browser();
        HttpResponse<String> signedIn = Journeys.signIn(again, staff.operatorsPasskey.get(Journeys.signInOptions(again, "modal")));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"redirect\":\"/operator\"");

        // Six minutes after the passkey was last used: the console asks for a step-up first, even to look.
        Database.execute("update idn_session set authenticated_at = current_timestamp - interval '6' minute"
                + " where account_id = (select id from idn_account where email = ?)", StaffAccounts.ADMIN);
        HttpResponse<String> stale = admin.get("/operator");
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location").orElseThrow()).contains("/account/step-up?next=%2Foperator");
        StaffAccounts.stepUp(admin, staff.adminsPasskey);
        ok(admin, "/operator");
    }

    static String ok(Browser browser, String path) {
        HttpResponse<String> page = browser.get(path);
        assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
        return page.body();
    }
}
