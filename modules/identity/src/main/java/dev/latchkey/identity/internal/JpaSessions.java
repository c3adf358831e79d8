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

    @Override
    public Optional<SignedInSession> resolve(String token) {
        Optional<byte[]> hash = SessionTokens.hash(token);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        // One indexed read per request; expiry judged by the database clock.
        List<?> rows = em.createNativeQuery(
                        "select id, account_id from idn_session where token_hash = ? and expires_at > current_timestamp")
                .setParameter(1, hash.get())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new SignedInSession(asUuid(row[0]), asUuid(row[1])));
    }

    @Override
    @Transactional
    public void end(String token) {
        Optional<byte[]> hash = SessionTokens.hash(token);
        if (hash.isEmpty()) {
            return;
        }
        List<?> owners = em.createNativeQuery("select account_id from idn_session where token_hash = ?")
                .setParameter(1, hash.get()).getResultList();
        int deleted = em.createNativeQuery("delete from idn_session where token_hash = ?")
                .setParameter(1, hash.get()).executeUpdate();
        if (deleted == 1 && !owners.isEmpty()) {
            events.record(IdentityEvents.Type.SIGNED_OUT, asUuid(owners.get(0)));
        }
    }

    private static UUID asUuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }
}
