package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changing the email address from the account page: behind a ranked step-up, confirmed by a code
 * sent to the new address, with the old one told; a taken address is answered like a free one.
 */
class EmailChangeIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    @Test
    void theAddressChangesOnlyOnceTheCodeSentToTheNewOneIsEntered() throws Exception {
        String old = Journeys.uniqueEmail("old");
        String fresh = Journeys.uniqueEmail("new");
        Browser browser = new Browser();
        Mailbox.signUpConfirmed(SMTP, browser, new Authenticator(), old);
        assertThat(browser.get("/account/security").body()).contains("href=\"/account/email\"");

        HttpResponse<String> asked = ask(browser, fresh);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/account/email?sent");
        // Someone who reads the old mailbox asks for a sign-in code before the change completes.
        Browser oldMailbox = new Browser();
        oldMailbox.get("/signin");
        oldMailbox.postForm("/signin/email", "email=" + URLEncoder.encode(old, StandardCharsets.UTF_8));
        String signInCode = Mailbox.code(Mailbox.await(SMTP, old, "sign-in code"));
        String code = Mailbox.code(Mailbox.await(SMTP, fresh, "Confirm your new email address"));
        assertThat(browser.get("/account/email?sent").body()).contains(fresh);
        assertThat(Database.count("select count(*) from idn_account where email = ?", old))
                .as("the old address keeps working until the code is entered").isOne();

        String wrong = code.equals("000000") ? "111111" : "000000";
        HttpResponse<String> refused = browser.postForm("/account/email/confirm", "code=" + wrong);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("That code is not right");
        assertThat(Database.count("select count(*) from idn_account where email = ?", old)).isOne();

        HttpResponse<String> changed = browser.postForm("/account/email/confirm", "code=" + code);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).contains("emailChanged");
        assertThat(Database.count("select count(*) from idn_account where email = ?", fresh)).isOne();
        assertThat(Database.count("select count(*) from idn_account where email = ?", old)).isZero();
        String location = changed.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("detailsChanged");
        String page = browser.get(location.substring(location.indexOf("/account/security"))).body();
        assertThat(page).contains("Your email address is changed").contains(fresh);
        // The page hands the new name to signalCurrentUserDetails (webauthn.js), so passkey
        // providers stop showing the old address.
        assertThat(page).contains("data-user-name=\"" + fresh + "\"").contains("data-details-changed=\"true\"");
        assertThat(Database.count("select count(*) from idn_event e join idn_account a on a.id = e.account_id"
                + " where a.email = ? and e.type in ('EMAIL_CHANGE_REQUESTED', 'EMAIL_CHANGED')", fresh)).isEqualTo(2);

        String notice = GreenMailUtil.getBody(Mailbox.await(SMTP, old, "Your email address was changed"));
        assertThat(notice.replace("=\r\n", "")).contains("If it was not you").contains("recovery codes");

        // The sign-in code sent to the old address before the change no longer works.
        assertThat(oldMailbox.postForm("/signin/code", "code=" + signInCode).statusCode()).isEqualTo(422);
        assertThat(oldMailbox.signedIn()).isFalse();

        // The code is spent.
        assertThat(browser.postForm("/account/email/confirm", "code=" + code).statusCode()).isEqualTo(422);
    }

    @Test
    void aTakenAddressGetsTheSameAnswerAndItsOwnerANotice() throws Exception {
        String owners = Journeys.uniqueEmail("owner");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), owners);
        String free = Journeys.uniqueEmail("free");

        Browser someone = new Browser();
        String theirs = Journeys.uniqueEmail("someone");
        Mailbox.signUpConfirmed(SMTP, someone, new Authenticator(), theirs);
        HttpResponse<String> toFree = ask(someone, free);
        HttpResponse<String> toTaken = ask(someone, owners);
        assertThat(toTaken.statusCode()).isEqualTo(toFree.statusCode()).isEqualTo(302);
        assertThat(toTaken.headers().firstValue("Location")).isEqualTo(toFree.headers().firstValue("Location"));
        assertThat(someone.get("/account/email?sent").body()).contains(owners);

        assertThat(GreenMailUtil.getBody(Mailbox.await(SMTP, owners, "Someone tried to move another account")))
                .contains("Nothing was changed");
        assertThat(java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> owners.equals(Mailbox.recipient(m)) && Mailbox.subject(m).contains("Confirm your new")))
                .as("no usable code goes to a taken address").isEmpty();
        for (String guess : new String[] {"000000", "123456", "999999"}) {
            someone.postForm("/account/email/confirm", "code=" + guess);
        }
        assertThat(Database.count("select count(*) from idn_account where email = ?", theirs)).isOne();
        assertThat(Database.count("select count(*) from idn_account where email = ?", owners)).isOne();
    }

    @Test
    void anEmailCodeSessionOfAnAccountWithAPasskeyMustStepUpWithThePasskeyFirst() throws Exception {
        String email = Journeys.uniqueEmail("mailbox");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), email);
        Browser intruder = new Browser();
        intruder.get("/signin");
        intruder.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        String code = Mailbox.code(Mailbox.await(SMTP, email, "sign-in code"));
        assertThat(intruder.postForm("/signin/code", "code=" + code).statusCode()).isEqualTo(302);

        String attackers = Journeys.uniqueEmail("attacker");
        HttpResponse<String> refused = ask(intruder, attackers);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/account/step-up");
        assertThat(Database.count("select count(*) from idn_email_code where email = ?", attackers)).isZero();
    }

    private static HttpResponse<String> ask(Browser browser, String newEmail) {
        return browser.postForm("/account/email", "newEmail=" + URLEncoder.encode(newEmail, StandardCharsets.UTF_8));
    }
}
