package dev.latchkey.insights.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes a coverage snapshot {@link #FIRST} after start, then every {@link #EVERY}. Each instance
 * runs it; the day's row is replaced, so two instances only repeat each other's work.
 */
@ApplicationScoped
class SnapshotJob {

    private static final Logger LOG = Logger.getLogger(SnapshotJob.class.getName());
    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration EVERY = Duration.ofHours(1);

    @Inject
    InsightsSchema schema;

    @Inject
    CoverageSnapshots snapshots;

    @Resource
    ManagedScheduledExecutorService executor;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor.scheduleWithFixedDelay(this::run, FIRST.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** One round. Never throws (a throw would end the schedule). */
    void run() {
        if (!schema.ready()) {
            return;
        }
        try {
            long accounts = snapshots.takeNow();
            LOG.fine(() -> "insights: coverage snapshot of " + accounts + " accounts");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: coverage snapshot failed, the next round tries again: " + e.getMessage());
        }
    }
}
