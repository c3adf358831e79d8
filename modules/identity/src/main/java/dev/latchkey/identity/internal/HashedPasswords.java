package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.ClientDescription;
import dev.latchkey.identity.api.FallbackSignIns;
import dev.latchkey.identity.api.StepUpProof;

import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.PasskeyPresence;
import dev.latchkey.identity.api.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Passwords kept as Argon2id hashes. Deliberately not {@code @Transactional}: hashing takes tens
 * of milliseconds and may wait for a slot, and no database connection is held meanwhile; each
 * {@link PasswordStore} call is a short transaction of its own.
 */
@ApplicationScoped
class HashedPasswords implements Passwords {

    @Inject
    PasswordStore store;

    @Inject
    FallbackSignIns.Offered offered;

    @Inject
    dev.latchkey.identity.api.SignIns signIns;

    @Inject
    PasswordHashing hashing;

    @Inject
    Accounts accounts;

    @Inject
    Instance<PasskeyPresence> otherAuthenticators;

    @Override
    public Removal remove(StepUpProof proof) {
        return store.remove(proof);
    }

    @Override
    public Optional<Instant> setAt(UUID accountId) {
        return store.of(accountId).map(PasswordStore.Stored::setAt);
    }

    @Override
    public int minimumLength(UUID accountId) {
        boolean hasPasskey = otherAuthenticators.stream().anyMatch(o -> o.hasPasskey(accountId));
        return hasPasskey ? MIN_LENGTH_WITH_OTHER_FACTOR : MIN_LENGTH_ONLY_FACTOR;
    }

    @Override
    public Change set(UUID accountId, Optional<String> currentPassword, String newPassword, ClientDescription client) {
        if (!offered.password()) {
            throw new FallbackSignIns.NotOffered();
        }
        Account account = accounts.find(accountId).orElseThrow(() -> new IllegalArgumentException("no such account"));
        Optional<PasswordStore.Stored> existing = store.of(accountId);
        if (existing.isPresent()) {
            String current = currentPassword.orElse("");
            if (current.isEmpty()) {
                return currentWrong(Passwords.Problem.Kind.CURRENT_MISSING);
            }
            if (current.length() > 4 * MAX_LENGTH
                    || !hashing.verify(current, Optional.of(existing.get().hash())).matches()) {
                signIns.recordFailure(Optional.of(accountId), client, dev.latchkey.identity.api.SignInMethod.PASSWORD,
                        "WRONG_CURRENT_PASSWORD");
                return currentWrong(Passwords.Problem.Kind.CURRENT_WRONG);
            }
        }
        List<Passwords.Problem> problems = PasswordRules.problems(newPassword, minimumLength(accountId), account.email());
        if (!problems.isEmpty()) {
            return new Change(ChangeOutcome.NEW_PASSWORD_REFUSED, problems);
        }
        String hash = hashing.hash(newPassword);
        if (existing.isPresent()) {
            return store.replace(accountId, existing.get().hash(), hash)
                    ? new Change(ChangeOutcome.CHANGED, List.of())
                    : currentWrong(Passwords.Problem.Kind.CHANGED_MEANWHILE);
        }
        return insertFirst(accountId, hash)
                ? new Change(ChangeOutcome.SET, List.of())
                : currentWrong(Passwords.Problem.Kind.SET_MEANWHILE);
    }

    /**
     * The result of {@link #check}.
     *
     * @param accountId the account whose address was given, when there is one (also for a
     *                  wrong password: the sign-in log records the failure against it)
     * @param reason    for a refusal: {@code WRONG_PASSWORD}, {@code NO_PASSWORD} (the account has
     *                  none) or {@code UNKNOWN_ACCOUNT}
     */
    record Attempt(boolean accepted, Optional<UUID> accountId, Optional<String> reason) {

        static Attempt accepted(UUID accountId) {
            return new Attempt(true, Optional.of(accountId), Optional.empty());
        }

        static Attempt refused(Optional<UUID> accountId, String reason) {
            return new Attempt(false, accountId, Optional.of(reason));
        }
    }

    /**
     * Checks an email address and password for sign-in, for {@link JpaFallbackSignIns#withPassword}
     * only. Only a confirmed address counts. An unknown address, an account without a password and
     * a wrong password take the same time (a hash is computed in every case) and differ only in
     * {@link Attempt#reason()}, which is for the sign-in log, never for the user.
     *
     * @throws Busy when no hashing slot became free in time (nothing was checked)
     */
    Attempt check(EmailAddress email, String password) {
        PasswordStore.Candidate candidate = store.forSignIn(email);
        String typed = password == null ? "" : password;
        // Longer than any stored password can be (set() refuses it): hash a prefix against the
        // dummy instead, at the same cost, so that the answer and its timing stay the same.
        boolean impossible = typed.length() > 4 * MAX_LENGTH;
        PasswordHashing.Check check = hashing.verify(bounded(typed), impossible ? Optional.empty() : candidate.hash());
        if (candidate.accountId().isEmpty()) {
            return Attempt.refused(Optional.empty(), "UNKNOWN_ACCOUNT");
        }
        UUID accountId = candidate.accountId().get();
        if (candidate.hash().isEmpty()) {
            return Attempt.refused(candidate.accountId(), "NO_PASSWORD");
        }
        if (!check.matches()) {
            return Attempt.refused(candidate.accountId(), "WRONG_PASSWORD");
        }
        if (check.needsRehash()) {
            rehash(accountId, candidate.hash().get(), typed);
        }
        return Attempt.accepted(accountId);
    }

    /** A better hash is welcome but not worth failing a correct sign-in for. */
    private void rehash(UUID accountId, String verifiedHash, String password) {
        try {
            store.rehash(accountId, verifiedHash, hashing.hash(password));
        } catch (Busy e) {
            // every slot is busy: the next successful sign-in tries again
        }
    }

    /** A concurrent first password makes the insert fail on the primary key: that is not an error. */
    private boolean insertFirst(UUID accountId, String hash) {
        try {
            return store.insert(accountId, hash);
        } catch (RuntimeException e) {
            if (store.of(accountId).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    private static String bounded(String typed) {
        return typed.length() > 4 * MAX_LENGTH ? typed.substring(0, 4 * MAX_LENGTH) : typed;
    }

    private static Change currentWrong(Passwords.Problem.Kind problem) {
        return new Change(ChangeOutcome.CURRENT_PASSWORD_WRONG, List.of(Passwords.Problem.of(problem)));
    }
}
