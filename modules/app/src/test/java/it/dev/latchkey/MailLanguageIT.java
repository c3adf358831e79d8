package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail in the account's language: the page's language at sign-up, then the header switcher's last
 * choice while signed in; sent through a real SMTP conversation to the in-process server.
 */
class MailLanguageIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final Pattern GERMAN_CODE = Pattern.compile("Code zur (?:Anmeldung|Bestätigung dieser Adresse) lautet: (\\d{6})");

    @Test
    void aPersonWhoSignedUpInGermanGetsTheCodesAndNoticesInGerman() throws Exception {
        Browser browser = new Browser().withHeader("Accept-Language", "de-DE,de;q=0.9,en;q=0.5");
        String email = Journeys.uniqueEmail("deutsch");
        Journeys.signUp(browser, new Authenticator(), email);
        assertThat(Database.string("select preferred_language from idn_account where pending_email = ?", email))
                .isEqualTo("de");

        MimeMessage confirm = Mailbox.await(SMTP, email, "Bestätigen Sie Ihre E-Mail-Adresse");
        String confirmText = text(confirm);
        assertThat(confirmText).startsWith("Hallo Test User,").doesNotContain("Hello");
        HttpResponse<String> confirmed = browser.postForm("/account/confirm-email", "code=" + germanCode(confirmText));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);

        PasskeyManagementIT.addPasskey(browser, new Authenticator(PasskeyManagementIT.GOOGLE));
        MimeMessage notice = Mailbox.await(SMTP, email, "Ihrem Konto wurde ein Passkey hinzugefügt");
        assertThat(text(notice)).startsWith("Hallo Test User,").contains("„Google Password Manager“")
                .contains(" UTC ").contains("Wenn Sie es nicht waren").doesNotContain("Hello").doesNotContain("If it was");

        // The code mail is in the account's language, whatever the language of the browser that asks for it.
        Browser english = new Browser().withHeader("Accept-Language", "en");
        english.get("/signin");
        HttpResponse<String> asked = english.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(asked.statusCode()).isEqualTo(302);
        MimeMessage code = Mailbox.await(SMTP, email, "Ihr Anmeldecode");
        String codeText = text(code);
        assertThat(Mailbox.subject(code)).isEqualTo("Ihr Anmeldecode: " + germanCode(codeText));
        assertThat(codeText).startsWith("Hallo Test User,").contains("10 Minuten lang gültig");
        HttpResponse<String> signedIn = english.postForm("/signin/code", "code=" + germanCode(codeText));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    }

    @Test
    void theHeadersLanguageSwitcherChangesTheLanguageOfTheAccountsMail() throws Exception {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("switcher");
        Mailbox.signUpConfirmed(SMTP, browser, new Authenticator(), email);
        assertThat(Database.string("select preferred_language from idn_account where email = ?", email)).isEqualTo("en");

        HttpResponse<String> chosen = browser.postForm("/language", "lang=de&next=/account/security");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(Database.string("select preferred_language from idn_account where email = ?", email)).isEqualTo("de");
        askForCode(email);
        assertThat(text(Mailbox.await(SMTP, email, "Ihr Anmeldecode"))).startsWith("Hallo Test User,");

        assertThat(browser.postForm("/language", "lang=en&next=/account/security").statusCode()).isEqualTo(303);
        askForCode(email);
        assertThat(text(Mailbox.await(SMTP, email, "Your sign-in code: "))).startsWith("Hello Test User,");

        // Signed out, the switcher changes the page language only: no account is touched.
        assertThat(new Browser().postForm("/language", "lang=de&next=/").statusCode()).isEqualTo(303);
        assertThat(Database.string("select preferred_language from idn_account where email = ?", email)).isEqualTo("en");
    }

    private static void askForCode(String email) {
        Browser other = new Browser();
        other.get("/signin");
        assertThat(other.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(302);
    }

    /** The decoded text of a plain-text mail (umlauts arrive encoded). */
    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private static String germanCode(String text) {
        Matcher m = GERMAN_CODE.matcher(text);
        assertThat(m.find()).as("a code in the German mail: " + text).isTrue();
        return m.group(1);
    }
}
