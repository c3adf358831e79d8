package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.CeremonyRejected.Reason;
import dev.latchkey.credentials.api.CreationOptions;
import dev.latchkey.credentials.api.EnrollmentCeremonies;
import dev.latchkey.credentials.api.Mediation;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The automatic passkey upgrade (conditional create) and the second device of a link handoff,
 * over the same §7.1 verification as every other registration ({@link WebAuthnCeremonies}).
 * Pending passkeys are written with native SQL so that their expiry is the database clock's.
 */
@ApplicationScoped
class EnrollmentCeremonyService implements EnrollmentCeremonies {

    @Inject
    WebAuthnCeremonies webAuthn;

    @Inject
    ChallengeStore challenges;

    @Inject
    PasskeyStore passkeys;

    @Inject
    Accounts accounts;

    @Inject
    CredentialEvents events;

    @Inject
    PasskeyCap cap;

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Override
    public CreationOptions startAutomaticUpgrade(UUID accountId, CeremonyBinding binding, String clientAddress) {
        Account account = account(accountId);
        webAuthn.startRegistration(Optional.empty());
        if (!passkeys.entitiesOf(accountId).isEmpty()) {
            // identity's ranked StepUp: where the account has a passkey only a passkey (or a recovery
            // code) may add another. A password sign-in proves less, so no upgrade is issued.
            throw webAuthn.rejected(Reason.WRONG_CEREMONY, "ceremony.detail.hasPasskey", "This account already has a passkey. Add another one from"
                    + " your account page.", null);
        }
        byte[] challenge = challenges.issue(PendingCeremony.Purpose.ADD_PASSKEY, accountId, Mediation.CONDITIONAL,
                binding, clientAddress, null);
        return webAuthn.creationOptions(challenge, account.userHandle(), account.email().value(), account.displayName(),
                List.of(), Optional.empty());
    }

    @Override
    public CreationOptions startHandoff(UUID accountId, CeremonyBinding binding, String clientAddress) {
        Account account = account(accountId);
        webAuthn.startRegistration(Optional.empty());
        cap.refuseAt(accountId);
        byte[] challenge = challenges.issue(PendingCeremony.Purpose.HANDOFF, accountId, Mediation.MODAL, binding,
                clientAddress, null);
        // Whoever holds the link sees these options: the user handle is the account's (a sign-in
        // with the new passkey must find the account, §7.2 step 6), but it is an opaque random value;
        // no email, no name, and no excludeCredentials (credential ids). The trade-off: the phone's
        // passkey manager shows a neutral name until the page signals the real one after pairing,
        // and an authenticator that already holds a passkey of this account is not told so.
        return webAuthn.creationOptions(challenge, account.userHandle(), NEUTRAL_USER_NAME, NEUTRAL_USER_NAME,
                List.of(), Optional.empty());
    }

    @Override
    // A refusal keeps what it recorded (the rejection event, a dropped pending row).
    @Transactional(dontRollbackOn = CeremonyRejected.class)
    public UUID finishHandoff(UUID accountId, String responseJson, CeremonyBinding binding, Optional<String> madeOn) {
        WebAuthnCeremonies.VerifiedRegistration verified = webAuthn.verifyRegistration(responseJson, binding,
                PendingCeremony.Purpose.HANDOFF);
        if (!verified.ceremony().accountId().filter(accountId::equals).isPresent()) {
            throw webAuthn.rejected(Reason.WRONG_CEREMONY, "ceremony.detail.otherLink", "This passkey request belongs to another link. Open the"
                    + " link again.", null);
        }
        purgeExpired();
        PasskeyEntity p = verified.passkey();
        if (passkeys.findByCredentialId(p.credentialId).isPresent() || pendingWithCredential(p.credentialId)) {
            throw webAuthn.rejected(Reason.ALREADY_REGISTERED, "ceremony.detail.registered", "This passkey is already registered.", null);
        }
        cap.refuseAt(accountId);
        em.createNativeQuery("insert into cred_pending_passkey (id, account_id, credential_id, public_key, sign_count,"
                        + " aaguid, transports, backup_eligible, backup_state, user_verified, attachment,"
                        + " attestation_format, created_on_label, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp,"
                        + " current_timestamp + interval '" + PENDING_MINUTES + "' minute)")
                .setParameter(1, p.id)
                .setParameter(2, accountId)
                .setParameter(3, p.credentialId)
                .setParameter(4, p.publicKey)
                .setParameter(5, p.signCount)
                .setParameter(6, p.aaguid)
                .setParameter(7, p.transports)
                .setParameter(8, p.backupEligible)
                .setParameter(9, p.backupState)
                .setParameter(10, p.userVerified)
                .setParameter(11, p.attachment)
                .setParameter(12, p.attestationFormat)
                .setParameter(13, madeOn.map(l -> PasskeyNames.clean(l, 160)).filter(l -> !l.isEmpty()).orElse(null))
                .executeUpdate();
        events.record(CredentialEvents.Type.PASSKEY_PENDING, accountId, p.id, CredentialEvents.Detail.HANDOFF_WAITING);
        return p.id;
    }

