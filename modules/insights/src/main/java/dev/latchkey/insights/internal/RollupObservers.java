package dev.latchkey.insights.internal;

import dev.latchkey.credentials.api.PasskeyAdded;
import dev.latchkey.education.api.ArticleFeedbackGiven;
import dev.latchkey.identity.api.SignInEvent;
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
 * that recorded it committed (a rolled-back attempt counts nothing), each event in one transaction
 * ({@link EventCounting}). A failure here is logged and never reaches the user; the rollups are
 * derived data, and a rebuild recomputes them.
 */
@ApplicationScoped
class RollupObservers {

    private static final Logger LOG = Logger.getLogger(RollupObservers.class.getName());

    /** All of one event's counting, in one transaction. */
    @Inject
    EventCounting counting;

    void signIn(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignInEvent event) {
        try {
            counting.signIn(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: a sign-in was not counted (a rebuild recounts it)", e);
        }
    }

    void passkeyAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasskeyAdded event) {
        try {
            counting.passkeyAdded(event.accountId(), event.passkeyId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: a new passkey was not counted (a rebuild recounts it)", e);
        }
    }

    void handoff(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandoffStep step) {
        try {
            counting.handoff(step);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: a handoff step was not counted (a rebuild recounts it)", e);
        }
    }

    void articleFeedback(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleFeedbackGiven answer) {
        try {
            counting.articleFeedback(answer);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: an article answer was not counted (a rebuild recounts it)", e);
        }
    }

    void nudge(@Observes(during = TransactionPhase.AFTER_SUCCESS) NudgeEvent event) {
        try {
            counting.nudge(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "insights: a nudge step was not counted (a rebuild recounts it)", e);
        }
    }
}
