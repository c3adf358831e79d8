package dev.latchkey.insights.internal;

import dev.latchkey.credentials.api.Passkey;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.Devices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Time to a second covered device, per sign-up cohort. A personal (not shared) device of an account
 * is covered from the first moment a platform passkey (not a security key: {@code cross-platform})
 * was created on it or a passkey on it signed in ({@code PASSKEY_THIS_DEVICE}). An account counts from
 * its first passkey (any kind, as credentials has it); it reaches the goal when its second device is
 * covered, and that moment is never moved again.
 *
 * <p>The histogram {@code ins_second_device_daily} (accounts per sign-up day, cohort and whole days
 * to the second device; -1 while not there) is what the dashboard reads; {@code ins_account_progress}
 * and {@code ins_covered_device} make sure each account is counted once, as events happen and in a
 * rebuild alike. The rebuild reads the passkeys credentials has now (a removed passkey is forgotten)
 * and the sign-in log.
 */
@ApplicationScoped
class SecondDevices {

    static final String TABLE = "ins_second_device_daily";
    static final List<String> KEY = List.of("signed_up_on", "email_domain", "sign_up", "days");
    static final int NOT_YET = -1;

    @PersistenceContext(unitName = "insights")
    EntityManager em;

    @Inject
    Rollups rollups;

    @Inject
    Cohorts cohorts;

    @Inject
    Accounts accounts;

    @Inject
    Devices devices;

    @Inject
    Passkeys passkeys;

