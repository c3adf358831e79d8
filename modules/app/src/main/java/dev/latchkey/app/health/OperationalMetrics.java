package dev.latchkey.app.health;

import dev.latchkey.credentials.api.PasskeyAdded;
import dev.latchkey.credentials.api.PasskeyRemoved;
import dev.latchkey.identity.api.MailQueue;
import dev.latchkey.identity.api.SignInEvent;
import dev.latchkey.nudges.api.NudgeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * MicroProfile Metrics for monitoring ({@code /metrics}, Liberty's {@code mpMetrics-5.1}; protected
 * by {@code LATCHKEY_METRICS_AUTHENTICATION}): counters of sign-ins by method and outcome, of
 * WebAuthn ceremonies and of nudge steps, from the modules' events after they committed, and gauges
 * of the mail queue. The counters are per instance, since start, as monitoring systems expect
 * (insights' rollups are the durable, all-instances figures).
 */
@ApplicationScoped
public class OperationalMetrics {

    private static final Logger LOG = Logger.getLogger(OperationalMetrics.class.getName());
    /** The queue is read at most this often, whatever the scrape rate. */
    static final Duration QUEUE_READ = Duration.ofSeconds(15);

    @Inject
    MetricRegistry registry;

    @Inject
    MailQueue mail;

    private volatile MailQueue.Summary queue = new MailQueue.Summary(0, 0, 0);
    private final AtomicLong queueReadAt = new AtomicLong(System.nanoTime() - QUEUE_READ.toNanos() - 1);

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge("latchkey_mail_queue_pending", this, m -> m.queue().pending());
        registry.gauge("latchkey_mail_queue_dead", this, m -> m.queue().dead());
    }

    void signIn(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignInEvent event) {
        count("latchkey_sign_ins", tag("method", event.method().name()), outcome(event.succeeded()));
        if (event.method().isPasskey()) {
            count("latchkey_ceremonies", tag("kind", "authentication"), outcome(event.succeeded()));
        }
    }

    void passkeyAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasskeyAdded added) {
        count("latchkey_ceremonies", tag("kind", "registration"), outcome(true));
    }

    void passkeyRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasskeyRemoved removed) {
        count("latchkey_passkeys_removed", tag("reason", removed.reason()));
    }

    void nudge(@Observes(during = TransactionPhase.AFTER_SUCCESS) NudgeEvent event) {
        count("latchkey_nudges", tag("step", event.type().name()), tag("scenario", event.scenario().name()));
    }

    private void count(String name, Tag... tags) {
        try {
            registry.counter(name, tags).inc();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "metric " + name + " not counted", e);
        }
    }

    /** The queue's counts, read from identity at most every {@link #QUEUE_READ}. */
    MailQueue.Summary queue() {
        long now = System.nanoTime();
        long last = queueReadAt.get();
        if (now - last > QUEUE_READ.toNanos() && queueReadAt.compareAndSet(last, now)) {
            try {
                queue = mail.summary();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "mail queue not read for the metrics", e);
            }
        }
        return queue;
    }

    private static Tag outcome(boolean succeeded) {
        return new Tag("outcome", succeeded ? "succeeded" : "failed");
    }

    private static Tag tag(String name, String value) {
        return new Tag(name, value.toLowerCase(Locale.ROOT));
    }
}
