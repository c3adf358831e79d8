package dev.latchkey.insights.internal;

import dev.latchkey.credentials.api.PasskeyManagement;
import dev.latchkey.credentials.api.PasskeyProvider;
import dev.latchkey.credentials.api.PasskeyProviders;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.RecoveryCodes;
import dev.latchkey.identity.api.SignIns;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.insights.api.AccountLookup;
import dev.latchkey.nudges.api.Coverage;
import dev.latchkey.nudges.api.CoverageReport;
import dev.latchkey.nudges.api.DeviceCoverage;
import dev.latchkey.nudges.api.Words;
import dev.latchkey.platform.api.NativeColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Account lookup for staff, each lookup recorded in {@code ins_staff_action} in its own transaction. */
@ApplicationScoped
@Transactional
class JpaAccountLookup implements AccountLookup {

    static final int MATCHES = 20;

    @Inject
    Staff staff;

    @Inject
    StaffActions actions;

    @Inject
    Accounts accounts;

    @Inject
    Devices devices;

    @Inject
    Coverage coverage;

    @Inject
    Passkeys passkeys;

    @Inject
    PasskeyProviders providers;

    @Inject
    SignIns signIns;

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    PasskeyManagement management;

    @Inject
    StepUp stepUp;

    @PersistenceContext(unitName = "insights")
    EntityManager em;

    @Override
    public List<Match> search(StepUpProof proof, String query) {
        UUID actor = staff.confirm(proof, Permission.ACCOUNT_LOOKUP);
        String q = query == null ? "" : query.strip();
        List<Match> found = accounts.search(q, MATCHES).stream().map(JpaAccountLookup::match).toList();
        actions.record(actor, "ACCOUNT_SEARCH", "", Words.of("op.audit.search", q, String.valueOf(found.size())));
        return found;
    }

    @Override
    public Optional<Detail> view(StepUpProof proof, UUID accountId) {
        UUID actor = staff.confirm(proof, Permission.ACCOUNT_LOOKUP);
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        actions.record(actor, "ACCOUNT_VIEW", accountId.toString());
        CoverageReport report = coverage.of(accountId);
        List<DeviceCoverage> active = report.devices().stream().filter(d -> d.verdict().counted()).toList();
        long covered = active.stream().filter(d -> d.verdict().countsAsCovered()).count();
        List<DeviceRow> deviceRows = devices.of(accountId).stream().map(d -> new DeviceRow(d.label(), d.deviceClass(),
                report.device(d.id()).map(DeviceCoverage::verdict),
                d.firstSeen(), d.lastSeen(), d.shared())).toList();
        List<PasskeyRow> passkeyRows = passkeys.of(accountId).stream().map(p -> new PasskeyRow(
                providers.of(p.aaguid()).map(PasskeyProvider::name), p.backedUp(),
                p.backupEligible(), p.attachment(), p.createdAt(), p.lastUsedAt())).toList();
        List<SignInRow> signInRows = signIns.recent(accountId, 20).stream().map(e -> new SignInRow(e.at(),
                e.method(), e.succeeded(), e.reason(), e.deviceLabel())).toList();
        List<StaffAction> lookups = actions.about(accountId.toString(), 20).stream().map(JpaAccountLookup::action).toList();
        List<SecurityEvent> events = SecurityTimeline.of(management.history(accountId, SecurityTimeline.LIMIT),
                stepUp.recent(accountId, SecurityTimeline.LIMIT), recoveredPasskeys(accountId));
        return Optional.of(new Detail(match(account.get()),
                (int) covered, active.size(), report.backup(), recoveryCodes.status(accountId).remaining(),
                deviceRows, passkeyRows, signInRows, lookups, events));
    }

    /** The passkeys that assisted recoveries of the account created, with the agent who started each. */
    private Map<UUID, String> recoveredPasskeys(UUID accountId) {
        List<?> rows = em.createNativeQuery("select passkey_id, agent_email from ins_assisted_recovery"
                + " where account_id = ? and passkey_id is not null").setParameter(1, accountId).getResultList();
        Map<UUID, String> agents = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            agents.put(NativeColumns.uuid(r[0]), (String) r[1]);
        }
        return agents;
    }

    @Override
    public List<StaffAction> recentActions(StepUpProof proof, int limit) {
        staff.confirm(proof, Permission.STAFF_AUDIT);
        return actions.recent(Math.max(1, Math.min(limit, 500))).stream().map(JpaAccountLookup::action).toList();
    }

    private static Match match(Account a) {
        return new Match(a.id(), a.email().value(), a.emailConfirmed(), a.displayName(), a.createdAt());
    }

    private static StaffAction action(StaffActionEntity e) {
        // Rows written before the details were words show their English as recorded.
        Optional<Words> detail = AuditWords.decode(e.detailWords)
                .or(() -> Optional.ofNullable(e.detail).map(d -> Words.of("op.audit.recorded", d)));
        return new StaffAction(e.occurredAt, e.actorEmail, e.action, e.subject, detail);
    }
}
