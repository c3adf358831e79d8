package dev.latchkey.insights.internal;

import dev.latchkey.credentials.api.Passkey;
import dev.latchkey.credentials.api.PasskeyProvider;
import dev.latchkey.credentials.api.PasskeyProviders;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.RecoveryCodes;
import dev.latchkey.nudges.api.Coverage;
import dev.latchkey.nudges.api.CoverageReport;
import dev.latchkey.nudges.api.DeviceCoverage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes a coverage snapshot: every account's coverage (nudges' model), passkeys (credentials) and
 * ways back in (identity), summed overall, per platform and browser, and per passkey provider.
 * The day's row is replaced, so the newest snapshot of a day is the one that stays.
 */
@ApplicationScoped
class CoverageSnapshots {

    private static final Logger LOG = Logger.getLogger(CoverageSnapshots.class.getName());

    static final int ACCOUNTS = 0;
    static final int WITH_PASSKEY = 1;
    static final int ACTIVE_DEVICES = 2;
    static final int COVERED_DEVICES = 3;
    static final int FULLY_COVERED = 4;
    static final int TWO_COVERED = 5;
    static final int PASSKEYS = 6;
    static final int SYNCED = 7;
    static final int AT_RISK = 8;
    private static final int FIGURES = 9;

    @PersistenceContext(unitName = "insights")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Coverage coverage;

    @Inject
    Passkeys passkeys;

    @Inject
    PasskeyProviders providers;

    @Inject
    RecoveryCodes recoveryCodes;

    /** Takes and stores today's snapshot, in a transaction of its own; returns the accounts read. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long takeNow() {
        return take();
    }

    /** The same, in the caller's transaction (a rebuild). */
    @Transactional(Transactional.TxType.MANDATORY)
    long take() {
        List<UUID> ids = new ArrayList<>();
        accounts.forEachId(ids::add);
        long[] all = new long[FIGURES];
        Map<String, long[]> byPlatform = new TreeMap<>();
        Map<String, long[]> byProvider = new TreeMap<>();
        for (UUID id : ids) {
            try {
                add(id, all, byPlatform, byProvider);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "insights: account " + id + " left out of the snapshot", e);
            }
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = Rollups.day(at);
        em.createNativeQuery("delete from ins_coverage_snapshot where taken_on = ?").setParameter(1, today).executeUpdate();
        insert(today, "ALL", "", all, at);
        byPlatform.forEach((key, figures) -> insert(today, "PLATFORM", key, figures, at));
        byProvider.forEach((key, figures) -> insert(today, "PROVIDER", key, figures, at));
        return ids.size();
    }

    private void add(UUID id, long[] all, Map<String, long[]> byPlatform, Map<String, long[]> byProvider) {
        CoverageReport report = coverage.of(id);
        List<Passkey> keys = passkeys.of(id);
        List<DeviceCoverage> active = report.devices().stream().filter(d -> d.verdict().counted()).toList();
        long covered = active.stream().filter(d -> d.verdict().countsAsCovered()).count();
        all[ACCOUNTS]++;
        if (!keys.isEmpty()) {
            all[WITH_PASSKEY]++;
        }
        all[ACTIVE_DEVICES] += active.size();
        all[COVERED_DEVICES] += covered;
        if (!active.isEmpty() && covered == active.size()) {
            all[FULLY_COVERED]++;
        }
        if (covered >= 2) {
            all[TWO_COVERED]++;
        }
        for (DeviceCoverage d : active) {
            long[] group = byPlatform.computeIfAbsent(key(d.platform() + " / " + d.browser()), k -> new long[FIGURES]);
            group[ACTIVE_DEVICES]++;
            if (d.verdict().countsAsCovered()) {
                group[COVERED_DEVICES]++;
            }
        }
        for (Passkey p : keys) {
            String provider = key(providers.of(p.aaguid()).map(PasskeyProvider::name).orElse("Unknown provider"));
            long[] group = byProvider.computeIfAbsent(provider, k -> new long[FIGURES]);
            group[PASSKEYS]++;
            all[PASSKEYS]++;
            if (p.backedUp()) {
                group[SYNCED]++;
                all[SYNCED]++;
            }
        }
        // Recovery readiness: passkeys that do not survive the loss of one device, no recovery codes
        // left and no confirmed address to recover through.
        if (!keys.isEmpty() && report.backup().isPresent() && recoveryCodes.status(id).remaining() == 0
                && !accounts.find(id).map(Account::emailConfirmed).orElse(false)) {
            all[AT_RISK]++;
        }
    }

    private static String key(String s) {
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    private void insert(LocalDate day, String dimension, String key, long[] f, Instant at) {
        em.createNativeQuery("insert into ins_coverage_snapshot (taken_on, dimension, group_key, accounts,"
                        + " accounts_with_passkey, active_devices, covered_devices, accounts_fully_covered,"
                        + " accounts_two_covered, passkeys, synced_passkeys, accounts_at_risk, taken_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .setParameter(1, day).setParameter(2, dimension).setParameter(3, key)
                .setParameter(4, f[ACCOUNTS]).setParameter(5, f[WITH_PASSKEY]).setParameter(6, f[ACTIVE_DEVICES])
                .setParameter(7, f[COVERED_DEVICES]).setParameter(8, f[FULLY_COVERED]).setParameter(9, f[TWO_COVERED])
                .setParameter(10, f[PASSKEYS]).setParameter(11, f[SYNCED]).setParameter(12, f[AT_RISK])
                .setParameter(13, at).executeUpdate();
    }
}
