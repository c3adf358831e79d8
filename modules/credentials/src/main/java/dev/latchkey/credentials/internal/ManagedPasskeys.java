package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.LostDevicePlan;
import dev.latchkey.credentials.api.PasskeyCard;
import dev.latchkey.credentials.api.PasskeyEvent;
import dev.latchkey.credentials.api.PasskeyManagement;
import dev.latchkey.credentials.api.PasskeyProvider;
import dev.latchkey.credentials.api.PasskeyProviders;
import dev.latchkey.credentials.api.PasskeyRemoved;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.LastWayIn;
import dev.latchkey.identity.api.SecurityNotices;
import dev.latchkey.platform.api.NativeColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The account page's passkey cards, renaming and removal. */
@ApplicationScoped
@Transactional
class ManagedPasskeys implements PasskeyManagement {

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Inject
    PasskeyStore store;

    @Inject
    PasskeyProviders providers;

    @Inject
    Devices devices;

    @Inject
    LastWayIn lastWayIn;

    @Inject
    dev.latchkey.identity.api.StepUp stepUp;

    @Inject
    CredentialEvents events;

    @Inject
    Event<PasskeyRemoved> removed;

    @Override
    public List<PasskeyCard> cards(UUID accountId, Optional<UUID> viewingDevice) {
        Map<UUID, Device> known = devicesOf(accountId);
        return store.entitiesOf(accountId).stream().map(p -> card(p, known, viewingDevice)).toList();
    }

    /** One card; {@code known} are the account's devices by id. */
    PasskeyCard card(PasskeyEntity p, Map<UUID, Device> known, Optional<UUID> viewingDevice) {
        List<String> transports = PasskeyStore.transports(p);
        Optional<String> attachment = Optional.ofNullable(p.attachment);
        Optional<PasskeyProvider> provider = providers.of(p.aaguid);
        Optional<Device> creator = Optional.ofNullable(p.createdDeviceId).map(known::get);
        if (p.createdOnLabel == null && creator.isPresent()) {
            // A passkey stored before V11 (or before its device record existed): remembered from now on, so
            // that its name still says where it was made once that record is gone (a lost device).
            p.createdOnLabel = creator.get().label();
        }
        // The person's own name for the device ("Work laptop") where they gave one, else the label kept with it.
        Optional<String> createdOn = creator.map(Device::name).or(() -> Optional.ofNullable(p.createdOnLabel));
        PasskeyCard.Storage storage = PasskeyWords.storage(p.backupEligible, p.backupState, attachment, transports);
        boolean onViewingDevice = p.createdDeviceId != null && viewingDevice.filter(p.createdDeviceId::equals).isPresent();
        PasskeyCard.AutomaticName automatic = PasskeyWords.automaticName(storage, provider, createdOn, attachment, transports);
        return new PasskeyCard(p.id, Hashes.base64Url(p.credentialId), p.name == null ? automatic.english() : p.name,
                p.name != null,
                storage, PasskeyWords.whereItLives(storage, provider, attachment, transports, onViewingDevice, createdOn),
                provider, p.createdAt, createdOn, Optional.ofNullable(p.lastUsedAt), label(p.lastUsedDeviceId, known),
                automatic);
    }

    @Override
    public Optional<LostDevicePlan> lostDevicePlan(UUID accountId, UUID deviceId) {
        Map<UUID, Device> known = devicesOf(accountId);
        Device device = known.get(deviceId);
        if (device == null) {
            return Optional.empty();
        }
        List<PasskeyCard> createdOnIt = store.entitiesOf(accountId).stream()
                .filter(p -> deviceId.equals(p.createdDeviceId))
                .map(p -> card(p, known, Optional.empty())).toList();
        return Optional.of(LostDeviceRule.plan(deviceId, device.label(), createdOnIt));
    }

