package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in by email code, with the mail going through a real SMTP conversation to an in-process
 * server (GreenMail) that the test server is configured to use.
 */
class EmailCodeSignInIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    @Test
    void aCodeFromTheMailSignsInOnceAndIsLoggedAsAnEmailCodeSignIn() throws Exception {
        String email = registered("code");
        Browser browser = new Browser();
        HttpResponse<String> asked = askForCode(browser, email);
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElseThrow()).contains("/signin/code");
        assertThat(browser.get("/signin/code").body()).contains(email).contains("6-digit code");

        String code = codeFrom(awaitMail(email));
        HttpResponse<String> checked = browser.postForm("/signin/code", "code=" + code);
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(302);
        // A device new to the account: the nudge check offers a passkey here, on the way to the account page.
        assertThat(checked.headers().firstValue("Location").orElseThrow())
                .matches(".*/nudge\\?d=[0-9a-f-]{36}&next=%2Faccount%2Fsecurity");
        assertThat(browser.signedIn()).isTrue();
        assertThat(browser.get("/account/security").body()).contains("Signed in with an email code on Chrome on Linux");

        // Single use: the same code in the same browser does nothing after sign-out.
        browser.postForm("/signout", "");
        HttpResponse<String> reused = browser.postForm("/signin/code", "code=" + code);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("Ask for a new code");
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    void wrongCodesCountDownAndTheFifthEndsTheAttempt() throws Exception {
        String email = registered("wrong");
        Browser browser = new Browser();
        askForCode(browser, email);
        String code = codeFrom(awaitMail(email));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            HttpResponse<String> tried = browser.postForm("/signin/code", "code=" + wrong);
            assertThat(tried.statusCode()).isEqualTo(422);
            assertThat(tried.body()).contains("(" + left + (left == 1 ? " try" : " tries") + " left)");
        }
        HttpResponse<String> fifth = browser.postForm("/signin/code", "code=" + wrong);
        assertThat(fifth.body()).contains("Ask for a new code");
        // Even the right code no longer works for this attempt.
        assertThat(browser.postForm("/signin/code", "code=" + code).statusCode()).isEqualTo(422);
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        String email = registered("expired");
        Browser browser = new Browser();
        askForCode(browser, email);
        String code = codeFrom(awaitMail(email));
        Database.execute("update idn_email_code set expires_at = current_timestamp - interval '1' second where email = ?", email);
        HttpResponse<String> late = browser.postForm("/signin/code", "code=" + code);
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("expired");
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    void aCodeWorksOnlyInTheBrowserThatAskedForIt() throws Exception {
        String email = registered("bound");
        Browser asker = new Browser();
        askForCode(asker, email);
        String code = codeFrom(awaitMail(email));
        Browser other = new Browser();
        other.get("/signin");
        assertThat(other.postForm("/signin/code", "code=" + code).statusCode()).isEqualTo(422);
        assertThat(other.signedIn()).isFalse();
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerAndOnlyAccountsGetMail() throws Exception {
        String known = registered("known");
        String unknown = Journeys.uniqueEmail("nobody");
        HttpResponse<String> forKnown = askForCode(new Browser(), known);
        HttpResponse<String> forUnknown = askForCode(new Browser(), unknown);
        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode());
        assertThat(forUnknown.headers().firstValue("Location")).isEqualTo(forKnown.headers().firstValue("Location"));
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(cookieNames(forUnknown)).isEqualTo(cookieNames(forKnown));

        awaitMail(known);
        Thread.sleep(500);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> Mailbox.subject(m).contains("sign-in code"))
                .map(Mailbox::recipient))
                .contains(known).doesNotContain(unknown);
        // An attempt is stored for the unknown address too, and its codes never sign anyone in.
        Browser guesser = new Browser();
        askForCode(guesser, unknown);
        assertThat(guesser.postForm("/signin/code", "code=123456").body()).contains("(4 tries left)").doesNotContain("no account");
    }

    @Test
    void anUnconfirmedAddressCannotBeUsedForCodeSignIn() throws Exception {
        String email = Journeys.uniqueEmail("unconfirmed");
        Journeys.signUp(new Browser(), new Authenticator(), email);
        Browser browser = new Browser();
        assertThat(askForCode(browser, email).statusCode()).isEqualTo(302);
        Thread.sleep(1000);
        assertThat(Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> email.equals(Mailbox.recipient(m)) && Mailbox.subject(m).contains("sign-in code"))).isEmpty();
    }

    @Test
    void codesPerAddressAreCappedPerHour() {
        String email = Journeys.uniqueEmail("cap");
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            assertThat(askForCode(browser, email).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> sixth = askForCode(browser, email);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Several codes were requested for this address");
    }

    @Test
    void theDevelopmentOutboxDoesNotExistWithoutItsFlag() {
        HttpResponse<String> page = new Browser().get("/dev/outbox");
        assertThat(page.statusCode()).isEqualTo(404);
        // Nothing of the outbox: no mail, no link to it (the header's language switcher only returns to the path).
        assertThat(page.body()).contains("We could not find that page.").doesNotContain("Development outbox")
                .doesNotContain("class=\"mail\"").doesNotContain("href=\"/dev/outbox\"");
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

    private static MimeMessage awaitMail(String recipient) throws InterruptedException {
        return Mailbox.await(SMTP, recipient, "sign-in code");
    }

    private static String codeFrom(MimeMessage message) {
        return Mailbox.code(message);
    }

    private static java.util.List<String> cookieNames(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf('='))).sorted().toList();
    }
}
