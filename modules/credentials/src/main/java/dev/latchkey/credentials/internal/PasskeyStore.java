package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.LostDevicePlan;
import dev.latchkey.credentials.api.Passkey;
import dev.latchkey.credentials.api.PasskeyCard;
import dev.latchkey.credentials.api.PasskeyAdded;
import dev.latchkey.credentials.api.PasskeyRemoved;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.PasskeyPresence;
import dev.latchkey.platform.api.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Passkey records in {@code cred_passkey}. Credential ids are unique across all accounts.
 * Reads run in a transaction too: Liberty's non-transactional entity managers log J2CA0026E when
 * they are closed at the end of a request.
 */
@ApplicationScoped
@Transactional
class PasskeyStore implements Passkeys, PasskeyPresence {

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Inject
    Event<PasskeyAdded> added;

    @Inject
    Event<PasskeyRemoved> removedEvents;

    @Inject
    ManagedPasskeys names;

    @Inject
    Devices devices;

    @Inject
    Event<LostDeviceNotice> lostNotices;

    @Inject
    CredentialEvents events;

    Optional<PasskeyEntity> findByCredentialId(byte[] credentialId) {
        return em.createQuery("select p from PasskeyEntity p where p.credentialId = :id", PasskeyEntity.class)
                .setParameter("id", credentialId)
                .getResultStream().findFirst();
    }

    /** Joins the caller's transaction: sign-up stores the account and its passkey as one. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean insertIfNew(PasskeyEntity passkey) {
        if (findByCredentialId(passkey.credentialId).isPresent()) {
            return false;
        }
        em.persist(passkey);
        em.flush();
        return true;
    }

    List<PasskeyEntity> entitiesOf(UUID accountId) {
        return em.createQuery("select p from PasskeyEntity p where p.accountId = :a order by p.createdAt", PasskeyEntity.class)
                .setParameter("a", accountId).getResultList();
    }

    /** Stores a passkey for an existing account (the caller asked {@link PasskeyCap}), unless its id is taken. */
    boolean addToAccount(PasskeyEntity passkey) {
        if (findByCredentialId(passkey.credentialId).isPresent()) {
            return false;
        }
        em.persist(passkey);
        em.flush();
        return true;
    }

    /**
     * Records a verified use. The update is conditional on the counter the verification saw, so
     * two concurrent uses of one passkey cannot both move it (#sctn-sign-counter).
     */
    @Transactional
    boolean recordUse(UUID passkeyId, long expectedCount, long newCount, boolean backupState, boolean userVerified) {
        // userVerified is "has ever been verified": callers pass stored || presented.
        // Plain SQL, not HQL: Hibernate keeps no plan for an HQL update and translated this one again on
        // every sign-in (about 4 % of a sign-in's CPU, BENCHMARKS.md); a native statement is only prepared.
        return em.createNativeQuery("update cred_passkey set sign_count = ?, backup_state = ?, user_verified = ?,"
                        + " last_used_at = ? where id = ? and sign_count = ?")
                .setParameter(1, newCount)
                .setParameter(2, backupState)
                .setParameter(3, userVerified)
                .setParameter(4, Timestamps.now())
                .setParameter(5, passkeyId)
                .setParameter(6, expectedCount)
                .executeUpdate() == 1;
    }

