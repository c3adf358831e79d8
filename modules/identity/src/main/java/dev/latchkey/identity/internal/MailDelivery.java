package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.MailSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Hands one outbox message to the configured SMTP server (Jakarta Mail) and records the result. */
@ApplicationScoped
class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @Inject
    MailOutbox outbox;

    @Inject
    MailSettings settings;

    void deliver(UUID id) {
        outbox.unsent(id).ifPresent(row -> {
            try {
                send((String) row[0], (String) row[1], (String) row[2]);
                outbox.mark(id, null);
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.WARNING, "Mail " + id + " could not be sent: " + e.getMessage());
                outbox.mark(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
    }

    private void send(String recipient, String subject, String body) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        boolean auth = settings.user() != null && !settings.user().isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        if (auth) {
            Transport.send(message, settings.user(), settings.password());
        } else {
            Transport.send(message);
        }
    }
}
