package dev.latchkey.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator: signs up accounts with software passkeys on a running Latchkey, then measures
 * (BENCHMARKS.md, "Method"):
 * <ol>
 *   <li>server CPU per passkey sign-in (options + finish) over a warm sequential run, from the server
 *       JVM's own CPU counters, with the JIT compiler threads and the GC/VM threads apart;</li>
 *   <li>server CPU and latency of the sign-in page and the account page, sequentially;</li>
 *   <li>latency of every request at concurrency 16 (closed loop: each user starts again when done);</li>
 *   <li>a ramp of concurrency until journeys per second stop rising (the saturating rate);</li>
 *   <li>latency at half that rate, open loop (journeys start on a schedule; a late start counts).</li>
 * </ol>
 * Usage: {@code LoadRun --base http://localhost:9437 --pid <server pid> --out results.txt [--smoke] [--signin-only]}.
 * {@code --signin-only} stops after the sequential sign-ins and pages (the CPU figures; about two minutes).
 * Two instances on one database: {@code --base http://localhost:9437,http://localhost:9438 --pid <a>,<b>};
 * each browser sends its requests to the instances in turn ({@link BrowserProfile}) and the server CPU
 * is both JVMs' sum. With {@code --pg-url jdbc:postgresql://...} it also reports what PostgreSQL did per
 * request ({@link DatabaseWork}): transactions and rows, figures that do not move with the machine's load.
 * The client runs on the same machine as the server: its latencies are round trips over loopback,
 * an upper bound of the server's own time, and the client's CPU competes with the server's.
 */
public final class LoadRun {

    /** @param pageWarmUp unmeasured requests of each page before its measured ones (0 by default: --warm-up sets it) */
    private record Plan(int accounts, int warmUp, int sequential, int pages, int concurrentJourneys,
                        int[] rampLevels, double rampSeconds, double halfRateSeconds, int pageWarmUp) {
    }

    private static final Plan FULL = new Plan(32, 600, 2000, 1000, 100, new int[] {1, 2, 4, 8, 16, 32}, 10, 30, 0);
    private static final Plan SMOKE = new Plan(16, 20, 30, 30, 2, new int[] {1, 4, 16}, 2, 3, 0);

    private final List<String> instances;
    private final ServerCpu cpu;
    private final DatabaseWork db;
    private final Plan plan;
    private final boolean signInOnly;
    private final List<String> report = new ArrayList<>();

    private LoadRun(List<String> instances, List<Long> pids, DatabaseWork db, Plan plan, boolean signInOnly) {
        this.instances = List.copyOf(instances);
        this.cpu = new ServerCpu(pids);
        this.db = db;
        this.plan = plan;
        this.signInOnly = signInOnly;
    }

    public static void main(String[] args) throws Exception {
        // Two instances behind a stand-in load balancer: every request names the public Host (BrowserProfile).
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        List<String> instances = List.of("http://localhost:9437");
        List<Long> pids = List.of();
        Path out = null;
        Plan plan = FULL;
        boolean signInOnly = false;
        String pgUrl = null;
        String pgUser = "postgres";
        Integer warmUp = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> instances = List.of(args[++i].split(","));
                case "--pid" -> pids = Arrays.stream(args[++i].split(",")).map(Long::parseLong).toList();
                case "--out" -> out = Path.of(args[++i]);
                case "--smoke" -> plan = SMOKE;
                case "--signin-only" -> signInOnly = true;
                case "--pg-url" -> pgUrl = args[++i];
                case "--pg-user" -> pgUser = args[++i];
                case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (warmUp != null) {
            if (warmUp < 0) {
                throw new IllegalArgumentException("--warm-up takes a count of sign-ins, 0 or more");
            }
            plan = new Plan(plan.accounts(), warmUp, plan.sequential(), plan.pages(), plan.concurrentJourneys(),
                    plan.rampLevels(), plan.rampSeconds(), plan.halfRateSeconds(), warmUp);
        }
        LoadRun run = new LoadRun(instances, pids, new DatabaseWork(pgUrl, pgUser), plan, signInOnly);
        boolean clean = run.run();
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, run.report);
        }
        System.exit(clean ? 0 : 1);
    }

    private void say(String line) {
        System.out.println(line);
        report.add(line);
    }

    private void say(String format, Object... args) {
        say(String.format(Locale.ROOT, format, args));
    }

    private boolean run() throws Exception {
        say("# Latchkey load run against %s (%s), %s", String.join(" and ", instances), (plan == SMOKE ? "smoke" : "full") + (signInOnly ? ", sign-ins and pages only" : ""), java.time.Instant.now());
        say("load average before: %s", loadAverage());
        if (cpu.available()) {
            say("server memory before: %s", cpu.memory());
        }

        List<VirtualUser> users = signUp();
        if (cpu.available()) {
            // What the server spends doing nothing (timers, delivery and purge jobs): part of every figure below.
            ServerCpu.Sample idle = cpu.sample();
            Thread.sleep(5_000);
            idle = cpu.sample().minus(idle);
            say("server CPU while idle: %.1f%% of one core (over %.1f s)", 100 * idle.total() / idle.wallSeconds(),
                    idle.wallSeconds());
        }
        if (db.available()) {
            long start = System.nanoTime();
            DatabaseWork.Sample idle = db.sample();
            Thread.sleep(5_000);
            idle = db.sample().minus(idle);
            double seconds = (System.nanoTime() - start) / 1e9;
            say("database while idle (background jobs): %.2f transactions/s, %.1f rows fetched/s",
                    (idle.commits() - 1) / seconds, idle.rowsFetched() / seconds);
        }
        boolean clean = true;

        // 1. Warm-up, then the measured sequential sign-ins.
        VirtualUser.Timings warm = VirtualUser.Timings.named("warm-up");
        for (int i = 0; i < plan.warmUp(); i++) {
            users.get(i % users.size()).signIn(warm);
        }
        say("");
        say("## Sequential passkey sign-ins (options + finish), after %d warm-up sign-ins", plan.warmUp());
        VirtualUser.Timings seq = VirtualUser.Timings.named("seq");
        DatabaseWork.Sample dbBefore = dbSample();
        ServerCpu.Sample before = cpu.sample();
        for (int i = 0; i < plan.sequential(); i++) {
            users.get(i % users.size()).signIn(seq);
        }
        ServerCpu.Sample used = cpu.sample().minus(before);
        cpuLine("per sign-in", used, seq.finish().count());
        dbLine("per sign-in (options + finish)", dbBefore, seq.finish().count());
        say(seq.options().line());
        say(seq.finish().line());
        clean &= seq.options().errors() == 0 && seq.finish().errors() == 0;

        // 2. The pages, sequentially.
        say("");
        say(plan.pageWarmUp() == 0 ? "## Sequential pages"
                : String.format(Locale.ROOT, "## Sequential pages, each after %d warm-up requests of it", plan.pageWarmUp()));
        VirtualUser.Timings pages = VirtualUser.Timings.named("seq");
        VirtualUser.Timings pageWarm = VirtualUser.Timings.named("warm-up");
        VirtualUser anonymous = users.get(0);
        for (int i = 0; i < plan.pageWarmUp(); i++) {
            anonymous.signInPage(pageWarm);
        }
        dbBefore = dbSample();
        before = cpu.sample();
        for (int i = 0; i < plan.pages(); i++) {
            anonymous.signInPage(pages);
        }
        used = cpu.sample().minus(before);
        cpuLine("per GET /signin", used, pages.signInPage().count());
        dbLine("per GET /signin", dbBefore, pages.signInPage().count());
        say(pages.signInPage().line());
        VirtualUser signedIn = users.get(1);
        signedIn.signIn(VirtualUser.Timings.named("setup"));
        for (int i = 0; i < plan.pageWarmUp(); i++) {
            signedIn.accountPage(pageWarm);
        }
        dbBefore = dbSample();
        before = cpu.sample();
        for (int i = 0; i < plan.pages(); i++) {
            signedIn.accountPage(pages);
        }
        used = cpu.sample().minus(before);
        cpuLine("per GET /account", used, pages.accountPage().count());
        dbLine("per GET /account", dbBefore, pages.accountPage().count());
        say(pages.accountPage().line());
        clean &= pages.signInPage().errors() == 0 && pages.accountPage().errors() == 0;
        if (signInOnly) {
            return finish(clean);
        }

        // 3. Concurrency 16, closed loop: journeys (sign-in page, sign-in, account page).
        say("");
        say("## Concurrency 16 (closed loop, %d journeys per user: GET /signin, options, finish, GET /account)",
                plan.concurrentJourneys());
        VirtualUser.Timings c16 = VirtualUser.Timings.named("c16");
        before = cpu.sample();
        int journeys = closedLoop(users.subList(0, 16), c16, plan.concurrentJourneys(), Double.NaN);
        used = cpu.sample().minus(before);
        say("journeys: %d in %.1f s = %.1f journeys/s (%.1f per core)", journeys, used.wallSeconds(),
                journeys / used.wallSeconds(), journeys / used.wallSeconds() / Runtime.getRuntime().availableProcessors());
        cpuLine("per journey", used, journeys);
        for (Latencies l : c16.all()) {
            say(l.line());
            clean &= l.errors() == 0;
        }

        // 4. Ramp to saturation.
        say("");
        say("## Ramp (closed loop, %.0f s per level)", plan.rampSeconds());
        double saturating = 0;
        double previous = 0;
        for (int level : plan.rampLevels()) {
            if (level > users.size()) {
                break;
            }
            VirtualUser.Timings r = VirtualUser.Timings.named("c" + level);
            long start = System.nanoTime();
            int done = closedLoop(users.subList(0, level), r, Integer.MAX_VALUE, plan.rampSeconds());
            double rate = done / ((System.nanoTime() - start) / 1e9);
            say("concurrency %2d: %6.1f journeys/s, finish p50 %.2f p99 %.2f ms, errors %d; load average %s", level, rate,
                    r.finish().percentileMs(0.5), r.finish().percentileMs(0.99), r.finish().errors() + r.options().errors(),
                    loadAverage3());
            saturating = Math.max(saturating, rate);
            if (previous > 0 && rate < previous * 1.05) {
                break; // no longer rising: saturated
            }
            previous = rate;
        }
        say("saturating rate: %.1f journeys/s (%.1f per core; client and server share the cores)", saturating,
                saturating / Runtime.getRuntime().availableProcessors());

        // 5. Half the saturating rate, open loop.
        double rate = saturating / 2;
        say("");
        say("## Half the saturating rate: %.1f journeys/s for %.0f s, open loop", rate, plan.halfRateSeconds());
        VirtualUser.Timings half = VirtualUser.Timings.named("half");
        Latencies scheduled = new Latencies("half journey (from its scheduled start)");
        before = cpu.sample();
        int started = openLoop(users, half, scheduled, rate, plan.halfRateSeconds());
        used = cpu.sample().minus(before);
        say("journeys started: %d", started);
        cpuLine("per journey", used, scheduled.count());
        for (Latencies l : half.all()) {
            say(l.line());
            clean &= l.errors() == 0;
        }
        say(scheduled.line());
        return finish(clean);
    }

    private boolean finish(boolean clean) {
        say("");
        say("load average after: %s", loadAverage());
        if (cpu.available()) {
            say("server memory after: %s", cpu.memory());
        }
        say(clean ? "result: clean (no unexpected status)" : "result: ERRORS (see above)");
        return clean;
    }

    private List<VirtualUser> signUp() {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<VirtualUser> users = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < plan.accounts(); i++) {
            VirtualUser user = new VirtualUser(instances, "bench-" + run + "-" + i + "@example.com");
            user.signUp();
            users.add(user);
        }
        say("signed up %d accounts in %.1f s", users.size(), (System.nanoTime() - start) / 1e9);
        return users;
    }

    private DatabaseWork.Sample dbSample() {
        return db.available() ? db.sample() : null;
    }

    private void dbLine(String what, DatabaseWork.Sample before, int count) {
        if (before != null && count > 0) {
            say("database %s: %s", what, db.sample().minus(before).per(count));
        }
    }

    private void cpuLine(String what, ServerCpu.Sample used, int count) {
        if (Double.isNaN(used.total()) || count == 0) {
            say("server CPU %s: not measured (no server pid)", what);
            return;
        }
        double other = used.total() - used.jit() - used.gc();
        say("server CPU %s: %.3f ms total = %.3f ms application threads + %.3f ms JIT compiler + %.3f ms GC/VM"
                        + " (%.2f CPU s over %.1f s wall, %d done, %.0f%% of one core; load average %s)",
                what, used.total() * 1000 / count, other * 1000 / count, used.jit() * 1000 / count,
                used.gc() * 1000 / count, used.total(), used.wallSeconds(), count,
                100 * used.total() / used.wallSeconds(), loadAverage3());
    }

    /** Each user runs journeys back to back, until it did {@code each} or {@code seconds} passed. */
    private static int closedLoop(List<VirtualUser> users, VirtualUser.Timings t, int each, double seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        long end = Double.isNaN(seconds) ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (VirtualUser user : users) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < each && System.nanoTime() < end; i++) {
                    if (user.journey(t)) {
                        done.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return done.get();
    }

    /**
     * Journeys start at {@code rate} per second whatever the server does; each takes a free user. The
     * journey's time counts from its scheduled start, so a server that falls behind shows it
     * (no coordinated omission).
     */
    private static int openLoop(List<VirtualUser> users, VirtualUser.Timings t, Latencies scheduled, double rate,
                                double seconds) throws Exception {
        BlockingQueue<VirtualUser> free = new ArrayBlockingQueue<>(users.size(), false, users);
        ExecutorService pool = Executors.newCachedThreadPool();
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        AtomicBoolean failed = new AtomicBoolean();
        int started = 0;
        for (long due = start; due < end && !failed.get(); due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long scheduledStart = due;
            started++;
            pool.submit(() -> {
                try {
                    VirtualUser user = free.take();
                    try {
                        if (user.journey(t)) {
                            scheduled.add(System.nanoTime() - scheduledStart);
                        } else {
                            scheduled.error();
                        }
                    } finally {
                        free.add(user);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    scheduled.error();
                    failed.set(true);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        return started;
    }

    /** The 1, 5 and 15 minute load averages. */
    private static String loadAverage3() {
        String[] f = loadAverage().split(" ");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
