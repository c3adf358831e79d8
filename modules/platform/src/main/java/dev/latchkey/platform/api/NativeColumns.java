package dev.latchkey.platform.api;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Values of native query rows, whose Java types differ between JDBC drivers (PostgreSQL, H2). */
public final class NativeColumns {

    private NativeColumns() {
    }

    /** A uuid column: a UUID from PostgreSQL, 16 bytes from H2. */
    public static UUID uuid(Object column) {
        if (column instanceof UUID u) {
            return u;
        }
        if (column instanceof byte[] b && b.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(b);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(column.toString());
    }

    /** A timestamp with time zone column: Instant, OffsetDateTime, ZonedDateTime or Timestamp by driver. */
    public static Instant instant(Object column) {
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (column instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (column instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return OffsetDateTime.parse(column.toString()).toInstant();
    }
}
