package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.LastWayIn;
import dev.latchkey.identity.api.Passwords;
import dev.latchkey.platform.api.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Password hashes in {@code idn_password}. Each method is a short transaction of its own: the
 * caller hashes between them, and a connection must not be held while Argon2 runs.
 *
 * <p>Writes are conditional on the hash the caller verified against, so a change and a
 * concurrent change (or a rehash of the old password) cannot overwrite each other.
 */
@ApplicationScoped
@Transactional
class PasswordStore {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    IdentityEvents events;

    @Inject
    jakarta.enterprise.event.Event<dev.latchkey.identity.api.SignInRevoked> revoked;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    LastWayIn lastWayIn;

    @Inject
    dev.latchkey.identity.api.StepUp stepUp;

    /** An account's stored password. */
    record Stored(String hash, Instant setAt) {
    }

    /**
     * What a sign-in with this address has to check against.
     *
     * @param accountId the account whose confirmed address it is
     * @param hash      its password hash, when it has a password
     */
    record Candidate(Optional<UUID> accountId, Optional<String> hash) {
    }

    Optional<Stored> of(UUID accountId) {
        return Optional.ofNullable(em.find(PasswordEntity.class, accountId)).map(p -> new Stored(p.passwordHash, p.setAt));
    }

    /** One query for every case (unknown address, no password, password), so they take the same time. */
    Candidate forSignIn(EmailAddress email) {
        List<Object[]> rows = em.createQuery("select a.id, p.passwordHash from AccountEntity a"
                        + " left join PasswordEntity p on p.accountId = a.id where a.email = :email", Object[].class)
                .setParameter("email", email.value())
                .getResultList();
        return rows.stream().findFirst()
                .map(r -> new Candidate(Optional.of((UUID) r[0]), Optional.ofNullable((String) r[1])))
                .orElse(new Candidate(Optional.empty(), Optional.empty()));
    }

    /** Stores the account's first password; false when it has one already. */
    boolean insert(UUID accountId, String hash) {
        if (em.find(PasswordEntity.class, accountId) != null) {
            return false;
        }
        Instant now = Timestamps.now();
        PasswordEntity p = new PasswordEntity();
        p.accountId = accountId;
        p.passwordHash = hash;
        p.setAt = now;
        p.hashedAt = now;
        em.persist(p);
        em.flush();
        events.record(IdentityEvents.Type.PASSWORD_SET, accountId);
        notifyOwner(accountId, MailTemplates.Kind.PASSWORD_ADDED, now);
        return true;
    }

    /** Replaces the password the caller verified; false when it changed meanwhile. */
    boolean replace(UUID accountId, String verifiedHash, String newHash) {
        Instant now = Timestamps.now();
        int changed = em.createQuery("update PasswordEntity p set p.passwordHash = :new, p.setAt = :now,"
                        + " p.hashedAt = :now where p.accountId = :a and p.passwordHash = :old")
                .setParameter("new", newHash).setParameter("now", now)
                .setParameter("a", accountId).setParameter("old", verifiedHash)
                .executeUpdate();
        if (changed != 1) {
            return false;
        }
        events.record(IdentityEvents.Type.PASSWORD_CHANGED, accountId);
        revoked.fire(new dev.latchkey.identity.api.SignInRevoked(accountId, java.util.Optional.empty(), "PASSWORD_CHANGED"));
        notifyOwner(accountId, MailTemplates.Kind.PASSWORD_CHANGED, now);
        return true;
    }

    /** Swaps an outdated hash of the same password for a current one; set_at stays. */
    void rehash(UUID accountId, String verifiedHash, String newHash) {
        em.createQuery("update PasswordEntity p set p.passwordHash = :new, p.hashedAt = :now"
                        + " where p.accountId = :a and p.passwordHash = :old")
                .setParameter("new", newHash).setParameter("now", Timestamps.now())
                .setParameter("a", accountId).setParameter("old", verifiedHash)
                .executeUpdate();
    }

    /** A new way into the account is news its owner must hear of, through another channel. */
    private void notifyOwner(UUID accountId, MailTemplates.Kind kind, Instant when) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null || account.email == null) {
            return;
        }
        MailTemplates.Letter letter = templates.render(kind, MailTemplates.language(account.preferredLanguage),
                java.util.Map.of("name", account.displayName, "when", when));
        outbox.queue(account.email, letter.subject(), letter.body());
    }

    /**
     * A way in taken away is news too: someone with a stolen session could remove the password
     * before locking the owner out, so the owner hears of it through another channel.
     */
    private void notifyOwnerOfRemoval(UUID accountId, Instant when) {
        notifyOwner(accountId, MailTemplates.Kind.PASSWORD_REMOVED, when);
    }

    Passwords.Removal remove(dev.latchkey.identity.api.StepUpProof proof) {
        UUID accountId = stepUp.confirm(proof);
        if (em.find(PasswordEntity.class, accountId) == null) {
            return new Passwords.Removal(Passwords.Removal.Outcome.NO_PASSWORD);
        }
        LastWayIn.Verdict verdict = lastWayIn.check(accountId, new LastWayIn.Password());
        if (!verdict.allowed()) {
            return new Passwords.Removal(Passwords.Removal.Outcome.LAST_WAY_IN);
        }
        boolean removed = em.createQuery("delete from PasswordEntity p where p.accountId = :a")
                .setParameter("a", accountId).executeUpdate() == 1;
        if (removed) {
            // In this transaction: a removal that is not in the log did not happen, and vice versa.
            events.record(IdentityEvents.Type.PASSWORD_REMOVED, accountId);
            revoked.fire(new dev.latchkey.identity.api.SignInRevoked(accountId, java.util.Optional.empty(), "PASSWORD_REMOVED"));
            notifyOwnerOfRemoval(accountId, Timestamps.now());
        }
        return new Passwords.Removal(removed ? Passwords.Removal.Outcome.REMOVED : Passwords.Removal.Outcome.NO_PASSWORD);
    }
}
