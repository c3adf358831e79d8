package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.PasskeyAdded;
import dev.latchkey.credentials.api.PasskeyCard;
import dev.latchkey.credentials.api.PasskeyRemoved;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.SecurityNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mails the owner when a passkey is added to or removed from their account: a new way in, or a
 * lost one, is news they must hear of through another channel. Observed after the deciding
 * transaction committed (a rolled-back change sends nothing); identity sends to the confirmed
 * address only, in the owner's language (identity writes the mail: this class passes facts, no words).
 * A failure here is logged and never undoes the change.
 */
@ApplicationScoped
class PasskeyNotices {

    private static final Logger LOG = Logger.getLogger(PasskeyNotices.class.getName());

    @Inject
    SecurityNotices notices;

    @Inject
    ManagedPasskeys passkeys;

    @Inject
    Devices devices;

    void added(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasskeyAdded added) {
        try {
            Optional<PasskeyCard> card = passkeys.cards(added.accountId(), Optional.empty()).stream()
                    .filter(c -> c.id().equals(added.passkeyId())).findFirst();
            if (card.isEmpty()) {
                return;
            }
            PasskeyCard c = card.get();
            notices.send(added.accountId(), new SecurityNotices.PasskeyAdded(PasskeyWords.mailName(c), home(c.storage()),
                    c.provider().map(p -> p.name()), c.createdOn(), c.createdAt(), from(added.accountId(), added.deviceId())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No notice for the passkey added to account " + added.accountId(), e);
        }
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasskeyRemoved removed) {
        if ("DEVICE_LOST".equals(removed.reason())) {
            return; // one notice for the whole report: lostDevice below
        }
        try {
            Optional<String> from = "REMOVED_BY_USER".equals(removed.reason())
                    ? from(removed.accountId(), removed.deviceId()) : Optional.empty();
            notices.send(removed.accountId(), new SecurityNotices.PasskeyRemoved(removed.passkeyName(), Instant.now(), from));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No notice for the passkey removed from account " + removed.accountId(), e);
        }
    }

    /** "I lost this device": one notice naming the device signed out and every passkey removed with it. */
    void lostDevice(@Observes(during = TransactionPhase.AFTER_SUCCESS) LostDeviceNotice lost) {
        try {
            notices.send(lost.accountId(), new SecurityNotices.DeviceLost(lost.deviceLabel(), Instant.now(),
                    lost.removedPasskeys(), lost.keptPasskeys().stream()
                    .map(k -> new SecurityNotices.KeptPasskey(k.name(), home(k.storage()), k.provider())).toList()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No notice for the device reported lost on account " + lost.accountId(), e);
        }
    }

    static SecurityNotices.PasskeyHome home(PasskeyCard.Storage storage) {
        return switch (storage) {
            case SYNCED -> SecurityNotices.PasskeyHome.SYNCED;
            case NOT_SYNCED_YET -> SecurityNotices.PasskeyHome.NOT_SYNCED_YET;
            case SECURITY_KEY -> SecurityNotices.PasskeyHome.SECURITY_KEY;
            case DEVICE_BOUND -> SecurityNotices.PasskeyHome.DEVICE_BOUND;
        };
    }

    private Optional<String> from(UUID accountId, Optional<UUID> deviceId) {
        return deviceId.flatMap(id -> devices.of(accountId).stream().filter(d -> d.id().equals(id)).findFirst())
                .map(Device::name);
    }
}
