package dev.latchkey.insights.internal;

import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.CreationOptions;
import dev.latchkey.credentials.api.EnrollmentCeremonies;
import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.SecurityNotices;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.identity.api.StaffRole;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.insights.api.AssistedRecovery;
import dev.latchkey.insights.api.AssistedRecovery.Refused.Reason;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Assisted recovery's rules, in {@code ins_assisted_recovery}: read through the typed {@link RecoveryRow}
 * projection with the database's time, moved by conditional native updates on the state they leave (two
 * requests racing with one link, or two approvers, cannot both succeed), every step recorded in
 * {@code ins_staff_action} in the same transaction. A refusal keeps its audit row ({@code dontRollbackOn}).
 *
 * <p>The passkey is made by credentials' handoff enrollment ceremony (the one the link handoff uses:
 * options without email, name or credential ids; verified under the registration policy; stored pending),
 * and confirmed at once: here the agent's in-person ID check, not a pairing code, is what vouches for
 * the device (NIST SP 800-63B §6.1.2.3: a lost authenticator is replaced only after the subscriber's
 * identity is proven again, here in person and recorded; OWASP ASVS 4.0 V2.5.6: a secure recovery path).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = {AssistedRecovery.Refused.class, CeremonyRejected.class})
class AssistedRecoveryService implements AssistedRecovery {

    /** Crockford's base32, as the handoff links: no I, L, O or U. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /**
     * 26 symbols of 5 bits: 130 random bits from a CSPRNG, short-lived (OWASP ASVS 4.0 V2.3.1, system
     * generated activation secrets); only its SHA-256 is stored.
     */
    static final int TOKEN_LENGTH = 26;
    /** An approval must come within this long of the start; after it the recovery lapses. */
    static final Duration APPROVAL_WINDOW = Duration.ofHours(1);
    static final int REASON_MAX = 500;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ROW = "select new dev.latchkey.insights.internal.RecoveryRow(r.id, r.accountId,"
            + " r.agentId, r.agentEmail, r.reason, r.idDocument, r.approvalsNeeded, r.approverEmail, r.state,"
            + " r.claimantHash, r.createdAt, r.expiresAt, instant) from AssistedRecoveryEntity r";

    @PersistenceContext(unitName = "insights")
    EntityManager em;

    @Inject
    Staff staff;

    @Inject
    StaffActions actions;

    @Inject
    Accounts accounts;

    @Inject
    SecurityNotices notices;

    @Inject
    EnrollmentCeremonies enrollment;

    @Inject
    dev.latchkey.identity.api.Devices devices;

    @Inject
    AbuseLimits limits;

    @Inject
    Settings settings;

    // ------------------------------------------------------------------ staff

