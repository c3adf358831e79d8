package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No dead end on "Confirm it's you" (issue 14, item 5): on a phone whose account's only passkey lives on a
 * laptop (device-bound, made there), the step-up page does not lead with a passkey prompt the phone cannot
 * complete; it names the laptop, says how to make a link there (the link handoff), and offers a recovery code
 * only when the account has an unused one, which then does confirm. The laptop itself gets the usual page, and
 * the phone is not offered "Add a passkey on this device".
 */
class StepUpElsewhereIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code>");
    private static final Pattern DEVICE = Pattern.compile("<input type=\"hidden\" name=\"device\" value=\"([0-9a-f-]{36})\"");
    private static final String ADD_HERE = "/account/step-up?next=%2Faccount%2Fpasskeys%2Fnew&for=add-passkey";

    @Test
    void aPhoneWhosePasskeyIsOnlyOnALaptopIsOfferedWhatWorksThere() throws Exception {
        String email = Journeys.uniqueEmail("stepup-elsewhere");
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Mailbox.signUpConfirmed(SMTP, laptop, new Authenticator(), email);

        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        signInWithCode(phone, email);

        String page = phone.get(ADD_HERE).body();
        assertThat(page).contains("Your passkey is not on this device")
                .contains("Your passkey is only on Edge on Windows, which cannot confirm it is you on this device.")
                .contains("On Edge on Windows, open your Security page and choose &quot;No Bluetooth? Use a link instead&quot;")
                .contains("id=\"stepup-anyway\"")
                .as("no recovery code left: not offered").doesNotContain("id=\"stepup-recovery\"")
                .doesNotContain("This change needs a fresh check.");
        assertThat(phone.get("/account/security").body()).as("the phone is not offered a step-up it cannot complete")
                .doesNotContain("id=\"add-here-link\"");

        // The laptop, where the passkey lives, gets the usual page.
        assertThat(laptop.get(ADD_HERE).body()).contains("This change needs a fresh check.")
                .doesNotContain("stepup-elsewhere").contains("id=\"stepup-button\" class=\"primary\"");

        // The person names the laptop: the phone's page uses that name.
        String laptopDevice = Database.string("select cast(id as varchar(36)) from idn_device where label = 'Edge on Windows'"
                + " and account_id = (select id from idn_account where email = ?)", email);
        assertThat(DEVICE.matcher(laptop.get("/account/security").body()).results().map(r -> r.group(1)))
                .contains(laptopDevice);
        assertThat(laptop.postForm("/account/devices/name", "device=" + laptopDevice + "&name="
                + URLEncoder.encode("Work laptop", StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
        assertThat(phone.get(ADD_HERE).body()).contains("Your passkey is only on Work laptop");

        // With recovery codes saved (on the laptop), the phone is offered one, and it confirms.
        List<String> codes = makeCodes(laptop);
        assertThat(codes).isNotEmpty();
        String withCodes = phone.get(ADD_HERE).body();
        assertThat(withCodes).contains("id=\"stepup-recovery\" href=\"/signin/recovery?next=%2Faccount%2Fpasskeys%2Fnew\"")
                .contains("Use one of your recovery codes instead");
        HttpResponse<String> recovered = phone.postForm("/signin/recovery", "email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&code=" + codes.get(0)
                + "&next=" + URLEncoder.encode("/account/passkeys/new", StandardCharsets.UTF_8));
        assertThat(recovered.statusCode()).as(recovered.body()).isIn(200, 302, 303);
        HttpResponse<String> add = phone.get("/account/passkeys/new");
        assertThat(add.statusCode()).as("confirmed: the add page itself, no step-up in front of it").isEqualTo(200);

        // In German too.
        Browser german = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI).withHeader("Accept-Language", "de");
        signInWithCode(german, email);
        assertThat(german.get(ADD_HERE).body()).contains("Ihr Passkey ist nicht auf diesem Gerät")
                .contains("Ihr Passkey ist nur auf Work laptop");
    }

    /** Signs in with the code of the sign-in mail that this request sends (in English or German). */
    private static void signInWithCode(Browser browser, String email) throws InterruptedException {
        int before = codeMails(email).size();
        browser.get("/signin");
        HttpResponse<String> asked = browser.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
        List<jakarta.mail.internet.MimeMessage> mails = codeMails(email);
        for (int i = 0; i < 100 && mails.size() <= before; i++) {
            Thread.sleep(100);
            mails = codeMails(email);
        }
        assertThat(mails).as("a new sign-in code mail").hasSizeGreaterThan(before);
        HttpResponse<String> checked = browser.postForm("/signin/code", "code=" + Mailbox.code(mails.get(mails.size() - 1)));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(302);
        assertThat(browser.signedIn()).isTrue();
    }

    private static List<jakarta.mail.internet.MimeMessage> codeMails(String email) {
        return java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> email.equals(Mailbox.recipient(m)))
                .filter(m -> {
                    String subject = Mailbox.subject(m);
                    return subject.contains("sign-in code") || subject.contains("Anmeldecode");
                }).toList();
    }

    private static List<String> makeCodes(Browser browser) {
        HttpResponse<String> page = browser.postForm("/account/recovery-codes", "");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher m = RECOVERY_CODE.matcher(page.body());
        List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
