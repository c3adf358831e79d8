package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.identity.api.Passwords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Argon2id hashing and verification, normalisation, rehash detection and the bound on concurrent hashing. */
class PasswordHashingTest {

    /** The production settings (Argon2id at the current cost). */
    private static final PasswordHashing HASHING = new PasswordHashing();

    /** Written by the reference implementation with an old, cheap cost: {@code echo -n 'pässwörd ünïcode' | argon2 0123456789abcdef -id -t 1 -k 64 -p 1 -l 32 -e} (composed umlauts). */
    private static final String OLD_COST = "$argon2id$v=19$m=64,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$faUKaclEmkpQVAVnIvXLHd23ViaxL+maRrUq98I3auw";

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void verifiesWhatTheArgon2ReferenceImplementationWrote() {
        assertThat(HASHING.verify("correct horse battery staple", Optional.of(PasswordHashTest.REFERENCE)))
                .isEqualTo(new PasswordHashing.Check(true, false));
        assertThat(HASHING.verify("correct horse battery stapler", Optional.of(PasswordHashTest.REFERENCE)).matches())
                .isFalse();
    }

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String stored = HASHING.hash("a long and correct passphrase");
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(HASHING.verify("a long and correct passphrase", Optional.of(stored)))
                .isEqualTo(new PasswordHashing.Check(true, false));
        assertThat(HASHING.verify("a long and correct passphrasE", Optional.of(stored)).matches()).isFalse();
        assertThat(HASHING.verify("", Optional.of(stored)).matches()).isFalse();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String first = HASHING.hash("the same password twice");
        String second = HASHING.hash("the same password twice");
        assertThat(first).isNotEqualTo(second);
        assertThat(PasswordHash.parse(first).orElseThrow().salt()).hasSize(16)
                .isNotEqualTo(PasswordHash.parse(second).orElseThrow().salt());
    }

    @Test
    void aHashWithAnOldCostStillVerifiesAndAsksToBeMadeAnew() {
        assertThat(HASHING.verify("pässwörd ünïcode", Optional.of(OLD_COST)))
                .isEqualTo(new PasswordHashing.Check(true, true));
        // Only a match asks for a rehash: a wrong guess must not rewrite the stored hash.
        assertThat(HASHING.verify("password unicode", Optional.of(OLD_COST)))
                .isEqualTo(new PasswordHashing.Check(false, false));
    }

    @Test
    void passwordsAreComparedInTheirNfkcForm() {
        // Decomposed umlauts (u + combining diaeresis) match the composed ones the reference hashed.
        assertThat(HASHING.verify("pa\u0308sswo\u0308rd u\u0308ni\u0308code", Optional.of(OLD_COST)).matches()).isTrue();
        // Compatibility forms: the "fi" ligature and full-width letters match their plain forms.
        String stored = HASHING.hash("\uFB01ne \uFF30\uFF41\uFF53\uFF53 phrase");
        assertThat(HASHING.verify("fine Pass phrase", Optional.of(stored)).matches()).isTrue();
        assertThat(PasswordHashing.normalise("\uFB01ne \uFF30\uFF41\uFF53\uFF53")).isEqualTo("fine Pass");
        // Normalisation is not case folding.
        assertThat(HASHING.verify("fine pass phrase", Optional.of(stored)).matches()).isFalse();
    }

    @Test
    void withoutAStoredHashTheSameWorkIsDoneAndNothingMatches() {
        List<HashCost> derived = new ArrayList<>();
        PasswordHashing counting = new PasswordHashing((password, salt, cost, length) -> {
            derived.add(cost);
            return new byte[length];
        }, HashCost.CURRENT, 1, Duration.ofSeconds(1));
        assertThat(counting.verify("anything", Optional.empty())).isEqualTo(new PasswordHashing.Check(false, false));
        assertThat(counting.verify("anything", Optional.of("garbage"))).isEqualTo(new PasswordHashing.Check(false, false));
        // A hash at the current cost was computed each time, as for an account with a password.
        assertThat(derived).containsExactly(HashCost.CURRENT, HashCost.CURRENT);
    }

    @Test
    void whenEverySlotStaysBusyAFurtherRequestIsRefusedInsteadOfQueued() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        PasswordHashing bounded = new PasswordHashing((password, salt, cost, length) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new byte[length];
        }, HashCost.CURRENT, 2, Duration.ofMillis(100));

        Future<String> first = threads.submit(() -> bounded.hash("first password"));
        Future<String> second = threads.submit(() -> bounded.hash("second password"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("both slots taken").isTrue();

        long start = System.nanoTime();
        assertThatThrownBy(() -> bounded.hash("third password"))
                .isInstanceOf(Passwords.Busy.class).hasMessageContaining("try again in a few seconds");
        assertThatThrownBy(() -> bounded.verify("fourth", Optional.of(PasswordHashTest.REFERENCE)))
                .isInstanceOf(Passwords.Busy.class);
        // It waited its short while for a slot, not forever.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(190), Duration.ofSeconds(5));

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).startsWith("$argon2id$");
        assertThat(second.get(10, TimeUnit.SECONDS)).startsWith("$argon2id$");
        assertThat(bounded.hash("fifth password")).startsWith("$argon2id$");
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aRequestThatWaitsGetsTheNextFreeSlot() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordHashing bounded = new PasswordHashing((password, salt, cost, length) -> {
            if (entered.getCount() == 1) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new byte[length];
        }, HashCost.CURRENT, 1, Duration.ofSeconds(10));

        Future<String> holder = threads.submit(() -> bounded.hash("holds the slot"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> waiter = threads.submit(() -> bounded.hash("waits for it"));
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).startsWith("$argon2id$");
        assertThat(waiter.get(10, TimeUnit.SECONDS)).startsWith("$argon2id$");
    }

    @Test
    void theProductionBoundIsOneSlotPerCore() {
        assertThat(HASHING.slotCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
