package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lost-phone path: recovery codes made once, each signing in once, leading to a new passkey. */
class RecoveryCodesIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final Pattern CODE = Pattern.compile("<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code>");

    @Test
    void aRecoveryCodeSignsInOnceNotifiesTheOwnerAndLeadsToANewPasskey() throws Exception {
        String email = Journeys.uniqueEmail("recover");
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);
        List<String> codes = makeCodes(owner);
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(owner.get("/account/security").body()).contains("10 of 10 recovery codes left.");

        // The phone is lost: a new browser signs in with a code (typed without dashes, in lower case).
        Browser newPhone = new Browser();
        String typed = codes.get(3).replace("-", "").toLowerCase(Locale.ROOT);
        HttpResponse<String> in = recover(newPhone, email, typed);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/account/recovered");
        assertThat(newPhone.get("/account/recovered").body()).contains("You have <strong>9</strong> left")
                .contains("Create a passkey on this device");
        assertThat(Mailbox.await(SMTP, email, "A recovery code was used")).isNotNull();
        assertThat(newPhone.get("/account/security").body()).contains("Signed in with a recovery code");

        // Straight to a new passkey: the recovery code counts as a strong re-authentication.
        assertThat(newPhone.postJson("/api/account/passkeys/options", "{}").statusCode()).isEqualTo(200);

        // Each code works once.
        Browser again = new Browser();
        HttpResponse<String> reused = recover(again, email, codes.get(3));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("Each code works once");
        assertThat(again.signedIn()).isFalse();
    }

    @Test
    void unknownAddressesAndWrongCodesGetTheSameAnswer() throws Exception {
        String email = Journeys.uniqueEmail("norecovery");
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);
        makeCodes(owner);
        HttpResponse<String> wrong = recover(new Browser(), email, "AAAA-BBBB-CCCC");
        HttpResponse<String> unknown = recover(new Browser(), Journeys.uniqueEmail("nobody"), "AAAA-BBBB-CCCC");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode());
        assertThat(unknown.body().replaceAll("(value|content)=\"[^\"]*\"", ""))
                .isEqualTo(wrong.body().replaceAll("(value|content)=\"[^\"]*\"", ""));
    }

    @Test
    void makingNewCodesNeedsAFreshStepUpAndReplacesTheOldOnes() throws Exception {
        String email = Journeys.uniqueEmail("regen");
        Browser owner = new Browser();
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);
        List<String> first = makeCodes(owner);
        Database.execute("update idn_session set authenticated_at = current_timestamp - interval '10' minute"
                + " where account_id = (select id from idn_account where email = ?)", email);
        HttpResponse<String> refused = owner.postForm("/account/recovery-codes", "");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/account/step-up");
        assertThat(recover(new Browser(), email, first.get(0)).statusCode()).as("old codes still work").isEqualTo(302);
    }

    private static List<String> makeCodes(Browser browser) {
        HttpResponse<String> page = browser.postForm("/account/recovery-codes", "");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher m = CODE.matcher(page.body());
        List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static HttpResponse<String> recover(Browser browser, String email, String code) {
        browser.get("/signin");
        return browser.postForm("/signin/recovery", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }
}
