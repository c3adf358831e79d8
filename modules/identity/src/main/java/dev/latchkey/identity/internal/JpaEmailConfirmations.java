package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.EmailConfirmations;
import dev.latchkey.platform.api.Sha256;
import dev.latchkey.platform.api.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaEmailConfirmations implements EmailConfirmations {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    AddressCodes codes;

    @Override
    public void send(UUID accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null || account.email != null || account.pendingEmail == null) {
            return;
        }
        String address = account.pendingEmail;
        codes.checkCap(address, "CONFIRM", accountId);
        Optional<AccountEntity> owner = em.createQuery("select a from AccountEntity a where a.email = :e",
                AccountEntity.class).setParameter("e", address).getResultStream().findFirst();
        boolean takenElsewhere = owner.isPresent();
        String code = AddressCodes.newCode();
        codes.store(accountId, address, takenElsewhere ? Optional.empty() : Optional.of(Sha256.of(accountId + code)),
                "confirmation", "CONFIRM");
        if (takenElsewhere) {
            // To the address's owner, in the owner's language.
            MailTemplates.Letter letter = templates.render(MailTemplates.Kind.ADDRESS_TAKEN_AT_SIGN_UP,
                    MailTemplates.language(owner.get().preferredLanguage), Map.of());
            outbox.queue(address, letter.subject(), letter.body());
        } else {
            // In the language of the page the account was made on (stored at sign-up).
            MailTemplates.Letter letter = templates.render(MailTemplates.Kind.CONFIRM_ADDRESS,
                    MailTemplates.language(account.preferredLanguage),
                    Map.of("name", account.displayName, "code", code, "minutes", EmailCodes.VALID_MINUTES));
            outbox.queue(address, letter.subject(), letter.body(), code);
        }
    }

    @Override
    public Outcome confirm(UUID accountId, String code) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null) {
            return Outcome.NEEDS_NEW_CODE;
        }
        if (account.email != null) {
            return Outcome.ALREADY_CONFIRMED;
        }
        Optional<EmailCodeRow> latest = em.createQuery(EmailCodeRow.SELECT + " where c.accountId = :a"
                        + " and c.purpose = 'CONFIRM' and c.email = :e order by c.createdAt desc", EmailCodeRow.class)
                .setParameter("a", accountId).setParameter("e", account.pendingEmail)
                .setMaxResults(1).getResultStream().findFirst();
        if (latest.isEmpty()) {
            return Outcome.NEEDS_NEW_CODE;
        }
        EmailCodeRow row = latest.get();
        UUID id = row.id();
        switch (codes.attempt(id, row.tries(), row.usable(), row.codeHash(), code, typed -> Sha256.of(accountId + typed))) {
            case WRONG:
                return Outcome.WRONG;
            case NEEDS_NEW_CODE:
                return Outcome.NEEDS_NEW_CODE;
            case MATCHED:
                break;
        }
        codes.consume(id);
        String address = account.pendingEmail;
        // The first confirmation wins over every other mere claim on the address.
        codes.removeClaims(address, accountId);
        account.email = address;
        account.pendingEmail = null;
        account.emailConfirmedAt = Timestamps.now();
        em.flush();
        return Outcome.CONFIRMED;
    }

    @Override
    public Cancellation cancelSignUp(UUID accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            return Cancellation.NOT_FOUND;
        }
        if (account.email != null || account.pendingEmail == null) {
            return Cancellation.ALREADY_CONFIRMED;
        }
        if (account.createdAt.isBefore(Timestamps.now().minus(CANCEL_WINDOW))) {
            return Cancellation.TOO_LATE;
        }
        codes.removeUnconfirmed(account.pendingEmail, java.util.List.of(accountId));
        return Cancellation.CANCELLED;
    }
}
