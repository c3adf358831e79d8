package dev.latchkey.insights.internal;

import dev.latchkey.insights.api.Insights;
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
 * Takes a coverage snapshot {@link #FIRST} after start, then at the configured interval (none when
 * it is 0). Each instance runs it; the day's row is replaced, so two instances only repeat each
 * other's work.
 */
@ApplicationScoped
class SnapshotJob {

    private static final Logger LOG = Logger.getLogger(SnapshotJob.class.getName());
    static final Duration FIRST = Duration.ofSeconds(30);

    @Inject
    InsightsSchema schema;

    @Inject
    CoverageSnapshots snapshots;

    @Inject
    Insights.Settings settings;

    @Resource
    ManagedScheduledExecutorService executor;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!settings.snapshots()) {
            LOG.info("insights: no scheduled coverage snapshots (LATCHKEY_INSIGHTS_SNAPSHOT_MINUTES=0); a rebuild takes one");
            return;
        }
        executor.scheduleWithFixedDelay(this::run, FIRST.toSeconds(), settings.snapshotEvery().toSeconds(), TimeUnit.SECONDS);
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
