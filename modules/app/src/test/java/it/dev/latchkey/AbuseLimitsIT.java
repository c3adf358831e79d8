package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guessing email codes is slowed down, then suspended for the address after 100 consecutive
 * failures; a passkey sign-in, which the flood never blocked, lifts the suspension.
 */
class AbuseLimitsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    @Test
    void wrongCodesBringGrowingDelays() throws Exception {
        String email = Journeys.uniqueEmail("slow");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), email);
        Browser guesser = new Browser();
        askForCode(guesser, email);
        String code = Mailbox.code(Mailbox.await(SMTP, email, "sign-in code"));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            guesser.postForm("/signin/code", "code=" + wrong);
        }
        // A new code, and five consecutive failures on the address already: the next try must wait.
        askForCode(guesser, email);
        HttpResponse<String> tooSoon = guesser.postForm("/signin/code", "code=" + wrong);
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.body()).contains("Too many failed attempts. Wait");
        assertThat(tooSoon.headers().firstValue("Retry-After")).isPresent();
        Thread.sleep(2_100);
        HttpResponse<String> later = guesser.postForm("/signin/code", "code=" + wrong);
        assertThat(later.statusCode()).as("after the delay the try is counted again").isEqualTo(422);
    }

    @Test
    void aHundredConsecutiveFailuresSuspendCodesUntilAPasskeySignInLiftsThem() throws Exception {
        String email = Journeys.uniqueEmail("suspend");
        Authenticator passkey = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, new Browser(), passkey, email);
        // 99 failures already happened long ago (as if an attacker had been at it for days).
        Database.execute("insert into idn_throttle (throttle_key, failures, last_failure_at)"
                + " values (?, 99, current_timestamp - interval '1' day)", "EMAIL_CODE:email:" + email);

        Browser attacker = new Browser();
        askForCode(attacker, email);
        String code = Mailbox.code(Mailbox.await(SMTP, email, "sign-in code"));
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(attacker.postForm("/signin/code", "code=" + wrong).statusCode()).isEqualTo(422);

        HttpResponse<String> even = attacker.postForm("/signin/code", "code=" + code);
        assertThat(even.statusCode()).as("the 100th failure suspended codes for the address").isEqualTo(429);
        assertThat(even.body()).contains("paused for this address");
        assertThat(attacker.signedIn()).isFalse();

        // The owner's passkey still works, and using it lifts the suspension.
        Browser owner = new Browser();
        assertThat(Journeys.signIn(owner, passkey.get(Journeys.signInOptions(owner, "modal"))).statusCode()).isEqualTo(200);
        assertThat(Database.count("select count(*) from idn_throttle where throttle_key = ?", "EMAIL_CODE:email:" + email))
                .isZero();

        Browser ownerElsewhere = new Browser();
        askForCode(ownerElsewhere, email);
        java.util.List<String> codes = Mailbox.codes(SMTP, email, "sign-in code", 2);
        HttpResponse<String> signedIn = ownerElsewhere.postForm("/signin/code", "code=" + codes.get(codes.size() - 1));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(ownerElsewhere.signedIn()).isTrue();
    }

    private static void askForCode(Browser browser, String email) {
        browser.get("/signin");
        assertThat(browser.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(302);
    }
}
