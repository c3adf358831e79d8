package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-up by invitation on the second server (LATCHKEY_SIGNUP_MODE=invitation): the operator
 * invites an address, the link arrives by mail, and only that address can sign up with it, once.
 */
class InvitationSignUpIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/signup\\?invitation=([A-Za-z0-9_-]{43}))");

    private static Browser operator;
    private static Authenticator operatorsPasskey;

    @BeforeAll
    static void theOperatorSignsUpWithoutAnInvitation() throws Exception {
        operator = AltServer.browser();
        operatorsPasskey = AltServer.authenticator();
        assertThat(operator.get("/signup?operator").body()).contains("signup-form");
        Mailbox.signUpConfirmed(SMTP, operator, operatorsPasskey, AltServer.OPERATOR);
        assertThat(operator.get("/operator/invitations").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvitedPersonSignsUpWithTheInvitedAddressOnce() throws Exception {
        String invitee = Journeys.uniqueEmail("invitee");
        String token = invite(invitee);
        assertThat(AltServer.count("select count(*) from idn_invitation where token_hash = ?", sha256(token)))
                .as("only the token's hash is stored").isOne();

        Browser browser = AltServer.browser();
        HttpResponse<String> opened = browser.get("/signup?invitation=" + token);
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/signup");
        String form = browser.get("/signup").body();
        assertThat(form).contains("value=\"" + invitee + "\"").contains("readonly").contains("You were invited");

        // Another address with this link: refused.
        HttpResponse<String> other = browser.postJson("/api/signup/options",
                "{\"email\":\"" + Journeys.uniqueEmail("other") + "\",\"displayName\":\"Other\"}");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("INVITATION_ADDRESS");

        // A second browser holding the same link starts too, and is overtaken.
        Browser second = AltServer.browser();
        second.get("/signup?invitation=" + token);
        Authenticator secondKey = AltServer.authenticator();
        String secondOptions = Journeys.signUpOptions(second, invitee, "Second");

        Authenticator passkey = AltServer.authenticator();
        Mailbox.signUpConfirmed(SMTP, browser, passkey, invitee);
        assertThat(browser.signedIn()).isTrue();

        HttpResponse<String> late = second.postJson("/api/signup/finish", Journeys.finishBody(secondKey.create(secondOptions)));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(410);
        assertThat(late.body()).contains("INVITATION_UNUSABLE");
        assertThat(AltServer.count("select count(*) from idn_account where email = ? or pending_email = ?", invitee,
                invitee)).as("the late sign-up left no account behind").isOne();

        // The used link, opened again.
        HttpResponse<String> reused = AltServer.browser().get("/signup?invitation=" + token);
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("cannot be used");
    }

    @Test
    void expiredWithdrawnAndMadeUpLinksAreRefusedAlike() throws Exception {
        String expiredFor = Journeys.uniqueEmail("late");
        String expired = invite(expiredFor);
        AltServer.execute("update idn_invitation set expires_at = current_timestamp - interval '1' second"
                + " where token_hash = ?", sha256(expired));

        String withdrawnFor = Journeys.uniqueEmail("withdrawn");
        String withdrawn = invite(withdrawnFor);
        String page = operator.get("/operator/invitations").body();
        assertThat(page).contains(withdrawnFor).doesNotContain(expiredFor);
        Matcher id = Pattern.compile("name=\"invitation\" value=\"([0-9a-f-]{36})\"").matcher(
                page.substring(page.indexOf(withdrawnFor)));
        assertThat(id.find()).isTrue();
        assertThat(operator.postForm("/operator/invitations/revoke", "invitation=" + id.group(1)).statusCode())
                .isEqualTo(302);

        String madeUp = "A".repeat(43);
        HttpResponse<String> first = null;
        for (String token : new String[] {expired, withdrawn, madeUp, "short"}) {
            HttpResponse<String> opened = AltServer.browser().get("/signup?invitation=" + token);
            assertThat(opened.statusCode()).as(token).isEqualTo(410);
            assertThat(opened.body()).contains("This invitation link cannot be used").doesNotContain("@");
            if (first != null) {
                // The same words and markup; only each browser's own CSRF token (header forms) differs.
                assertThat(withoutCsrfToken(opened.body())).as("the same page for every unusable link")
                        .isEqualTo(withoutCsrfToken(first.body()));
            }
            first = opened;
        }
    }

    @Test
    void withoutAnInvitationSignUpExplainsThatOneIsNeeded() {
        Browser stranger = AltServer.browser();
        HttpResponse<String> page = stranger.get("/signup");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("needs an invitation").doesNotContain("signup-form");
        HttpResponse<String> options = stranger.postJson("/api/signup/options",
                "{\"email\":\"" + Journeys.uniqueEmail("uninvited") + "\",\"displayName\":\"Stranger\"}");
        assertThat(options.statusCode()).isEqualTo(403);
        assertThat(options.body()).contains("INVITATION_REQUIRED");
    }

    @Test
    void onlyOperatorsInviteAndOnlyAfterAFreshStepUp() throws Exception {
        // Someone who is signed in but not an operator.
        String member = Journeys.uniqueEmail("member");
        String token = invite(member);
        Browser memberBrowser = AltServer.browser();
        memberBrowser.get("/signup?invitation=" + token);
        Mailbox.signUpConfirmed(SMTP, memberBrowser, AltServer.authenticator(), member);
        assertThat(memberBrowser.get("/operator/invitations").statusCode()).isEqualTo(403);
        assertThat(memberBrowser.postForm("/operator/invitations", "email=x%40example.com").statusCode()).isEqualTo(403);
        assertThat(AltServer.browser().get("/operator/invitations").statusCode()).as("signed out").isBetween(302, 401);

        // The operator's own session, six minutes after its passkey was last used: step up first.
        AltServer.execute("update idn_session set authenticated_at = current_timestamp - interval '6' minute"
                + " where account_id = (select id from idn_account where email = ?)", AltServer.OPERATOR);
        String wanted = Journeys.uniqueEmail("needs-step-up");
        HttpResponse<String> refused = operator.postForm("/operator/invitations",
                "email=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/account/step-up");
        assertThat(AltServer.count("select count(*) from idn_invitation where email = ?", wanted)).isZero();

        HttpResponse<String> options = operator.postJson("/api/account/stepup/options", "{}");
        assertThat(operator.postJson("/api/account/stepup/finish",
                Journeys.finishBody(operatorsPasskey.get(options.body()))).statusCode()).isEqualTo(200);
        invite(wanted);
    }

    @Test
    void anInvitationThatCannotBeDeliveredIsADeadLetterTheOperatorSeesAndRetries() throws Exception {
        String invitee = Journeys.uniqueEmail("undeliverable");
        String masked = invitee.charAt(0) + "***@example.com";
        stepUp();
        String page;
        SMTP.stop();
        try {
            HttpResponse<String> sent = operator.postForm("/operator/invitations",
                    "email=" + URLEncoder.encode(invitee, StandardCharsets.UTF_8));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
            // The test servers give up after 20 tries, 1 to 3 s apart (LATCHKEY_MAIL_ATTEMPTS=20).
            page = awaitOperatorMailPageListing(masked);
        } finally {
            SMTP.start();
        }
        assertThat(page).contains("You are invited to create an account").contains("20 attempts")
                .containsIgnoringCase("connect")
                .as("the address is masked and the link is nowhere").doesNotContain(invitee).doesNotContain("invitation=");
        assertThat(AltServer.browser().get("/operator/mail").statusCode()).as("signed out").isBetween(302, 401);

        Matcher retry = Pattern.compile("name=\"message\" value=\"([0-9a-f-]{36})\"").matcher(
                page.substring(page.indexOf(masked)));
        assertThat(retry.find()).as(page).isTrue();
        HttpResponse<String> retried = operator.postForm("/operator/mail/retry", "message=" + retry.group(1));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(302);
        assertThat(retried.headers().firstValue("Location").orElseThrow()).contains("/operator/mail");
        String body = GreenMailUtil.getBody(Mailbox.await(SMTP, invitee, "invited", java.time.Duration.ofSeconds(90)));
        Matcher link = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as(body).isTrue();
        for (int i = 0; i < 300 && AltServer.count("select count(*) from idn_mail_outbox where recipient = ?"
                + " and sent_at is null", invitee) > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(AltServer.rowsAsText("select * from idn_mail_outbox where recipient = ?", invitee))
                .as("once sent, the stored row holds no link").contains("You are invited").doesNotContain(link.group(2));
        assertThat(operator.postForm("/operator/mail/retry", "message=not-an-id").statusCode()).isEqualTo(422);
    }

    private static String awaitOperatorMailPageListing(String text) throws InterruptedException {
        String page = "";
        for (int i = 0; i < 1200; i++) {
            HttpResponse<String> shown = operator.get("/operator/mail");
            assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
            page = shown.body();
            if (page.contains(text)) {
                return page;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the operator's mail page never listed " + text + ":\n" + page);
    }

    /** A fresh step-up with the operator's passkey (operator actions need one). */
    private static void stepUp() {
        HttpResponse<String> options = operator.postJson("/api/account/stepup/options", "{}");
        assertThat(operator.postJson("/api/account/stepup/finish",
                Journeys.finishBody(operatorsPasskey.get(options.body()))).statusCode()).isEqualTo(200);
    }

    /** The operator invites the address; returns the token from the mailed link. */
    private static String invite(String email) throws Exception {
        HttpResponse<String> sent = operator.postForm("/operator/invitations",
                "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).contains("sent");
        String body = GreenMailUtil.getBody(Mailbox.await(SMTP, email, "invited"));
        Matcher link = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group(1)).startsWith(AltServer.BASE_URL + "/signup?invitation=");
        return link.group(2);
    }

    private static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String withoutCsrfToken(String page) {
        return page.replaceAll("(name=\"csrf-token\" content|name=\"_csrf\" value)=\"[^\"]*\"", "$1=\"\"");
    }
}
