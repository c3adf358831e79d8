package dev.latchkey.credentials.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "cred_passkey")
class PasskeyEntity {

    @Id
    UUID id;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    /** WebAuthn allows credential ids of up to 1023 bytes (#credential-id). */
    @Column(name = "credential_id", nullable = false, unique = true, length = 1023)
    byte[] credentialId;

    @Column(name = "public_key", nullable = false, length = 2048)
    byte[] publicKey;

    @Column(name = "sign_count", nullable = false)
    long signCount;

    @Column(nullable = false)
    UUID aaguid;

    @Column(nullable = false, length = 200)
    String transports;

    @Column(name = "backup_eligible", nullable = false)
    boolean backupEligible;

    @Column(name = "backup_state", nullable = false)
    boolean backupState;

    @Column(name = "user_verified", nullable = false)
    boolean userVerified;

    @Column(length = 20)
    String attachment;

    @Column(name = "attestation_format", nullable = false, length = 32)
    String attestationFormat;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "last_used_at")
    Instant lastUsedAt;

    /** identity's device record where the passkey was created (opaque here). */
    @Column(name = "created_device_id")
    UUID createdDeviceId;

    @Column(name = "last_used_device_id")
    UUID lastUsedDeviceId;

    /** The automatic label of the browser it was made on ("Chrome on Android"), when known (V11). */
    @Column(name = "created_on_label", length = 160)
    String createdOnLabel;

    /** The user's own name for it; null for the automatic name (provider or device). */
    @Column(length = 200)
    String name;

    protected PasskeyEntity() {
    }
}
