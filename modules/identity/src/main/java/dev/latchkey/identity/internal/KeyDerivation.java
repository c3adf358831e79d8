package dev.latchkey.identity.internal;

/**
 * The expensive step of password hashing: turning a password and a salt into a key. The seam
 * between {@link PasswordHashing} (which bounds how many run at once) and the algorithm.
 */
@FunctionalInterface
interface KeyDerivation {

    /**
     * @param password the password's bytes (UTF-8 of its NFKC form); not kept
     * @return {@code length} bytes
     */
    byte[] derive(byte[] password, byte[] salt, HashCost cost, int length);
}
