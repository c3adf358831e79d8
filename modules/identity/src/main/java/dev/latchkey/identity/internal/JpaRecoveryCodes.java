package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.RecoveryCodes;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaRecoveryCodes implements RecoveryCodes {

    /** Crockford's base32: no I, L, O or U, so codes survive being read aloud or copied by hand. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CHARS = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    AbuseLimits limits;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    IdentityEvents events;

    @Inject
    dev.latchkey.identity.api.StepUp stepUp;

    @Override
    public List<String> regenerate(dev.latchkey.identity.api.StepUpProof proof) {
        UUID accountId = stepUp.confirm(proof);
        em.createNativeQuery("delete from idn_recovery_code where account_id = ?").setParameter(1, accountId).executeUpdate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < CHARS; c++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            em.createNativeQuery("insert into idn_recovery_code (id, account_id, code_hash, created_at)"
                            + " values (?, ?, ?, current_timestamp)")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, accountId)
                    .setParameter(3, hash(accountId, code.toString()))
                    .executeUpdate();
            codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8));
        }
        events.record(IdentityEvents.Type.RECOVERY_CODES_CREATED, accountId);
        return List.copyOf(codes);
    }

    @Override
    public Status status(UUID accountId) {
        RecoveryCodeEntity.Left left = em.createQuery("select new dev.latchkey.identity.internal.RecoveryCodeEntity$Left("
                        + "count(c), min(c.createdAt)) from RecoveryCodeEntity c where c.accountId = :a and c.usedAt is null",
                        RecoveryCodeEntity.Left.class)
                .setParameter("a", accountId).getSingleResult();
        int remaining = left.count().intValue();
        return new Status(remaining, remaining == 0 ? Optional.empty() : Optional.of(left.oldest()));
    }

    /** {@code accountId} is present only when accepted; {@code refusal} only when refused by the limits. */
    record Redemption(boolean accepted, Optional<UUID> accountId, int remaining, Optional<AbuseLimits.Refusal> refusal) {
    }

    /**
     * Spends a code of the account whose confirmed address this is, for
     * {@link JpaFallbackSignIns#withRecoveryCode} only. Unknown addresses, accounts without codes and
     * wrong codes are indistinguishable.
     */
    Redemption redeem(EmailAddress email, String code, String clientAddress) {
        Optional<AbuseLimits.Refusal> refusal = limits.check(AbuseLimits.Factor.RECOVERY_CODE, email, clientAddress);
        if (refusal.isPresent()) {
            return new Redemption(false, Optional.empty(), 0, refusal);
        }
        String typed = normalise(code);
        Optional<Account> account = accounts.findByEmail(email);
        // Same work whether or not the address has an account: hash the typed code either way.
        UUID subject = account.map(Account::id).orElse(new UUID(0, 0));
        byte[] presented = hash(subject, typed);
        List<RecoveryCodeEntity.Unused> unused = account.isEmpty() || typed.length() != CHARS ? List.of()
                : em.createQuery("select new dev.latchkey.identity.internal.RecoveryCodeEntity$Unused(c.id, c.codeHash)"
                        + " from RecoveryCodeEntity c where c.accountId = :a and c.usedAt is null",
                        RecoveryCodeEntity.Unused.class)
                        .setParameter("a", subject).getResultList();
        UUID matched = null;
        for (RecoveryCodeEntity.Unused stored : unused) {
            if (MessageDigest.isEqual(presented, stored.codeHash())) {
                matched = stored.id();
            }
        }
        if (matched == null || em.createNativeQuery("update idn_recovery_code set used_at = current_timestamp"
                        + " where id = ? and used_at is null").setParameter(1, matched).executeUpdate() != 1) {
            limits.failed(AbuseLimits.Factor.RECOVERY_CODE, email, clientAddress);
            return new Redemption(false, Optional.empty(), 0, Optional.empty());
        }
        Account owner = account.orElseThrow();
        int remaining = status(owner.id()).remaining();
        limits.lift(owner.id());
        events.record(IdentityEvents.Type.RECOVERY_CODE_USED, owner.id());
        MailTemplates.Letter letter = templates.render(MailTemplates.Kind.RECOVERY_CODE_USED,
                MailTemplates.language(em.find(AccountEntity.class, owner.id()).preferredLanguage),
                java.util.Map.of("name", owner.displayName(), "remaining", remaining));
        outbox.queue(owner.email().value(), letter.subject(), letter.body());
        return new Redemption(true, Optional.of(owner.id()), remaining, Optional.empty());
    }

    /** Upper case, without the dashes and spaces people type or copy. */
    static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] hash(UUID accountId, String normalisedCode) {
        return Sha256.of(accountId + ":" + normalisedCode);
    }
}
