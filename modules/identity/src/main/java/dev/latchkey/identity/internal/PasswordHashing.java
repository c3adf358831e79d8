package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hashes and verifies passwords with Argon2id, a bounded number at a time.
 *
 * <p>Each hash takes tens of milliseconds of one core and {@link HashCost#CURRENT} memory, so a
 * flood of sign-in attempts could otherwise take every core and a lot of heap. There is one slot
 * per core; a request that finds them all taken waits briefly for one and is then refused with
 * {@link Passwords.Busy} (the web layer answers 503 with Retry-After), instead of queueing
 * without limit. The slots are fair, so no request is overtaken forever.
 *
 * <p>Passwords are normalised to Unicode NFKC before hashing (NIST SP 800-63B-4 §3.1.1.2), so
 * "ﬁ" and "fi", full-width and ASCII letters, composed and decomposed accents match.
 */
@ApplicationScoped
class PasswordHashing {

    static final int SALT_LENGTH = 16;
    static final int HASH_LENGTH = 32;
    /** How long a request waits for a slot before it is refused. */
    static final Duration WAIT_FOR_SLOT = Duration.ofSeconds(1);
    static final String BUSY_MESSAGE = "Many passwords are being checked right now. Please try again in a few seconds.";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyDerivation derivation;
    private final HashCost cost;
    private final Semaphore slots;
    private final int slotCount;
    private final long waitNanos;
    /** Verified against when there is no stored hash, so that such a check costs the same. */
    private final PasswordHash dummy;

    /** The production settings: Argon2id at {@link HashCost#CURRENT}, one slot per core. */
    PasswordHashing() {
        this(new Argon2id(), HashCost.CURRENT, Runtime.getRuntime().availableProcessors(), WAIT_FOR_SLOT);
    }

    PasswordHashing(KeyDerivation derivation, HashCost cost, int slots, Duration waitForSlot) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one hashing slot");
        }
        this.derivation = derivation;
        this.cost = cost;
        this.slots = new Semaphore(slots, true);
        this.slotCount = slots;
        this.waitNanos = waitForSlot.toNanos();
        this.dummy = new PasswordHash(cost, randomBytes(SALT_LENGTH), randomBytes(HASH_LENGTH));
    }

    /** NFKC, the form that is counted, checked against the rules and hashed. */
    static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** A new hash of the password with a fresh salt, in PHC string format. */
    String hash(String password) {
        byte[] salt = randomBytes(SALT_LENGTH);
        return new PasswordHash(cost, salt, derive(password, salt, cost, HASH_LENGTH)).encoded();
    }

    /**
     * Checks a password against a stored hash. Without a usable stored hash, the password is
     * hashed against a dummy anyway (same cost, same time) and does not match.
     */
    Check verify(String password, Optional<String> stored) {
        Optional<PasswordHash> parsed = stored.flatMap(PasswordHash::parse);
        PasswordHash expected = parsed.orElse(dummy);
        byte[] actual = derive(password, expected.salt(), expected.cost(), expected.hash().length);
        // Constant time: how much of a guess was right must not show in the response time.
        boolean matches = MessageDigest.isEqual(actual, expected.hash()) && parsed.isPresent();
        return new Check(matches, matches && expected.isOutdated(cost, SALT_LENGTH, HASH_LENGTH));
    }

    int slotCount() {
        return slotCount;
    }

    /**
     * @param matches     whether the password is the stored one
     * @param needsRehash whether it matched a hash made with other than the current parameters
     */
    record Check(boolean matches, boolean needsRehash) {
    }

    private byte[] derive(String password, byte[] salt, HashCost with, int length) {
        byte[] bytes = normalise(password).getBytes(StandardCharsets.UTF_8);
        try {
            acquireSlot();
            try {
                return derivation.derive(bytes, salt, with, length);
            } finally {
                slots.release();
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new Passwords.Busy(BUSY_MESSAGE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Passwords.Busy(BUSY_MESSAGE);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
