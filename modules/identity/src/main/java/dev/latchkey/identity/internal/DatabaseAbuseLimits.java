package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
class DatabaseAbuseLimits implements AbuseLimits {

    /**
     * A client address is often shared (an office, a bank branch behind one address): it gets this
     * many more free failures than an email address, and its run of failures is forgotten after an
     * hour without one. An email address's run is never forgotten, only ended by a success or a lift.
     */
    static final int CLIENT_EXTRA_FREE_FAILURES = 45;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Override
    public Optional<Refusal> check(Factor factor, EmailAddress email, String clientAddress) {
        Optional<Refusal> byAddress = refusal(addressKey(factor, email), true);
        return byAddress.isPresent() ? byAddress : refusal(clientKey(factor, clientAddress), false);
    }

    @Override
    public void failed(Factor factor, EmailAddress email, String clientAddress) {
        fail(addressKey(factor, email), true);
        fail(clientKey(factor, clientAddress), false);
    }

    @Override
    public Optional<Refusal> checkClient(Factor factor, String clientAddress) {
        return refusal(clientKey(factor, clientAddress), false);
    }

    @Override
    public void failedClient(Factor factor, String clientAddress) {
        fail(clientKey(factor, clientAddress), false);
    }

    @Override
    public void succeeded(Factor factor, EmailAddress email) {
        em.createNativeQuery("delete from idn_throttle where throttle_key = ?")
                .setParameter(1, addressKey(factor, email)).executeUpdate();
    }

    @Override
    public void lift(UUID accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null) {
            return;
        }
        for (String address : new String[] {account.email, account.pendingEmail}) {
            if (address != null) {
                for (Factor factor : Factor.values()) {
                    em.createNativeQuery("delete from idn_throttle where throttle_key = ?")
                            .setParameter(1, addressKey(factor, new EmailAddress(address))).executeUpdate();
                }
            }
        }
    }

    /** The delay owed after {@code failures} consecutive failures. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private Optional<Refusal> refusal(String key, boolean canSuspend) {
        List<?> rows = em.createNativeQuery("select failures, case when suspended_at is null then 0 else 1 end,"
                        + " cast(extract(epoch from current_timestamp) - extract(epoch from last_failure_at) as bigint)"
                        + " from idn_throttle where throttle_key = ?")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        int failures = ((Number) row[0]).intValue();
        if (canSuspend && ((Number) row[1]).intValue() == 1) {
            return Optional.of(new Refusal(true, Optional.empty(),
                    "This way of signing in is paused for this address after too many failed attempts."
                            + " Sign in with your passkey, or use a recovery code."));
        }
        long elapsed = ((Number) row[2]).longValue();
        long owed = delayAfter(canSuspend ? failures : failures - CLIENT_EXTRA_FREE_FAILURES).toSeconds();
        if (elapsed < owed) {
            long wait = owed - elapsed;
            return Optional.of(new Refusal(false, Optional.of(Duration.ofSeconds(wait)),
                    "Too many failed attempts. Wait " + (wait < 90 ? wait + " seconds" : (wait + 59) / 60 + " minutes")
                            + " before trying again."));
        }
        return Optional.empty();
    }

    private void fail(String key, boolean canSuspend) {
        // A fresh key: the first failure creates the row, or, when a parallel failure created it
        // first, waits for it and counts on it. Two simultaneous failures both count (OWASP ASVS
        // V2.2.1), neither ends in a duplicate key.
        int created = em.createNativeQuery("insert into idn_throttle (throttle_key, failures, last_failure_at)"
                        + " values (?, 1, current_timestamp) on conflict do nothing")
                .setParameter(1, key).executeUpdate();
        if (created == 0) {
            em.createNativeQuery(canSuspend
                            ? "update idn_throttle set failures = failures + 1, last_failure_at = current_timestamp"
                                    + " where throttle_key = ?"
                            : "update idn_throttle set failures = case when last_failure_at < current_timestamp"
                                    + " - interval '3600' second then 1 else failures + 1 end,"
                                    + " last_failure_at = current_timestamp where throttle_key = ?")
                    .setParameter(1, key).executeUpdate();
        }
        if (canSuspend) {
            em.createNativeQuery("update idn_throttle set suspended_at = current_timestamp"
                            + " where throttle_key = ? and failures >= ? and suspended_at is null")
                    .setParameter(1, key).setParameter(2, SUSPEND_AFTER).executeUpdate();
        }
    }

    private static String addressKey(Factor factor, EmailAddress email) {
        return factor.name() + ":email:" + email.value();
    }

    private static String clientKey(Factor factor, String clientAddress) {
        String client = clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
        return factor.name() + ":client:" + client;
    }
}
