package dev.latchkey.identity.api;

/**
 * What the authenticator data of a verified passkey ceremony said about the person and the key
 * (WebAuthn Level 3 §6.1, flags UV and BE), as credentials verified it: signed by the authenticator,
 * unlike the attachment a browser reports.
 *
 * @param userVerified   UV: the authenticator verified the person (PIN, fingerprint, face; which one it
 *                       does not say), not only their presence
 * @param backupEligible BE: the key may be synced to other devices (a synced passkey), so it is not
 *                       bound to one piece of hardware
 */
public record AuthenticatorFlags(boolean userVerified, boolean backupEligible) {
}
