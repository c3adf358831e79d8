package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.FallbackSignIns;
import dev.latchkey.identity.api.Passwords;
import dev.latchkey.identity.api.SignInContext;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.SignIns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fallback sign-ins as use cases, each with its switch, its limits, its log and its completion
 * in one place. Email and recovery codes run in one transaction each (the try is counted, the
 * sign-in completed, or neither); a password is hashed outside any transaction ({@link Passwords}).
 */
@ApplicationScoped
class JpaFallbackSignIns implements FallbackSignIns {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Offered offered;

    @Inject
    JpaEmailCodes emailCodes;

    @Inject
    JpaRecoveryCodes recoveryCodes;

    @Inject
    HashedPasswords passwords;

    @Inject
    AbuseLimits limits;

    @Inject
    SignIns signIns;

    @Inject
    PasswordSignInOutcomes passwordOutcomes;

    /** Joins the caller's transaction: a passkey removal asks inside the transaction that removes it. */
    @Override
    @Transactional
    public List<SignInMethod> usable(UUID accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        // Email codes, passwords and recovery codes all sign in by the confirmed address only.
        if (account == null || account.email == null) {
            return List.of();
        }
        List<SignInMethod> ways = new ArrayList<>();
        if (offered.emailCode()) {
            ways.add(SignInMethod.EMAIL_CODE);
        }
        if (offered.password() && em.find(PasswordEntity.class, accountId) != null) {
            ways.add(SignInMethod.PASSWORD);
        }
        Number codes = (Number) em.createNativeQuery("select count(*) from idn_recovery_code"
                        + " where account_id = ? and used_at is null")
                .setParameter(1, accountId).getSingleResult();
        if (codes.longValue() > 0) {
            ways.add(SignInMethod.RECOVERY_CODE);
        }
        return List.copyOf(ways);
    }

    @Override
    public Offered offered() {
        return offered;
    }

    @Override
    public EmailCodes.AttemptToken requestEmailCode(EmailAddress email, String clientAddress) {
        return emailCodes.start(email, clientAddress); // refuses itself when email codes are off
    }

    @Override
    @Transactional
    public Result withEmailCode(Optional<EmailCodes.AttemptToken> attempt, String code, SignInContext context) {
        if (!offered.emailCode()) {
            throw new NotOffered();
        }
        JpaEmailCodes.Verification verified = attempt
                .map(a -> emailCodes.verify(a, code, context.clientAddress()))
                .orElse(new JpaEmailCodes.Verification(JpaEmailCodes.Outcome.NEEDS_NEW_CODE, Optional.empty(), 0,
                        Optional.empty()));
        return switch (verified.outcome()) {
            case ACCEPTED -> signedIn(verified.accountId().orElseThrow(), SignInMethod.EMAIL_CODE, context);
            case WRONG -> failed(Outcome.WRONG, SignInMethod.EMAIL_CODE, "WRONG_CODE", Optional.empty(), context,
                    verified.triesLeft());
            case REFUSED -> throttled(SignInMethod.EMAIL_CODE, verified.refusal(), context, verified.triesLeft());
            case NEEDS_NEW_CODE -> failed(Outcome.NEEDS_NEW_CODE, SignInMethod.EMAIL_CODE, "CODE_UNUSABLE",
                    Optional.empty(), context, 0);
        };
    }

    @Override
    public Result withPassword(EmailAddress email, String password, SignInContext context) {
        if (!offered.password()) {
            throw new NotOffered();
        }
        // Limits first (per address, known or not, and per client): a refused try checks nothing.
        Optional<AbuseLimits.Refusal> refusal = limits.check(AbuseLimits.Factor.PASSWORD, email, context.clientAddress());
        if (refusal.isPresent()) {
            return passwordOutcomes.throttled(refusal, context);
        }
        // Outside any transaction: hashing takes tens of milliseconds and may wait for a slot.
        HashedPasswords.Attempt attempt = passwords.check(email, password);
        return attempt.accepted()
                ? passwordOutcomes.accepted(email, attempt.accountId().orElseThrow(), context)
                : passwordOutcomes.refused(email, attempt, context);
    }

    @Override
    @Transactional
    public Result withRecoveryCode(EmailAddress email, String code, SignInContext context) {
        JpaRecoveryCodes.Redemption redemption = recoveryCodes.redeem(email, code, context.clientAddress());
        if (redemption.refusal().isPresent()) {
            return throttled(SignInMethod.RECOVERY_CODE, redemption.refusal(), context, 0);
        }
        if (!redemption.accepted()) {
            return failed(Outcome.WRONG, SignInMethod.RECOVERY_CODE, "WRONG_RECOVERY_CODE", Optional.empty(), context, 0);
        }
        return signedIn(redemption.accountId().orElseThrow(), SignInMethod.RECOVERY_CODE, context);
    }

    private Result signedIn(UUID accountId, SignInMethod method, SignInContext context) {
        return new Result(Outcome.SIGNED_IN, Optional.of(signIns.complete(accountId, method, context)), Optional.empty(), 0);
    }

    private Result throttled(SignInMethod method, Optional<AbuseLimits.Refusal> refusal, SignInContext context,
                             int triesLeft) {
        signIns.recordFailure(Optional.empty(), context.client(), method, "THROTTLED");
        return new Result(Outcome.THROTTLED, Optional.empty(), refusal, triesLeft);
    }

    private Result failed(Outcome outcome, SignInMethod method, String reason, Optional<UUID> accountId,
                          SignInContext context, int triesLeft) {
        signIns.recordFailure(accountId, context.client(), method, reason);
        return new Result(outcome, Optional.empty(), Optional.empty(), triesLeft);
    }
}
