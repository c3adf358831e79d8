package dev.latchkey.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The insights dashboard's latency over HTTP against a running server whose database holds a
 * (generated) population: an operator signs up with a software passkey, its address is confirmed
 * in the database (the address must be in the server's {@code LATCHKEY_OPERATORS}), and then loads
 * {@code /operator/insights} N times, one request at a time, each with another date range or cohort
 * filter, signing in again with the passkey before each step-up expires. Prints p50/p95/p99, overall
 * and per kind of request.
 *
 * <pre>
 *   java -cp ... dev.latchkey.benchmarks.InsightsRun --base http://localhost:9437 --url jdbc:... [--user u]
 *        [--requests 400] [--warmup 20] [--operator bench-operator@latchkey.demo] [--out file]
 * </pre>
 */
public final class InsightsRun {

    static final String SIGN_IN_FINISH = "/api/signin/finish?next=%2Foperator%2Finsights";
    /** Sign in again well within the step-up window (5 minutes). */
    static final long FRESH_NANOS = 180_000_000_000L;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = a.getOrDefault("base", "http://localhost:9437");
        String url = a.get("url");
        String user = a.getOrDefault("user", "");
        String password = a.getOrDefault("password", "");
        int requests = Integer.parseInt(a.getOrDefault("requests", "400"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
        String operator = a.getOrDefault("operator", "bench-operator@latchkey.demo");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        StringBuilder report = new StringBuilder();
        report.append("## Insights dashboard (GET /operator/insights, one request at a time)\n");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            report.append(String.format(Locale.ROOT, "population: %d accounts, %d sign-in events, %d nudge steps;"
                            + " rollup rows read by the dashboard: %d daily, %d cohort-daily (sign-ins), %d + %d (nudges)%n",
                    count(c, "select count(*) from idn_account"), count(c, "select count(*) from idn_sign_in_event"),
                    count(c, "select count(*) from ndg_event"), count(c, "select count(*) from ins_sign_in_daily"),
                    count(c, "select count(*) from ins_sign_in_cohort_daily"), count(c, "select count(*) from ins_nudge_daily"),
                    count(c, "select count(*) from ins_nudge_cohort_daily")));
        }

        BrowserProfile browser = new BrowserProfile(base, List.of(base));
        SoftwarePasskey passkey = new SoftwarePasskey(base);
        String body = SoftwarePasskey.JSON.createObjectNode().put("email", operator).put("displayName", "Bench Operator").toString();
        HttpResponse<String> options = expect(browser.postJson("/api/signup/options", body), 200, "sign-up options");
        expect(browser.postJson("/api/signup/finish", SoftwarePasskey.finishBody(passkey.create(options.body()))), 200,
                "sign-up finish");
        // The benchmark's stand-in for entering the confirmation code: staff roles need a confirmed address.
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            int confirmed = c.createStatement().executeUpdate("update idn_account set email = pending_email,"
                    + " pending_email = null, email_confirmed_at = current_timestamp where pending_email = '"
                    + operator.toLowerCase(Locale.ROOT) + "'");
            if (confirmed != 1) {
                throw new IllegalStateException("no unconfirmed account for " + operator + " (run against a fresh population)");
            }
        }
        long signedInAt = System.nanoTime();
        expect(browser.get("/operator/insights"), 200, "first dashboard (is " + operator + " in LATCHKEY_OPERATORS?)");

        List<String[]> ranges = List.of(
                new String[] {"last 30 days (default)", ""},
                new String[] {"last 7 days", "from=" + today.minusDays(6) + "&to=" + today},
                new String[] {"last 90 days", "from=" + today.minusDays(89) + "&to=" + today},
                new String[] {"last 366 days", "from=" + today.minusDays(365) + "&to=" + today},
                new String[] {"a past quarter", "from=" + today.minusDays(200) + "&to=" + today.minusDays(110)});
        List<String[]> filters = List.of(
                new String[] {"no filter", ""},
                new String[] {"domain gmail.com", "domain=gmail.com"},
                new String[] {"domain northbank.example", "domain=northbank.example"},
                new String[] {"invited", "signup=invitation"},
                new String[] {"shared devices", "device=shared"},
                new String[] {"domain+self+personal", "domain=outlook.com&signup=self&device=personal"});
        Latencies all = new Latencies("all");
        Map<String, Latencies> byRange = new LinkedHashMap<>();
        Map<String, Latencies> byFilter = new LinkedHashMap<>();
        Latencies filtered = new Latencies("any filter");
        SplittableRandom rnd = new SplittableRandom(1);
        int signIns = 0;
        for (int i = 0; i < warmup + requests; i++) {
            if (System.nanoTime() - signedInAt > FRESH_NANOS) {
                browser.dropSession();
                HttpResponse<String> o = expect(browser.postJson("/api/signin/options", "{\"mediation\":\"modal\"}"), 200,
                        "sign-in options");
                expect(browser.postJson(SIGN_IN_FINISH, SoftwarePasskey.finishBody(passkey.get(o.body()))), 200,
                        "sign-in finish");
                signedInAt = System.nanoTime();
                signIns++;
            }
            String[] range = ranges.get(rnd.nextInt(ranges.size()));
            String[] filter = filters.get(rnd.nextInt(filters.size()));
            String query = String.join("&", List.of(range[1], filter[1]).stream().filter(s -> !s.isEmpty()).toList());
            long start = System.nanoTime();
            HttpResponse<String> page = browser.get("/operator/insights" + (query.isEmpty() ? "" : "?" + query));
            long elapsed = System.nanoTime() - start;
            if (page.statusCode() != 200 || !page.body().contains("Sign-ins by method")) {
                throw new IllegalStateException("dashboard " + query + ": HTTP " + page.statusCode());
            }
            if (!filter[1].isEmpty() && !page.body().contains("coverage is for all accounts")) {
                throw new IllegalStateException("dashboard " + query + " did not apply its filter");
            }
            if (i < warmup) {
                continue;
            }
            all.add(elapsed);
            byRange.computeIfAbsent(range[0], Latencies::new).add(elapsed);
            byFilter.computeIfAbsent(filter[0], Latencies::new).add(elapsed);
            if (!filter[1].isEmpty()) {
                filtered.add(elapsed);
            }
        }
        report.append(String.format(Locale.ROOT, "%d requests after %d warm-up ones, each a random date range and cohort"
                + " filter (fixed seed); %d passkey sign-ins to keep the step-up fresh (not timed)%n", requests, warmup, signIns));
        report.append(line(all)).append(line(filtered));
        report.append("by date range:\n");
        byRange.values().forEach(l -> report.append("  ").append(line(l)));
        report.append("by cohort filter:\n");
        byFilter.values().forEach(l -> report.append("  ").append(line(l)));
        report.append(String.format(Locale.ROOT, "dashboard p95: %.1f ms (target <= 200 ms)%n", all.percentileMs(0.95)));
        PrintStream out = System.out;
        out.print(report);
        if (a.containsKey("out")) {
            Files.writeString(Path.of(a.get("out")), report.toString(), StandardCharsets.UTF_8);
        }
    }

    static String line(Latencies l) {
        return String.format(Locale.ROOT, "%-26s n=%-5d p50=%7.1f p95=%7.1f p99=%7.1f max=%7.1f ms%n", l.name,
                l.count(), l.percentileMs(0.50), l.percentileMs(0.95), l.percentileMs(0.99), l.percentileMs(1.0));
    }

    static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) throws IOException {
        if (r.statusCode() != status) {
            String b = r.body();
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + (b.length() > 300 ? b.substring(0, 300) : b)
                    + r.headers().firstValue("Location").map(l -> " -> " + l).orElse(""));
        }
        return r;
    }
}
