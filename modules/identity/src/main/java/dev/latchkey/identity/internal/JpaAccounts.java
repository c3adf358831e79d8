package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.NewAccount;
import dev.latchkey.identity.api.UserHandle;
import dev.latchkey.platform.api.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Reads run in a transaction too (see PasskeyStore in credentials: J2CA0026E otherwise). */
@ApplicationScoped
@Transactional
class JpaAccounts implements Accounts {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    IdentityEvents events;

    @Override
    public Optional<Account> find(UUID id) {
        return Optional.ofNullable(em.find(AccountEntity.class, id)).map(JpaAccounts::toAccount);
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return em.createQuery("select a from AccountEntity a where a.email = :email", AccountEntity.class)
                .setParameter("email", email.value())
                .getResultStream().findFirst().map(JpaAccounts::toAccount);
    }

    @Override
    public Optional<Account> findByUserHandle(UserHandle userHandle) {
        return em.createQuery("select a from AccountEntity a where a.userHandle = :h", AccountEntity.class)
                .setParameter("h", userHandle.bytes())
                .getResultStream().findFirst().map(JpaAccounts::toAccount);
    }

    @Override
    @Transactional
    public Account create(NewAccount account) {
        AccountEntity e = new AccountEntity();
        e.id = UUID.randomUUID();
        e.userHandle = account.userHandle().bytes();
        e.pendingEmail = account.email().value();
        e.displayName = account.displayName();
        e.createdAt = Timestamps.now();
        em.persist(e);
        em.flush();
        events.record(IdentityEvents.Type.ACCOUNT_CREATED, e.id);
        return toAccount(e);
    }

    private static Account toAccount(AccountEntity e) {
        boolean confirmed = e.email != null;
        return new Account(e.id, UserHandle.of(e.userHandle), new EmailAddress(confirmed ? e.email : e.pendingEmail),
                confirmed, e.displayName, e.createdAt);
    }
}
