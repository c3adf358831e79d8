package dev.latchkey.app.web.account;

import dev.latchkey.app.web.nudges.CoverageCard;
import dev.latchkey.education.api.Tip;
import dev.latchkey.education.api.TipKey;
import dev.latchkey.education.api.Tips;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which of the education module's tips the account pages show, in the reader's language: where the
 * new passkey was saved (right after it was created), the single-device risk, the shared computer and
 * the lost device. Only picks the tip and its parameters; the words and the article are education's.
 * A tip that cannot be made is left out, never the page.
 */
@ApplicationScoped
public class AccountTips {

    private static final Logger LOG = Logger.getLogger(AccountTips.class.getName());

    /** The coverage report's word for "every passkey in one place" ({@code CoverageReport#backup}). */
    static final String ONE_PLACE = "ALL_PASSKEYS_ON_ONE_DEVICE";

    @Inject
    Tips tips;

    /**
     * After a passkey was added ({@code ?passkeyAdded=<id>}; without an id, as after the link handoff,
     * the newest passkey): {@link TipKey#SAVED_IN_SYNCED_PROVIDER} naming the provider that syncs it, or
     * {@link TipKey#SAVED_ON_ONE_DEVICE} naming what holds it. That one says "on this device", so a
     * device-bound passkey gets it only when it was made on this device (by id, on a device we know: not
     * on a phone over a QR code or the handoff's link). Nothing for a passkey that may sync but is not
     * backed up yet, or one with no name to give.
     */
    public Optional<Tip> newPasskey(List<PasskeyCardView> passkeys, String added, Locale locale) {
        if (added == null || passkeys.isEmpty()) {
            return Optional.empty();
        }
        Optional<PasskeyCardView> byId = passkeys.stream().filter(p -> p.id().equals(added)).findFirst();
        Optional<PasskeyCardView> card = byId.or(() -> passkeys.stream().max(Comparator.comparing(PasskeyCardView::createdIso)));
        if (card.isEmpty()) {
            return Optional.empty();
        }
        PasskeyCardView p = card.get();
        return switch (p.storage()) {
            case "synced" -> named(p.providerName()).flatMap(n -> tip(TipKey.SAVED_IN_SYNCED_PROVIDER, locale,
                    Map.of("provider", n)));
            case "security-key" -> named(p.providerName()).or(() -> named(p.name()))
                    .flatMap(n -> tip(TipKey.SAVED_ON_ONE_DEVICE, locale, Map.of("provider", n)));
            case "device-bound" -> byId.isPresent() && !p.createdOn().isBlank()
                    ? named(p.providerName()).or(() -> named(p.createdOn()))
                            .flatMap(n -> tip(TipKey.SAVED_ON_ONE_DEVICE, locale, Map.of("provider", n)))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * {@link TipKey#ALL_PASSKEYS_ON_ONE_DEVICE} while every passkey of the account is in one place (the
     * coverage report says so), naming that device: where the passkeys were created, else the one
     * device they cover.
     */
    public Optional<Tip> allOnOneDevice(CoverageCard.View coverage, List<PasskeyCardView> passkeys, Locale locale) {
        if (coverage == null || !ONE_PLACE.equals(coverage.backup()) || passkeys.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> device = passkeys.stream().map(PasskeyCardView::createdOn).filter(s -> !s.isBlank())
                .findFirst()
                .or(() -> coverage.covered().size() == 1 ? Optional.of(coverage.covered().get(0).label()) : Optional.empty())
                .or(() -> passkeys.stream().filter(p -> "security-key".equals(p.storage()))
                        .map(PasskeyCardView::name).findFirst());
        return device.flatMap(d -> tip(TipKey.ALL_PASSKEYS_ON_ONE_DEVICE, locale, Map.of("device", d)));
    }

    public Optional<Tip> sharedDevice(Locale locale) {
        return tip(TipKey.SHARED_DEVICE, locale, Map.of());
    }

    public Optional<Tip> lostDevice(Locale locale) {
        return tip(TipKey.LOST_DEVICE, locale, Map.of());
    }

    public Optional<Tip> beforeCreating(Locale locale) {
        return tip(TipKey.BEFORE_CREATING_A_PASSKEY, locale, Map.of());
    }

    private static Optional<String> named(String name) {
        return Optional.ofNullable(name).filter(s -> !s.isBlank());
    }

    private Optional<Tip> tip(TipKey key, Locale locale, Map<String, String> params) {
        try {
            return Optional.of(tips.tip(key, Objects.requireNonNull(locale), params));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "tip " + key + " left out", e);
            return Optional.empty();
        }
    }
}
