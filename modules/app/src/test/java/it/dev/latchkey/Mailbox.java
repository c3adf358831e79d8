package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The in-process SMTP server (GreenMail) the test server sends to, and reading codes from its mail. */
final class Mailbox {

    /** The code in an English or a German code mail ("... lautet: 123456"; the raw body may be quoted-printable). */
    private static final Pattern CODE = Pattern.compile("(?:code to (?:sign in|confirm this address) is|lautet): (\\d{6})");

    private Mailbox() {
    }

    static GreenMailExtension smtpServer() {
        return new GreenMailExtension(new ServerSetup(Integer.getInteger("latchkey.it.smtp.port", 3925), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
    }

    /** The newest mail to this recipient whose subject contains the text, waiting up to 10 s. */
    static MimeMessage await(GreenMailExtension smtp, String recipient, String subjectPart) throws InterruptedException {
        return await(smtp, recipient, subjectPart, java.time.Duration.ofSeconds(10));
    }

    /** As {@link #await(GreenMailExtension, String, String)}, waiting up to the given time (retried deliveries). */
    static MimeMessage await(GreenMailExtension smtp, String recipient, String subjectPart, java.time.Duration timeout)
            throws InterruptedException {
        for (long i = 0; i < timeout.toMillis() / 100; i++) {
            List<MimeMessage> matching = java.util.Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> recipient.equals(recipient(m)) && subject(m).contains(subjectPart))
                    .toList();
            if (!matching.isEmpty()) {
                return matching.get(matching.size() - 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail '" + subjectPart + "' for " + recipient + " within " + timeout);
    }

    /** The codes of the first {@code count} such mails, waiting up to 10 s for them. */
    static List<String> codes(GreenMailExtension smtp, String recipient, String subjectPart, int count)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<MimeMessage> matching = java.util.Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> recipient.equals(recipient(m)) && subject(m).contains(subjectPart))
                    .toList();
            if (matching.size() >= count) {
                return matching.stream().map(Mailbox::code).toList();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(count + " mails '" + subjectPart + "' for " + recipient + " did not arrive within 10 s");
    }

    /** How many mails to this recipient the server has received. */
    static long countTo(GreenMailExtension smtp, String recipient) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient.equals(recipient(m))).count();
    }

    static String code(MimeMessage message) {
        Matcher m = CODE.matcher(GreenMailUtil.getBody(message));
        assertThat(m.find()).as("a code in the mail").isTrue();
        return m.group(1);
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs up with a passkey and confirms the address with the code from the mail. */
    static void signUpConfirmed(GreenMailExtension smtp, Browser browser, Authenticator authenticator, String email)
            throws InterruptedException {
        signUpConfirmed(smtp, browser, authenticator, email, "Confirm your email address");
    }

    /** As above, for a sign-up whose mail comes in another language: the confirmation's subject in it. */
    static void signUpConfirmed(GreenMailExtension smtp, Browser browser, Authenticator authenticator, String email,
                                String confirmationSubject) throws InterruptedException {
        Journeys.signUp(browser, authenticator, email);
        String code = code(await(smtp, email, confirmationSubject));
        var confirmed = browser.postForm("/account/confirm-email", "code=" + code);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).contains("emailConfirmed");
    }
}
