package dev.latchkey.identity.internal;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored password hash in the PHC string format that the Argon2 reference implementation
 * writes and reads: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in
 * standard Base64 without padding. Recording the cost in the string is what lets it be raised
 * later: old hashes stay verifiable and are replaced at the next successful sign-in.
 */
record PasswordHash(HashCost cost, byte[] salt, byte[] hash) {

    /** Argon2 version 1.3 (0x13), the only one written or read. */
    static final int VERSION = 19;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");

    PasswordHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Parses a stored string; empty when it is not an Argon2id v1.3 PHC string. */
    static Optional<PasswordHash> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            HashCost cost = new HashCost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return Optional.of(new PasswordHash(cost, Base64.getDecoder().decode(m.group(4)),
                    Base64.getDecoder().decode(m.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=" + VERSION + "$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether this hash was made with other parameters than these (then it is made anew). */
    boolean isOutdated(HashCost current, int saltLength, int hashLength) {
        return !cost.equals(current) || salt.length != saltLength || hash.length != hashLength;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && cost.equals(p.cost) && Arrays.equals(salt, p.salt)
                && Arrays.equals(hash, p.hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * cost.hashCode() + Arrays.hashCode(salt)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + cost + ", redacted]";
    }
}
