package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.Capabilities;
import dev.latchkey.identity.api.ClientDescription;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.DeviceKey;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.LastWayIn;
import dev.latchkey.platform.api.Sha256;
import dev.latchkey.platform.api.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaDevices implements Devices {

    private final DeviceLabels labels = new DeviceLabels();

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<DeviceLost> lost;

    @jakarta.inject.Inject
    LastWayIn lastWayIn;

    @jakarta.inject.Inject
    dev.latchkey.identity.api.StepUp stepUp;

    /** Start-up: begin building the User-Agent analyzer in the background (the server does not wait for it). */
    void warmUp(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
                Object started) {
        labels.warmUp();
    }

    @Override
    public Device seen(UUID accountId, DeviceKey key, ClientDescription client) {
        return seen(accountId, key, client, Optional.empty());
    }

    /**
     * As {@link #seen(UUID, DeviceKey, ClientDescription)}, for a sign-in: a passkey sign-in
     * ({@link dev.latchkey.identity.api.SignInMethod#isPasskey()}) becomes the device's newest one.
     */
    public Device seen(UUID accountId, DeviceKey key, ClientDescription client,
                       Optional<dev.latchkey.identity.api.SignInMethod> passkey) {
        DeviceLabels.Label label = labels.of(client);
        Instant now = Timestamps.now();
        Optional<DeviceEntity> existing = entity(accountId, key);
        DeviceEntity d = existing.orElseGet(() -> {
            DeviceEntity fresh = new DeviceEntity();
            fresh.id = UUID.randomUUID();
            fresh.accountId = accountId;
            fresh.deviceKeyHash = hash(key);
            fresh.firstSeenAt = now;
            return fresh;
        });
        d.label = label.label();
        d.browser = label.browser();
        d.platform = label.platform();
        d.deviceClass = label.deviceClass();
        String ua = client.userAgent();
        d.userAgent = ua.length() > 512 ? ua.substring(0, 512) : ua;
        Capabilities known = client.capabilities().mergedOver(capabilities(d));
        d.platformAuthenticator = known.platformAuthenticator().orElse(null);
        d.conditionalGet = known.conditionalGet().orElse(null);
        d.conditionalCreate = known.conditionalCreate().orElse(null);
        d.hybridTransport = known.hybridTransport().orElse(null);
        d.lastSeenAt = now;
        d.shared = client.shared();
        passkey.filter(dev.latchkey.identity.api.SignInMethod::isPasskey).ifPresent(method -> {
            d.lastPasskeyMethod = method.name();
            d.lastPasskeyAt = now;
        });
        if (existing.isEmpty()) {
            em.persist(d);
        }
        em.flush();
        return toDevice(d);
    }

    @Override
    public Optional<Device> find(UUID accountId, DeviceKey key) {
        return entity(accountId, key).map(JpaDevices::toDevice);
    }

    @Override
    public List<Device> of(UUID accountId) {
        return em.createQuery("select d from DeviceEntity d where d.accountId = :a order by d.lastSeenAt desc",
                        DeviceEntity.class)
                .setParameter("a", accountId)
                .getResultStream().map(JpaDevices::toDevice).toList();
    }

    @Override
    public LostReport reportLost(dev.latchkey.identity.api.StepUpProof proof, UUID deviceId) {
        UUID accountId = stepUp.confirm(proof);
        DeviceEntity device = em.find(DeviceEntity.class, deviceId);
        if (device == null || !device.accountId.equals(accountId)) {
            return new LostReport(LostReport.Outcome.NOT_FOUND, false);
        }
        LastWayIn.Verdict verdict = lastWayIn.check(accountId, new LastWayIn.LostDevice(deviceId));
        if (!verdict.allowed()) {
            return new LostReport(LostReport.Outcome.LAST_WAY_IN, verdict.confirmAddressFirst());
        }
        lost.fire(new DeviceLost(accountId, deviceId));
        em.createQuery("delete from SessionEntity s where s.accountId = :a and s.deviceId = :d")
                .setParameter("a", accountId).setParameter("d", deviceId).executeUpdate();
        em.remove(device);
        return new LostReport(LostReport.Outcome.REPORTED, false);
    }

    @Override
    public Rename rename(UUID accountId, UUID deviceId, String name) {
        String given = name == null ? "" : Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (given.codePointCount(0, given.length()) > NAME_MAX) {
            return Rename.TOO_LONG;
        }
        // Control and format characters (bidi overrides among them) could make one name look like another.
        if (given.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            return Rename.NOT_ALLOWED_CHARACTERS;
        }
        DeviceEntity device = deviceId == null ? null : em.find(DeviceEntity.class, deviceId);
        if (device == null || !device.accountId.equals(accountId)) {
            return Rename.NOT_FOUND;
        }
        device.givenName = given.isEmpty() ? null : given;
        return given.isEmpty() ? Rename.CLEARED : Rename.NAMED;
    }

    @Override
    public String label(ClientDescription client) {
        return labels.of(client).label();
    }

    private Optional<DeviceEntity> entity(UUID accountId, DeviceKey key) {
        return em.createQuery("select d from DeviceEntity d where d.accountId = :a and d.deviceKeyHash = :h",
                        DeviceEntity.class)
                .setParameter("a", accountId)
                .setParameter("h", hash(key))
                .getResultStream().findFirst();
    }

    private static Capabilities capabilities(DeviceEntity d) {
        return new Capabilities(Optional.ofNullable(d.platformAuthenticator), Optional.ofNullable(d.conditionalGet),
                Optional.ofNullable(d.conditionalCreate), Optional.ofNullable(d.hybridTransport));
    }

    private static Device toDevice(DeviceEntity d) {
        return new Device(d.id, d.accountId, d.label, d.browser, d.platform, d.deviceClass, d.firstSeenAt,
                d.lastSeenAt, capabilities(d), d.shared, Optional.ofNullable(d.givenName),
                Optional.ofNullable(d.lastPasskeyMethod).map(m -> new Device.PasskeySignIn(
                        dev.latchkey.identity.api.SignInMethod.valueOf(m), d.lastPasskeyAt)));
    }

    private static byte[] hash(DeviceKey key) {
        return Sha256.of(key.value());
    }
}
