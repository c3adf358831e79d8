package dev.latchkey.nudges.internal;

import dev.latchkey.credentials.api.PasskeyAdded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns credentials' {@link PasskeyAdded} into the funnel's COMPLETED step. After the passkey is
 * committed, in a transaction of its own: a problem here is logged and never undoes the passkey.
 */
@ApplicationScoped
class PasskeyCompletions {

    private static final Logger LOG = Logger.getLogger(PasskeyCompletions.class.getName());

    @Inject
    NudgeLog log;

    void completed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasskeyAdded added) {
        try {
            // A nudge is shown on a device: a passkey made on none of the account's devices completes none.
            added.deviceId().ifPresent(device -> log.completed(added.accountId(), device, added.passkeyId(), Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "nudges: could not record a completed nudge", e);
        }
    }
}
