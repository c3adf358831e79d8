package dev.latchkey.nudges.internal;

import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.nudges.api.Moment;
import dev.latchkey.nudges.api.NudgeEvent;
import dev.latchkey.nudges.api.NudgeSettings;
import dev.latchkey.nudges.api.PasskeyUpgrades;
import dev.latchkey.nudges.api.Scenario;
import dev.latchkey.platform.api.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scenario e. The decision is stored in {@code ndg_decision} like every other (scenario
 * {@code AUTOMATIC_UPGRADE}, no prompt: nothing is shown) with an OFFERED step; its success is the
 * funnel's COMPLETED step, and what the page reports otherwise its DECLINED or FAILED step. There
 * is no SHOWN step, because the user sees nothing.
 */
@ApplicationScoped
class AutomaticUpgrades implements PasskeyUpgrades {

    static final String REASON = "CONDITIONAL_CREATE_AFTER_PASSWORD";

    @Inject
    Devices devices;

    @Inject
    StepUp stepUp;

    @Inject
    NudgeSettings settings;

    @Inject
    PasskeyUpgrades.Settings upgrades;

    @Inject
    NudgeLog log;

    @PersistenceContext(unitName = "nudges")
    EntityManager em;

    @Override
    @Transactional
    public Optional<UUID> afterPasswordSignIn(UUID accountId, UUID deviceId) {
        Instant now = Timestamps.now();
        Optional<Device> device = devices.of(accountId).stream().filter(d -> d.id().equals(deviceId)).findFirst();
        if (!settings.enabled() || !upgrades.enabled()
                || NudgeRules.bucket(accountId, "rollout", 100) >= settings.rolloutPercent()
                || device.isEmpty() || device.get().shared()
                // The browser said it can (getClientCapabilities().conditionalCreate); unknown is not yes.
                || !device.get().capabilities().conditionalCreate().orElse(false)
                // identity's ranked step-up rule: where the account has a passkey, only a passkey (or
                // a recovery code) may add one. A password sign-in must never add a passkey to such an
                // account, so it gets no upgrade (and the usual nudges decide instead).
                || stepUp.passkeyRequired(accountId)
                || log.history(accountId, deviceId, settings.devicePeriod(), now).optedOut()) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        String variant = NudgeRules.variant(accountId, settings);
        em.persist(new DecisionEntity(id, accountId, deviceId, Moment.AFTER_SIGN_IN.name(), SignInMethod.PASSWORD.name(),
                null, Scenario.AUTOMATIC_UPGRADE.name(), null, REASON, variant, now));
        log.record(NudgeEvent.Type.OFFERED, accountId, deviceId, id, Scenario.AUTOMATIC_UPGRADE, variant, Optional.empty(), now);
        return Optional.of(id);
    }

    @Override
    @Transactional
    public Optional<UUID> offered(UUID accountId, UUID deviceId) {
        List<DecisionEntity> offers = em.createQuery("select d from DecisionEntity d where d.accountId = :a"
                        + " and d.deviceId = :d and d.scenario = :s and d.decidedAt > :since order by d.decidedAt desc",
                        DecisionEntity.class)
                .setParameter("a", accountId).setParameter("d", deviceId)
                .setParameter("s", Scenario.AUTOMATIC_UPGRADE.name())
                .setParameter("since", Timestamps.now().minus(OFFER)).setMaxResults(1).getResultList();
        return offers.stream().filter(d -> !completed(d.id)).map(d -> d.id).findFirst();
    }

    @Override
    @Transactional
    public void completed(UUID accountId, UUID deviceId, UUID decisionId, UUID passkeyId) {
        DecisionEntity d = em.find(DecisionEntity.class, decisionId);
        if (d == null || !d.accountId.equals(accountId) || !d.deviceId.equals(deviceId) || completed(decisionId)) {
            return;
        }
        log.record(NudgeEvent.Type.COMPLETED, accountId, deviceId, decisionId, Scenario.AUTOMATIC_UPGRADE, d.variant,
                Optional.of(passkeyId), Timestamps.now());
    }

    @Override
    @Transactional
    public void notCompleted(UUID accountId, UUID deviceId, UUID decisionId, boolean declined) {
        DecisionEntity d = em.find(DecisionEntity.class, decisionId);
        if (d == null || !d.accountId.equals(accountId) || !d.deviceId.equals(deviceId)
                || !Scenario.AUTOMATIC_UPGRADE.name().equals(d.scenario) || ended(decisionId)) {
            return;
        }
        log.record(declined ? NudgeEvent.Type.DECLINED : NudgeEvent.Type.FAILED, accountId, deviceId, decisionId,
                Scenario.AUTOMATIC_UPGRADE, d.variant, Optional.empty(), Timestamps.now());
    }

    private boolean completed(UUID decisionId) {
        return em.createQuery("select count(e) from EventEntity e where e.decisionId = :d and e.type = :t", Long.class)
                .setParameter("d", decisionId).setParameter("t", NudgeEvent.Type.COMPLETED.name())
                .getSingleResult() > 0;
    }

    /** Whether the offer already has its outcome (completed, declined or failed). */
    private boolean ended(UUID decisionId) {
        return em.createQuery("select count(e) from EventEntity e where e.decisionId = :d and e.type in :t", Long.class)
                .setParameter("d", decisionId).setParameter("t", List.of(NudgeEvent.Type.COMPLETED.name(),
                        NudgeEvent.Type.DECLINED.name(), NudgeEvent.Type.FAILED.name()))
                .getSingleResult() > 0;
    }
}
