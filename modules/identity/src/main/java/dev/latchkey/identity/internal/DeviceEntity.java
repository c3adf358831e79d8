package dev.latchkey.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "idn_device")
class DeviceEntity {

    @Id
    UUID id;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "device_key_hash", nullable = false, length = 32)
    byte[] deviceKeyHash;

    @Column(nullable = false, length = 120)
    String label;

    @Column(nullable = false, length = 60)
    String browser;

    @Column(nullable = false, length = 60)
    String platform;

    @Column(name = "device_class", nullable = false, length = 30)
    String deviceClass;

    @Column(name = "user_agent", nullable = false, length = 512)
    String userAgent;

    @Column(name = "platform_authenticator")
    Boolean platformAuthenticator;

    @Column(name = "conditional_get")
    Boolean conditionalGet;

    @Column(name = "conditional_create")
    Boolean conditionalCreate;

    @Column(name = "hybrid_transport")
    Boolean hybridTransport;

    @Column(nullable = false)
    boolean shared;

    /** The person's own name for it (NFC, at most {@code Devices.NAME_MAX} code points); null when none. */
    @Column(name = "given_name", length = 160)
    String givenName;

    /** The newest successful passkey sign-in here: its {@code SignInMethod} name and moment; null when none. */
    @Column(name = "last_passkey_method", length = 30)
    String lastPasskeyMethod;

    @Column(name = "last_passkey_at")
    Instant lastPasskeyAt;

    @Column(name = "first_seen_at", nullable = false)
    Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;

    protected DeviceEntity() {
    }
}
