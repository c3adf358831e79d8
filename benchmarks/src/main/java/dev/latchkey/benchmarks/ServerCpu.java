package dev.latchkey.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server JVM's CPU time as the kernel counts it ({@code /proc/<pid>/stat}, utime + stime, in
 * clock ticks), split into the JIT compiler threads, the garbage collector threads and the rest
 * by thread name ({@code /proc/<pid>/task/<tid>/comm}). Linux only. Compiler threads that ended
 * in between are counted in the total only (HotSpot starts and stops them as needed). With several
 * server JVMs (two instances on one database), every figure is their sum.
 */
final class ServerCpu {

    /** Ticks per second of /proc's counters: USER_HZ, 100 on every Linux this runs on (getconf CLK_TCK). */
    static final long TICKS_PER_SECOND = Long.getLong("bench.clk.tck", 100);

    /** CPU seconds: the whole process, its JIT compiler threads, its GC threads. */
    record Sample(double total, double jit, double gc, long wallNanos) {
        Sample minus(Sample earlier) {
            return new Sample(total - earlier.total, jit - earlier.jit, gc - earlier.gc, wallNanos - earlier.wallNanos);
        }

        double wallSeconds() {
            return wallNanos / 1e9;
        }
    }

    private final List<Long> pids;

    ServerCpu(List<Long> pids) {
        this.pids = List.copyOf(pids);
    }

    boolean available() {
        return !pids.isEmpty() && pids.stream().allMatch(p -> p > 0 && Files.isReadable(Path.of("/proc", p.toString(), "stat")));
    }

    Sample sample() {
        if (!available()) {
            return new Sample(Double.NaN, Double.NaN, Double.NaN, System.nanoTime());
        }
        double total = 0;
        double jit = 0;
        double gc = 0;
        for (long pid : pids) {
            total += ticks(Path.of("/proc", Long.toString(pid), "stat"));
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String comm = read(task.resolve("comm")).strip();
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        jit += ticks(task.resolve("stat"));
                    } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
                        gc += ticks(task.resolve("stat"));
                    }
                }
            } catch (IOException e) {
                jit = Double.NaN;
                gc = Double.NaN;
            }
        }
        return new Sample(total / TICKS_PER_SECOND, jit / TICKS_PER_SECOND, gc / TICKS_PER_SECOND, System.nanoTime());
    }

    /** Resident set size now and at its peak, in MiB ({@code /proc/<pid>/status}), per server JVM. */
    String memory() {
        StringBuilder out = new StringBuilder();
        for (long pid : pids) {
            String status = read(Path.of("/proc", Long.toString(pid), "status"));
            out.append(out.isEmpty() ? "" : "; ").append(pids.size() > 1 ? "pid " + pid + ": " : "")
                    .append(field(status, "VmRSS")).append(" (peak ").append(field(status, "VmHWM")).append(")");
        }
        return out.toString();
    }

    private static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                long kib = Long.parseLong(line.substring(name.length() + 1).replace("kB", "").strip());
                return (kib / 1024) + " MiB";
            }
        }
        return "?";
    }

    /** utime + stime of a /proc stat line; the command name (field 2) may hold spaces, so count after its ')'. */
    private static long ticks(Path stat) {
        String line = read(stat);
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return 0;
        }
        String[] f = line.substring(close + 2).split(" ");
        // After ")": state(3) ppid(4) ... utime is field 14, stime field 15 (proc(5)); f[0] is field 3.
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return "";
        }
    }
}
