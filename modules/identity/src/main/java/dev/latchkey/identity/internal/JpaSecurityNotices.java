package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.SecurityNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Security notices through the mail outbox, in the account's language. REQUIRES_NEW: they are sent
 * by observers that run after the deciding transaction committed, when there is no transaction to join.
 */
@ApplicationScoped
class JpaSecurityNotices implements SecurityNotices {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean send(UUID accountId, Notice notice) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null || account.email == null) {
            return false;
        }
        MailTemplates.Letter letter = letter(templates, MailTemplates.language(account.preferredLanguage),
                account.displayName, notice);
        outbox.queue(account.email, letter.subject(), letter.body());
        return true;
    }

    /** The mail for a notice; the notice's facts are the template's arguments, under their component names. */
    static MailTemplates.Letter letter(MailTemplates templates, java.util.Locale language, String displayName,
                                       Notice notice) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        MailTemplates.Kind kind;
        if (notice instanceof PasskeyAdded) {
            kind = MailTemplates.Kind.PASSKEY_ADDED;
        } else if (notice instanceof PasskeyRemoved) {
            kind = MailTemplates.Kind.PASSKEY_REMOVED;
        } else if (notice instanceof DeviceLost) {
            kind = MailTemplates.Kind.DEVICE_LOST;
        } else if (notice instanceof AssistedRecoveryStarted) {
            kind = MailTemplates.Kind.ASSISTED_RECOVERY_STARTED;
        } else {
            throw new IllegalArgumentException("no mail for " + notice);
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("name", displayName);
        arguments.put("notice", notice);
        return templates.render(kind, language, arguments);
    }
}
