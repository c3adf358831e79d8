package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.AuthenticatorFlags;
import dev.latchkey.identity.api.ClientDescription;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.DeviceKey;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.SignInContext;
import dev.latchkey.identity.api.SignedIn;
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

    @Inject
    Devices devices;

    @Inject
    Sessions sessions;

    @Inject
    JpaDevices seenDevices;

    @Inject
    JpaSessions replacedSessions;

    @Inject
    AbuseLimits limits;

    @Inject
    dev.latchkey.identity.api.Staff staff;

    @Override
    public SignedIn complete(UUID accountId, SignInMethod method, Optional<AuthenticatorFlags> flags,
                             SignInContext context) {
        DeviceKey key = context.deviceKey().orElseGet(DeviceKey::random);
        // A passkey sign-in is kept with the device too (its newest): coverage reads it there, not in the log.
        Device device = seenDevices.seen(accountId, key, context.client(), Optional.of(method));
        record(accountId, device.id(), device.label(), method, true, null);
        if (method.isPasskey()) {
            // A passkey proves possession: it ends any pause on the fallback methods (AbuseLimits).
            limits.lift(accountId);
        }
        return new SignedIn(accountId, method, device, key, rotate(accountId, device, method, flags, context),
                staff.roles(accountId));
    }

    @Override
    public SignedIn completeSignUp(UUID accountId, Optional<AuthenticatorFlags> flags, SignInContext context) {
        DeviceKey key = context.deviceKey().orElseGet(DeviceKey::random);
        Device device = devices.seen(accountId, key, context.client());
        // The page's language becomes the account's mail language (the confirmation code is the first mail).
        context.language().ifPresent(language -> JpaAccounts.storeLanguage(em, accountId, language));
        return new SignedIn(accountId, SignInMethod.PASSKEY, device, key,
                rotate(accountId, device, SignInMethod.PASSKEY, flags, context), staff.roles(accountId));
    }

    /** The browser's previous session ends; a new one, with a new token, starts (no session fixation). */
    private Sessions.SessionToken rotate(UUID accountId, Device device, SignInMethod method,
                                         Optional<AuthenticatorFlags> flags, SignInContext context) {
        context.leavingSession().map(Sessions.SessionToken::value).ifPresent(replacedSessions::replace);
        // Flags only for a passkey: nothing else has authenticator data.
        return sessions.start(accountId, Optional.of(device.id()), method, device.shared(),
                method.isPasskey() ? flags : Optional.empty());
    }

    @Override
    public SignInEvent recordFailure(Optional<UUID> accountId, ClientDescription client, SignInMethod method,
                                     String reason) {
        return record(accountId.orElse(null), null, devices.label(client), method, false, reason);
    }

    @Override
    public List<SignInEvent> recent(UUID accountId, int limit) {
        return em.createQuery("select e from SignInEventEntity e where e.accountId = :a order by e.occurredAt desc, e.id desc",
                        SignInEventEntity.class)
                .setParameter("a", accountId)
                .setMaxResults(Math.max(1, Math.min(limit, 100)))
                .getResultStream().map(JpaSignIns::toEvent).toList();
    }

    @Override
    public void replay(java.util.function.Consumer<SignInEvent> each) {
        // Plain rows, not entities: a pass over millions of rows must not fill the persistence context.
        em.createNativeQuery("select account_id, device_id, device_label, method, succeeded, reason, occurred_at"
                        + " from idn_sign_in_event order by occurred_at, id")
                .setHint("org.hibernate.fetchSize", 1000)
                .getResultStream()
                .forEach(row -> {
                    Object[] r = (Object[]) row;
                    each.accept(new SignInEvent(
                            Optional.ofNullable(r[0]).map(dev.latchkey.platform.api.NativeColumns::uuid),
                            Optional.ofNullable(r[1]).map(dev.latchkey.platform.api.NativeColumns::uuid),
                            (String) r[2], SignInMethod.valueOf((String) r[3]), (Boolean) r[4],
                            Optional.ofNullable((String) r[5]), dev.latchkey.platform.api.NativeColumns.instant(r[6])));
                });
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
