package dev.latchkey.insights.internal;

import dev.latchkey.credentials.api.PasskeyAdded;
import dev.latchkey.education.api.ArticleFeedbackGiven;
import dev.latchkey.identity.api.SignInEvent;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.nudges.api.HandoffStep;
import dev.latchkey.nudges.api.NudgeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the daily rollups current: each sign-in attempt, nudge step, handoff step, article answer
 * and new passkey (for the time to a second covered device), once the transaction
 * that recorded it committed (a rolled-back attempt counts nothing). A failure here is logged and
 * never reaches the user; the rollups are derived data, and a rebuild recomputes them.
 */
@ApplicationScoped
class RollupObservers {

    private static final Logger LOG = Logger.getLogger(RollupObservers.class.getName());

    @Inject
    Rollups rollups;

    @Inject
    Cohorts cohorts;

    @Inject
    SecondDevices secondDevices;

    void signIn(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignInEvent event) {
        try {
            String reason = event.succeeded() ? "" : event.reason().orElse("");
            rollups.signIn(Rollups.day(event.at()), event.method().name(), event.succeeded(), reason, 1);
            rollups.signInCohort(Rollups.day(event.at()), cohorts.of(event.accountId(), event.deviceId()),
                    event.method().name(), event.succeeded(), reason, 1);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: a sign-in was not counted (a rebuild recounts it)", e);
        }
        if (event.succeeded() && event.method() == SignInMethod.PASSKEY_THIS_DEVICE && event.accountId().isPresent()
                && event.deviceId().isPresent()) {
            try {
                secondDevices.signedInHere(event.accountId().get(), event.deviceId().get(), event.at());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "insights: a covered device was not counted (a rebuild recounts it)", e);
            }
        }
    }

    void passkeyAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasskeyAdded event) {
        try {
            secondDevices.passkeyAdded(event.accountId(), event.passkeyId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: a new passkey was not counted (a rebuild recounts it)", e);
        }
    }

    void handoff(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandoffStep step) {
        try {
            rollups.handoff(Rollups.day(step.at()), step.accountId().map(cohorts::account).orElse(Cohorts.AccountPart.UNKNOWN),
                    step.type(), 1);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: a handoff step was not counted (a rebuild recounts it)", e);
        }
    }

    void articleFeedback(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleFeedbackGiven answer) {
        try {
            rollups.articleFeedback(Rollups.day(answer.at()), answer.slug(), answer.locale().toLanguageTag(),
                    answer.helpful(), 1);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: an article answer was not counted (a rebuild recounts it)", e);
        }
    }

    void nudge(@Observes(during = TransactionPhase.AFTER_SUCCESS) NudgeEvent event) {
        try {
            Cohorts.Key cohort = cohorts.of(java.util.Optional.of(event.accountId()), java.util.Optional.of(event.deviceId()));
            rollups.nudge(Rollups.day(event.at()), event.scenario().name(), cohort.deviceGroup(),
                    event.variant(), event.type().name(), 1);
            rollups.nudgeCohort(Rollups.day(event.at()), cohort, event.scenario().name(), event.variant(),
                    event.type().name(), 1);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: a nudge step was not counted (a rebuild recounts it)", e);
        }
    }
}
