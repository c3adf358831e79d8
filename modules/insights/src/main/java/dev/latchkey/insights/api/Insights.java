package dev.latchkey.insights.api;

import dev.latchkey.identity.api.StepUpProof;

/**
 * The dashboard's figures, from insights' rollups only (never a scan of the raw event logs), and
 * their rebuild. Each call checks, with the proof, that the staff member may
 * ({@link dev.latchkey.identity.api.Permission#INSIGHTS}, {@link dev.latchkey.identity.api.Permission#INSIGHTS_REBUILD}).
 */
public interface Insights {

    /**
     * @throws dev.latchkey.identity.api.StepUpProof.Expired when the step-up no longer holds
     * @throws dev.latchkey.identity.api.Staff.NotPermitted  when the roles do not allow it
     */
    default Dashboard dashboard(StepUpProof viewer, DateRange range) {
        return dashboard(viewer, range, Cohort.ALL);
    }

    /**
     * The dashboard with its sign-in and nudge figures for one cohort only (from the cohort
     * rollups: a filter reads no raw events either); coverage stays that of all accounts.
     */
    Dashboard dashboard(StepUpProof viewer, DateRange range, Cohort cohort);

    /**
     * Recomputes every rollup from the raw logs (through the owning modules' replay apis) and takes
     * a coverage snapshot, in one transaction; recorded as a staff action. Admins only.
     */
    RebuildReport rebuild(StepUpProof admin);

    /**
     * How often each instance takes a coverage snapshot ({@code LATCHKEY_INSIGHTS_SNAPSHOT_MINUTES},
     * default 60; 0 takes none on a schedule, only at a rebuild: for a very large population whose
     * snapshot, which reads every account, should run elsewhere or less often).
     */
    record Settings(java.time.Duration snapshotEvery) {
        public static final Settings DEFAULTS = new Settings(java.time.Duration.ofHours(1));

        public Settings {
            if (snapshotEvery.isNegative()) {
                throw new IllegalArgumentException("the snapshot interval must not be negative");
            }
        }

        public boolean snapshots() {
            return !snapshotEvery.isZero();
        }
    }

    /** What a rebuild read. */
    record RebuildReport(long signIns, long nudgeSteps, long accounts) {
    }
}
