package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.Passwords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast this machine verifies passwords at the production settings ({@link HashCost#CURRENT},
 * one hashing slot per core, through {@link PasswordHashing} exactly as sign-in uses it). Not a
 * test: a program to run by hand (README, "Password hashing benchmark"), because a timed unit test fails on
 * a busy machine and proves nothing on a fast one.
 *
 * <p>Three rounds after a warm-up: one caller; as many callers as cores (the most the slots let
 * run at once); and a flood of 32 callers per core, where the bound shows: throughput stays that
 * of the cores, latency includes the wait for a slot (at most {@link PasswordHashing#WAIT_FOR_SLOT}),
 * and what cannot get a slot in time is refused ({@link Passwords.Busy}) instead of queueing.
 *
 * <p>Arguments: seconds per round (default 15).
 */
public final class PasswordHashingBenchmark {

    private PasswordHashingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int cores = Runtime.getRuntime().availableProcessors();
        PasswordHashing hashing = new PasswordHashing();
        String password = "correct horse battery staple";
        String stored = hashing.hash(password);

        HashCost cost = HashCost.CURRENT;
        System.out.printf(Locale.ROOT, "Argon2id m=%d KiB, t=%d, p=%d, %d-byte salt, %d-byte hash; %d cores, %d hashing"
                        + " slots, wait %d ms%n", cost.memoryKiB(), cost.iterations(), cost.parallelism(),
                PasswordHashing.SALT_LENGTH, PasswordHashing.HASH_LENGTH, cores,
                hashing.slotCount(), PasswordHashing.WAIT_FOR_SLOT.toMillis());
        System.out.printf(Locale.ROOT, "%s %s, max heap %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));

        round(hashing, password, stored, 1, Math.max(3, seconds / 3), "warm-up (not counted)");
        round(hashing, password, stored, 1, seconds, "1 caller");
        round(hashing, password, stored, cores, seconds, cores + " callers (one per core)");
        round(hashing, password, stored, 32 * cores, seconds, 32 * cores + " callers (flood: 32 per core)");
    }

    private static void round(PasswordHashing hashing, String password, String stored, int callers, int seconds,
                              String name) throws InterruptedException {
        List<List<Long>> latencies = new ArrayList<>();
        AtomicLong refused = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(callers);
        for (int i = 0; i < callers; i++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            if (!hashing.verify(password, Optional.of(stored)).matches()) {
                                throw new IllegalStateException("the stored hash did not verify");
                            }
                            mine.add(System.nanoTime() - start);
                        } catch (Passwords.Busy e) {
                            refused.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-" + i);
            thread.start();
        }
        done.await();
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "%-34s %7.1f verified/s   p50 %6.1f ms   p99 %6.1f ms   refused %d%n", name,
                all.size() / (double) seconds, percentile(all, 50), percentile(all, 99), refused.get());
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
