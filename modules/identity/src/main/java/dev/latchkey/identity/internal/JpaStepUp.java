package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.PasskeyPresence;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpEvent;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.platform.api.NativeColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaStepUp implements StepUp {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    PasskeyPresence passkeys;

    @Override
    public boolean satisfied(UUID sessionId) {
        return proof(sessionId).isPresent();
    }

    @Override
    public Optional<StepUpProof> proof(UUID sessionId) {
        // The window is judged by the database clock, like every session expiry; the session must still be live.
        List<?> rows = em.createNativeQuery("select account_id, authenticated_by, authenticated_at from idn_session"
                        + " where id = ? and expires_at > current_timestamp"
                        + " and authenticated_at > current_timestamp - interval '" + WINDOW.toSeconds() + "' second")
                .setParameter(1, sessionId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        UUID accountId = NativeColumns.uuid(row[0]);
        SignInMethod method = SignInMethod.valueOf((String) row[1]);
        // A recovery code is the account's own high-entropy secret, kept for exactly the day its
        // passkeys are gone: it qualifies like a passkey (an email code never does).
        boolean ranked = method.isPasskey() || method == SignInMethod.RECOVERY_CODE || !passkeyRequired(accountId);
        return ranked ? Optional.of(ProofMint.mint(sessionId, accountId, method, NativeColumns.instant(row[2])))
                : Optional.empty();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public UUID confirm(StepUpProof proof) {
        if (proof == null) {
            throw new StepUpProof.Expired();
        }
        return proof(proof.sessionId()).filter(now -> now.accountId().equals(proof.accountId()))
                .map(StepUpProof::accountId)
                .orElseThrow(StepUpProof.Expired::new);
    }

    @Override
    public void record(UUID sessionId, SignInMethod method, Optional<dev.latchkey.identity.api.AuthenticatorFlags> flags) {
        Optional<dev.latchkey.identity.api.AuthenticatorFlags> kept = method.isPasskey() ? flags : Optional.empty();
        em.createNativeQuery("update idn_session set authenticated_at = current_timestamp, authenticated_by = ?,"
                        + " user_verified = ?, backup_eligible = ? where id = ?")
                .setParameter(1, method.name())
                .setParameter(2, kept.map(dev.latchkey.identity.api.AuthenticatorFlags::userVerified).orElse(null))
                .setParameter(3, kept.map(dev.latchkey.identity.api.AuthenticatorFlags::backupEligible).orElse(null))
                .setParameter(4, sessionId).executeUpdate();
        // Logged with the session's device and that device's label now (labels change, the log does not).
        em.createNativeQuery("insert into idn_step_up_event (account_id, device_id, device_label, method, occurred_at)"
                        + " select s.account_id, s.device_id, d.label, ?, current_timestamp from idn_session s"
                        + " left join idn_device d on d.id = s.device_id where s.id = ?")
                .setParameter(1, method.name()).setParameter(2, sessionId).executeUpdate();
    }

    @Override
    public List<StepUpEvent> recent(UUID accountId, int limit) {
        List<?> rows = em.createNativeQuery("select occurred_at, method, device_id, device_label from idn_step_up_event"
                        + " where account_id = ? order by occurred_at desc, id desc")
                .setParameter(1, accountId).setMaxResults(Math.max(1, Math.min(limit, 200))).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new StepUpEvent(NativeColumns.instant(r[0]),
                SignInMethod.valueOf((String) r[1]), Optional.ofNullable(r[2]).map(NativeColumns::uuid),
                Optional.ofNullable((String) r[3]))).toList();
    }

    @Override
    public boolean passkeyRequired(UUID accountId) {
        return passkeys.hasPasskey(accountId);
    }
}
