package dev.latchkey.federation.internal;

import dev.latchkey.federation.api.FederationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Stores a grant, refusal or logout in {@code fed_event} (append-only), then fires it. */
@ApplicationScoped
class FederationEvents {

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    @Inject
    Event<FederationEvent> published;

    /** In the caller's transaction, so that a refusal recorded with a revocation commits with it. */
    @Transactional
    FederationEvent record(FederationEvent.Type type, String clientId, UUID accountId, String reason) {
        FederationEventEntity e = new FederationEventEntity();
        e.type = type.name();
        e.clientId = clientId == null ? null : clientId.length() > 100 ? clientId.substring(0, 100) : clientId;
        e.accountId = accountId;
        e.reason = reason == null ? null : reason.length() > 100 ? reason.substring(0, 100) : reason;
        e.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.persist(e);
        FederationEvent event = new FederationEvent(type, Optional.ofNullable(e.clientId), Optional.ofNullable(accountId),
                Optional.ofNullable(e.reason), e.occurredAt);
        published.fire(event);
        return event;
    }
}