    @Override
    public List<PasskeyEvent> history(UUID accountId, int limit) {
        // A passkey that is gone is named as its removal recorded it.
        List<?> rows = em.createNativeQuery("select e.occurred_at, e.passkey_id, e.type, e.detail,"
                        + " coalesce(p.name, r.passkey_name), coalesce(p.aaguid, r.aaguid)"
                        + " from cred_event e left join cred_passkey p on p.id = e.passkey_id"
                        + " left join cred_event r on r.passkey_id = e.passkey_id and r.type = 'PASSKEY_REMOVED'"
                        + " where e.account_id = ? and e.type in (?, ?, ?, ?, ?, ?) order by e.occurred_at desc, e.id desc")
                .setParameter(1, accountId)
                .setParameter(2, PasskeyHistory.TYPES.get(0)).setParameter(3, PasskeyHistory.TYPES.get(1))
                .setParameter(4, PasskeyHistory.TYPES.get(2)).setParameter(5, PasskeyHistory.TYPES.get(3))
                .setParameter(6, PasskeyHistory.TYPES.get(4)).setParameter(7, PasskeyHistory.TYPES.get(5))
                .setMaxResults(Math.max(1, Math.min(limit, 200))).getResultList();
        return rows.stream().map(r -> (Object[]) r).flatMap(r -> PasskeyHistory.code((String) r[2], (String) r[3])
                .map(code -> new PasskeyEvent(NativeColumns.instant(r[0]),
                        Optional.ofNullable(r[1]).map(NativeColumns::uuid), code.kind(), code.cause(),
                        Optional.ofNullable((String) r[4]),
                        Optional.ofNullable(r[5]).map(NativeColumns::uuid).flatMap(providers::of).map(PasskeyProvider::name)))
                .stream()).toList();
    }

    @Override
    public Rename rename(UUID accountId, UUID passkeyId, String name) {
        if (PasskeyNames.tooLong(name, MAX_NAME_LENGTH)) {
            return new Rename(Rename.Outcome.REFUSED);
        }
        PasskeyEntity p = em.find(PasskeyEntity.class, passkeyId);
        if (p == null || !p.accountId.equals(accountId)) {
            return new Rename(Rename.Outcome.NOT_FOUND);
        }
        String cleaned = PasskeyNames.clean(name, MAX_NAME_LENGTH);
        p.name = cleaned.isEmpty() ? null : cleaned;
        events.record(CredentialEvents.Type.PASSKEY_RENAMED, accountId, passkeyId, p.name == null
                ? CredentialEvents.Detail.AUTOMATIC_NAME : CredentialEvents.Detail.RENAMED);
        return p.name == null
                ? new Rename(Rename.Outcome.NAME_RESET) : new Rename(Rename.Outcome.RENAMED);
    }

    @Override
    public Removal remove(dev.latchkey.identity.api.StepUpProof proof, UUID passkeyId, Optional<UUID> fromDevice) {
        // A sensitive action: a borrowed session must not strip the owner's passkeys.
        UUID accountId = stepUp.confirm(proof);
        PasskeyEntity found = em.find(PasskeyEntity.class, passkeyId);
        if (found == null || !found.accountId.equals(accountId)) {
            return new Removal(Removal.Outcome.NOT_FOUND, false);
        }
        // Identity's one rule for every way in that goes (LastWayIn); it locks the account until we commit,
        // so a concurrent removal (another passkey, the password, a lost device) waits and then counts again.
        LastWayIn.Verdict verdict = lastWayIn.check(accountId, new LastWayIn.Passkeys(1));
        if (!verdict.allowed()) {
            return new Removal(Removal.Outcome.LAST_WAY_IN, verdict.confirmAddressFirst());
        }
        // Locked in the same order as every removal path: the account first, then its passkeys.
        List<PasskeyEntity> held = em.createQuery("select p from PasskeyEntity p where p.accountId = :a order by p.id",
                        PasskeyEntity.class)
                .setParameter("a", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Optional<PasskeyEntity> target = held.stream().filter(p -> p.id.equals(passkeyId)).findFirst();
        if (target.isEmpty()) {
            return new Removal(Removal.Outcome.NOT_FOUND, false);
        }
        PasskeyEntity passkey = target.get();
        SecurityNotices.PasskeyName name = PasskeyWords.mailName(card(passkey, devicesOf(accountId), Optional.empty()));
        em.remove(passkey);
        em.flush();
        events.recordRemoval(passkey, CredentialEvents.Detail.REMOVED_BY_USER);
        removed.fire(new PasskeyRemoved(accountId, passkeyId, "REMOVED_BY_USER", name, fromDevice));
        return new Removal(Removal.Outcome.REMOVED, false);
    }

    private Map<UUID, Device> devicesOf(UUID accountId) {
        return devices.of(accountId).stream().collect(Collectors.toMap(Device::id, Function.identity(), (a, b) -> a));
    }

    private static Optional<String> label(UUID deviceId, Map<UUID, Device> known) {
        return Optional.ofNullable(deviceId).map(known::get).map(Device::name);
    }
}
