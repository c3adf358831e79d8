package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-up cannot be hijacked: an address is an account's only once a code sent to it was
 * entered, an unconfirmed claim reserves nothing, and the real owner's confirmation wins.
 */
class EmailConfirmationIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    @Test
    void theCodeFromTheMailConfirmsTheAddress() throws Exception {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("confirm");
        Journeys.signUp(browser, new Authenticator(), email);
        String page = browser.get("/account/confirm-email").body();
        assertThat(page).contains("Confirm your email address").contains(email);
        assertThat(browser.get("/account/security").body()).contains("not confirmed yet");

        String code = Mailbox.code(Mailbox.await(SMTP, email, "Confirm your email address"));
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(browser.postForm("/account/confirm-email", "code=" + wrong).statusCode()).isEqualTo(422);
        HttpResponse<String> confirmed = browser.postForm("/account/confirm-email", "code=" + code);
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/account/security?emailConfirmed").body())
                .contains("Your email address is confirmed.").doesNotContain("not confirmed yet");
        assertThat(Database.count("select count(*) from idn_account where email = ? and pending_email is null"
                + " and email_confirmed_at is not null", email)).isOne();
    }

    @Test
    void theOwnersConfirmationWinsAndTheSquattersPasskeysAreRemoved() throws Exception {
        String email = Journeys.uniqueEmail("victim");
        // The attacker signs up first with the victim's address and holds a passkey for it.
        Browser attacker = new Browser();
        Authenticator attackersKey = new Authenticator();
        Journeys.signUp(attacker, attackersKey, email);
        assertThat(attacker.signedIn()).isTrue();

        // The victim signs up too: same flow, same answers; the victim confirms (the code goes to
        // the victim's mailbox, which only the victim reads).
        Browser victim = new Browser();
        Authenticator victimsKey = new Authenticator();
        Journeys.signUp(victim, victimsKey, email);
        // Both claims got a code at that address; only the victim reads that mailbox. Mail is
        // delivered asynchronously, so the victim tries the codes in the mailbox (wrong ones just
        // cost a try).
        java.util.List<String> codes = Mailbox.codes(SMTP, email, "Confirm your email address", 2);
        assertThat(codes.stream().map(c -> victim.postForm("/account/confirm-email", "code=" + c).statusCode()))
                .contains(302);

        assertThat(Database.count("select count(*) from idn_account where pending_email = ?", email)).isZero();
        assertThat(Database.count("select count(*) from idn_account where email = ?", email)).isOne();
        assertThat(attacker.signedIn()).as("the squatter's session ended with its account").isFalse();
        HttpResponse<String> squatterSignIn = Journeys.signIn(attacker,
                attackersKey.get(Journeys.signInOptions(attacker, "modal")));
        assertThat(squatterSignIn.statusCode()).isEqualTo(400);
        assertThat(squatterSignIn.body()).contains("UNKNOWN_CREDENTIAL");

        Browser victimElsewhere = new Browser();
        assertThat(Journeys.signIn(victimElsewhere, victimsKey.get(Journeys.signInOptions(victimElsewhere, "modal")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aTakenAddressGetsTheSameAnswerAndItsOwnerANoticeNotACode() throws Exception {
        String email = Journeys.uniqueEmail("owner");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), email);
        // Counted per recipient: mail that an earlier test queued may still arrive on a retry.
        long before = Mailbox.countTo(SMTP, email);

        Browser someoneElse = new Browser();
        Journeys.signUp(someoneElse, new Authenticator(), email);
        assertThat(someoneElse.get("/account/confirm-email").body()).contains("Confirm your email address");
        MimeMessage notice = Mailbox.await(SMTP, email, "Someone tried to create an account");
        assertThat(Mailbox.subject(notice)).doesNotContainPattern("\\d{6}");
        assertThat(Mailbox.countTo(SMTP, email)).isEqualTo(before + 1);
        // No code that the claimant could guess works: every try is wrong.
        assertThat(someoneElse.postForm("/account/confirm-email", "code=123456").statusCode()).isEqualTo(422);
        assertThat(Database.count("select count(*) from idn_account where email = ?", email)).isOne();
    }
}
