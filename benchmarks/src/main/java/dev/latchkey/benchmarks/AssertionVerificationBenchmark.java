package dev.latchkey.benchmarks;

import com.webauthn4j.data.AuthenticationData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the time of one raw webauthn4j assertion verification (parse + verify, ES256) on one thread.
 * Run by run.sh through {@code org.openjdk.jmh.Main AssertionVerificationBenchmark}; on one busy
 * thread its average time is its CPU time (see also {@link VerificationCpu}, which reads the thread's
 * CPU clock directly).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssertionVerificationBenchmark {

    private RawAssertion assertion;

    @Setup
    public void setUp() {
        assertion = new RawAssertion();
    }

    @Benchmark
    public AuthenticationData parseAndVerify() {
        return assertion.verify();
    }
}
