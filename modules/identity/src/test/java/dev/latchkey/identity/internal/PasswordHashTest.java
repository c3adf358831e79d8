package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored form: PHC strings as the Argon2 reference implementation writes them. */
class PasswordHashTest {

    /** Written by the reference implementation: {@code echo -n 'correct horse battery staple' | argon2 saltsaltsaltsalt -id -t 2 -k 19456 -p 1 -l 32 -e}. */
    static final String REFERENCE = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM";

    @Test
    void parsesTheReferenceImplementationsOutputWithItsParameters() {
        PasswordHash hash = PasswordHash.parse(REFERENCE).orElseThrow();
        assertThat(hash.cost()).isEqualTo(new HashCost(19456, 2, 1));
        assertThat(new String(hash.salt(), StandardCharsets.US_ASCII)).isEqualTo("saltsaltsaltsalt");
        assertThat(hash.hash()).hasSize(32);
        assertThat(hash.encoded()).isEqualTo(REFERENCE);
    }

    @Test
    void encodesTheParametersSoThatTheyCanBeRaisedLater() {
        PasswordHash hash = new PasswordHash(new HashCost(65536, 3, 2), new byte[16], new byte[32]);
        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=65536,t=3,p=2$AAAAAAAAAAAAAAAAAAAAAA$");
        assertThat(PasswordHash.parse(hash.encoded())).contains(hash);
    }

    @Test
    void aHashWithOtherParametersIsOutdated() {
        PasswordHash current = new PasswordHash(HashCost.CURRENT, new byte[16], new byte[32]);
        assertThat(current.isOutdated(HashCost.CURRENT, 16, 32)).isFalse();
        assertThat(current.isOutdated(new HashCost(HashCost.CURRENT.memoryKiB() * 2, 2, 1), 16, 32)).isTrue();
        assertThat(current.isOutdated(new HashCost(HashCost.CURRENT.memoryKiB(), 3, 1), 16, 32)).isTrue();
        assertThat(new PasswordHash(HashCost.CURRENT, new byte[8], new byte[32]).isOutdated(HashCost.CURRENT, 16, 32))
                .isTrue();
        assertThat(new PasswordHash(HashCost.CURRENT, new byte[16], new byte[16]).isOutdated(HashCost.CURRENT, 16, 32))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not a hash",
        // Argon2i and Argon2d are not accepted, nor Argon2 version 1.0
        "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        "$argon2d$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        // parameters missing, reordered, out of range
        "$argon2id$v=19$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        "$argon2id$v=19$t=2,m=19456,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        "$argon2id$v=19$m=4,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        "$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        "$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        // padding, a broken salt, a missing hash
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA==$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2Fsd$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$",
    })
    void anythingElseIsNotAStoredHash(String stored) {
        assertThat(PasswordHash.parse(stored)).isEmpty();
    }

    @Test
    void nullIsNotAStoredHash() {
        assertThat(PasswordHash.parse(null)).isEmpty();
    }

    @Test
    void neverPrintsItsBytes() {
        assertThat(PasswordHash.parse(REFERENCE).orElseThrow().toString()).doesNotContain("QKHrg5").contains("redacted");
    }
}
