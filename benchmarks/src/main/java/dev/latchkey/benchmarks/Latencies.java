package dev.latchkey.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Response times of one kind of request (nanoseconds), kept whole so that percentiles are exact. */
final class Latencies {

    final String name;
    private long[] values = new long[1024];
    private int count;
    private int errors;

    Latencies(String name) {
        this.name = name;
    }

    synchronized void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    synchronized void error() {
        errors++;
    }

    synchronized int count() {
        return count;
    }

    synchronized int errors() {
        return errors;
    }

    /** The value at or below which this share (0..1) of the samples lie (nearest rank), in milliseconds. */
    synchronized double percentileMs(double share) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(share * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    synchronized double meanMs() {
        if (count == 0) {
            return Double.NaN;
        }
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / 1e6 / count;
    }

    /** One line: name, count, errors, p50, p90, p99, max, mean (ms). */
    String line() {
        return String.format(Locale.ROOT, "%-16s n=%-6d errors=%-4d p50=%7.2f p90=%7.2f p99=%7.2f max=%8.2f mean=%7.2f ms",
                name, count(), errors(), percentileMs(0.50), percentileMs(0.90), percentileMs(0.99),
                percentileMs(1.0), meanMs());
    }
}