    /** A passkey was stored (after commit), in the caller's transaction ({@link EventCounting}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void passkeyAdded(UUID accountId, UUID passkeyId) {
        List<Passkey> keys = passkeys.of(accountId);
        Optional<Passkey> added = keys.stream().filter(p -> p.id().equals(passkeyId)).findFirst();
        if (added.isEmpty() || !progress(accountId, keys)) {
            return;
        }
        Passkey p = added.get();
        if (coversItsDevice(p) && personal(accountId, p.createdOnDevice().get())) {
            covered(accountId, p.createdOnDevice().get(), p.createdAt());
        }
        second(accountId);
    }

    /** A passkey on the device itself signed in (after commit), in the caller's transaction ({@link EventCounting}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signedInHere(UUID accountId, UUID deviceId, Instant at) {
        // The everyday case, a device that is covered already: one lookup, nothing to write.
        if (((Number) em.createNativeQuery("select count(*) from ins_covered_device where account_id = ? and device_id = ?")
                .setParameter(1, accountId).setParameter(2, deviceId).getSingleResult()).longValue() > 0
                || !personal(accountId, deviceId) || !progress(accountId, passkeys.of(accountId))) {
            return;
        }
        covered(accountId, deviceId, at);
        second(accountId);
    }

    static boolean coversItsDevice(Passkey p) {
        return p.createdOnDevice().isPresent() && !p.attachment().map("cross-platform"::equals).orElse(false);
    }

    private boolean personal(UUID accountId, UUID deviceId) {
        return devices.of(accountId).stream().anyMatch(d -> d.id().equals(deviceId) && !d.shared());
    }

    /**
     * Makes sure the account's progress row exists and has its first passkey (the oldest it has);
     * a new row also takes the devices its passkeys were created on. Counts the account in the
     * histogram the moment it has a first passkey.
     *
     * @return whether the account has a first passkey
     */
    private boolean progress(UUID accountId, List<Passkey> keys) {
        Optional<Instant> first = keys.stream().map(Passkey::createdAt).min(Comparator.naturalOrder());
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty()) {
            return false;
        }
        Cohorts.AccountPart part = cohorts.account(accountId);
        LocalDate signedUp = Rollups.day(account.get().createdAt());
        int inserted = em.createNativeQuery("insert into ins_account_progress (account_id, signed_up_on, email_domain,"
                        + " sign_up, first_passkey_at) values (?, ?, ?, ?, ?) on conflict do nothing")
                .setParameter(1, accountId).setParameter(2, signedUp).setParameter(3, part.emailDomain())
                .setParameter(4, part.signUp()).setParameter(5, first.orElse(null)).executeUpdate();
        if (inserted == 1) {
            if (first.isEmpty()) {
                return false;
            }
            rollups.add(TABLE, KEY, List.of(signedUp, part.emailDomain(), part.signUp(), NOT_YET), "accounts", 1);
            for (Passkey p : keys) {
                if (coversItsDevice(p) && personal(accountId, p.createdOnDevice().get())) {
                    covered(accountId, p.createdOnDevice().get(), p.createdAt());
                }
            }
            return true;
        }
        if (first.isPresent() && em.createNativeQuery("update ins_account_progress set first_passkey_at = ?"
                        + " where account_id = ? and first_passkey_at is null")
                .setParameter(1, first.get()).setParameter(2, accountId).executeUpdate() == 1) {
            Object[] row = row(accountId);
            rollups.add(TABLE, KEY, List.of(JpaInsights.localDate(row[0]), row[1], row[2], NOT_YET), "accounts", 1);
        }
        return ((Number) em.createNativeQuery("select count(*) from ins_account_progress where account_id = ?"
                + " and first_passkey_at is not null").setParameter(1, accountId).getSingleResult()).longValue() > 0;
    }

    private Object[] row(UUID accountId) {
        return (Object[]) em.createNativeQuery("select signed_up_on, email_domain, sign_up, first_passkey_at"
                + " from ins_account_progress where account_id = ?").setParameter(1, accountId).getSingleResult();
    }

    private void covered(UUID accountId, UUID deviceId, Instant at) {
        em.createNativeQuery("insert into ins_covered_device (account_id, device_id, covered_at) values (?, ?, ?)"
                        + " on conflict do nothing")
                .setParameter(1, accountId).setParameter(2, deviceId).setParameter(3, at).executeUpdate();
    }

    /** When the account has two covered devices and no second device yet: the second one's moment. */
    private void second(UUID accountId) {
        List<?> times = em.createNativeQuery("select covered_at from ins_covered_device where account_id = ?"
                        + " order by covered_at").setParameter(1, accountId).setMaxResults(2).getResultList();
        if (times.size() < 2) {
            return;
        }
        Instant at = dev.latchkey.platform.api.NativeColumns.instant(times.get(1));
        if (em.createNativeQuery("update ins_account_progress set second_covered_at = ? where account_id = ?"
                        + " and second_covered_at is null and first_passkey_at is not null")
                .setParameter(1, at).setParameter(2, accountId).executeUpdate() != 1) {
            return;
        }
        Object[] row = row(accountId);
        LocalDate signedUp = JpaInsights.localDate(row[0]);
        Instant first = dev.latchkey.platform.api.NativeColumns.instant(row[3]);
        rollups.add(TABLE, KEY, List.of(signedUp, row[1], row[2], NOT_YET), "accounts", -1);
        rollups.add(TABLE, KEY, List.of(signedUp, row[1], row[2], days(first, at)), "accounts", 1);
    }

    static int days(Instant first, Instant second) {
        return (int) Math.max(0, Duration.between(first, second).toDays());
    }

    /**
     * The rebuild's part, in its transaction (after the tables were emptied): every account's
     * passkeys and devices, and the first passkey sign-in on each device from the sign-in log.
     *
     * @param signedInHere the first {@code PASSKEY_THIS_DEVICE} sign-in per account and device
     * @return the accounts read
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long rebuild(Map<UUID, Map<UUID, Instant>> signedInHere) {
        List<UUID> ids = new ArrayList<>();
        accounts.forEachId(ids::add);
        Map<List<Object>, Long> histogram = new HashMap<>();
        for (UUID id : ids) {
            Optional<Account> account = accounts.find(id);
            List<Passkey> keys = passkeys.of(id);
            if (account.isEmpty() || keys.isEmpty()) {
                continue;
            }
            Instant first = keys.stream().map(Passkey::createdAt).min(Comparator.naturalOrder()).orElseThrow();
            Map<UUID, Boolean> personal = new HashMap<>();
            for (Device d : devices.of(id)) {
                personal.put(d.id(), !d.shared());
            }
            Map<UUID, Instant> covered = new HashMap<>();
            for (Passkey p : keys) {
                if (coversItsDevice(p) && personal.getOrDefault(p.createdOnDevice().get(), false)) {
                    covered.merge(p.createdOnDevice().get(), p.createdAt(), (x, y) -> x.isBefore(y) ? x : y);
                }
            }
            signedInHere.getOrDefault(id, Map.of()).forEach((device, at) -> {
                if (personal.getOrDefault(device, false)) {
                    covered.merge(device, at, (x, y) -> x.isBefore(y) ? x : y);
                }
            });
            List<Instant> times = covered.values().stream().sorted().toList();
            Optional<Instant> second = times.size() >= 2 ? Optional.of(times.get(1)) : Optional.empty();
            Cohorts.AccountPart part = cohorts.account(id);
            LocalDate signedUp = Rollups.day(account.get().createdAt());
            em.createNativeQuery("insert into ins_account_progress (account_id, signed_up_on, email_domain, sign_up,"
                            + " first_passkey_at, second_covered_at) values (?, ?, ?, ?, ?, ?)")
                    .setParameter(1, id).setParameter(2, signedUp).setParameter(3, part.emailDomain())
                    .setParameter(4, part.signUp()).setParameter(5, first).setParameter(6, second.orElse(null))
                    .executeUpdate();
            covered.forEach((device, at) -> covered(id, device, at));
            histogram.merge(List.of(signedUp, part.emailDomain(), part.signUp(),
                    second.map(s -> days(first, s)).orElse(NOT_YET)), 1L, Long::sum);
        }
        histogram.forEach((k, n) -> em.createNativeQuery("insert into " + TABLE
                        + " (signed_up_on, email_domain, sign_up, days, accounts) values (?, ?, ?, ?, ?)")
                .setParameter(1, k.get(0)).setParameter(2, k.get(1)).setParameter(3, k.get(2)).setParameter(4, k.get(3))
                .setParameter(5, n).executeUpdate());
        return ids.size();
    }
}
