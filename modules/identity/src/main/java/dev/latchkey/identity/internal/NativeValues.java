package dev.latchkey.identity.internal;

import java.nio.ByteBuffer;
import java.util.UUID;

/** Values of native query results, which differ between JDBC drivers. */
final class NativeValues {

    private NativeValues() {
    }

    /** uuid columns come back as UUID from PostgreSQL and as 16 bytes from H2. */
    static UUID uuid(Object column) {
        if (column instanceof UUID u) {
            return u;
        }
        if (column instanceof byte[] b && b.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(b);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(column.toString());
    }
}
