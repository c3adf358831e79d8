package dev.latchkey.nudges.internal;

import dev.latchkey.credentials.api.Passkey;
import dev.latchkey.credentials.api.PasskeyProvider;
import dev.latchkey.credentials.api.PasskeyProviders;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.nudges.api.Coverage;
import dev.latchkey.nudges.api.CoverageReport;
import dev.latchkey.nudges.api.DeviceCoverage;
import dev.latchkey.nudges.api.Moment;
import dev.latchkey.nudges.api.NudgeDecision;
import dev.latchkey.nudges.api.NudgeEvent;
import dev.latchkey.nudges.api.NudgeResponse;
import dev.latchkey.nudges.api.NudgeSettings;
import dev.latchkey.nudges.api.Nudges;
import dev.latchkey.nudges.api.Prompt;
import dev.latchkey.nudges.api.Scenario;
import dev.latchkey.platform.api.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Coverage and nudge decisions over identity's and credentials' APIs, stored in nudges' own tables. */
@ApplicationScoped
class JpaNudges implements Nudges, Coverage {

    /** A passkey counts as "just created" (scenario c) for this long. */
    static final Duration JUST_CREATED = Duration.ofMinutes(15);

    @Inject
    Devices devices;

    @Inject
    dev.latchkey.identity.api.RecoveryCodes recoveryCodes;

    @Inject
    Passkeys passkeys;

    @Inject
    ProviderTable providers;

    @Inject
    PasskeyProviders names;

    @Inject
    NudgeSettings settings;

    @Inject
    NudgeLog log;

    @PersistenceContext(unitName = "nudges")
    EntityManager em;

    @Override
    public CoverageReport of(UUID accountId) {
        return report(accountId, passkeys.of(accountId), Timestamps.now());
    }

    @Override
    public dev.latchkey.nudges.api.StepUpHere stepUpHere(UUID accountId, Optional<UUID> device) {
        boolean recoveryCode = recoveryCodes.status(accountId).remaining() > 0;
        if (device.isEmpty()) {
            return dev.latchkey.nudges.api.StepUpHere.usual(recoveryCode);
        }
        List<dev.latchkey.identity.api.Device> known = devices.of(accountId);
        java.util.Map<UUID, dev.latchkey.identity.api.Device> byId = new java.util.HashMap<>();
        known.forEach(d -> byId.put(d.id(), d));
        dev.latchkey.identity.api.Device here = byId.get(device.get());
        if (here == null) {
            return dev.latchkey.nudges.api.StepUpHere.usual(recoveryCode);
        }
        // The coverage model's own rule (PASSKEYS_ONLY_ON_COMPUTERS), on the account's passkeys as they are now.
        List<String> computers = CoverageModel.onlyOnOtherComputers(here, passkeys.of(accountId), byId);
        return computers.isEmpty() ? dev.latchkey.nudges.api.StepUpHere.usual(recoveryCode)
                : new dev.latchkey.nudges.api.StepUpHere(false, computers, recoveryCode);
    }

    private CoverageReport report(UUID accountId, List<Passkey> keys, Instant now) {
        // Each device carries its newest passkey sign-in (identity keeps it): no pass over the sign-in log.
        return CoverageModel.report(accountId, devices.of(accountId), keys,
                providers.reach(), aaguid -> names.of(aaguid).map(PasskeyProvider::name), settings.activeDevices(), now);
    }

    @Override
    @Transactional
    public void replay(java.util.function.Consumer<dev.latchkey.nudges.api.NudgeEvent> each) {
        em.createNativeQuery("select type, account_id, device_id, decision_id, scenario, variant, passkey_id, occurred_at"
                        + " from ndg_event order by occurred_at, id")
                .setHint("org.hibernate.fetchSize", 1000)
                .getResultStream()
                .forEach(row -> {
                    Object[] r = (Object[]) row;
                    each.accept(new dev.latchkey.nudges.api.NudgeEvent(
                            dev.latchkey.nudges.api.NudgeEvent.Type.valueOf((String) r[0]),
                            dev.latchkey.platform.api.NativeColumns.uuid(r[1]), dev.latchkey.platform.api.NativeColumns.uuid(r[2]),
                            dev.latchkey.platform.api.NativeColumns.uuid(r[3]), Scenario.valueOf((String) r[4]), (String) r[5],
                            Optional.ofNullable(r[6]).map(dev.latchkey.platform.api.NativeColumns::uuid),
                            dev.latchkey.platform.api.NativeColumns.instant(r[7])));
                });
    }

    @Override
    @Transactional
    public NudgeDecision afterSignIn(UUID accountId, UUID deviceId, SignInMethod method) {
        return decide(accountId, deviceId, Moment.AFTER_SIGN_IN, Optional.of(method), true);
    }

    @Override
    @Transactional
    public NudgeDecision onAccountPage(UUID accountId, UUID deviceId) {
        return decide(accountId, deviceId, Moment.ACCOUNT_PAGE, Optional.empty(), false);
    }

