package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail survives a mail server that is down and a node that dies while sending: the outbox in the
 * database is the queue, and after sending no stored row holds the code it carried.
 */
class MailOutboxIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    /** Retried mail arrives after a few back-off rounds (the test server waits 1 to 3 s between tries). */
    private static final Duration RETRIED = Duration.ofSeconds(90);

    @Test
    void mailQueuedWhileTheMailServerIsDownIsDeliveredOnceItIsBack() throws Exception {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            owners.add(registered("outage"));
        }
        List<Browser> waiting = new ArrayList<>();
        SMTP.stop();
        try {
            for (String owner : owners) {
                Browser browser = new Browser();
                assertThat(askForCode(browser, owner).statusCode()).isEqualTo(302);
                waiting.add(browser);
                // Someone signs up with the owner's address: the owner gets a security notice.
                Journeys.signUp(new Browser(), new Authenticator(), owner);
            }
            // All eight were tried and failed: before the durable outbox, that was the end of them.
            awaitCount(8, "select count(*) from idn_mail_outbox where recipient in (?, ?, ?, ?)"
                    + " and last_error is not null and sent_at is null", owners.toArray());
        } finally {
            SMTP.start();
        }

        int delivered = 0;
        for (int i = 0; i < owners.size(); i++) {
            String owner = owners.get(i);
            String code = Mailbox.code(Mailbox.await(SMTP, owner, "sign-in code", RETRIED));
            delivered++;
            Mailbox.await(SMTP, owner, "Someone tried to create an account", RETRIED);
            delivered++;
            HttpResponse<String> signedIn = waiting.get(i).postForm("/signin/code", "code=" + code);
            assertThat(signedIn.statusCode()).as("the late code still signs in: " + signedIn.body()).isEqualTo(302);
            awaitCount(0, "select count(*) from idn_mail_outbox where recipient = ? and sent_at is null", owner);
            assertThat(Database.rowsAsText("select * from idn_mail_outbox where recipient = ?", owner))
                    .as("no stored row holds the code once it is sent").doesNotContain(code);
        }
        assertThat(delivered).isEqualTo(8);
        freeTheClientCodeCap(owners);
    }

    @Test
    void aMessageClaimedByANodeThatDiedIsDeliveredByAnotherOnceItsLeaseRunsOut() throws Exception {
        String owner = registered("lease");
        String bystander = registered("bystander");
        Browser browser = new Browser();
        SMTP.stop();
        try {
            askForCode(browser, owner);
            askForCode(new Browser(), bystander);
            awaitCount(2, "select count(*) from idn_mail_outbox where recipient in (?, ?)"
                    + " and last_error is not null and sent_at is null", owner, bystander);
            // A node claims the owner's code and dies before sending it: its lease runs for an hour.
            assertThat(Database.execute("update idn_mail_outbox set claimed_by = 'node-that-died',"
                    + " claimed_until = current_timestamp + interval '3600' second,"
                    + " next_attempt_at = current_timestamp where recipient = ? and sent_at is null", owner)).isOne();
        } finally {
            SMTP.start();
        }

        Mailbox.await(SMTP, bystander, "sign-in code", RETRIED);
        Thread.sleep(4000);
        assertThat(Mailbox.countTo(SMTP, owner)).as("a live claim is left alone").isZero();

        // The lease runs out, as it does an hour after a node died.
        Database.execute("update idn_mail_outbox set claimed_until = current_timestamp - interval '1' second"
                + " where recipient = ? and sent_at is null", owner);
        String code = Mailbox.code(Mailbox.await(SMTP, owner, "sign-in code", RETRIED));
        assertThat(browser.postForm("/signin/code", "code=" + code).statusCode()).isEqualTo(302);
        awaitCount(0, "select count(*) from idn_mail_outbox where recipient = ? and sent_at is null", owner);
        assertThat(Mailbox.countTo(SMTP, owner)).as("sent once").isOne();
        freeTheClientCodeCap(List.of(owner, bystander));
    }

    @Test
    void aMailServerThatAcceptsAndThenHangsCostsOneTimeoutAndTheMailIsDeliveredLater() throws Exception {
        String owner = registered("hang");
        Browser browser = new Browser();
        SMTP.stop();
        try (java.net.ServerSocket hanging = new java.net.ServerSocket()) {
            hanging.setReuseAddress(true);
            hanging.bind(new java.net.InetSocketAddress("127.0.0.1", Integer.getInteger("latchkey.it.smtp.port", 3925)));
            List<java.net.Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(hanging.accept()); // and never a word: no greeting, no reply
                    }
                } catch (java.io.IOException closed) {
                    // the test is done with it
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            askForCode(browser, owner);
            // The try ends (the test server's SMTP timeout is the default 10 s) instead of holding a thread for ever.
            awaitCount(1, "select count(*) from idn_mail_outbox where recipient = ? and last_error is not null"
                    + " and sent_at is null", owner);
            assertThat(held).as("the server did connect").isNotEmpty();
            // Stop accepting first, then reset (RST, SO_LINGER 0) every connection instead of closing it: a
            // connection this side closes first would sit in TIME_WAIT on the SMTP port for a minute, and the
            // test SMTP server could not bind it again (with two test servers, a retry may still be connected).
            hanging.close();
            acceptor.join(2000);
            synchronized (held) {
                for (java.net.Socket socket : held) {
                    socket.setSoLinger(true, 0);
                    socket.close();
                }
            }
        } finally {
            SMTP.start();
        }
        String code = Mailbox.code(Mailbox.await(SMTP, owner, "sign-in code", RETRIED));
        assertThat(browser.postForm("/signin/code", "code=" + code).statusCode()).isEqualTo(302);
        freeTheClientCodeCap(List.of(owner));
    }

    private static String registered(String prefix) throws InterruptedException {
        String email = Journeys.uniqueEmail(prefix);
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), email);
        return email;
    }

    private static HttpResponse<String> askForCode(Browser browser, String email) {
        browser.get("/signin");
        return browser.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
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

    /** Every test asks from loopback: these codes must not count against the next test's hourly cap. */
    private static void freeTheClientCodeCap(List<String> emails) {
        for (String email : emails) {
            Database.execute("update idn_email_code set created_at = created_at - interval '2' hour where email = ?",
                    email);
        }
    }
}
