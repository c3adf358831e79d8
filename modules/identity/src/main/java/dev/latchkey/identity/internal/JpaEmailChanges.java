package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.EmailChanges;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.platform.api.Sha256;
import dev.latchkey.platform.api.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Address changes, as codes in {@code idn_email_code} with purpose {@code CHANGE}: the row's
 * {@code email} is the new address, so the per-address cap on codes covers these too.
 */
@ApplicationScoped
@Transactional
class JpaEmailChanges implements EmailChanges {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    IdentityEvents events;

    @Inject
    AddressCodes codes;

    @Inject
    dev.latchkey.identity.api.StepUp stepUp;

    @Inject
    Event<EmailChanged> changed;

    @Override
    public void request(dev.latchkey.identity.api.StepUpProof proof, EmailAddress newAddress) {
        UUID accountId = stepUp.confirm(proof);
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null || account.email == null) {
            throw new IllegalArgumentException("only a confirmed address can be changed");
        }
        String address = newAddress.value();
        codes.checkCap(address, "CHANGE", accountId);
        List<AccountEntity> owners = em.createQuery("select a from AccountEntity a where a.email = :e",
                AccountEntity.class).setParameter("e", address).getResultList();
        boolean taken = !owners.isEmpty() && owners.stream().noneMatch(o -> o.id.equals(accountId));
        String code = AddressCodes.newCode();
        // Earlier pending changes of this account end here: only the newest code counts.
        em.createNativeQuery("update idn_email_code set consumed_at = current_timestamp where account_id = ?"
                        + " and purpose = 'CHANGE' and consumed_at is null")
                .setParameter(1, accountId).executeUpdate();
        codes.store(accountId, address, taken ? Optional.empty() : Optional.of(hash(accountId, address, code)),
                "email-change", "CHANGE");
        events.record(IdentityEvents.Type.EMAIL_CHANGE_REQUESTED, accountId);
        if (taken) {
            // To the address's owner, in the owner's language.
            MailTemplates.Letter letter = templates.render(MailTemplates.Kind.ADDRESS_TAKEN_AT_CHANGE,
                    MailTemplates.language(owners.get(0).preferredLanguage), Map.of());
            outbox.queue(address, letter.subject(), letter.body());
        } else {
            MailTemplates.Letter letter = templates.render(MailTemplates.Kind.CONFIRM_NEW_ADDRESS,
                    MailTemplates.language(account.preferredLanguage),
                    Map.of("name", account.displayName, "code", code, "minutes", EmailCodes.VALID_MINUTES));
            outbox.queue(address, letter.subject(), letter.body(), code);
        }
    }

    @Override
    public Optional<EmailAddress> pending(UUID accountId) {
        return latest(accountId).filter(r -> r.usable() && r.tries() < EmailCodes.MAX_TRIES)
                .map(r -> new EmailAddress(r.email()));
    }

    @Override
    public Outcome confirm(UUID accountId, String code) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        Optional<EmailCodeRow> latest = latest(accountId);
        if (account == null || account.email == null || latest.isEmpty()) {
            return Outcome.NEEDS_NEW_CODE;
        }
        EmailCodeRow row = latest.get();
        UUID id = row.id();
        String address = row.email();
        switch (codes.attempt(id, row.tries(), row.usable(), row.codeHash(), code, typed -> hash(accountId, address, typed))) {
            case WRONG:
                return Outcome.WRONG;
            case NEEDS_NEW_CODE:
                return Outcome.NEEDS_NEW_CODE;
            case MATCHED:
                break;
        }
        boolean takenSince = !em.createQuery("select a.id from AccountEntity a where a.email = :e and a.id <> :me",
                        UUID.class).setParameter("e", address).setParameter("me", accountId).getResultList().isEmpty();
        codes.consume(id);
        if (takenSince) {
            return Outcome.NEEDS_NEW_CODE;
        }
        // As at sign-up: a confirmed address wins over mere claims.
        codes.removeClaims(address, accountId);
        String previous = account.email;
        // Sign-in codes already sent to the old address stop working with it: whoever still reads
        // that mailbox (perhaps the reason for the change) cannot use one to get in.
        em.createNativeQuery("update idn_email_code set consumed_at = current_timestamp where account_id = ?"
                        + " and purpose = 'SIGN_IN' and consumed_at is null")
                .setParameter(1, accountId).executeUpdate();
        account.email = address;
        account.emailConfirmedAt = Timestamps.now();
        em.flush();
        events.record(IdentityEvents.Type.EMAIL_CHANGED, accountId);
        MailTemplates.Letter letter = templates.render(MailTemplates.Kind.ADDRESS_CHANGED,
                MailTemplates.language(account.preferredLanguage), Map.of("name", account.displayName, "address", address));
        outbox.queue(previous, letter.subject(), letter.body());
        changed.fire(new EmailChanged(accountId, new EmailAddress(previous), new EmailAddress(address)));
        return Outcome.CHANGED;
    }

    /** The account's newest change code. */
    private Optional<EmailCodeRow> latest(UUID accountId) {
        return em.createQuery(EmailCodeRow.SELECT + " where c.accountId = :a and c.purpose = 'CHANGE'"
                        + " order by c.createdAt desc", EmailCodeRow.class)
                .setParameter("a", accountId).setMaxResults(1).getResultStream().findFirst();
    }

    private static byte[] hash(UUID accountId, String address, String code) {
        return Sha256.of("change:" + accountId + ":" + address + ":" + code);
    }
}
