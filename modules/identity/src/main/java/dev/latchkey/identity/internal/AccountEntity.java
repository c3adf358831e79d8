package dev.latchkey.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "idn_account")
class AccountEntity {

    @Id
    UUID id;

    @Column(name = "user_handle", nullable = false, unique = true, length = 64)
    byte[] userHandle;

    /** The confirmed address; null until a code sent to it was entered. */
    @Column(unique = true, length = 254)
    String email;

    /** The address claimed at sign-up, until confirmed. Reserves nothing. */
    @Column(name = "pending_email", length = 254)
    String pendingEmail;

    @Column(name = "email_confirmed_at")
    Instant emailConfirmedAt;

    @Column(name = "display_name", nullable = false, length = 256)
    String displayName;

    /**
     * The language the account's mail is written in (a language tag such as {@code de}): the page's
     * at sign-up, then the header switcher's last choice. Null (older accounts): English.
     */
    @Column(name = "preferred_language", length = 8)
    String preferredLanguage;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected AccountEntity() {
    }
}
