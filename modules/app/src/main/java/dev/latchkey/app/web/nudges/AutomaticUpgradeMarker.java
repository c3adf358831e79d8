package dev.latchkey.app.web.nudges;

import dev.latchkey.nudges.api.PasskeyUpgrades;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the account page should try the automatic passkey upgrade (scenario e): view data
 * {@code autoUpgrade} for the page's hidden marker, which the upgrade script looks for. A failure
 * here leaves the marker out, never the page.
 */
@ApplicationScoped
public class AutomaticUpgradeMarker {

    private static final Logger LOG = Logger.getLogger(AutomaticUpgradeMarker.class.getName());

    @Inject
    PasskeyUpgrades upgrades;

    /** The decision id of the upgrade offered to this device, if any. */
    public Optional<String> decision(UUID accountId, Optional<UUID> thisDevice) {
        try {
            return thisDevice.flatMap(d -> upgrades.offered(accountId, d)).map(UUID::toString);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "automatic upgrade check failed; leaving it out", e);
            return Optional.empty();
        }
    }
}
