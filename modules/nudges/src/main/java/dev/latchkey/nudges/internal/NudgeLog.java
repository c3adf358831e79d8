package dev.latchkey.nudges.internal;

import dev.latchkey.nudges.api.NudgeEvent;
import dev.latchkey.nudges.api.Scenario;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The funnel log ({@code ndg_event}, append-only) and what the rules read back from it: when this
 * device was last prompted, snoozed or opted out, and how often the account was prompted.
 * Each recorded event is fired as a CDI {@link NudgeEvent} in the same transaction.
 */
@ApplicationScoped
class NudgeLog {

    /** How long after "accept" a new passkey on that device still counts as the nudge's completion. */
    static final Duration COMPLETION_WINDOW = Duration.ofHours(1);

    @PersistenceContext(unitName = "nudges")
    EntityManager em;

    @Inject
    Event<NudgeEvent> events;

    @Transactional(Transactional.TxType.MANDATORY)
    NudgeEvent record(NudgeEvent.Type type, UUID accountId, UUID deviceId, UUID decisionId, Scenario scenario,
                      String variant, Optional<UUID> passkeyId, Instant at) {
        em.persist(new EventEntity(type.name(), accountId, deviceId, decisionId, scenario.name(), variant,
                passkeyId.orElse(null), at));
        NudgeEvent event = new NudgeEvent(type, accountId, deviceId, decisionId, scenario, variant, passkeyId, at);
        events.fire(event);
        return event;
    }

    record History(Optional<Instant> lastShown, boolean lastShownCompleted, int shownOnAccount,
                   Optional<Instant> lastSnoozed, boolean optedOut, java.util.Set<Scenario> acceptedRecently) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    History history(UUID accountId, UUID deviceId, Duration period, Instant now) {
        List<EventEntity> here = em.createQuery("select e from EventEntity e where e.accountId = :a and e.deviceId = :d"
                        + " order by e.occurredAt desc, e.id desc", EventEntity.class)
                .setParameter("a", accountId).setParameter("d", deviceId).setMaxResults(200).getResultList();
        // Only interruptions after a sign-in count towards the caps: a card on the account page interrupts nothing.
        Optional<EventEntity> lastShown = here.stream().filter(e -> is(e, NudgeEvent.Type.SHOWN) && interrupts(e)).findFirst();
        boolean completed = lastShown.isPresent() && here.stream()
                .anyMatch(e -> is(e, NudgeEvent.Type.COMPLETED) && e.decisionId.equals(lastShown.get().decisionId));
        long onAccount = em.createQuery("select count(e) from EventEntity e where e.accountId = :a and e.type = :t"
                        + " and e.scenario in :interruptions and e.occurredAt > :since", Long.class)
                .setParameter("a", accountId).setParameter("t", NudgeEvent.Type.SHOWN.name())
                .setParameter("interruptions", INTERRUPTIONS.stream().map(Enum::name).toList())
                .setParameter("since", now.minus(period)).getSingleResult();
        return new History(lastShown.map(e -> e.occurredAt), completed, (int) onAccount,
                here.stream().filter(e -> is(e, NudgeEvent.Type.SNOOZED)).findFirst().map(e -> e.occurredAt),
                here.stream().anyMatch(e -> is(e, NudgeEvent.Type.DISMISSED)),
                here.stream().filter(e -> is(e, NudgeEvent.Type.ACCEPTED) && e.occurredAt.isAfter(now.minus(period)))
                        .map(e -> Scenario.valueOf(e.scenario)).collect(java.util.stream.Collectors.toSet()));
    }

    /** Whether the user already answered this prompt (accepted, snoozed or dismissed it). */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean answered(UUID decisionId) {
        return em.createQuery("select count(e) from EventEntity e where e.decisionId = :d and e.type in :types", Long.class)
                .setParameter("d", decisionId)
                .setParameter("types", List.of(NudgeEvent.Type.ACCEPTED.name(), NudgeEvent.Type.SNOOZED.name(),
                        NudgeEvent.Type.DISMISSED.name()))
                .getSingleResult() > 0;
    }

    /**
     * A passkey was created on the device: completes the newest prompt accepted there within
     * {@link #COMPLETION_WINDOW}, once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<NudgeEvent> completed(UUID accountId, UUID deviceId, UUID passkeyId, Instant now) {
        List<EventEntity> accepted = em.createQuery("select e from EventEntity e where e.accountId = :a"
                        + " and e.deviceId = :d and e.type = :t and e.occurredAt > :since order by e.occurredAt desc, e.id desc",
                        EventEntity.class)
                .setParameter("a", accountId).setParameter("d", deviceId).setParameter("t", NudgeEvent.Type.ACCEPTED.name())
                .setParameter("since", now.minus(COMPLETION_WINDOW)).setMaxResults(1).getResultList();
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        EventEntity a = accepted.get(0);
        long done = em.createQuery("select count(e) from EventEntity e where e.decisionId = :d and e.type = :t", Long.class)
                .setParameter("d", a.decisionId).setParameter("t", NudgeEvent.Type.COMPLETED.name()).getSingleResult();
        if (done > 0) {
            return Optional.empty();
        }
        return Optional.of(record(NudgeEvent.Type.COMPLETED, accountId, deviceId, a.decisionId,
                Scenario.valueOf(a.scenario), a.variant, Optional.of(passkeyId), now));
    }

    /** The scenarios shown as an interstitial after a sign-in; the others are cards on the account page. */
    static final java.util.Set<Scenario> INTERRUPTIONS = java.util.EnumSet.of(Scenario.HYBRID_SIGN_IN, Scenario.FALLBACK_SIGN_IN);

    private static boolean interrupts(EventEntity e) {
        return INTERRUPTIONS.stream().anyMatch(s -> s.name().equals(e.scenario));
    }

    private static boolean is(EventEntity e, NudgeEvent.Type type) {
        return e.type.equals(type.name());
    }
}
