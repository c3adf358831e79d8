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
    public void forEachId(java.util.function.Consumer<UUID> each) {
        em.createNativeQuery("select id from idn_account order by id").setHint("org.hibernate.fetchSize", 1000)
                .getResultStream().forEach(id -> each.accept(dev.latchkey.platform.api.NativeColumns.uuid(id)));
    }

    @Override
    public java.util.List<Account> search(String addressPrefix, int limit) {
        String q = addressPrefix == null ? "" : addressPrefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (q.isEmpty()) {
            return java.util.List.of();
        }
        try {
            return find(UUID.fromString(q)).map(java.util.List::of).orElse(java.util.List.of());
        } catch (IllegalArgumentException notAnId) {
            // An address prefix: LIKE's own wildcards in it are taken literally.
            String like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            return em.createQuery("from AccountEntity a where lower(coalesce(a.email, a.pendingEmail)) like :q escape '\\' order by coalesce(a.email, a.pendingEmail)",
                            AccountEntity.class)
                    .setParameter("q", like).setMaxResults(Math.max(1, Math.min(limit, 50)))
                    .getResultStream().map(JpaAccounts::toAccount).toList();
        }
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

    @Override
    @Transactional
    public void preferLanguage(UUID accountId, java.util.Locale language) {
        storeLanguage(em, accountId, language);
    }

    /** Stores the language's primary subtag ("de"), nothing when it has none or looks like no language tag. */
    static void storeLanguage(EntityManager em, UUID accountId, java.util.Locale language) {
        String tag = language == null ? "" : language.getLanguage();
        if (!tag.matches("[a-z]{2,3}")) {
            return;
        }
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account != null) {
            account.preferredLanguage = tag;
        }
    }

    private static Account toAccount(AccountEntity e) {
        boolean confirmed = e.email != null;
        return new Account(e.id, UserHandle.of(e.userHandle), new EmailAddress(confirmed ? e.email : e.pendingEmail),
                confirmed, e.displayName, e.createdAt);
    }
}