    /**
     * A ceremony stored this passkey: notes the device it was created on (when it is one of the
     * account's device records) and fires {@link PasskeyAdded}, so that every new passkey is
     * announced, in the storing transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void created(UUID passkeyId, Optional<UUID> deviceId) {
        PasskeyEntity passkey = em.find(PasskeyEntity.class, passkeyId);
        if (passkey == null) {
            return;
        }
        deviceId.ifPresent(d -> {
            passkey.createdDeviceId = d;
            passkey.lastUsedDeviceId = d;
            devices.of(passkey.accountId).stream().filter(known -> known.id().equals(d)).findFirst()
                    .ifPresent(known -> passkey.createdOnLabel = known.label());
        });
        added.fire(new PasskeyAdded(passkey.accountId, passkeyId, deviceId));
    }

    /**
     * A ceremony used this passkey on this device (identity's device record). When the browser said
     * the passkey was its own device's ({@code platform}) and we did not know where it was made (a
     * passkey saved over a link handoff, on a phone that was not signed in), this device is noted as
     * the one it lives on: reporting it lost then removes it, as the page says. Words only, never a
     * security decision (the attachment is unsigned).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void usedOn(UUID passkeyId, UUID deviceId, boolean onThisDevice) {
        // One plain SQL statement (see recordUse); created_device_id is set only where it was unknown.
        em.createNativeQuery("update cred_passkey set last_used_device_id = ?,"
                        + " created_device_id = case when ? and created_device_id is null then ? else created_device_id end"
                        + " where id = ?")
                .setParameter(1, deviceId)
                .setParameter(2, onThisDevice)
                .setParameter(3, deviceId)
                .setParameter(4, passkeyId)
                .executeUpdate();
    }

    /**
     * A device was reported lost: its sessions are ended by identity, and the passkeys that live only
     * on it ({@link LostDeviceRule}, the plan the person was shown) are removed in the same
     * transaction; synced ones stay. The owner gets one notice for all of it ({@link LostDeviceNotice}),
     * not one per passkey.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void removeCreatedOnLostDevice(@jakarta.enterprise.event.Observes Devices.DeviceLost lost) {
        // Planned while the device record still exists (identity forgets it after this event).
        Optional<LostDevicePlan> plan = names.lostDevicePlan(lost.accountId(), lost.deviceId());
        if (plan.isEmpty()) {
            return;
        }
        for (PasskeyCard card : plan.get().removed()) {
            PasskeyEntity p = em.find(PasskeyEntity.class, card.id());
            if (p == null) {
                continue;
            }
            em.remove(p);
            events.recordRemoval(p, CredentialEvents.Detail.DEVICE_LOST);
            removedEvents.fire(new PasskeyRemoved(lost.accountId(), p.id, "DEVICE_LOST", PasskeyWords.mailName(card),
                    Optional.of(lost.deviceId())));
        }
        lostNotices.fire(new LostDeviceNotice(lost.accountId(), plan.get().deviceLabel(),
                plan.get().removed().stream().map(PasskeyWords::mailName).toList(),
                plan.get().kept().stream().map(k -> new LostDeviceNotice.Kept(PasskeyWords.mailName(k.passkey()), k.passkey().storage(),
                        k.passkey().provider().map(p -> p.name()))).toList()));
    }

    @Override
    public boolean hasPasskey(UUID accountId) {
        return count(accountId) > 0;
    }

    @Override
    public long count(UUID accountId) {
        return em.createQuery("select count(p) from PasskeyEntity p where p.accountId = :a", Long.class)
                .setParameter("a", accountId).getSingleResult();
    }

    @Override
    public long countCreatedOn(UUID accountId, UUID deviceId) {
        // The ones a lost-device report removes, by the same plan (LostDeviceRule): synced ones stay.
        return names.lostDevicePlan(accountId, deviceId).map(plan -> plan.removed().size()).orElse(0);
    }

    @Override
    public List<Passkey> of(UUID accountId) {
        return em.createQuery("select p from PasskeyEntity p where p.accountId = :a order by p.createdAt, p.id",
                        PasskeyEntity.class)
                .setParameter("a", accountId)
                .getResultStream()
                .map(PasskeyStore::toPasskey)
                .toList();
    }

    static List<String> transports(PasskeyEntity p) {
        return p.transports.isEmpty() ? List.of() : Arrays.asList(p.transports.split(","));
    }

    private static Passkey toPasskey(PasskeyEntity p) {
        return new Passkey(p.id, Hashes.base64Url(p.credentialId), p.aaguid, transports(p), p.backupEligible,
                p.backupState, p.userVerified, Optional.ofNullable(p.attachment), p.createdAt,
                Optional.ofNullable(p.lastUsedAt), Optional.ofNullable(p.createdDeviceId),
                Optional.ofNullable(p.lastUsedDeviceId));
    }
}
