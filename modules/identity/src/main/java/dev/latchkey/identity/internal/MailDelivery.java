package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.MailQueue;
import dev.latchkey.identity.api.MailSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox over SMTP (Jakarta Mail) from managed threads: a poll every
 * {@link #POLL} on a {@link ManagedScheduledExecutorService} started with the application, and,
 * for a message this node just queued, a try {@link #DELIVERY_DELAY_MILLIS} after the commit.
 * Which node sends a row is decided by the claim in {@link MailOutbox}; this class only sends and
 * reports. Without an SMTP host nothing is sent and nothing is scheduled.
 */
@ApplicationScoped
class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    /**
     * The first try starts this long after the commit, so that its work (an SMTP conversation) never
     * overlaps the request that decided to send: otherwise a request for a known address, whose
     * mail is really sent, would end measurably later than one for an unknown address (README,
     * "Enumeration timing benchmark").
     */
    static final long DELIVERY_DELAY_MILLIS = 500;

    /** How often every node looks for due rows (retries, other nodes' mail, rows whose lease ran out). */
    static final Duration POLL = Duration.ofSeconds(2);

    /**
     * A claim lasts this long. It must outlast one SMTP conversation (connection, commands and the
     * message, each bounded by the SMTP timeout), or a slow send could be claimed and sent twice.
     */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final int BATCH = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** This node in claims: the host for operators, a random part for two servers on one host. */
    private final String node = host() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    MailOutbox outbox;

    @Inject
    MailSettings settings;

    @Inject
    MailQueue.Settings retries;

    @Inject
    IdentitySchema schema;

    @Resource
    ManagedScheduledExecutorService executor;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!settings.smtpConfigured()) {
            LOG.info("No SMTP host: mail stays in the outbox (idn_mail_outbox) unsent.");
            return;
        }
        executor.scheduleWithFixedDelay(this::deliverDue, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void deliverAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOutbox.Queued message) {
        if (settings.smtpConfigured()) {
            executor.schedule(() -> deliver(message.id()), DELIVERY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** One poll: every due row this node can claim. Never throws (a throw would end the schedule). */
    void deliverDue() {
        try {
            if (schema.ready()) {
                for (UUID id : outbox.due(BATCH)) {
                    deliver(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail delivery poll failed: " + e.getMessage());
        }
    }

    void deliver(UUID id) {
        Optional<MailOutbox.Claimed> claimed;
        try {
            claimed = outbox.claim(id, node, LEASE);
        } catch (RuntimeException raced) {
            // Another thread or node updated the row at the same moment (H2 reports that as an error): it has it.
            return;
        }
        claimed.ifPresent(this::deliver);
    }

    private void deliver(MailOutbox.Claimed message) {
        try {
            send(message.recipient(), message.subject(), message.body());
        } catch (MessagingException | RuntimeException e) {
            boolean permanent = permanent(e);
            Optional<Duration> wait = permanent || message.attempt() >= retries.attempts()
                    ? Optional.empty() : Optional.of(retryAfter(message.attempt(), retries, RANDOM.nextDouble()));
            LOG.log(Level.WARNING, "Mail " + message.id() + " could not be sent (try " + message.attempt() + " of "
                    + retries.attempts() + "): " + e.getMessage()
                    + wait.map(w -> "; next try in " + w.toSeconds() + " s").orElse("; given up (dead letter)"));
            outbox.failed(message.id(), node, e.getClass().getSimpleName() + ": " + e.getMessage(), wait);
            return;
        }
        outbox.sent(message.id());
    }

    /**
     * The wait after the {@code attempt}-th failed try: the first retry's wait, doubled for each
     * later try up to the longest, of which a random part (up to half) is left out, so that many
     * messages that failed together (a mail server down) do not all come back in the same second.
     * At least a second: the database clock counts whole seconds here.
     */
    static Duration retryAfter(int attempt, MailQueue.Settings settings, double random) {
        long first = settings.firstRetry().toMillis();
        long longest = settings.longestRetry().toMillis();
        long full = first;
        for (int i = 1; i < attempt && full < longest; i++) {
            full *= 2;
        }
        full = Math.min(full, longest);
        long jittered = full - (long) (full / 2.0 * Math.max(0, Math.min(random, 1)));
        return Duration.ofSeconds(Math.max(1, (jittered + 999) / 1000));
    }

    /** The server refused the recipient (5xx) or the address is malformed: trying again cannot help. */
    static boolean permanent(Exception e) {
        if (e instanceof AddressException) {
            return true;
        }
        return e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0;
    }

    private void send(String recipient, String subject, String body) throws MessagingException {
        String timeout = String.valueOf(retries.smtpTimeout().toMillis());
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        // Bounded waits: a mail server that accepts the connection and then hangs costs one timeout, not a thread.
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
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

    private static String host() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            return name.length() > 60 ? name.substring(0, 60) : name;
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }
}