    @Override
    public Outcome start(StepUpProof proof, Request request) {
        UUID agent = staff.confirm(proof, Permission.ASSISTED_RECOVERY);
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (request.accountId() == null) {
            throw new Refused(Reason.INVALID, Words.of("op.recovery.refused.noAccount"), "Choose the account to recover.");
        }
        if (reason.isEmpty() || reason.length() > REASON_MAX) {
            throw new Refused(Reason.INVALID, Words.of("op.recovery.refused.reason", String.valueOf(REASON_MAX)),
                    "Enter why the person needs a recovery (at most " + REASON_MAX
                    + " characters).");
        }
        Optional<IdDocument> document = Arrays.stream(IdDocument.values())
                .filter(d -> d.name().equals(request.idDocument())).findFirst();
        if (document.isEmpty()) {
            throw new Refused(Reason.INVALID, Words.of("op.recovery.refused.document"),
                    "Choose the identity document you checked.");
        }
        if (!request.idCheckedInPerson()) {
            throw new Refused(Reason.INVALID, Words.of("op.recovery.refused.idChecked"), "Confirm that you checked the person's ID in person: a recovery is"
                    + " only started for someone standing in front of you.");
        }
        Account account = accounts.find(request.accountId())
                .orElseThrow(() -> new Refused(Reason.NOT_FOUND, Words.of("op.recovery.refused.accountNotFound"),
                        "There is no account with that id."));
        String subject = account.id().toString();
        if (account.id().equals(agent)) {
            actions.record(agent, "RECOVERY_REFUSED", subject, Words.of("op.audit.refused.ownAccount"));
            throw new Refused(Reason.NOT_ALLOWED, Words.of("op.recovery.refused.ownAccount"),
                    "You cannot start a recovery of your own account: ask another"
                    + " agent.");
        }
        // Separation of duties: a counter agent recovering a staff account would take over its roles.
        if (!staff.roles(account.id()).isEmpty() && !staff.roles(agent).contains(StaffRole.ADMIN)) {
            actions.record(agent, "RECOVERY_REFUSED", subject, Words.of("op.audit.refused.staffAccount"));
            throw new Refused(Reason.NOT_ALLOWED, Words.of("op.recovery.refused.staffAccount"),
                    "This is a staff account: only an admin may start its recovery.");
        }
        // The per-agent cap, counted under the agent's row lock (OWASP ASVS 4.0 V11.1.4, anti-automation):
        // parallel starts, on this instance or another sharing the database, wait for each other here.
        em.createNativeQuery("insert into ins_recovery_agent_lock (agent_id) values (?) on conflict do nothing")
                .setParameter(1, agent).executeUpdate();
        em.createNativeQuery("select agent_id from ins_recovery_agent_lock where agent_id = ? for update")
                .setParameter(1, agent).getResultList();
        Object[] window = (Object[]) em.createNativeQuery("select count(*), cast(3600 + extract(epoch from"
                        + " min(created_at)) - extract(epoch from current_timestamp) as bigint) from ins_assisted_recovery"
                        + " where agent_id = ? and created_at > current_timestamp - interval '1' hour")
                .setParameter(1, agent).getSingleResult();
        long started = ((Number) window[0]).longValue();
        if (started >= settings.startsPerHour()) {
            long wait = window[1] == null ? 60 : Math.max(1, ((Number) window[1]).longValue());
            actions.record(agent, "RECOVERY_REFUSED", subject, Words.of("op.audit.refused.tooMany",
                    String.valueOf(settings.startsPerHour())));
            throw new Refused(Reason.TOO_MANY, Words.of("op.recovery.refused.tooMany", String.valueOf(started),
                    String.valueOf((wait + 59) / 60)), "You started " + started + " recoveries in the last hour, the most"
                    + " one agent may. Ask another agent, or try again in " + (wait + 59) / 60 + " minutes.",
                    Optional.of(Duration.ofSeconds(wait)));
        }
        UUID id = UUID.randomUUID();
        boolean needsApproval = settings.approvals() > 1;
        em.createNativeQuery("insert into ins_assisted_recovery (id, account_id, agent_id, agent_email, reason,"
                        + " id_document, approvals_needed, state, created_at) values (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " current_timestamp)")
                .setParameter(1, id).setParameter(2, account.id()).setParameter(3, agent)
                .setParameter(4, email(agent)).setParameter(5, reason).setParameter(6, document.get().name())
                .setParameter(7, settings.approvals())
                .setParameter(8, (needsApproval ? State.AWAITING_APPROVAL : State.LINK_ISSUED).name())
                .executeUpdate();
        actions.record(agent, "RECOVERY_STARTED", subject, Words.of("op.audit.started", reason,
                Words.of("op.document." + document.get().name()), String.valueOf(settings.approvals())));
        Optional<String> link = needsApproval ? Optional.empty() : Optional.of(issue(id, agent, subject));
        RecoveryRow row = byId(id).orElseThrow();
        // Last, after every check: the notice goes out in its own transaction (identity's outbox).
        notices.send(account.id(), new SecurityNotices.AssistedRecoveryStarted(row.createdAt()));
        return new Outcome(view(row, agent), link);
    }