    private NudgeDecision decide(UUID accountId, UUID deviceId, Moment moment, Optional<SignInMethod> trigger,
                                 boolean alwaysStore) {
        Instant now = Timestamps.now();
        List<Passkey> keys = passkeys.of(accountId);
        CoverageReport report = report(accountId, keys, now);
        Optional<DeviceCoverage> device = report.device(deviceId);
        boolean justCreated = keys.size() == 1 && keys.get(0).createdAt().isAfter(now.minus(JUST_CREATED));
        String variant = NudgeRules.variant(accountId, settings);
        if (!alwaysStore && !justCreated && report.backup().filter(b -> !"NO_PASSKEY".equals(b)).isEmpty()) {
            // Nothing on the account page could apply: no decision to take or store.
            return new NudgeDecision(UUID.randomUUID(), accountId, deviceId, moment, trigger, Optional.empty(),
                    Optional.empty(), "NOTHING_TO_SUGGEST", variant, device, now);
        }
        NudgeLog.History history = log.history(accountId, deviceId, settings.devicePeriod(), now);
        NudgeRules.Outcome outcome = NudgeRules.decide(new NudgeRules.Situation(settings, moment,
                NudgeRules.bucket(accountId, "rollout", 100), trigger, device, report, justCreated,
                history.lastShown(), history.lastShownCompleted(), history.shownOnAccount(), history.lastSnoozed(),
                history.optedOut(), now, history.acceptedRecently()));
        DecisionEntity decided = new DecisionEntity(UUID.randomUUID(), accountId, deviceId, moment.name(),
                trigger.map(Enum::name).orElse(null), device.map(d -> d.verdict().name()).orElse(null),
                outcome.scenario().map(Enum::name).orElse(null), outcome.prompt().map(Enum::name).orElse(null),
                outcome.reason(), variant, now);
        Optional<DecisionEntity> same = moment == Moment.ACCOUNT_PAGE
                ? sameAccountPageDecision(decided, now.minus(settings.devicePeriod()), now) : Optional.empty();
        UUID id = same.map(d -> d.id).orElse(decided.id);
        if (same.isEmpty()) {
            em.persist(decided);
        }
        if (outcome.prompts() && same.isEmpty()) {
            log.record(NudgeEvent.Type.SHOWN, accountId, deviceId, id, outcome.scenario().orElseThrow(), variant,
                    Optional.empty(), now);
        }
        return new NudgeDecision(id, accountId, deviceId, moment, trigger, outcome.scenario(), outcome.prompt(),
                outcome.reason(), variant, device, now);
    }

    /**
     * Every view of the account page decides again, and mostly nothing changed: such a repeat is neither
     * stored again nor counted as shown again. That holds for a card that stays while it is true (a passkey
     * on one device only): it is shown once in the funnel, and its answer goes to that one decision, as long
     * as that decision can still be answered ({@link #PENDING}). A decision that differs in anything from
     * this device's newest account-page decision, or comes a period later, is stored.
     */
    private Optional<DecisionEntity> sameAccountPageDecision(DecisionEntity d, Instant periodStart, Instant now) {
        return em.createQuery("select e from DecisionEntity e where e.accountId = :a and e.deviceId = :d"
                        + " and e.moment = :m order by e.decidedAt desc, e.id desc", DecisionEntity.class)
                .setParameter("a", d.accountId).setParameter("d", d.deviceId).setParameter("m", d.moment)
                .setMaxResults(1).getResultStream().findFirst()
                .filter(last -> last.decidedAt.isAfter(periodStart) && Objects.equals(last.prompt, d.prompt)
                        && Objects.equals(last.verdict, d.verdict) && Objects.equals(last.scenario, d.scenario)
                        && last.reason.equals(d.reason) && last.variant.equals(d.variant))
                .filter(last -> last.prompt == null
                        || last.decidedAt.isAfter(now.minus(PENDING)) && !log.answered(last.id));
    }

    @Override
    @Transactional
    public Optional<NudgeDecision> pending(UUID accountId, UUID deviceId, UUID decisionId) {
        DecisionEntity d = em.find(DecisionEntity.class, decisionId);
        Instant now = Timestamps.now();
        if (d == null || !d.accountId.equals(accountId) || !d.deviceId.equals(deviceId) || d.prompt == null
                || d.decidedAt.isBefore(now.minus(PENDING)) || log.answered(decisionId)) {
            return Optional.empty();
        }
        return Optional.of(new NudgeDecision(d.id, d.accountId, d.deviceId, Moment.valueOf(d.moment),
                Optional.ofNullable(d.triggerMethod).map(SignInMethod::valueOf),
                Optional.of(Scenario.valueOf(d.scenario)), Optional.of(Prompt.valueOf(d.prompt)), d.reason, d.variant,
                of(accountId).device(deviceId), d.decidedAt));
    }

    @Override
    @Transactional
    public Optional<NudgeDecision> respond(UUID accountId, UUID deviceId, UUID decisionId, NudgeResponse response) {
        Optional<NudgeDecision> decision = pending(accountId, deviceId, decisionId);
        decision.ifPresent(d -> log.record(response.event(), accountId, deviceId, decisionId, d.scenario().orElseThrow(),
                d.variant(), Optional.empty(), Timestamps.now()));
        return decision;
    }
}
