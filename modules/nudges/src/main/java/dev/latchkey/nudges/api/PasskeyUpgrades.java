package dev.latchkey.nudges.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Scenario e, the automatic passkey upgrade: after a password sign-in on a browser that reported
 * {@code conditionalCreate}, the next page creates a passkey in the background
 * ({@code navigator.credentials.create({mediation: "conditional"})}), with no interstitial, and a
 * failure is silent.
 *
 * <p>Only for accounts without a passkey (identity's {@code StepUp.passkeyRequired} is false): a
 * password proves less than a passkey, so on an account that has one a password alone must never
 * add another. Credentials enforces the same rule again when it issues and finishes the ceremony.
 */
public interface PasskeyUpgrades {

    /** How long after the sign-in the next page may still run the upgrade. */
    java.time.Duration OFFER = java.time.Duration.ofMinutes(10);

    /**
     * Decides, right after a password sign-in, whether this device gets the automatic upgrade
     * (instead of the scenario-a interstitial), and stores the decision with its reason.
     *
     * @return the decision's id when it does
     */
    Optional<UUID> afterPasswordSignIn(UUID accountId, UUID deviceId);

    /** The newest upgrade offered to this account on this device in the last {@link #OFFER}, not yet completed. */
    Optional<UUID> offered(UUID accountId, UUID deviceId);

    /** The upgrade's passkey was created: the funnel's COMPLETED step. */
    void completed(UUID accountId, UUID deviceId, UUID decisionId, UUID passkeyId);

    /**
     * The page reported that the upgrade did not happen: the funnel's DECLINED step ({@code declined},
     * the browser's {@code NotAllowedError}) or FAILED step (anything else). Once per offer, and
     * never after it was completed; an unknown or foreign offer changes nothing.
     */
    void notCompleted(UUID accountId, UUID deviceId, UUID decisionId, boolean declined);

    /** Deployment switch, on by default ({@code LATCHKEY_NUDGES_AUTO_UPGRADE}). */
    record Settings(boolean enabled) {
    }
}