    @Override
    public Outcome approve(StepUpProof proof, UUID recoveryId) {
        UUID agent = staff.confirm(proof, Permission.ASSISTED_RECOVERY);
        RecoveryRow row = (recoveryId == null ? Optional.<RecoveryRow>empty() : byId(recoveryId))
                .orElseThrow(() -> new Refused(Reason.NOT_FOUND, Words.of("op.recovery.refused.notFound"),
                        "There is no such recovery."));
        String subject = row.accountId().toString();
        if (row.state() != State.AWAITING_APPROVAL) {
            throw new Refused(Reason.CANNOT_APPROVE, Words.of("op.recovery.refused.notWaiting"),
                    "This recovery is not waiting for an approval.");
        }
        if (row.agentId().equals(agent)) {
            // Four eyes: the approval must be another person's (separation of duties, OWASP ASVS 4.0 V1.4).
            actions.record(agent, "RECOVERY_REFUSED", subject, Words.of("op.audit.refused.ownApproval",
                    row.id().toString()));
            throw new Refused(Reason.CANNOT_APPROVE, Words.of("op.recovery.refused.ownStart"),
                    "You started this recovery: another agent must approve it.");
        }
        if (row.accountId().equals(agent)) {
            actions.record(agent, "RECOVERY_REFUSED", subject, Words.of("op.audit.refused.ownAccountApproval"));
            throw new Refused(Reason.NOT_ALLOWED, Words.of("op.recovery.refused.ownAccountApproval"),
                    "You cannot approve a recovery of your own account.");
        }
        if (!row.createdAt().plus(APPROVAL_WINDOW).isAfter(row.readAt())) {
            throw new Refused(Reason.EXPIRED, Words.of("op.recovery.refused.lapsed"), "This recovery waited more than an hour for an approval and lapsed."
                    + " Start a new one.");
        }
        int approved = em.createNativeQuery("update ins_assisted_recovery set state = ?, approver_id = ?,"
                        + " approver_email = ? where id = ? and state = ?")
                .setParameter(1, State.LINK_ISSUED.name()).setParameter(2, agent).setParameter(3, email(agent))
                .setParameter(4, row.id()).setParameter(5, State.AWAITING_APPROVAL.name()).executeUpdate();
        if (approved != 1) {
            throw new Refused(Reason.CANNOT_APPROVE, Words.of("op.recovery.refused.meanwhile"),
                    "Another agent approved this recovery meanwhile.");
        }
        actions.record(agent, "RECOVERY_APPROVED", subject, Words.of("op.audit.approved", row.id().toString(),
                row.agentEmail()));
        String link = issue(row.id(), agent, subject);
        return new Outcome(view(byId(row.id()).orElseThrow(), agent), Optional.of(link));
    }

    @Override
    public Optional<Case> find(StepUpProof proof, UUID recoveryId) {
        UUID agent = staff.confirm(proof, Permission.ASSISTED_RECOVERY);
        return recoveryId == null ? Optional.empty() : byId(recoveryId).map(r -> view(r, agent));
    }

    @Override
    public List<Case> recent(StepUpProof proof) {
        UUID agent = staff.confirm(proof, Permission.ASSISTED_RECOVERY);
        return em.createQuery(ROW + " order by case when r.state = :waiting then 0 else 1 end, r.createdAt desc, r.id",
                        RecoveryRow.class)
                .setParameter("waiting", State.AWAITING_APPROVAL.name()).setMaxResults(50).getResultList().stream()
                .map(r -> view(r, agent)).toList();
    }

    /** Issues the link: a fresh token, of which only the hash is stored, live from now by the database clock. */
    private String issue(UUID id, UUID agent, String subject) {
        String token = newToken();
        em.createNativeQuery("update ins_assisted_recovery set token_hash = ?, expires_at = current_timestamp"
                        + " + interval '" + settings.linkLifetime().toMinutes() + "' minute where id = ?")
                .setParameter(1, Sha256.of(token)).setParameter(2, id).executeUpdate();
        actions.record(agent, "RECOVERY_LINK_ISSUED", subject, Words.of("op.audit.linkIssued", id.toString(),
                String.valueOf(settings.linkLifetime().toMinutes())));
        return token;
    }

    private Case view(RecoveryRow r, UUID viewer) {
        State shown = (r.state() == State.LINK_ISSUED || r.state() == State.CLAIMED) && !r.live() ? State.EXPIRED
                : r.state() == State.AWAITING_APPROVAL && !r.createdAt().plus(APPROVAL_WINDOW).isAfter(r.readAt())
                ? State.EXPIRED : r.state();
        return new Case(r.id(), r.accountId(), accounts.find(r.accountId()).map(a -> a.email().value()).orElse("(deleted)"),
                r.agentEmail(), Optional.ofNullable(r.approverEmail()), r.reason(),
                IdDocument.valueOf(r.idDocument()),
                shown, r.createdAt(), Optional.ofNullable(r.expiresAt()),
                shown == State.AWAITING_APPROVAL && !r.agentId().equals(viewer) && !r.accountId().equals(viewer));
    }

    // ------------------------------------------------------------------ the person's device

