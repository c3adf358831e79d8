package it.dev.latchkey;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Can response times tell a known address from an unknown one? Not a test (a timed test fails on a
 * busy machine and proves nothing on a fast one): a program to run by hand against a running
 * server (README, "Enumeration timing benchmark").
 *
 * <p>It starts an SMTP server (GreenMail) that the server under test must send to, creates accounts
 * with a passkey and a confirmed address (half of them also with a password), then sends, in random
 * order, {@code POST /signin/email} for known and unknown addresses and {@code POST /signin/password}
 * for unknown addresses, known ones without a password and known ones with a wrong password, and
 * prints p50/p90/p99 per group. Every request comes from a fresh client, and gets its own
 * X-Forwarded-For address so that the per-client caps do not end the run: start the server with
 * {@code LATCHKEY_TRUSTED_PROXIES} trusting loopback. Each known address is used at most 4 times per
 * path, below the per-address caps (5 codes an hour, 5 free password failures).
 *
 * <p>Arguments: base URL (default http://localhost:9381), SMTP port (default 3925), samples per
 * group (default 120).
 */
public final class EnumerationTimingBenchmark {

    enum Group { CODE_KNOWN, CODE_UNKNOWN, PASSWORD_UNKNOWN, PASSWORD_KNOWN_NO_PASSWORD, PASSWORD_KNOWN_WRONG }

    private EnumerationTimingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:9381";
        int smtpPort = args.length > 1 ? Integer.parseInt(args[1]) : 3925;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            run(base, smtp, samples);
        } finally {
            smtp.stop();
        }
    }

    private static void run(String base, GreenMail smtp, int samples) throws Exception {
        int accounts = (samples + 3) / 4;
        List<String> withPassword = new ArrayList<>();
        List<String> withoutPassword = new ArrayList<>();
        long setUp = System.nanoTime();
        for (int i = 0; i < 2 * accounts; i++) {
            String email = Journeys.uniqueEmail("bench-known");
            Browser browser = new Browser(base);
            Journeys.signUp(browser, new Authenticator(base), email);
            String code = Mailbox.code(await(smtp, email, "Confirm your email address"));
            check(browser.postForm("/account/confirm-email", "code=" + code), 302);
            if (i % 2 == 0) {
                check(browser.postForm("/account/password", "newPassword=" + URLEncoder.encode(
                        "a benchmark password " + i, StandardCharsets.UTF_8)), 302);
                withPassword.add(email);
            } else {
                withoutPassword.add(email);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d accounts set up in %.1f s; %d samples per group%n", base,
                2 * accounts, (System.nanoTime() - setUp) / 1e9, samples);

        List<Runnable> plan = new ArrayList<>();
        Map<Group, List<Long>> times = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            times.put(g, Collections.synchronizedList(new ArrayList<>()));
        }
        Random random = new Random(42);
        List<String> known = new ArrayList<>(withPassword);
        known.addAll(withoutPassword);
        for (int i = 0; i < samples; i++) {
            String knownAddress = known.get(i % known.size());
            String noPassword = withoutPassword.get(i % withoutPassword.size());
            String password = withPassword.get(i % withPassword.size());
            plan.add(() -> times.get(Group.CODE_KNOWN).add(timed(base, "/signin/email", "email=" + enc(knownAddress))));
            plan.add(() -> times.get(Group.CODE_UNKNOWN).add(timed(base, "/signin/email",
                    "email=" + enc(Journeys.uniqueEmail("bench-unknown")))));
            plan.add(() -> times.get(Group.PASSWORD_UNKNOWN).add(timed(base, "/signin/password",
                    "email=" + enc(Journeys.uniqueEmail("bench-unknown")) + "&password=not-the-password-1")));
            plan.add(() -> times.get(Group.PASSWORD_KNOWN_NO_PASSWORD).add(timed(base, "/signin/password",
                    "email=" + enc(noPassword) + "&password=not-the-password-1")));
            plan.add(() -> times.get(Group.PASSWORD_KNOWN_WRONG).add(timed(base, "/signin/password",
                    "email=" + enc(password) + "&password=not-the-password-1")));
        }
        // Warm-up on unknown addresses (not counted), then everything in one shuffled sequence so
        // that drift on a shared machine hits every group alike.
        for (int i = 0; i < 40; i++) {
            timed(base, i % 2 == 0 ? "/signin/email" : "/signin/password",
                    "email=" + enc(Journeys.uniqueEmail("bench-warm")) + "&password=not-the-password-1");
        }
        Collections.shuffle(plan, random);
        plan.forEach(Runnable::run);

        System.out.println("group                          n     p50 ms   p90 ms   p99 ms   mean ms");
        for (Group g : Group.values()) {
            List<Long> sorted = new ArrayList<>(times.get(g));
            Collections.sort(sorted);
            double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            System.out.printf(Locale.ROOT, "%-28s %4d %8.2f %8.2f %8.2f %9.2f%n", g, sorted.size(),
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), mean);
        }
    }

    private static int client = 0;

    /** One request from a fresh client (own cookies, own forwarded address); returns nanoseconds. */
    private static long timed(String base, String path, String form) {
        client++;
        Browser browser = new Browser(base).withHeader("X-Forwarded-For",
                "10." + (client >> 16 & 255) + "." + (client >> 8 & 255) + "." + (client & 255));
        browser.get("/signin");
        long start = System.nanoTime();
        HttpResponse<String> response = browser.postForm(path, form);
        long elapsed = System.nanoTime() - start;
        int expected = path.equals("/signin/email") ? 302 : 422;
        check(response, expected);
        return elapsed;
    }

    private static void check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(400, response.body().length())));
        }
    }

    private static MimeMessage await(GreenMail smtp, String recipient, String subject) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (recipient.equals(Mailbox.recipient(m)) && Mailbox.subject(m).contains(subject)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no mail '" + subject + "' for " + recipient);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