    @Override
    // A refusal keeps what it recorded (the rejection event, a dropped pending row).
    @Transactional(dontRollbackOn = CeremonyRejected.class)
    public UUID confirmPending(UUID accountId, UUID pendingId, Optional<UUID> createdOn) {
        purgeExpired();
        cap.refuseAt(accountId);
        UUID passkeyId = UUID.randomUUID();
        // One statement, judged by the database clock: only a live pending row of this account whose
        // credential id is still free becomes a credential record (#reg-ceremony-store-credential-record).
        int moved = em.createNativeQuery("insert into cred_passkey (id, account_id, credential_id, public_key,"
                        + " sign_count, aaguid, transports, backup_eligible, backup_state, user_verified, attachment,"
                        + " attestation_format, created_on_label, created_at)"
                        + " select ?, account_id, credential_id, public_key, sign_count, aaguid, transports,"
                        + " backup_eligible, backup_state, user_verified, attachment, attestation_format,"
                        + " created_on_label, created_at"
                        + " from cred_pending_passkey pp where pp.id = ? and pp.account_id = ?"
                        + " and pp.expires_at > current_timestamp"
                        + " and not exists (select 1 from cred_passkey p where p.credential_id = pp.credential_id)")
                .setParameter(1, passkeyId)
                .setParameter(2, pendingId)
                .setParameter(3, accountId)
                .executeUpdate();
        em.createNativeQuery("delete from cred_pending_passkey where id = ?").setParameter(1, pendingId).executeUpdate();
        if (moved != 1) {
            throw new CeremonyRejected(Reason.UNKNOWN_CHALLENGE, "ceremony.detail.pendingExpired", java.util.List.of(),
                    "The new passkey waited too long and was removed. Start again with a new link.", null);
        }
        events.record(CredentialEvents.Type.PASSKEY_REGISTERED, accountId, passkeyId,
                CredentialEvents.Detail.HANDOFF_PAIRED.text + " (was pending " + pendingId + ")");
        passkeys.created(passkeyId, createdOn);
        return passkeyId;
    }

    @Override
    @Transactional
    public void dropPending(UUID accountId, UUID pendingId, String why) {
        int dropped = em.createNativeQuery("delete from cred_pending_passkey where id = ? and account_id = ?")
                .setParameter(1, pendingId).setParameter(2, accountId).executeUpdate();
        if (dropped > 0) {
            events.record(CredentialEvents.Type.PENDING_DROPPED, accountId, pendingId, why);
        }
    }

    /** Expired pending passkeys go; nothing could have used them meanwhile (they are not credential records). */
    private void purgeExpired() {
        em.createNativeQuery("delete from cred_pending_passkey where expires_at < current_timestamp").executeUpdate();
    }

    private boolean pendingWithCredential(byte[] credentialId) {
        return ((Number) em.createNativeQuery("select count(*) from cred_pending_passkey where credential_id = ?")
                .setParameter(1, credentialId).getSingleResult()).longValue() > 0;
    }

    private Account account(UUID accountId) {
        return accounts.find(accountId).orElseThrow(() -> new CeremonyRejected(Reason.UNKNOWN_CREDENTIAL,
                "ceremony.detail.noAccount", java.util.List.of(), "Your account could not be found.", null));
    }
}