    @Override
    public State peek(String token, boolean sharedDevice, String clientAddress) {
        RecoveryRow row = byToken(admit(token, clientAddress), clientAddress);
        refuseShared(row, sharedDevice);
        refuseUnusable(row, null);
        return row.state();
    }

    @Override
    public CreationOptions options(String token, CeremonyBinding binding, boolean sharedDevice, String clientAddress) {
        RecoveryRow row = byToken(admit(token, clientAddress), clientAddress);
        refuseShared(row, sharedDevice);
        byte[] claimant = Sha256.of(binding.secret());
        if (row.state() == State.LINK_ISSUED && row.live()) {
            int claimed = em.createNativeQuery("update ins_assisted_recovery set state = ?, claimant_hash = ?"
                            + " where id = ? and state = ? and expires_at > current_timestamp")
                    .setParameter(1, State.CLAIMED.name()).setParameter(2, claimant).setParameter(3, row.id())
                    .setParameter(4, State.LINK_ISSUED.name()).executeUpdate();
            if (claimed == 1) {
                actions.record(row.accountId(), "RECOVERY_LINK_OPENED", row.accountId().toString(),
                        Words.of("op.audit.linkOpened", row.id().toString()));
            }
            row = byId(row.id()).orElseThrow();
        }
        refuseUnusable(row, claimant);
        return enrollment.startHandoff(row.accountId(), binding, clientAddress);
    }

    @Override
    public void finish(String token, String responseJson, CeremonyBinding binding, boolean sharedDevice,
                       dev.latchkey.identity.api.ClientDescription client, String clientAddress) {
        RecoveryRow row = byToken(admit(token, clientAddress), clientAddress);
        refuseShared(row, sharedDevice);
        byte[] claimant = Sha256.of(binding.secret());
        refuseUnusable(row, claimant);
        if (row.state() != State.CLAIMED) {
            throw new Refused(Reason.INVALID, Words.of("recoverDevice.refused.notStarted"), "Start on this page: press \"Create a passkey on this phone\".");
        }
        UUID subjectAccount = row.accountId();
        String subject = subjectAccount.toString();
        // Verified like any new passkey (WebAuthn L3 §7.1, the registration policy included); pending first.
        // Named after the phone's browser, as the link handoff names its passkey: the phone may never have signed in.
        UUID pending = enrollment.finishHandoff(subjectAccount, responseJson, binding,
                Optional.of(devices.label(client)));
        int spent = em.createNativeQuery("update ins_assisted_recovery set state = ? where id = ? and state = ?"
                        + " and claimant_hash = ? and expires_at > current_timestamp")
                .setParameter(1, State.COMPLETED.name()).setParameter(2, row.id()).setParameter(3, State.CLAIMED.name())
                .setParameter(4, claimant).executeUpdate();
        if (spent != 1) {
            // Raced by another request of the same browser, or the time ran out meanwhile: single use.
            enrollment.dropPending(subjectAccount, pending, "assisted recovery: link no longer usable");
            actions.record(subjectAccount, "RECOVERY_REFUSED", subject, Words.of("op.audit.refused.used",
                    row.id().toString()));
            throw new Refused(Reason.USED, Words.of("recoverDevice.refused.used"), "This link was already used. Ask the agent for a new recovery.");
        }
        UUID passkeyId;
        try {
            // The agent's in-person check vouches for this device: the credential record is stored now
            // (§7.1 #reg-ceremony-store-credential-record), no pairing code.
            passkeyId = enrollment.confirmPending(subjectAccount, pending, Optional.empty());
        } catch (CeremonyRejected e) {
            actions.record(subjectAccount, "RECOVERY_REFUSED", subject, Words.of("op.audit.refused.notStored",
                    row.id().toString(), e.reason().name()));
            throw e;
        }
        em.createNativeQuery("update ins_assisted_recovery set passkey_id = ? where id = ?")
                .setParameter(1, passkeyId).setParameter(2, row.id()).executeUpdate();
        actions.record(subjectAccount, "RECOVERY_PASSKEY_CREATED", subject, Words.of("op.audit.passkeyCreated",
                row.id().toString(), row.agentEmail()));
    }

