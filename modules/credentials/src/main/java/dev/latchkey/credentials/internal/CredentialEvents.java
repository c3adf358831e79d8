package dev.latchkey.credentials.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Appends to the credentials module's own event log ({@code cred_event}); rows are never changed. */
@ApplicationScoped
class CredentialEvents {

    enum Type {
        PASSKEY_REGISTERED, PASSKEY_USED, CEREMONY_REJECTED, PASSKEY_RENAMED, PASSKEY_REMOVED,
        /** A second device's passkey, stored pending until the pairing code is typed (link handoff). */
        PASSKEY_PENDING,
        /** A pending passkey was forgotten: wrong pairing code, cancelled or expired. */
        PENDING_DROPPED
    }

    /**
     * Why a passkey changed, as {@code cred_event.detail} says it: written by each path that changes a passkey and
     * read back by {@link PasskeyHistory} for the operator's security timeline, so both use these and no other
     * spelling. The texts are the ones rows have held since the log began; they must not change.
     */
    enum Detail {
        SIGN_UP("sign-up"), ADDED("added"), HANDOFF_WAITING("handoff: waiting for the pairing code"),
        /** Followed by which pending passkey it was: "handoff: paired (was pending ...)". */
        HANDOFF_PAIRED("handoff: paired"), AUTOMATIC_NAME("automatic name"), RENAMED("renamed"),
        REMOVED_BY_USER("removed by the user"), DEVICE_LOST("device reported lost");

        final String text;

        Detail(String text) {
            this.text = text;
        }

        /** The detail a row's text was written as: the whole text, or {@link #HANDOFF_PAIRED} and what follows it. */
        static java.util.Optional<Detail> of(String stored) {
            if (stored == null) {
                return java.util.Optional.empty();
            }
            return java.util.Arrays.stream(values())
                    .filter(d -> stored.equals(d.text) || d == HANDOFF_PAIRED && stored.startsWith(d.text + " "))
                    .findFirst();
        }
    }

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Transactional
    void record(Type type, UUID accountId, UUID passkeyId, Detail detail) {
        record(type, accountId, passkeyId, detail.text);
    }

    @Transactional
    void record(Type type, UUID accountId, UUID passkeyId, String detail) {
        em.createNativeQuery("insert into cred_event (type, account_id, passkey_id, detail, occurred_at)"
                        + " values (?, ?, ?, ?, current_timestamp)")
                .setParameter(1, type.name())
                .setParameter(2, accountId)
                .setParameter(3, passkeyId)
                .setParameter(4, detail == null ? null : detail.substring(0, Math.min(200, detail.length())))
                .executeUpdate();
    }

    /** A passkey removed, with its own name (null: the automatic one) and AAGUID: the row it had is gone. */
    @Transactional
    void recordRemoval(PasskeyEntity removed, Detail detail) {
        em.createNativeQuery("insert into cred_event (type, account_id, passkey_id, detail, passkey_name, aaguid, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?, current_timestamp)")
                .setParameter(1, Type.PASSKEY_REMOVED.name())
                .setParameter(2, removed.accountId)
                .setParameter(3, removed.id)
                .setParameter(4, detail.text)
                .setParameter(5, removed.name)
                .setParameter(6, removed.aaguid)
                .executeUpdate();
    }

    /**
     * A refused ceremony, in a transaction of its own: the refusal stays on record when the
     * ceremony's transaction rolls back (as it does for anything refused after it began writing).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void recordRefusal(String detail) {
        record(Type.CEREMONY_REJECTED, null, null, detail);
    }
}
