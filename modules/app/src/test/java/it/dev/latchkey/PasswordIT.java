package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The optional password: set and changed on the account page, used to sign in from the ways
 * to sign in", over HTTP against the running server.
 */
class PasswordIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final String PASSWORD = "kettle violin 42";
    private static final String OTHER_PASSWORD = "harbour lantern at dusk";
    private static final String REFUSED = "That email address and password do not match.";

    @Test
    void aPasswordAddedOnTheAccountPageSignsInFromAFreshBrowser() throws Exception {
        String email = Journeys.uniqueEmail("pw");
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);
        String page = owner.get("/account/security").body();
        assertThat(page).contains("No password").contains("autocomplete=\"new-password\"")
                .contains("At least 8 characters").doesNotContain("autocomplete=\"current-password\"");

        HttpResponse<String> added = setPassword(owner, null, PASSWORD);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        String location = added.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/account/security?passwordSet");
        page = owner.get(location.substring(location.indexOf("/account"))).body();
        assertThat(page).contains("Password: set on <time").contains("Your password is added.")
                .doesNotContain("No password").contains("Change password");
        assertThat(Mailbox.await(SMTP, email, "A password was added to your Latchkey account")).isNotNull();
        awaitMarkedSent(email, "A password was added to your Latchkey account");

        Browser fresh = new Browser();
        fresh.get("/signin");
        assertThat(fresh.postForm("/signin/continue", "email=" + encode(email)).body()).contains("action=\"/signin/password\"")
                .contains("autocomplete=\"username\"").contains("autocomplete=\"current-password\"");
        HttpResponse<String> signedIn = signIn(fresh, email, PASSWORD);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        // A device new to the account: the nudge check offers a passkey here, on the way to the account page.
        assertThat(signedIn.headers().firstValue("Location").orElseThrow())
                .matches(".*/nudge\\?d=[0-9a-f-]{36}&next=%2Faccount%2Fsecurity");
        assertThat(fresh.signedIn()).isTrue();
        assertThat(fresh.get("/account/security").body()).contains("Signed in with a password on Chrome on Linux");
        assertThat(Database.count("select count(*) from idn_sign_in_event e join idn_account a on a.id = e.account_id"
                + " where a.email = ? and e.method = 'PASSWORD' and e.succeeded", email)).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndLoggedAgainstTheAccount() throws Exception {
        String email = accountWithPassword("wrong");
        Browser fresh = new Browser();
        HttpResponse<String> refused = signIn(fresh, email, PASSWORD + "!");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains(REFUSED).contains("value=\"" + email + "\"");
        assertThat(fresh.signedIn()).isFalse();
        assertThat(Database.count("select count(*) from idn_sign_in_event e join idn_account a on a.id = e.account_id"
                + " where a.email = ? and e.method = 'PASSWORD' and not e.succeeded and e.reason = 'WRONG_PASSWORD'",
                email)).isEqualTo(1);
    }

    @Test
    void anUnknownAddressAndAnAccountWithoutPasswordAreAnsweredLikeAWrongPassword() throws Exception {
        String withPassword = accountWithPassword("known");
        String withoutPassword = Journeys.uniqueEmail("nopw");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), withoutPassword);
        String unknown = Journeys.uniqueEmail("nobody");
        Browser guesser = new Browser();
        guesser.get("/signin");
        long unknownFailures = unknownAccountFailures();

        HttpResponse<String> wrong = signIn(guesser, withPassword, "not the password");
        HttpResponse<String> noPassword = signIn(guesser, withoutPassword, "not the password");
        HttpResponse<String> noAccount = signIn(guesser, unknown, "not the password");

        assertThat(List.of(wrong.statusCode(), noPassword.statusCode(), noAccount.statusCode())).containsOnly(422);
        assertThat(wrong.body()).contains(REFUSED);
        assertThat(noPassword.body().replace(withoutPassword, "EMAIL")).isEqualTo(wrong.body().replace(withPassword, "EMAIL"));
        assertThat(noAccount.body().replace(unknown, "EMAIL")).isEqualTo(wrong.body().replace(withPassword, "EMAIL"));
        assertThat(cookieNames(noPassword)).isEqualTo(cookieNames(wrong));
        assertThat(cookieNames(noAccount)).isEqualTo(cookieNames(wrong));
        assertThat(guesser.signedIn()).isFalse();

        // Every attempt is logged, against the account where there is one.
        assertThat(Database.count("select count(*) from idn_sign_in_event e join idn_account a on a.id = e.account_id"
                + " where a.email = ? and e.method = 'PASSWORD' and not e.succeeded and e.reason = 'NO_PASSWORD'",
                withoutPassword)).isEqualTo(1);
        assertThat(unknownAccountFailures()).isEqualTo(unknownFailures + 1);

        // Comparable timing (a hash is computed against a dummy when there is nothing to compare
        // with) is measured by EnumerationTimingBenchmark, not asserted here: a timed assertion
        // fails on a loaded machine and proves nothing on a fast one (README, "Enumeration timing").
    }

    @Test
    void anUnconfirmedAddressCannotSignInWithAPasswordUntilConfirmed() throws Exception {
        String email = Journeys.uniqueEmail("unconfirmed");
        Browser owner = new Browser();
        Journeys.signUp(owner, new Authenticator(), email);
        assertThat(setPassword(owner, null, PASSWORD).statusCode()).isEqualTo(302);

        Browser fresh = new Browser();
        HttpResponse<String> refused = signIn(fresh, email, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains(REFUSED);
        assertThat(fresh.signedIn()).isFalse();

        // The same password works once the address is confirmed: the refusal was the confirmation.
        String code = Mailbox.code(Mailbox.await(SMTP, email, "Confirm your email address"));
        assertThat(owner.postForm("/account/confirm-email", "code=" + code).statusCode()).isEqualTo(302);
        assertThat(signIn(fresh, email, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(fresh.signedIn()).isTrue();
    }

    @Test
    void changingThePasswordRequiresTheCurrentOne() throws Exception {
        String email = Journeys.uniqueEmail("change");
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);
        assertThat(setPassword(owner, null, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(owner.get("/account/security").body()).contains("autocomplete=\"current-password\"");

        HttpResponse<String> withoutCurrent = setPassword(owner, null, OTHER_PASSWORD);
        assertThat(withoutCurrent.statusCode()).isEqualTo(422);
        assertThat(withoutCurrent.body()).contains("Enter your current password to change it.");

        HttpResponse<String> wrongCurrent = setPassword(owner, "not my password", OTHER_PASSWORD);
        assertThat(wrongCurrent.statusCode()).isEqualTo(422);
        assertThat(wrongCurrent.body()).contains("Your current password is not right.");
        assertThat(Database.count("select count(*) from idn_sign_in_event e join idn_account a on a.id = e.account_id"
                + " where a.email = ? and e.method = 'PASSWORD' and e.reason = 'WRONG_CURRENT_PASSWORD'", email))
                .isEqualTo(1);
        assertThat(signIn(new Browser(), email, OTHER_PASSWORD).statusCode()).isEqualTo(422);

        HttpResponse<String> changed = setPassword(owner, PASSWORD, OTHER_PASSWORD);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).contains("passwordChanged");
        assertThat(Mailbox.await(SMTP, email, "Your Latchkey password was changed")).isNotNull();
        assertThat(signIn(new Browser(), email, PASSWORD).statusCode()).isEqualTo(422);
        Browser fresh = new Browser();
        assertThat(signIn(fresh, email, OTHER_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(fresh.signedIn()).isTrue();
    }

    @Test
    void commonAndTooShortPasswordsAreRefusedWithReadableMessages() throws Exception {
        String email = Journeys.uniqueEmail("rules");
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);

        HttpResponse<String> common = setPassword(owner, null, "Password123");
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("This password is on a list of common and leaked passwords, which attackers"
                + " try first. Choose another one.").contains("aria-invalid=\"true\"");

        HttpResponse<String> tooShort = setPassword(owner, null, "kettle7");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("Use at least 8 characters.");

        HttpResponse<String> empty = setPassword(owner, null, "");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Enter a password.");

        assertThat(owner.get("/account/security").body()).contains("No password");
        assertThat(signIn(new Browser(), email, "Password123").statusCode()).isEqualTo(422);
    }

    @Test
    void formsWithoutTheCsrfTokenAreForbidden() throws Exception {
        String email = Journeys.uniqueEmail("csrf");
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);

        HttpResponse<String> forgedChange = owner.postFormWithoutCsrfToken("/account/password",
                "newPassword=" + encode(PASSWORD));
        assertThat(forgedChange.statusCode()).isEqualTo(403);
        assertThat(owner.get("/account/security").body()).contains("No password");

        assertThat(setPassword(owner, null, PASSWORD).statusCode()).isEqualTo(302);
        Browser fresh = new Browser();
        HttpResponse<String> forgedSignIn = fresh.postFormWithoutCsrfToken("/signin/password",
                "email=" + encode(email) + "&password=" + encode(PASSWORD));
        assertThat(forgedSignIn.statusCode()).isEqualTo(403);
        assertThat(fresh.signedIn()).isFalse();
    }

    @Test
    void missingFieldsGetReadableAnswers() {
        Browser browser = new Browser();
        HttpResponse<String> noEmail = browser.postForm("/signin/password", "email=&password=" + encode(PASSWORD));
        assertThat(noEmail.statusCode()).isEqualTo(422);
        assertThat(noEmail.body()).contains("Enter the email address of your account")
                .containsPattern("id=\"username\"[^>]*aria-invalid=\"true\"");
        HttpResponse<String> noPassword = browser.postForm("/signin/password", "email=" + encode("a@example.com"));
        assertThat(noPassword.statusCode()).isEqualTo(422);
        assertThat(noPassword.body()).contains("Enter your password.");
        assertThat(browser.get("/signin/password").statusCode()).isEqualTo(302);
    }

    @Test
    void removingThePasswordNeedsAPasskeyStepUpNotThePasswordItself() throws Exception {
        String email = Journeys.uniqueEmail("remove");
        Browser owner = new Browser();
        Authenticator passkey = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, owner, passkey, email);
        assertThat(setPassword(owner, null, PASSWORD).statusCode()).isEqualTo(302);

        // Signed in with the password only: removing it needs a passkey step-up first.
        Browser elsewhere = new Browser();
        assertThat(signIn(elsewhere, email, PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> refused = elsewhere.postForm("/account/password/remove", "");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/account/step-up");
        assertThat(signIn(new Browser(), email, PASSWORD).statusCode()).as("still there").isEqualTo(302);

        // After a passkey step-up it goes, and no longer signs in.
        HttpResponse<String> options = elsewhere.postJson("/api/account/stepup/options", "{}");
        assertThat(elsewhere.postJson("/api/account/stepup/finish", Journeys.finishBody(passkey.get(options.body())))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> removed = elsewhere.postForm("/account/password/remove", "");
        assertThat(removed.headers().firstValue("Location").orElseThrow()).contains("passwordRemoved");
        assertThat(elsewhere.get("/account/security").body()).contains("No password.");
        assertThat(signIn(new Browser(), email, PASSWORD).statusCode()).isEqualTo(422);
    }

    @Test
    void removingThePasswordIsRecordedAndTheOwnerIsToldByMail() throws Exception {
        String email = Journeys.uniqueEmail("remove-audit");
        Browser owner = new Browser();
        Authenticator passkey = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, owner, passkey, email);
        assertThat(setPassword(owner, null, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(events(email, "PASSWORD_REMOVED")).isZero();

        HttpResponse<String> options = owner.postJson("/api/account/stepup/options", "{}");
        assertThat(owner.postJson("/api/account/stepup/finish", Journeys.finishBody(passkey.get(options.body())))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> removed = owner.postForm("/account/password/remove", "");
        assertThat(removed.headers().firstValue("Location").orElseThrow()).contains("passwordRemoved");
        assertThat(events(email, "PASSWORD_REMOVED")).as("the removal is in identity's event log").isOne();
        assertThat(Mailbox.await(SMTP, email, "The password was removed from your Latchkey account")).isNotNull();

        // Removing again (nothing left to remove) records nothing more and sends nothing.
        owner.postForm("/account/password/remove", "");
        assertThat(events(email, "PASSWORD_REMOVED")).isOne();
        assertThat(Database.count("select count(*) from idn_mail_outbox where recipient = ? and subject = ?", email,
                "The password was removed from your Latchkey account")).isOne();
    }

    private static long events(String email, String type) {
        return Database.count("select count(*) from idn_event e join idn_account a on a.id = e.account_id"
                + " where a.email = ? and e.type = ?", email, type);
    }

    private static String accountWithPassword(String prefix) throws InterruptedException {
        String email = Journeys.uniqueEmail(prefix);
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);
        HttpResponse<String> set = setPassword(owner, null, PASSWORD);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(302);
        return email;
    }

    private static HttpResponse<String> setPassword(Browser browser, String current, String next) {
        return browser.postForm("/account/password",
                (current == null ? "" : "currentPassword=" + encode(current) + "&") + "newPassword=" + encode(next));
    }

    private static HttpResponse<String> signIn(Browser browser, String email, String password) {
        browser.get("/signin");
        return browser.postForm("/signin/password", "email=" + encode(email) + "&password=" + encode(password));
    }

    /** The outbox records the delivery once the SMTP server took the message. */
    private static void awaitMarkedSent(String recipient, String subject) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (Database.count("select count(*) from idn_mail_outbox where recipient = ? and subject = ?"
                    + " and sent_at is not null and last_error is null", recipient, subject) == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the outbox did not record the delivery of '" + subject + "' within 5 s");
    }

    private static long unknownAccountFailures() {
        return Database.count("select count(*) from idn_sign_in_event where account_id is null and method = 'PASSWORD'"
                + " and reason = 'UNKNOWN_ACCOUNT'");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> cookieNames(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf('='))).sorted().toList();
    }
}