    /** A counter computer or kiosk never gets the person's passkey: it would stay behind for the next customer. */
    private void refuseShared(RecoveryRow row, boolean sharedDevice) {
        if (sharedDevice) {
            actions.record(row.accountId(), "RECOVERY_REFUSED", row.accountId().toString(),
                    Words.of("op.audit.refused.shared", row.id().toString()));
            throw new Refused(Reason.SHARED_DEVICE, Words.of("recoverDevice.refused.shared"), "Open this link on your own phone. This device is shared (a"
                    + " counter computer or a public device), so a passkey must not be saved here.");
        }
    }

    private void refuseUnusable(RecoveryRow row, byte[] claimant) {
        if (row.state() == State.COMPLETED) {
            actions.record(row.accountId(), "RECOVERY_REFUSED", row.accountId().toString(),
                    Words.of("op.audit.refused.usedAgain", row.id().toString()));
            throw new Refused(Reason.USED, Words.of("recoverDevice.refused.usedAgain"), "This link was already used: it works once. If you need another passkey,"
                    + " ask the agent to start a new recovery.");
        }
        if (row.state() == State.AWAITING_APPROVAL || row.state() == State.EXPIRED || !row.live()) {
            actions.record(row.accountId(), "RECOVERY_REFUSED", row.accountId().toString(),
                    Words.of("op.audit.refused.expired", row.id().toString()));
            throw new Refused(Reason.EXPIRED, Words.of("recoverDevice.refused.expired",
                    String.valueOf(settings.linkLifetime().toMinutes())), "This link has expired: it works for "
                    + settings.linkLifetime().toMinutes() + " minutes. Ask the agent for a new one.");
        }
        if (row.state() == State.CLAIMED && claimant != null
                && (row.claimantHash() == null || !MessageDigest.isEqual(row.claimantHash(), claimant))) {
            actions.record(row.accountId(), "RECOVERY_REFUSED", row.accountId().toString(),
                    Words.of("op.audit.refused.secondDevice", row.id().toString()));
            throw new Refused(Reason.IN_USE, Words.of("recoverDevice.refused.inUse"), "This link is already being used on another device. It works on one"
                    + " device only.");
        }
    }

    /**
     * The token as typed or scanned, before anything is read or written; an address past its allowance
     * of unknown links (identity's abuse limits, the handoff links' counter: both are guesses at a
     * link) is refused with a wait.
     */
    private String admit(String token, String clientAddress) {
        Optional<String> normalised = normalise(token);
        if (normalised.isEmpty()) {
            throw unknown();
        }
        Optional<AbuseLimits.Refusal> refusal = limits.checkClient(AbuseLimits.Factor.HANDOFF_LINK, clientAddress);
        if (refusal.isPresent()) {
            long seconds = Math.max(1, refusal.get().retryAfter().orElse(AbuseLimits.MAX_DELAY).toSeconds());
            Words words = seconds < 90 ? Words.of("recoverDevice.refused.tooManyLinks.seconds", String.valueOf(seconds))
                    : Words.of("recoverDevice.refused.tooManyLinks.minutes", String.valueOf((seconds + 59) / 60));
            throw new Refused(Reason.TOO_MANY_UNKNOWN_LINKS, words, "Too many links that we do not know were opened from"
                    + " your network. Wait " + (seconds < 90 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes")
                    + ", then open your link again.", Optional.of(Duration.ofSeconds(seconds)));
        }
        return normalised.get();
    }

    private RecoveryRow byToken(String token, String clientAddress) {
        Optional<RecoveryRow> row = em.createQuery(ROW + " where r.tokenHash = :h", RecoveryRow.class)
                .setParameter("h", Sha256.of(token)).getResultStream().findFirst();
        if (row.isEmpty()) {
            limits.failedClient(AbuseLimits.Factor.HANDOFF_LINK, clientAddress);
            throw unknown();
        }
        return row.get();
    }

    private Optional<RecoveryRow> byId(UUID id) {
        return em.createQuery(ROW + " where r.id = :id", RecoveryRow.class).setParameter("id", id).getResultStream()
                .findFirst();
    }

    private String email(UUID accountId) {
        return accounts.find(accountId).map(a -> a.email().value()).orElse("?");
    }

    private static Refused unknown() {
        return new Refused(Reason.UNKNOWN, Words.of("recoverDevice.refused.unknown"), "We do not know this link. Check that you scanned or typed the whole"
                + " link, or ask the agent for a new one.");
    }

    /** Case and hyphens do not matter; anything else does not parse. */
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
}
