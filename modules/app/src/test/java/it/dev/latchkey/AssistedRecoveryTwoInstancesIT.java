package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-agent hourly cap on assisted recoveries (10) across two instances: one branch agent, signed
 * in on both test servers (with DB_KIND=postgres they share one database, as two nodes behind a load
 * balancer), fires 16 recovery starts at once, half at each server. Exactly the cap succeed, the rest
 * get the clear refusal (429 with Retry-After), nothing else; the database holds exactly the cap and
 * the audit one refusal per refused start. On H2 the servers have separate databases, so there is
 * nothing shared to prove: skipped.
 *
 * <p>The agent and its customers are this class's own (the agent role granted by the admin in the
 * console, which both servers read from the shared database), and the recoveries it leaves are aged
 * past their hour at the end, so that no other test's list of recoveries waiting for an approval sees them.
 */
class AssistedRecoveryTwoInstancesIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    private static final int CAP = 10;
    private static final int STARTS = 16;

    private static String agentEmail;

    @AfterAll
    static void ageTheRecoveriesPastTheirHour() {
        if (agentEmail != null) {
            // As if the hour passed: nothing left waiting for an approval, and the agent's window empty.
            Database.execute("update ins_assisted_recovery set created_at = created_at - interval '2' hour"
                    + " where agent_email = ?", agentEmail);
        }
    }

    @Test
    void oneAgentsCapHoldsForParallelStartsSpreadOverTwoInstances() throws Exception {
        assumeTrue(LibertyInstance.postgres(), "AssistedRecoveryTwoInstancesIT skipped: " + LibertyInstance.SKIP_MESSAGE);
        StaffAccounts staff = StaffAccounts.signedUp(SMTP);

        // The agent: signed up on the first server, made a branch agent by the admin there.
        agentEmail = Journeys.uniqueEmail("two-node-agent");
        Browser onFirst = new Browser();
        Authenticator passkey = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, onFirst, passkey, agentEmail);
        HttpResponse<String> granted = staff.admin.postForm("/operator/roles/grant",
                "email=" + URLEncoder.encode(agentEmail, StandardCharsets.UTF_8) + "&role=AGENT");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(302);
        StaffAccounts.stepUp(onFirst, passkey);

        // The same agent at a second counter, served by the second instance: its own session there,
        // signed in and stepped up with the same passkey (the same RP ID; the second server's origin).
        Browser onSecond = AltServer.browser();
        passkey.at(AltServer.BASE_URL);
        HttpResponse<String> signedIn = Journeys.signIn(onSecond,
                passkey.get(Journeys.signInOptions(onSecond, "modal")));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        StaffAccounts.stepUp(onSecond, passkey);
        passkey.at(Browser.BASE_URL);
        assertThat(onSecond.get("/operator/recovery").statusCode()).as("an agent on the second server too")
                .isEqualTo(200);

        // The customers: this class's own, on the first server (sign-up there is open).
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String email = Journeys.uniqueEmail("two-node-customer");
            Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), email);
            customers.add(Database.string("select cast(id as varchar(36)) from idn_account where email = ?", email));
        }

        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            Browser counter = i % 2 == 0 ? onFirst : onSecond;
            String customer = customers.get(i % customers.size());
            String reason = "Parallel start " + i + " on " + (i % 2 == 0 ? "the first" : "the second") + " server";
            calls.add(() -> AssistedRecoveryIT.start(counter, customer, reason, "PASSPORT", true));
        }
        List<HttpResponse<String>> answers = CapsAndFairnessIT.all(calls); // released together

        assertThat(answers).extracting(HttpResponse::statusCode).as("only successes and the cap's refusal")
                .allMatch(code -> code == 200 || code == 429);
        assertThat(answers.stream().filter(r -> r.statusCode() == 200).count()).isEqualTo(CAP);
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).hasSize(STARTS - CAP);
        for (HttpResponse<String> r : refused) {
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(r.body()).contains("the most one agent may");
        }
        assertThat(answers.stream().filter(r -> r.uri().getPort() == URI.create(AltServer.BASE_URL).getPort())
                .count()).as("half the starts went to the second server").isEqualTo(STARTS / 2);
        assertThat(Database.count("select count(*) from ins_assisted_recovery where agent_email = ?", agentEmail))
                .isEqualTo(CAP);
        assertThat(Database.count("select count(*) from ins_staff_action where actor_email = ? and action = 'RECOVERY_STARTED'",
                agentEmail)).isEqualTo(CAP);
        assertThat(Database.count("select count(*) from ins_staff_action where actor_email = ? and action = 'RECOVERY_REFUSED'"
                + " and detail_words like 'op.audit.refused.tooMany%'", agentEmail)).isEqualTo(STARTS - CAP);

        // One more, on either server: still refused.
        assertThat(AssistedRecoveryIT.start(onSecond, customers.get(0), "One too many", "PASSPORT", true).statusCode())
                .isEqualTo(429);
        assertThat(AssistedRecoveryIT.start(onFirst, customers.get(1), "One too many", "PASSPORT", true).statusCode())
                .isEqualTo(429);
        assertThat(Database.count("select count(*) from ins_assisted_recovery where agent_email = ?", agentEmail))
                .isEqualTo(CAP);
    }
}
