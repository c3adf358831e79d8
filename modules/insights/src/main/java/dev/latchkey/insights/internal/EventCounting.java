package dev.latchkey.insights.internal;

import dev.latchkey.education.api.ArticleFeedbackGiven;
import dev.latchkey.identity.api.SignInEvent;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.nudges.api.HandoffStep;
import dev.latchkey.nudges.api.NudgeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts one event into every rollup it belongs to, in <em>one</em> transaction of its own: the
 * cohort lookups (identity's api) and every insert-then-increment join it. A sign-in used to take
 * six (one per rollup, one per lookup); each is a connection checkout, a JTA begin and commit, and
 * on PostgreSQL a WAL flush. The observers ({@link RollupObservers}) call this after the recording
 * transaction committed; a failure rolls back this event's counts together, and a rebuild recounts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class EventCounting {

    @Inject
    Rollups rollups;

    @Inject
    Cohorts cohorts;

    @Inject
    SecondDevices secondDevices;

    /** A sign-in attempt: the daily and cohort rollups, and a device covered by a passkey signing in on it. */
    public void signIn(SignInEvent event) {
        // Reads and the per-account rows first, the day's shared rows last: every sign-in of the day
        // increments the same few rows, whose locks are then held for the shortest time.
        Cohorts.Key cohort = cohorts.of(event.accountId(), event.deviceId());
        if (event.succeeded() && event.method() == SignInMethod.PASSKEY_THIS_DEVICE && event.accountId().isPresent()
                && event.deviceId().isPresent()) {
            secondDevices.signedInHere(event.accountId().get(), event.deviceId().get(), event.at());
        }
        String reason = event.succeeded() ? "" : event.reason().orElse("");
        rollups.signIn(Rollups.day(event.at()), event.method().name(), event.succeeded(), reason, 1);
        rollups.signInCohort(Rollups.day(event.at()), cohort, event.method().name(), event.succeeded(), reason, 1);
    }

    /** A new passkey, for the time to a second covered device. */
    public void passkeyAdded(UUID accountId, UUID passkeyId) {
        secondDevices.passkeyAdded(accountId, passkeyId);
    }

    /** A step of a nudge's funnel: the daily and cohort rollups. */
    public void nudge(NudgeEvent event) {
        Cohorts.Key cohort = cohorts.of(Optional.of(event.accountId()), Optional.of(event.deviceId()));
        rollups.nudge(Rollups.day(event.at()), event.scenario().name(), cohort.deviceGroup(),
                event.variant(), event.type().name(), 1);
        rollups.nudgeCohort(Rollups.day(event.at()), cohort, event.scenario().name(), event.variant(),
                event.type().name(), 1);
    }

    /** A step of a link handoff. */
    public void handoff(HandoffStep step) {
        rollups.handoff(Rollups.day(step.at()), step.accountId().map(cohorts::account).orElse(Cohorts.AccountPart.UNKNOWN),
                step.type(), 1);
    }

    /** A "Was this helpful?" answer. */
    public void articleFeedback(ArticleFeedbackGiven answer) {
        rollups.articleFeedback(Rollups.day(answer.at()), answer.slug(), answer.locale().toLanguageTag(),
                answer.helpful(), 1);
    }
}
