package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.SessionPolicy;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.SignInMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaSessions implements Sessions {

    /** Last-use times are written at most this often per session, to keep most requests read-only. */
    static final long TOUCH_SECONDS = 60;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    IdentityEvents events;

    @Inject
    SessionPolicy policy;

    @Inject
    jakarta.enterprise.event.Event<dev.latchkey.identity.api.SignInRevoked> revoked;

    @Override
    @Transactional
    public SessionToken start(UUID accountId, Optional<UUID> deviceId, SignInMethod method, boolean sharedDevice,
                              Optional<dev.latchkey.identity.api.AuthenticatorFlags> flags) {
        String token = SessionTokens.newToken();
        // A shared device's session has a shorter life and idle timeout of its own (SessionPolicy, ASVS V7.3).
        em.createNativeQuery("insert into idn_session (id, token_hash, account_id, device_id, created_at, last_seen_at,"
                        + " expires_at, authenticated_at, authenticated_by, idle_seconds, user_verified, backup_eligible)"
                        + " values (?, ?, ?, ?, current_timestamp, current_timestamp, current_timestamp + interval '"
                        + policy.absoluteOn(sharedDevice).toSeconds() + "' second, current_timestamp, ?, ?, ?, ?)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, SessionTokens.hash(token).orElseThrow())
                .setParameter(3, accountId)
                .setParameter(4, deviceId.orElse(null))
                .setParameter(5, method.name())
                .setParameter(6, sharedDevice ? Integer.valueOf((int) policy.idleOn(true).toSeconds()) : null)
                .setParameter(7, flags.map(dev.latchkey.identity.api.AuthenticatorFlags::userVerified).orElse(null))
                .setParameter(8, flags.map(dev.latchkey.identity.api.AuthenticatorFlags::backupEligible).orElse(null))
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
        // One indexed read per request, with the database's time of reading: both expiries are
        // judged by the database clock. Durations are numbers from configuration, never user input.
        Optional<SessionLookup> found = em.createQuery("select new dev.latchkey.identity.internal.SessionLookup("
                        + "s.id, s.accountId, s.deviceId, s.expiresAt, s.lastSeenAt, s.idleSeconds, instant)"
                        + " from SessionEntity s where s.tokenHash = :hash", SessionLookup.class)
                .setParameter("hash", hash.get())
                .getResultStream().findFirst()
                .filter(session -> session.live(policy.idle()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionLookup session = found.get();
        if (session.seenBefore(Duration.ofSeconds(TOUCH_SECONDS))) {
            em.createNativeQuery("update idn_session set last_seen_at = current_timestamp where id = ?")
                    .setParameter(1, session.id()).executeUpdate();
        }
        return Optional.of(new SignedInSession(session.id(), session.accountId(), Optional.ofNullable(session.deviceId())));
    }

    @Override
    @Transactional
    public Optional<Authentication> authentication(UUID sessionId) {
        List<?> rows = em.createNativeQuery("select account_id, authenticated_by, authenticated_at, user_verified,"
                        + " backup_eligible from idn_session"
                        + " where id = ? and expires_at > current_timestamp and last_seen_at > current_timestamp - interval '"
                        + policy.idle().toSeconds() + "' second")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            Optional<dev.latchkey.identity.api.AuthenticatorFlags> flags = columns[3] == null ? Optional.empty()
                    : Optional.of(new dev.latchkey.identity.api.AuthenticatorFlags(Boolean.TRUE.equals(columns[3]),
                            Boolean.TRUE.equals(columns[4])));
            return new Authentication(sessionId, dev.latchkey.platform.api.NativeColumns.uuid(columns[0]),
                    SignInMethod.valueOf((String) columns[1]), dev.latchkey.platform.api.NativeColumns.instant(columns[2]),
                    flags);
        });
    }

    @Override
    @Transactional
    public int endOthers(String token) {
        Optional<byte[]> hash = SessionTokens.hash(token);
        if (hash.isEmpty()) {
            return 0;
        }
        List<Object[]> others = em.createQuery("select s.accountId, s.id from SessionEntity s where s.tokenHash <> :h"
                        + " and s.accountId in (select o.accountId from SessionEntity o where o.tokenHash = :h)", Object[].class)
                .setParameter("h", hash.get()).getResultList();
        int ended = 0;
        for (Object[] other : others) {
            UUID accountId = (UUID) other[0];
            UUID sessionId = (UUID) other[1];
            if (em.createNativeQuery("delete from idn_session where id = ?").setParameter(1, sessionId).executeUpdate() == 1) {
                ended++;
                events.record(IdentityEvents.Type.SIGNED_OUT, accountId);
                // Each ended sign-in stops vouching for what was handed out on its strength (an application's
                // refresh tokens, its back-channel logout), exactly as if that browser had signed out itself.
                revoked.fire(new dev.latchkey.identity.api.SignInRevoked(accountId, Optional.of(sessionId),
                        "SIGNED_OUT_ELSEWHERE"));
            }
        }
        return ended;
    }

    @Override
    @Transactional
    public void end(String token) {
        end(token, true);
    }

    /**
     * Ends a session that a new sign-in of the same browser replaces ({@link JpaSignIns}): logged as a
     * sign-out, but no {@link dev.latchkey.identity.api.SignInRevoked} is fired, since the person has not
     * signed out (what other modules tied to the old session, such as an application's refresh tokens,
     * stays).
     */
    @Transactional
    void replace(String token) {
        end(token, false);
    }

    private void end(String token, boolean signedOut) {
        Optional<byte[]> hash = SessionTokens.hash(token);
        if (hash.isEmpty()) {
            return;
        }
        List<Object[]> owners = em.createQuery("select s.accountId, s.id from SessionEntity s where s.tokenHash = :h",
                        Object[].class)
                .setParameter("h", hash.get()).getResultList();
        int deleted = em.createNativeQuery("delete from idn_session where token_hash = ?")
                .setParameter(1, hash.get()).executeUpdate();
        if (deleted == 1 && !owners.isEmpty()) {
            UUID accountId = (UUID) owners.get(0)[0];
            events.record(IdentityEvents.Type.SIGNED_OUT, accountId);
            if (signedOut) {
                revoked.fire(new dev.latchkey.identity.api.SignInRevoked(accountId, Optional.of((UUID) owners.get(0)[1]),
                        "SIGNED_OUT"));
            }
        }
    }
}
