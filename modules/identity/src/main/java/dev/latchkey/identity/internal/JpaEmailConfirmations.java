package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.EmailConfirmations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaEmailConfirmations implements EmailConfirmations {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    Event<ClaimsDisplaced> displaced;

    @Override
    public void send(UUID accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null || account.email != null || account.pendingEmail == null) {
            return;
        }
        String address = account.pendingEmail;
        long recent = ((Number) em.createNativeQuery("select count(*) from idn_email_code where email = ?"
                        + " and created_at > current_timestamp - interval '3600' second")
                .setParameter(1, address).getSingleResult()).longValue();
        if (recent >= JpaEmailCodes.MAX_PER_ADDRESS_PER_HOUR) {
            throw new EmailCodes.TooManyRequests("Several codes were sent to this address in the last hour."
                    + " Use the newest one or try again later.");
        }
        boolean takenElsewhere = !em.createQuery("select a.id from AccountEntity a where a.email = :e", UUID.class)
                .setParameter("e", address).getResultList().isEmpty();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        em.createNativeQuery("insert into idn_email_code (id, attempt_hash, account_id, email, code_hash, tries,"
                        + " client_address, created_at, expires_at, purpose) values (?, ?, ?, ?, ?, 0, 'confirmation',"
                        + " current_timestamp, current_timestamp + interval '" + EmailCodes.VALID_MINUTES * 60
                        + "' second, 'CONFIRM')")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, Digests.sha256(UUID.randomUUID().toString()))
                .setParameter(3, accountId)
                .setParameter(4, address)
                // A taken address gets no usable code: the hash matches no six digits.
                .setParameter(5, takenElsewhere ? Digests.sha256(UUID.randomUUID().toString()) : Digests.sha256(accountId + code))
                .executeUpdate();
        if (takenElsewhere) {
            outbox.queue(address, "Someone tried to create an account with your address",
                    "Hello,\n\nsomeone just tried to create a new Latchkey account with this email address,"
                            + " which already belongs to your account.\n\n"
                            + "If it was you: you already have an account. Sign in with your passkey or ask for a"
                            + " sign-in code instead.\nIf it was not you: you need not do anything. The other"
                            + " account cannot use your address, and your account is unchanged.\n");
        } else {
            outbox.queue(address, "Confirm your email address: " + code,
                    "Hello " + account.displayName + ",\n\nyour code to confirm this address is: " + code + "\n\n"
                            + "It is valid for " + EmailCodes.VALID_MINUTES + " minutes. Once confirmed, you can use"
                            + " this address to sign in with a code and to recover your account.\n"
                            + "If you did not create an account, ignore this message.\n");
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
        List<?> rows = em.createNativeQuery("select id, code_hash, tries,"
                        + " case when expires_at > current_timestamp and consumed_at is null then 1 else 0 end"
                        + " from idn_email_code where account_id = ? and purpose = 'CONFIRM' and email = ?"
                        + " order by created_at desc")
                .setParameter(1, accountId).setParameter(2, account.pendingEmail)
                .setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            return Outcome.NEEDS_NEW_CODE;
        }
        Object[] row = (Object[]) rows.get(0);
        UUID id = NativeValues.uuid(row[0]);
        int tries = ((Number) row[2]).intValue();
        if (((Number) row[3]).intValue() != 1 || tries >= EmailCodes.MAX_TRIES) {
            return Outcome.NEEDS_NEW_CODE;
        }
        if (em.createNativeQuery("update idn_email_code set tries = tries + 1 where id = ? and tries = ?")
                .setParameter(1, id).setParameter(2, tries).executeUpdate() != 1) {
            return Outcome.NEEDS_NEW_CODE;
        }
        String typed = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!typed.matches("\\d{6}") || !MessageDigest.isEqual(Digests.sha256(accountId + typed), (byte[]) row[1])) {
            return tries + 1 >= EmailCodes.MAX_TRIES ? Outcome.NEEDS_NEW_CODE : Outcome.WRONG;
        }
        em.createNativeQuery("update idn_email_code set consumed_at = current_timestamp where id = ?")
                .setParameter(1, id).executeUpdate();
        String address = account.pendingEmail;
        // The first confirmation wins; every other mere claim on the address is removed with
        // everything that belongs to it (observers in other modules join this transaction).
        List<UUID> claimants = em.createQuery("select a.id from AccountEntity a where a.pendingEmail = :e"
                        + " and a.email is null and a.id <> :me", UUID.class)
                .setParameter("e", address).setParameter("me", accountId).getResultList();
        if (!claimants.isEmpty()) {
            displaced.fire(new ClaimsDisplaced(new EmailAddress(address), claimants));
            em.createQuery("delete from SessionEntity s where s.accountId in :ids").setParameter("ids", claimants).executeUpdate();
            em.createQuery("delete from DeviceEntity d where d.accountId in :ids").setParameter("ids", claimants).executeUpdate();
            em.createQuery("delete from AccountEntity a where a.id in :ids").setParameter("ids", claimants).executeUpdate();
        }
        account.email = address;
        account.pendingEmail = null;
        account.emailConfirmedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.flush();
        return Outcome.CONFIRMED;
    }
}
