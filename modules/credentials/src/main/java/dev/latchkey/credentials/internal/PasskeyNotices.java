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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mails the owner when a passkey is added to or removed from their account: a new way in, or a
 * lost one, is news they must hear of through another channel. Observed after the deciding
 * transaction committed (a rolled-back change sends nothing); identity sends to the confirmed
 * address only. A failure here is logged and never undoes the change.
 */
@ApplicationScoped
class PasskeyNotices {

    private static final Logger LOG = Logger.getLogger(PasskeyNotices.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String NOT_YOU = "If it was not you, sign in with one of your passkeys now, remove any passkey you\n"
            + "do not recognise on your Security page, and choose \"Sign out my other sessions\" there.\n";

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
            notices.send(added.accountId(), "A passkey was added to your account",
                    "a passkey (\"" + card.get().name() + "\", " + lower(card.get().whereItLives()) + ") was added to your"
                            + " Latchkey account on " + WHEN.format(card.get().createdAt())
                            + from(added.accountId(), added.deviceId()) + ".\n\n"
                            + "If that was you, there is nothing to do.\n" + NOT_YOU);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No notice for the passkey added to account " + added.accountId(), e);
        }
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasskeyRemoved removed) {
        if ("DEVICE_LOST".equals(removed.reason())) {
            return; // one notice for the whole report: lostDevice below
        }
        try {
            String why = "REMOVED_BY_USER".equals(removed.reason()) ? from(removed.accountId(), removed.deviceId()) : "";
            notices.send(removed.accountId(), "A passkey was removed from your account",
                    "the passkey \"" + removed.passkeyName() + "\" was removed from your Latchkey account on "
                            + WHEN.format(Instant.now()) + why + ". It no longer signs in to your account.\n\n"
                            + "If that was you, there is nothing to do. The passkey may still be listed in your password\n"
                            + "manager or on your device; you can delete it there.\n" + NOT_YOU);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No notice for the passkey removed from account " + removed.accountId(), e);
        }
    }

    /** "I lost this device": one notice naming the device signed out and every passkey removed with it. */
    void lostDevice(@Observes(during = TransactionPhase.AFTER_SUCCESS) LostDeviceNotice lost) {
        try {
            StringBuilder text = new StringBuilder("the device \"").append(lost.deviceLabel())
                    .append("\" was reported lost on your Latchkey account on ").append(WHEN.format(Instant.now()))
                    .append(". It is signed out.\n\n");
            if (lost.removedPasskeys().isEmpty()) {
                text.append("No passkey lived only on it, so none were removed.\n\n");
            } else {
                text.append(lost.removedPasskeys().size() == 1 ? "This passkey, which lived only on it, was removed and no"
                        + " longer signs in to your account:\n" : "These passkeys, which lived only on it, were removed and no"
                        + " longer sign in to your account:\n");
                lost.removedPasskeys().forEach(name -> text.append("  - ").append(name).append('\n'));
                text.append('\n');
            }
            if (!lost.keptPasskeys().isEmpty()) {
                text.append(lost.keptPasskeys().size() == 1 ? "This passkey, created on it, syncs to your other devices and"
                        + " was kept:\n" : "These passkeys, created on it, sync to your other devices and were kept:\n");
                lost.keptPasskeys().forEach(k -> text.append("  - ").append(k.name()).append(": ").append(k.whatToDo())
                        .append('\n'));
                text.append('\n');
            }
            text.append("If that was you, there is nothing to do. Add a new passkey on each device you use.\n").append(NOT_YOU);
            notices.send(lost.accountId(), "A device was reported lost on your account", text.toString());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No notice for the device reported lost on account " + lost.accountId(), e);
        }
    }

    private String from(UUID accountId, Optional<UUID> deviceId) {
        return deviceId.flatMap(id -> devices.of(accountId).stream().filter(d -> d.id().equals(id)).findFirst())
                .map(Device::label).map(label -> " from " + label).orElse("");
    }

    private static String lower(String words) {
        return words.isEmpty() ? words : Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }
}
