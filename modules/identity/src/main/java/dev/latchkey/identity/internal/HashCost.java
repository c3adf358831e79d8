package dev.latchkey.identity.internal;

/**
 * Argon2id cost parameters, as recorded in every stored hash so that they can be raised later.
 *
 * @param memoryKiB   memory per hash in KiB (Argon2's {@code m})
 * @param iterations  passes over that memory ({@code t})
 * @param parallelism lanes ({@code p})
 */
record HashCost(int memoryKiB, int iterations, int parallelism) {

    /**
     * m = 19 MiB, t = 2, p = 1: the second of the equivalent Argon2id settings of the OWASP Password
     * Storage Cheat Sheet (the first, 46 MiB with t = 1, costs the same CPU time). Chosen because
     * memory is what a flood multiplies: with one hashing slot per core (PasswordHashing) the
     * hashes in flight hold at most cores × 19 MiB, and 19 MiB still puts a GPU or ASIC attacker
     * far behind. p = 1 because this server hashes one password per request thread; lanes would
     * only let one request take several cores. Figures on this machine: README, "Password hashing benchmark".
     */
    static final HashCost CURRENT = new HashCost(19 * 1024, 2, 1);

    /** Argon2 needs at least 8 KiB per lane; above 1 GiB a stored value is damaged, not a choice. */
    HashCost {
        if (parallelism < 1 || parallelism > 16 || iterations < 1 || iterations > 100
                || memoryKiB < 8 * parallelism || memoryKiB > 1024 * 1024) {
            throw new IllegalArgumentException("Argon2id cost out of range: m=" + memoryKiB + ",t=" + iterations
                    + ",p=" + parallelism);
        }
    }
}
