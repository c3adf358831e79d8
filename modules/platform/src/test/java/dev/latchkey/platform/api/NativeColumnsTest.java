package dev.latchkey.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NativeColumnsTest {

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final Instant AT = Instant.parse("2026-12-06T02:30:00.123456Z");

    @Test
    void aUuidColumnReadsTheSameFromPostgresqlAndH2() {
        byte[] h2 = ByteBuffer.allocate(16).putLong(ID.getMostSignificantBits()).putLong(ID.getLeastSignificantBits()).array();
        assertThat(NativeColumns.uuid(ID)).isEqualTo(ID);
        assertThat(NativeColumns.uuid(h2)).isEqualTo(ID);
        assertThat(NativeColumns.uuid(ID.toString())).isEqualTo(ID);
    }

    @Test
    void aTimestampColumnReadsTheSameWhicheverTypeTheDriverChose() {
        assertThat(NativeColumns.instant(AT)).isEqualTo(AT);
        assertThat(NativeColumns.instant(AT.atOffset(ZoneOffset.ofHours(2)))).isEqualTo(AT);
        assertThat(NativeColumns.instant(AT.atZone(ZoneOffset.UTC))).isEqualTo(AT);
        assertThat(NativeColumns.instant(Timestamp.from(AT))).isEqualTo(AT);
        assertThat(NativeColumns.instant(OffsetDateTime.ofInstant(AT, ZoneOffset.UTC).toString())).isEqualTo(AT);
    }

    @Test
    void theStoredTimeHasNoMoreThanMicroseconds() {
        assertThat(Timestamps.now().getNano() % 1_000).isZero();
    }

    @Test
    void sha256MatchesTheStandardTestVector() {
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertThat(HexFormat.of().formatHex(Sha256.of("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
