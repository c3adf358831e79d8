package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Invitations;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations in {@code idn_invitation}. Validity is judged by the database clock, like codes and
 * sessions, so that several instances agree.
 */
@ApplicationScoped
@Transactional
class JpaInvitations implements Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USABLE = "used_at is null and revoked_at is null and expires_at > current_timestamp";

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    IdentityEvents events;

    @Inject
    Staff staff;

    @Override
    public void issue(dev.latchkey.identity.api.StepUpProof operator, EmailAddress email, String signUpUrl,
                      java.util.Locale language) {
        UUID operatorAccountId = staff.confirm(operator, Permission.INVITATIONS);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("insert into idn_invitation (id, token_hash, email, invited_by, created_at, expires_at)"
                        + " values (?, ?, ?, ?, current_timestamp, current_timestamp + interval '"
                        + VALID_FOR.toSeconds() + "' second)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, Sha256.of(token))
                .setParameter(3, email.value())
                .setParameter(4, operatorAccountId)
                .executeUpdate();
        events.record(IdentityEvents.Type.INVITATION_SENT, operatorAccountId);
        // Nobody has an account at this address yet: the mail is in the inviting page's language.
        MailTemplates.Letter letter = templates.render(MailTemplates.Kind.INVITATION, MailTemplates.language(
                java.util.Optional.ofNullable(language)), java.util.Map.of("days", VALID_FOR.toDays(),
                "link", signUpUrl + "?invitation=" + token));
        outbox.queue(email.value(), letter.subject(), letter.body(), token);
    }

    @Override
    public List<Invitation> pending() {
        return em.createQuery("from InvitationEntity i where i.usedAt is null and i.revokedAt is null"
                        + " and i.expiresAt > instant order by i.createdAt desc", InvitationEntity.class)
                .setMaxResults(100).getResultStream()
                .map(i -> new Invitation(i.id, new EmailAddress(i.email), i.createdAt, i.expiresAt))
                .toList();
    }

    @Override
    public boolean revoke(dev.latchkey.identity.api.StepUpProof operator, UUID invitationId) {
        UUID operatorAccountId = staff.confirm(operator, Permission.INVITATIONS);
        int revoked = em.createNativeQuery("update idn_invitation set revoked_at = current_timestamp where id = ? and "
                        + USABLE)
                .setParameter(1, invitationId).executeUpdate();
        if (revoked == 1) {
            events.record(IdentityEvents.Type.INVITATION_REVOKED, operatorAccountId);
        }
        return revoked == 1;
    }

    @Override
    public Optional<EmailAddress> usable(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select email from idn_invitation where token_hash = ? and " + USABLE)
                .setParameter(1, Sha256.of(token)).getResultList();
        return rows.stream().findFirst().map(o -> new EmailAddress((String) o));
    }

    @Override
    public void redeem(String token, UUID accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (!wellFormed(token) || account == null || account.pendingEmail == null) {
            throw new Unusable();
        }
        // One conditional update: of two sign-ups racing with one link, exactly one spends it.
        int spent = em.createNativeQuery("update idn_invitation set used_at = current_timestamp, used_by = ?"
                        + " where token_hash = ? and email = ? and " + USABLE)
                .setParameter(1, accountId)
                .setParameter(2, Sha256.of(token))
                .setParameter(3, account.pendingEmail)
                .executeUpdate();
        if (spent != 1) {
            throw new Unusable();
        }
        events.record(IdentityEvents.Type.INVITATION_USED, accountId);
    }

    @Override
    public boolean redeemedBy(UUID accountId) {
        return !em.createNativeQuery("select 1 from idn_invitation where used_by = ?").setParameter(1, accountId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(
                c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
