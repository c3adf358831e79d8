package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reporting a device lost sends the owner one notice: the device signed out and every passkey removed with it. */
class LostDeviceNoticeIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final Pattern LOST_FORM = Pattern.compile("/account/devices/lost\\?device=([0-9a-f-]{36})");
    private static final Pattern NAMES = Pattern.compile("<h3 class=\"passkey-name\">([^<]+)</h3>");

    @Test
    void oneNoticeListsThePasskeysRemovedAndTheDeviceSignedOut() throws Exception {
        Authenticator laptopKey = new Authenticator();
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        String email = Journeys.uniqueEmail("lost-notice");
        Mailbox.signUpConfirmed(SMTP, laptop, laptopKey, email);

        // The phone signs in with the laptop's passkey and saves two passkeys of its own.
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        Journeys.signIn(phone, laptopKey.get(Journeys.signInOptions(phone, "modal")));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> options = phone.postJson("/api/account/passkeys/options", "{}");
            assertThat(phone.postJson("/api/account/passkeys/finish",
                    Journeys.finishBody(new Authenticator().create(options.body()))).statusCode()).isEqualTo(200);
        }
        Mailbox.await(SMTP, email, "A passkey was added"); // before the report, so it is not counted below
        String page = laptop.get("/account/security").body();
        List<String> names = NAMES.matcher(page).results().map(r -> r.group(1)).toList();
        assertThat(names).hasSize(3);
        Matcher device = LOST_FORM.matcher(page);
        assertThat(device.find()).isTrue();
        String phoneLabel = Pattern.compile("<strong>([^<]+)</strong>\\s*(?:<br>)?\\s*<span class=\"hint\">First seen")
                .matcher(page).results().map(r -> r.group(1)).filter(l -> l.contains("iPhone")).findFirst().orElseThrow();

        HttpResponse<String> lost = laptop.postForm("/account/devices/lost", "device=" + device.group(1));
        assertThat(lost.statusCode()).isEqualTo(302);

        MimeMessage notice = Mailbox.await(SMTP, email, "A device was reported lost");
        String body = GreenMailUtil.getBody(notice).replace("=\r\n", "").replace("\r\n", "\n");
        assertThat(body).contains("\"" + phoneLabel + "\" was reported lost").contains("It is signed out.")
                .contains("These passkeys, which lived only on it, were removed")
                .contains("  - " + names.get(1)).contains("  - " + names.get(2))
                .doesNotContain("  - " + names.get(0) + "\n");
        Thread.sleep(1500); // delivery starts 500 ms after the commit: give any further notice time to arrive
        assertThat(Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> email.equals(Mailbox.recipient(m)) && (Mailbox.subject(m).contains("removed")
                        || Mailbox.subject(m).contains("reported lost"))))
                .as("one notice for the report, none per passkey").hasSize(1);
    }
}
