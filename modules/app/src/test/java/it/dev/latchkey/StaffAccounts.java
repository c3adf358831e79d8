package it.dev.latchkey;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The test server's staff (modules/app/pom.xml lists their addresses) and a member without a role,
 * signed up and confirmed once per test JVM, by the first test class that needs them (it must run
 * the GreenMail server, as every class that calls {@link #signedUp} does).
 */
final class StaffAccounts {

    static final String OPERATOR = "operator@staff.example";
    static final String ADMIN = "admin@staff.example";
    static final String AGENT = "agent@staff.example";

    final Browser operator = new Browser();
    final Authenticator operatorsPasskey = new Authenticator();
    final Browser admin = new Browser();
    final Authenticator adminsPasskey = new Authenticator();
    final Browser agent = new Browser();
    final Authenticator agentsPasskey = new Authenticator();
    final Browser member = new Browser();
    final Authenticator membersPasskey = new Authenticator();
    final String memberEmail = Journeys.uniqueEmail("member");

    private static StaffAccounts signedUp;

    private StaffAccounts() {
    }

    static synchronized StaffAccounts signedUp(GreenMailExtension smtp) throws InterruptedException {
        awaitReady();
        if (signedUp == null) {
            StaffAccounts s = new StaffAccounts();
            Mailbox.signUpConfirmed(smtp, s.operator, s.operatorsPasskey, OPERATOR);
            Mailbox.signUpConfirmed(smtp, s.admin, s.adminsPasskey, ADMIN);
            Mailbox.signUpConfirmed(smtp, s.agent, s.agentsPasskey, AGENT);
            Mailbox.signUpConfirmed(smtp, s.member, s.membersPasskey, s.memberEmail);
            signedUp = s;
        }
        // Whatever an earlier class did to their sessions: a fresh step-up for every staff member.
        stepUp(signedUp.operator, signedUp.operatorsPasskey);
        stepUp(signedUp.admin, signedUp.adminsPasskey);
        stepUp(signedUp.agent, signedUp.agentsPasskey);
        return signedUp;
    }

    private static volatile boolean ready;

    /**
     * Waits (at most 6 minutes) until the test server's application answers ready: a targeted run
     * may start these classes first, and on a loaded machine the application follows the server's
     * start by minutes.
     */
    static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + 360_000_000_000L;
        while (!ready && System.nanoTime() < deadline) {
            try {
                ready = new Browser().get("/health/ready").statusCode() == 200;
            } catch (IllegalStateException e) {
                // not answering yet
            }
            if (!ready) {
                Thread.sleep(500);
            }
        }
        if (!ready) {
            throw new IllegalStateException("the test server's application did not become ready");
        }
    }

    /** A fresh step-up with the account's passkey, as the step-up page's script does it. */
    static void stepUp(Browser browser, Authenticator passkey) {
        var options = browser.postJson("/api/account/stepup/options", "{}");
        var finish = browser.postJson("/api/account/stepup/finish", Journeys.finishBody(passkey.get(options.body())));
        org.assertj.core.api.Assertions.assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);
    }
}
