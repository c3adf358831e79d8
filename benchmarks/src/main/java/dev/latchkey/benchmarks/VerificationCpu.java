package dev.latchkey.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time of one raw webauthn4j assertion verification, from this thread's own CPU clock
 * (immune to other processes on a shared machine, unlike wall time): {@code warmUp} verifications
 * first, then {@code rounds} rounds of {@code perRound}, reporting the median and the best round.
 * Usage: {@code VerificationCpu [warmUp] [rounds] [perRound]}.
 */
public final class VerificationCpu {

    private VerificationCpu() {
    }

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        RawAssertion assertion = new RawAssertion();
        for (int i = 0; i < warmUp; i++) {
            assertion.verify();
        }
        double[] ms = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                assertion.verify();
            }
            ms[r] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / perRound;
        }
        double[] reassembly = new double[rounds];
        for (int i = 0; i < warmUp; i++) {
            assertion.reassemble();
        }
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                assertion.reassemble();
            }
            reassembly[r] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / perRound;
        }
        java.util.Arrays.sort(reassembly);
        java.util.Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "raw webauthn4j assertion verification (parse + verify, ES256), thread CPU: "
                        + "median %.3f ms, best %.3f ms per verification (%d rounds of %d after %d warm-up; %s %s)%n",
                ms[rounds / 2], ms[0], rounds, perRound, warmUp, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "reassembling the stored credential (AttestedCredentialDataConverter, COSE key), thread CPU:"
                + " median %.3f ms, best %.3f ms%n", reassembly[rounds / 2], reassembly[0]);
    }
}
