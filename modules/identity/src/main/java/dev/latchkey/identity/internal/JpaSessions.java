package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaSessions implements Sessions {

    /** Absolute lifetime of a session; the identity issue makes this configurable and adds an idle timeout. */
    static final int ABSOLUTE_HOURS = 12;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    IdentityEvents events;

    @Override
    @Transactional
    public SessionToken start(UUID accountId) {
        String token = SessionTokens.newToken();
        em.createNativeQuery("insert into idn_session (id, token_hash, account_id, created_at, expires_at)"
                        + " values (?, ?, ?, current_timestamp, current_timestamp + interval '" + ABSOLUTE_HOURS + "' hour)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, SessionTokens.hash(token).orElseThrow())
                .setParameter(3, accountId)
                .executeUpdate();
        events.record(IdentityEvents.Type.SIGNED_IN, accountId);
        return new SessionToken(token);
    }

    /**
     * Runs in a transaction of its own although it only reads: it is called from the
     * authentication mechanism, before the web container has set up the local transaction
     * containment a non-transactional read would need (J2CA0026E otherwise).
     */
    @Override
    @Transactional
    public Optional<SignedInSession> resolve(String token) {
        Optional<byte[]> hash = SessionTokens.hash(token);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        // One indexed read per request; expiry judged by the database clock.
        return em.createQuery("select s from SessionEntity s where s.tokenHash = :h and s.expiresAt > current_timestamp",
                        SessionEntity.class)
                .setParameter("h", hash.get())
                .getResultStream().findFirst()
                .map(s -> new SignedInSession(s.id, s.accountId));
    }

    @Override
    @Transactional
    public void end(String token) {
        Optional<byte[]> hash = SessionTokens.hash(token);
        if (hash.isEmpty()) {
            return;
        }
        List<UUID> owners = em.createQuery("select s.accountId from SessionEntity s where s.tokenHash = :h", UUID.class)
                .setParameter("h", hash.get()).getResultList();
        int deleted = em.createNativeQuery("delete from idn_session where token_hash = ?")
                .setParameter(1, hash.get()).executeUpdate();
        if (deleted == 1 && !owners.isEmpty()) {
            events.record(IdentityEvents.Type.SIGNED_OUT, owners.get(0));
        }
    }
}
