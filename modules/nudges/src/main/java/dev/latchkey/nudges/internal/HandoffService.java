package dev.latchkey.nudges.internal;

import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.CreationOptions;
import dev.latchkey.credentials.api.EnrollmentCeremonies;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.DeviceKey;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.nudges.api.HandoffStep;
import dev.latchkey.nudges.api.Handoffs;
import dev.latchkey.nudges.api.Handoffs.Refused.Reason;
import dev.latchkey.nudges.api.Words;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The link handoff's state machine in {@code ndg_handoff}: read through the typed
 * {@link HandoffRow} projection with the database's time, written with native SQL so that every
 * expiry is the database clock's, and every step appended to {@code ndg_handoff_event}. Each transition
 * is a conditional update on the state it leaves: two requests racing (two devices on one link,
 * two code entries at once) cannot both make it.
 *
 * <p>A refusal keeps its audit row and its used-up try ({@code dontRollbackOn}).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = {Handoffs.Refused.class, CeremonyRejected.class})
class HandoffService implements Handoffs {

    /** Crockford's base32: no I, L, O or U, so a typed link survives being read aloud. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** 20 symbols of 5 bits: 100 random bits, beyond guessing in five minutes by any number of tries. */
    static final int TOKEN_LENGTH = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A handoff as a typed row; {@code instant} is the database's time of reading (the expiry is its clock's). */
    private static final String ROW = "select new dev.latchkey.nudges.internal.HandoffRow(h.id, h.accountId,"
            + " h.sessionId, h.state, h.claimantHash, h.pendingPasskeyId, h.deviceId, h.codeHash, h.codeAttempts,"
            + " h.expiresAt, instant) from HandoffEntity h";

    @PersistenceContext(unitName = "nudges")
    EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<HandoffStep> steps;

    @Inject
    EnrollmentCeremonies enrollment;

    @Inject
    Passkeys passkeys;

    @Inject
    Devices devices;

    @Inject
    Accounts accounts;

    @Inject
    AbuseLimits limits;

    @Inject
    dev.latchkey.identity.api.StepUp stepUp;

    @Override
    public Issued issue(dev.latchkey.identity.api.StepUpProof proof) {
        // A fresh step-up, ranked: an email code or a password alone never sends a passkey of an
        // account that has one to another device.
        UUID accountId = stepUp.confirm(proof);
        UUID sessionId = proof.sessionId();
        purgeExpired();
        long recent = ((Number) em.createNativeQuery("select count(*) from ndg_handoff where account_id = ?"
                        + " and created_at > current_timestamp - interval '" + ISSUE_WINDOW.toMinutes() + "' minute")
                .setParameter(1, accountId).getSingleResult()).longValue();
        if (recent >= ISSUES_PER_WINDOW) {
            audit(null, accountId, "REFUSED_TOO_MANY_LINKS", null);
            throw new Refused(Reason.TOO_MANY_LINKS, Words.of("handoff.refused.tooManyLinks"));
        }
        UUID id = UUID.randomUUID();
        String token = newToken();
        em.createNativeQuery("insert into ndg_handoff (id, account_id, session_id, token_hash, state, code_attempts,"
                        + " created_at, expires_at) values (?, ?, ?, ?, ?, 0, current_timestamp,"
                        + " current_timestamp + interval '" + LIFETIME.toMinutes() + "' minute)")
                .setParameter(1, id).setParameter(2, accountId).setParameter(3, sessionId)
                .setParameter(4, Sha256.of(token)).setParameter(5, State.OPEN.name())
                .executeUpdate();
        audit(id, accountId, "ISSUED", null);
        HandoffRow row = byId(id).orElseThrow();
        return new Issued(id, token, row.expiresAt());
    }

    @Override
    public Optional<Status> status(UUID accountId, UUID sessionId, UUID handoffId) {
        purgeExpired();
        return byId(handoffId).filter(r -> r.accountId().equals(accountId) && r.sessionId().equals(sessionId))
                .map(r -> new Status(r.id(), r.state(), Math.max(0, CODE_TRIES - r.attempts()), r.expiresAt()));
    }

    @Override
    public State peek(String token, String clientAddress) {
        String t = admit(token, clientAddress);
        purgeExpired();
        HandoffRow row = byToken(t, "PAGE", clientAddress);
        refuseUnusable(row, null);
        return row.state();
    }

    @Override
    public CreationOptions options(String token, CeremonyBinding binding, String clientAddress) {
        String t = admit(token, clientAddress);
        purgeExpired();
        HandoffRow row = byToken(t, "OPTIONS", clientAddress);
        byte[] claimant = Sha256.of(binding.secret());
        if (row.state() == State.OPEN && row.live()) {
            int claimed = em.createNativeQuery("update ndg_handoff set state = ?, claimant_hash = ? where id = ?"
                            + " and state = ? and expires_at > current_timestamp")
                    .setParameter(1, State.CLAIMED.name()).setParameter(2, claimant).setParameter(3, row.id())
                    .setParameter(4, State.OPEN.name()).executeUpdate();
            if (claimed == 1) {
                audit(row.id(), row.accountId(), "CLAIMED", null);
            }
            row = byId(row.id()).orElseThrow();
        }
        refuseUnusable(row, claimant);
        return enrollment.startHandoff(row.accountId(), binding, clientAddress);
    }

    @Override
    public String finish(String token, String responseJson, CeremonyBinding binding, Optional<DeviceKey> deviceKey,
                         dev.latchkey.identity.api.ClientDescription client, String clientAddress) {
        String t = admit(token, clientAddress);
        purgeExpired();
        HandoffRow row = byToken(t, "FINISH", clientAddress);
        byte[] claimant = Sha256.of(binding.secret());
        refuseUnusable(row, claimant);
        if (row.state() != State.CLAIMED) {
            audit(row.id(), row.accountId(), "REFUSED_NOT_CLAIMED", null);
            throw new Refused(Reason.NOT_READY, Words.of("handoff.refused.startHere"));
        }
        // Which device record device 2 gets: the one this account already has for that browser, if
        // any (it signed in there before). Otherwise none: a browser that never signed in is no
        // device of the account yet, and a link holder must not be able to add one to its list. It
        // gets its record at its first sign-in, with this passkey, and coverage then says "covered".
        // Either way the passkey is named after that browser ("Passkey on Chrome on Android"), not "Passkey".
        Optional<Device> known = deviceKey.flatMap(k -> devices.find(row.accountId(), k));
        String madeOn = known.map(Device::label).orElseGet(() -> devices.label(client));
        UUID pending;
        try {
            pending = enrollment.finishHandoff(row.accountId(), responseJson, binding, Optional.of(madeOn));
        } catch (CeremonyRejected e) {
            // The device may try again within the five minutes (a cancelled prompt, say).
            audit(row.id(), row.accountId(), "CEREMONY_REFUSED", e.reason().name());
            throw e;
        }
        String code = newCode();
        UUID accountId = row.accountId();
        Optional<UUID> device = known.map(Device::id);
        int moved = em.createNativeQuery("update ndg_handoff set state = ?, pending_passkey_id = ?, code_hash = ?,"
                        + " device_id = ? where id = ? and state = ? and claimant_hash = ?"
                        + " and expires_at > current_timestamp")
                .setParameter(1, State.WAITING_FOR_CODE.name()).setParameter(2, pending)
                .setParameter(3, codeHash(row.id(), code)).setParameter(4, device.orElse(null))
                .setParameter(5, row.id()).setParameter(6, State.CLAIMED.name()).setParameter(7, claimant)
                .executeUpdate();
        if (moved != 1) {
            // Raced by another request of the same browser, or the five minutes ran out meanwhile.
            enrollment.dropPending(accountId, pending, "handoff: link no longer usable");
            audit(row.id(), accountId, "REFUSED_USED", "raced");
            throw new Refused(Reason.USED, Words.of("handoff.refused.usedMakeOnOther"));
        }
        audit(row.id(), accountId, "PASSKEY_PENDING", device.isPresent() ? "known device" : "no device record");
        return code;
    }

    @Override
    public UUID pair(UUID accountId, UUID sessionId, UUID handoffId, String code) {
        purgeExpired();
        HandoffRow row = byId(handoffId).filter(r -> r.accountId().equals(accountId) && r.sessionId().equals(sessionId))
                .orElseThrow(() -> {
                    audit(null, accountId, "REFUSED_UNKNOWN", "pair");
                    return new Refused(Reason.UNKNOWN, Words.of("handoff.refused.notFound"));
                });
        switch (row.state()) {
            case OPEN, CLAIMED -> {
                if (row.live()) {
                    throw new Refused(Reason.NOT_READY, Words.of("handoff.refused.noCodeYet"));
                }
            }
            case PAIRED, FAILED -> throw new Refused(Reason.USED, Words.of("handoff.refused.used"));
            default -> {
            }
        }
        if (row.state() == State.EXPIRED || !row.live()) {
            throw expired(row, "pair");
        }
        String typed = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!typed.matches("[0-9]{6}")) {
            throw new Refused(Reason.WRONG_CODE, Words.of("handoff.refused.enterCode"));
        }
        // A try is spent before the comparison, atomically: parallel guesses share the same 3 tries.
        int spent = em.createNativeQuery("update ndg_handoff set code_attempts = code_attempts + 1 where id = ?"
                        + " and state = ? and code_attempts < ? and expires_at > current_timestamp")
                .setParameter(1, row.id()).setParameter(2, State.WAITING_FOR_CODE.name()).setParameter(3, CODE_TRIES)
                .executeUpdate();
        if (spent != 1) {
            audit(row.id(), accountId, "REFUSED_NO_TRIES_LEFT", null);
            throw new Refused(Reason.TOO_MANY_TRIES, Words.of("handoff.refused.tooManyTries"));
        }
        int attempts = row.attempts() + 1;
        if (!MessageDigest.isEqual(codeHash(row.id(), typed), row.codeHash())) {
            audit(row.id(), accountId, "CODE_WRONG", "try " + attempts);
            if (attempts >= CODE_TRIES) {
                fail(row);
                throw new Refused(Reason.TOO_MANY_TRIES, Words.of("handoff.refused.lastTryWrong"));
            }
            int left = CODE_TRIES - attempts;
            throw new Refused(Reason.WRONG_CODE, left == 1 ? Words.of("handoff.refused.wrongCode.one")
                    : Words.of("handoff.refused.wrongCode.many", String.valueOf(left)));
        }
        int paired = em.createNativeQuery("update ndg_handoff set state = ? where id = ? and state = ?")
                .setParameter(1, State.PAIRED.name()).setParameter(2, row.id())
                .setParameter(3, State.WAITING_FOR_CODE.name()).executeUpdate();
        if (paired != 1) {
            throw new Refused(Reason.USED, Words.of("handoff.refused.used"));
        }
        UUID passkeyId;
        try {
            // Noted as created on device 2 only when it is a device record of this account; announced either way.
            passkeyId = enrollment.confirmPending(accountId, row.pendingPasskeyId(), Optional.ofNullable(row.deviceId()));
        } catch (CeremonyRejected e) {
            em.createNativeQuery("update ndg_handoff set state = ? where id = ?")
                    .setParameter(1, State.FAILED.name()).setParameter(2, row.id()).executeUpdate();
            audit(row.id(), accountId, "CONFIRM_REFUSED", e.reason().name());
            // The pending passkey waited too long (EnrollmentCeremonyService): the person starts again with a new link.
            throw new Refused(Reason.EXPIRED, Words.of("handoff.refused.waitedTooLong"));
        }
        em.createNativeQuery("update ndg_handoff set passkey_id = ? where id = ?")
                .setParameter(1, passkeyId).setParameter(2, row.id()).executeUpdate();
        audit(row.id(), accountId, "PAIRED", null);
        return passkeyId;
    }

    @Override
    public Device2View device2(String token, CeremonyBinding binding, String clientAddress) {
        String t = admit(token, clientAddress);
        purgeExpired();
        HandoffRow row = byToken(t, "STATUS", clientAddress);
        if (row.claimantHash() == null || !MessageDigest.isEqual(row.claimantHash(), Sha256.of(binding.secret()))) {
            audit(row.id(), row.accountId(), "REFUSED_NOT_CLAIMANT", "status");
            throw new Refused(Reason.IN_USE, Words.of("handoff.refused.inUse"));
        }
        if (row.state() == State.PAIRED && row.recentlyLive()) {
            Account account = accounts.find(row.accountId()).orElseThrow();
            return new Device2View(row.state(), Optional.of(new UserDetails(account.userHandle().base64Url(),
                    account.email().value(), account.displayName())));
        }
        return new Device2View(row.state(), Optional.empty());
    }

    /** Refuses a link that is gone, over, used, or another browser's. */
    private void refuseUnusable(HandoffRow row, byte[] claimant) {
        if (row.state() == State.EXPIRED || !row.live()) {
            throw expired(row, "use");
        }
        if (row.state() == State.WAITING_FOR_CODE || row.state() == State.PAIRED || row.state() == State.FAILED) {
            audit(row.id(), row.accountId(), "REFUSED_USED", null);
            throw new Refused(Reason.USED, Words.of("handoff.refused.usedUnfinished"));
        }
        if (row.state() == State.CLAIMED && claimant != null
                && (row.claimantHash() == null || !MessageDigest.isEqual(row.claimantHash(), claimant))) {
            audit(row.id(), row.accountId(), "REFUSED_IN_USE", null);
            throw new Refused(Reason.IN_USE, Words.of("handoff.refused.inUseElsewhere"));
        }
    }

    private Refused expired(HandoffRow row, String what) {
        audit(row.id(), row.accountId(), "REFUSED_EXPIRED", what);
        return new Refused(Reason.EXPIRED, Words.of("handoff.refused.expired"));
    }

    private void fail(HandoffRow row) {
        em.createNativeQuery("update ndg_handoff set state = ? where id = ? and state = ?")
                .setParameter(1, State.FAILED.name()).setParameter(2, row.id())
                .setParameter(3, State.WAITING_FOR_CODE.name()).executeUpdate();
        enrollment.dropPending(row.accountId(), row.pendingPasskeyId(), "handoff: wrong pairing code " + CODE_TRIES + " times");
        audit(row.id(), row.accountId(), "FAILED", "wrong code " + CODE_TRIES + " times: pending passkey dropped");
    }

    /** Ends every handoff past its five minutes and drops its pending passkey (the expiry drops it). */
    private void purgeExpired() {
        List<HandoffRow> rows = em.createQuery(ROW + " where h.expiresAt <= instant"
                        + " and h.state in (:open, :claimed, :waiting)", HandoffRow.class)
                .setParameter("open", State.OPEN.name()).setParameter("claimed", State.CLAIMED.name())
                .setParameter("waiting", State.WAITING_FOR_CODE.name()).getResultList();
        for (HandoffRow r : rows) {
            int ended = em.createNativeQuery("update ndg_handoff set state = ? where id = ? and state in (?, ?, ?)")
                    .setParameter(1, State.EXPIRED.name()).setParameter(2, r.id())
                    .setParameter(3, State.OPEN.name()).setParameter(4, State.CLAIMED.name())
                    .setParameter(5, State.WAITING_FOR_CODE.name()).executeUpdate();
            if (ended == 1) {
                if (r.pendingPasskeyId() != null) {
                    enrollment.dropPending(r.accountId(), r.pendingPasskeyId(), "handoff expired");
                }
                audit(r.id(), r.accountId(), "EXPIRED", r.pendingPasskeyId() != null ? "pending passkey dropped" : null);
            }
        }
    }

    /**
     * Device 2's token as typed, before anything is read or written: one that cannot be a token is
     * refused with no write at all, and a client address past its allowance of unknown links
     * (identity's abuse limits, held in the database so that every instance agrees) is refused
     * with a wait and no write either, so a flood of guesses cannot grow the audit log.
     */
    private String admit(String token, String clientAddress) {
        Optional<String> normalised = normalise(token);
        if (normalised.isEmpty()) {
            throw unknown();
        }
        Optional<AbuseLimits.Refusal> refusal = limits.checkClient(AbuseLimits.Factor.HANDOFF_LINK, clientAddress);
        if (refusal.isPresent()) {
            Duration wait = refusal.get().retryAfter().orElse(AbuseLimits.MAX_DELAY);
            long seconds = Math.max(1, wait.toSeconds());
            throw new Refused(Reason.TOO_MANY_UNKNOWN_LINKS, seconds < 90
                    ? Words.of("handoff.refused.tooManyUnknown.seconds", String.valueOf(seconds))
                    : Words.of("handoff.refused.tooManyUnknown.minutes", String.valueOf((seconds + 59) / 60)),
                    Optional.of(Duration.ofSeconds(seconds)));
        }
        return normalised.get();
    }

    /** @param token a normalised token ({@link #admit}) */
    private HandoffRow byToken(String token, String step, String clientAddress) {
        Optional<HandoffRow> row = select("tokenHash = :value", Sha256.of(token));
        if (row.isEmpty()) {
            limits.failedClient(AbuseLimits.Factor.HANDOFF_LINK, clientAddress);
            audit(null, null, "REFUSED_UNKNOWN", step);
            if (limits.checkClient(AbuseLimits.Factor.HANDOFF_LINK, clientAddress).isPresent()) {
                // One row when an address reaches its allowance; the refusals after it write nothing.
                audit(null, null, "REFUSED_CLIENT_LIMIT", "unknown links from one client address");
            }
            throw unknown();
        }
        return row.get();
    }

    private static Refused unknown() {
        return new Refused(Reason.UNKNOWN, Words.of("handoff.refused.unknown"));
    }

    private Optional<HandoffRow> byId(UUID id) {
        return select("id = :value", id);
    }

    private Optional<HandoffRow> select(String where, Object value) {
        return em.createQuery(ROW + " where h." + where, HandoffRow.class).setParameter("value", value).getResultStream().findFirst();
    }

    private void audit(UUID handoffId, UUID accountId, String type, String detail) {
        java.time.Instant at = dev.latchkey.platform.api.Timestamps.now();
        em.createNativeQuery("insert into ndg_handoff_event (handoff_id, account_id, type, detail, occurred_at)"
                        + " values (?, ?, ?, ?, ?)")
                .setParameter(1, handoffId).setParameter(2, accountId).setParameter(3, type)
                .setParameter(4, detail == null ? null : detail.substring(0, Math.min(200, detail.length())))
                .setParameter(5, at)
                .executeUpdate();
        steps.fire(new HandoffStep(Optional.ofNullable(handoffId), Optional.ofNullable(accountId), type, at));
    }

    @Override
    public void replay(java.util.function.Consumer<HandoffStep> each) {
        em.createNativeQuery("select handoff_id, account_id, type, occurred_at from ndg_handoff_event order by occurred_at, id")
                .setHint("org.hibernate.fetchSize", 1000)
                .getResultStream()
                .forEach(row -> {
                    Object[] r = (Object[]) row;
                    each.accept(new HandoffStep(Optional.ofNullable(r[0]).map(dev.latchkey.platform.api.NativeColumns::uuid),
                            Optional.ofNullable(r[1]).map(dev.latchkey.platform.api.NativeColumns::uuid), (String) r[2],
                            dev.latchkey.platform.api.NativeColumns.instant(r[3])));
                });
    }

    /** The token as typed or scanned: case and hyphens do not matter; anything else does not parse. */
    static Optional<String> normalise(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        String t = token.replace("-", "").strip().toUpperCase(Locale.ROOT);
        if (t.length() != TOKEN_LENGTH || !t.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    static String newToken() {
        StringBuilder s = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    static String newCode() {
        return String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    }

    /**
     * The pairing code is stored hashed with the handoff's id. A 6-digit code cannot be protected
     * against someone who reads this table (a million tries offline); what protects it is that it
     * lives at most five minutes and allows three tries online.
     */
    static byte[] codeHash(UUID handoffId, String code) {
        return Sha256.of(handoffId + ":" + code);
    }
}
