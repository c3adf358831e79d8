package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.SignInEvent;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.SignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaSignIns implements SignIns {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Event<SignInEvent> published;

    @Override
    public SignInEvent recordSuccess(UUID accountId, Device device, SignInMethod method) {
        return record(accountId, device.id(), device.label(), method, true, null);
    }

    @Override
    public SignInEvent recordFailure(Optional<UUID> accountId, String deviceLabel, SignInMethod method, String reason) {
        return record(accountId.orElse(null), null, deviceLabel, method, false, reason);
    }

    @Override
    public List<SignInEvent> recent(UUID accountId, int limit) {
        return em.createQuery("select e from SignInEventEntity e where e.accountId = :a order by e.occurredAt desc, e.id desc",
                        SignInEventEntity.class)
                .setParameter("a", accountId)
                .setMaxResults(Math.max(1, Math.min(limit, 100)))
                .getResultStream().map(JpaSignIns::toEvent).toList();
    }

    private SignInEvent record(UUID accountId, UUID deviceId, String label, SignInMethod method, boolean ok,
                               String reason) {
        SignInEventEntity e = new SignInEventEntity();
        e.accountId = accountId;
        e.deviceId = deviceId;
        e.deviceLabel = label.length() > 120 ? label.substring(0, 120) : label;
        e.method = method.name();
        e.succeeded = ok;
        e.reason = reason == null ? null : reason.length() > 60 ? reason.substring(0, 60) : reason;
        e.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.persist(e);
        SignInEvent event = toEvent(e);
        // Observers in other modules react in-process; they read the stored row later if they need it.
        published.fire(event);
        return event;
    }

    private static SignInEvent toEvent(SignInEventEntity e) {
        return new SignInEvent(Optional.ofNullable(e.accountId), Optional.ofNullable(e.deviceId), e.deviceLabel,
                SignInMethod.valueOf(e.method), e.succeeded, Optional.ofNullable(e.reason), e.occurredAt);
    }
}
