package dev.latchkey.benchmarks;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.flywaydb.core.Flyway;

/**
 * A demo population, written straight into an empty Latchkey database (H2 or PostgreSQL) in the
 * shapes the modules' migrations define: accounts (self-signed-up and invited, confirmed and not),
 * their devices (phones, desktops, tablets; and shared branch computers that many accounts use),
 * passkeys with real provider AAGUIDs from the shipped list (synced and device-bound, security
 * keys), passwords, the sign-in log by method (passkeys here, from a phone, security keys, the
 * email-code and password fallbacks, failures), nudge decisions and their funnel steps with copy
 * variants, and the insights rollups of all that, counted as the rollup observers count each
 * event. Deterministic for a seed (and a day: events are dated back from {@code --today}).
 *
 * <pre>
 *   java -cp ... dev.latchkey.benchmarks.DemoPopulation --url jdbc:postgresql://127.0.0.1:5432/db --user postgres \
 *        --accounts 1000000 --events 20000000 [--days 365] [--seed 42] [--operator demo-operator@latchkey.demo]
 * </pre>
 *
 * It migrates the database first with the modules' own Flyway migrations and history tables, as
 * the server does at start, and refuses a database that already has accounts. PostgreSQL gets COPY,
 * H2 batched inserts. The operator account has a confirmed address and no passkey: it signs in by
 * email code (list it in {@code LATCHKEY_OPERATORS}).
 *
 * <p>What it leaves out: coverage snapshots (the server takes them; on a large population see
 * {@code LATCHKEY_INSIGHTS_SNAPSHOTS}), recovery codes, sessions, mail. Generated passkeys have valid
 * public keys but no private key anywhere: nobody can sign in with them. Password hashes are real
 * Argon2id strings of random passwords, a few reused (a real server salts each anew).
 */
public final class DemoPopulation {

    static final String[] MODULES = {"identity", "credentials", "nudges", "education", "federation", "insights"};
    static final String[] HISTORY = {"idn_schema_history", "cred_schema_history", "ndg_schema_history",
        "edu_schema_history", "fed_schema_history", "ins_schema_history"};

    /** Email domains and their weights: webmail, then a bank's staff and business customers. */
    static final String[] DOMAINS;
    static final double[] DOMAIN_WEIGHTS;
    static final int BANK = 6;

    static {
        List<String> d = new ArrayList<>(List.of("gmail.com", "outlook.com", "icloud.com", "yahoo.com", "hotmail.com",
                "proton.me", "northbank.example", "gmx.de", "web.de"));
        List<Double> w = new ArrayList<>(List.of(30.0, 14.0, 10.0, 6.0, 5.0, 2.0, 4.0, 3.0, 3.0));
        String[] firms = {"acme", "globex", "initech", "umbrella", "hooli", "vandelay", "stark", "wayne", "wonka",
            "tyrell", "cyberdyne", "soylent", "massive", "oscorp", "gringotts", "monarch", "aperture", "blackmesa",
            "duff", "kramerica", "pied-piper", "dunder", "prestige", "sirius", "zorg", "nakatomi", "bluth", "osborn",
            "krusty", "mombasa"};
        for (int i = 0; i < firms.length; i++) {
            d.add(firms[i] + ".example");
            w.add(23.0 / firms.length * (i < 5 ? 2.5 : 0.6));
        }
        DOMAINS = d.toArray(String[]::new);
        DOMAIN_WEIGHTS = w.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A kind of device: what identity's device record says of it. */
    record Kind(String browser, String platform, String deviceClass, String userAgent, boolean platformAuthenticator,
                boolean conditionalCreate, boolean hybrid, double weight) {
        String label() {
            return browser + " on " + platform;
        }
    }

    static final Kind[] KINDS = {
        new Kind("Safari", "iPhone", "Phone", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1", true, true, false, 25),
        new Kind("Chrome", "Android", "Phone", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36", true, true, false, 22),
        new Kind("Chrome", "Windows", "Desktop", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36", true, true, true, 18),
        new Kind("Edge", "Windows", "Desktop", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0", true, true, true, 8),
        new Kind("Safari", "Mac", "Desktop", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15", true, true, true, 10),
        new Kind("Chrome", "Mac", "Desktop", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36", true, true, true, 5),
        new Kind("Safari", "iPad", "Tablet", "Mozilla/5.0 (iPad; CPU OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1", true, true, false, 4),
        new Kind("Firefox", "Linux", "Desktop", "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", false, false, true, 3),
        new Kind("Samsung Internet", "Android", "Phone", "Mozilla/5.0 (Linux; Android 14; SM-S928B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36", true, true, false, 5),
    };
    static final double[] KIND_WEIGHTS = Arrays.stream(KINDS).mapToDouble(Kind::weight).toArray();
    /** Shared branch computers are kind 3 (Edge on Windows). */
    static final int BRANCH_KIND = 3;
    static final int BRANCH_COMPUTERS = 40;

    /** A passkey provider from the shipped AAGUID list, and whether its passkeys sync. */
    record Provider(String aaguid, boolean synced) {
    }

    static final Provider APPLE = new Provider("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", true);
    static final Provider GOOGLE = new Provider("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", true);
    static final Provider WINDOWS_HELLO = new Provider("08987058-cadc-4b81-b6e1-30de50dcbe96", false);
    static final Provider MICROSOFT = new Provider("d3452668-01fd-4c12-926c-83a4204853aa", true);
    static final Provider CHROME_MAC = new Provider("adce0002-35bc-c60a-648b-0b25f1f05503", false);
    static final Provider SAMSUNG = new Provider("53414d53-554e-4700-0000-000000000000", true);
    static final Provider[] MANAGERS = {
        new Provider("bada5566-a7aa-401f-bd96-45619a55120d", true), // 1Password
        new Provider("d548826e-79b4-db40-a3d8-11116f7e8349", true), // Bitwarden
        new Provider("531126d6-e717-415c-9320-3d9aa6981239", true), // Dashlane
        new Provider("50726f74-6f6e-5061-7373-50726f746f6e", true), // Proton Pass
        new Provider("0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6", true), // Keeper
    };
    /** A security key: attestation "none" reports the zero AAGUID, so it shows as an unknown provider. */
    static final Provider SECURITY_KEY = new Provider("00000000-0000-0000-0000-000000000000", false);

    static final String[] METHODS = {"PASSKEY_THIS_DEVICE", "PASSKEY_OTHER_DEVICE", "SECURITY_KEY", "PASSKEY",
        "EMAIL_CODE", "PASSWORD", "RECOVERY_CODE"};
    static final int THIS_DEVICE = 0;
    static final int OTHER_DEVICE = 1;
    static final int KEY = 2;
    static final int PASSKEY = 3;
    static final int EMAIL_CODE = 4;
    static final int PASSWORD = 5;
    static final int RECOVERY = 6;

    public record Options(String url, String user, String password, int accounts, long events, int days, long seed,
                          String operator, LocalDate today) {
    }

    /** What was written. */
    public record Summary(int accounts, int devices, int passkeys, long signIns, long nudgeSteps, long rollupRows,
                          double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d accounts, %d devices, %d passkeys, %d sign-in events, %d nudge steps,"
                    + " %d rollup rows in %.1f s", accounts, devices, passkeys, signIns, nudgeSteps, rollupRows, seconds);
        }
    }

    private final Options o;
    private final boolean postgres;
    private final Connection c;
    private final SplittableRandom rnd;
    private final long start;
    private final long end;

    // Per account.
    private final byte[] domain;
    private final boolean[] confirmed;
    private final boolean[] invited;
    private final boolean[] hasPassword;
    private final boolean[] hasKey;
    private final int[] devStart; // devices of account a: devStart[a] .. devStart[a+1]-1
    private final long[] created; // epoch seconds
    // Per device.
    private byte[] kind;
    private short[] branch; // -1 personal, else the branch computer
    private byte[] provider; // -1 none; index into providers
    private long[] lastSeen;
    private long[] lastPasskeyUse;
    /** Each device's newest successful passkey sign-in (identity's idn_device.last_passkey_*): when, and its method (-1: none). */
    private long[] lastPasskeySignIn;
    private byte[] lastPasskeyMethod;
    private long[] passkeyCreated; // 0: when the account was created; else by a nudge, then
    private long[] lastPrompt; // when a prompt was last shown on the device
    private long[] firstPasskeyUse; // the first sign-in with the device's own passkey (0: none)
    private int nudgedPasskeys;
    private final List<Provider> providers = new ArrayList<>();
    private final Map<Provider, Integer> providerIndex = new HashMap<>();

    // Rollups, counted as the observers count.
    private final Map<List<Object>, long[]> signInDaily = new HashMap<>();
    private final Map<List<Object>, long[]> signInCohort = new HashMap<>();
    private final Map<List<Object>, long[]> nudgeDaily = new HashMap<>();
    private final Map<List<Object>, long[]> nudgeCohort = new HashMap<>();
    private final Map<List<Object>, long[]> signInMode = new HashMap<>();
    private final Map<List<Object>, long[]> nudgeMode = new HashMap<>();
    private final Map<List<Object>, long[]> handoffDaily = new HashMap<>();
    private final Map<List<Object>, long[]> articleDaily = new HashMap<>();
    private long handoffSteps;
    private long articleAnswers;

    private DemoPopulation(Options o, Connection c) {
        this.o = o;
        this.c = c;
        this.postgres = o.url().startsWith("jdbc:postgresql:");
        this.rnd = new SplittableRandom(o.seed());
        this.end = o.today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        this.start = o.today().minusDays(o.days() - 1L).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        int n = o.accounts();
        domain = new byte[n];
        confirmed = new boolean[n];
        invited = new boolean[n];
        hasPassword = new boolean[n];
        hasKey = new boolean[n];
        devStart = new int[n + 1];
        created = new long[n];
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--count-accounts")) {
            // For run.sh: how many accounts the database holds (0 when it has no tables yet).
            Map<String, String> a = new HashMap<>();
            for (int i = 1; i + 1 < args.length; i += 2) {
                a.put(args[i].substring(2), args[i + 1]);
            }
            try (Connection c = DriverManager.getConnection(a.get("url"), a.getOrDefault("user", ""), a.getOrDefault("password", ""));
                 var rs = c.createStatement().executeQuery("select count(*) from idn_account")) {
                rs.next();
                System.out.println(rs.getLong(1));
            } catch (SQLException e) {
                System.out.println(0);
            }
            return;
        }
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: --url jdbc:... [--user u] [--password p] [--accounts n]"
                        + " [--events n] [--days n] [--seed n] [--operator address] [--today yyyy-mm-dd]");
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        Options o = new Options(a.getOrDefault("url", "jdbc:h2:file:" + System.getProperty("user.home")
                + "/.latchkey/demo/latchkey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
                // The server's H2 user (liberty/db-h2.xml): the first user to open an H2 file is its only one.
                a.getOrDefault("user", a.getOrDefault("url", "jdbc:h2:").startsWith("jdbc:h2:") ? "sa" : ""),
                a.getOrDefault("password", ""),
                Integer.parseInt(a.getOrDefault("accounts", "2000")), Long.parseLong(a.getOrDefault("events", "40000")),
                Integer.parseInt(a.getOrDefault("days", "365")), Long.parseLong(a.getOrDefault("seed", "42")),
                a.getOrDefault("operator", "demo-operator@latchkey.demo"),
                LocalDate.parse(a.getOrDefault("today", LocalDate.now(ZoneOffset.UTC).toString())));
        Summary s = generate(o);
        System.out.println("Generated " + s);
        System.out.println("Operator address (confirmed, no passkey; sign in by email code): " + o.operator());
    }

    /** Migrates the (empty) database, then writes the population and its rollups in one transaction. */
    public static Summary generate(Options o) throws SQLException, IOException, GeneralSecurityException {
        long t0 = System.nanoTime();
        migrate(o);
        try (Connection c = DriverManager.getConnection(o.url(), o.user(), o.password())) {
            c.setAutoCommit(false);
            try (var rs = c.createStatement().executeQuery("select count(*) from idn_account")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("The database already has accounts: generate into an empty one.");
                }
            }
            DemoPopulation p = new DemoPopulation(o, c);
            Summary s = p.run(t0);
            c.commit();
            if (p.postgres) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("analyze");
                    // The rollups vacuumed too, as autovacuum would in time: their index-only scans (insights
                    // V5) read the table for every page the visibility map does not mark all-visible yet.
                    st.execute("vacuum " + String.join(", ", ROLLUP_TABLES));
                }
            }
            return new Summary(s.accounts(), s.devices(), s.passkeys(), s.signIns(), s.nudgeSteps(), s.rollupRows(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** The insights rollups the dashboard reads. */
    static final java.util.List<String> ROLLUP_TABLES = java.util.List.of("ins_sign_in_daily", "ins_sign_in_cohort_daily",
            "ins_sign_in_mode_daily", "ins_nudge_daily", "ins_nudge_cohort_daily", "ins_nudge_mode_daily", "ins_handoff_daily",
            "ins_handoff_mode_daily", "ins_article_feedback_daily", "ins_second_device_daily");

    /** The modules' own migrations and history tables, as {@code ModuleSchema} runs them at start. */
    static void migrate(Options o) {
        for (int i = 0; i < MODULES.length; i++) {
            Flyway.configure(DemoPopulation.class.getClassLoader())
                    .dataSource(o.url(), o.user(), o.password())
                    .locations("classpath:META-INF/latchkey/db/" + MODULES[i])
                    .table(HISTORY[i])
                    .failOnMissingLocations(true)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
    }

    private Summary run(long t0) throws SQLException, IOException, GeneralSecurityException {
        int n = o.accounts();
        log("accounts and devices");
        List<Byte> kinds = new ArrayList<>();
        List<Short> branches = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            domain[a] = (byte) pick(DOMAIN_WEIGHTS);
            confirmed[a] = rnd.nextDouble() < 0.88;
            invited[a] = domain[a] == BANK ? rnd.nextDouble() < 0.9 : rnd.nextDouble() < 0.06;
            // An account whose address is not confirmed signs in with a password (or a passkey).
            hasPassword[a] = rnd.nextDouble() < 0.3 || !confirmed[a];
            created[a] = start - 86_400L * (1 + rnd.nextInt(700)) + rnd.nextInt(86_400);
            devStart[a] = kinds.size();
            double r = rnd.nextDouble();
            int personal = r < 0.45 ? 1 : r < 0.8 ? 2 : 3;
            for (int d = 0; d < personal; d++) {
                kinds.add((byte) pick(KIND_WEIGHTS));
                branches.add((short) -1);
            }
            // Bank customers and staff use the branches' shared computers more often.
            if (rnd.nextDouble() < (domain[a] == BANK ? 0.6 : 0.08)) {
                kinds.add((byte) BRANCH_KIND);
                branches.add((short) rnd.nextInt(BRANCH_COMPUTERS));
            }
        }
        devStart[n] = kinds.size();
        int devices = kinds.size();
        kind = new byte[devices];
        branch = new short[devices];
        provider = new byte[devices];
        lastSeen = new long[devices];
        lastPasskeyUse = new long[devices];
        lastPasskeySignIn = new long[devices];
        lastPasskeyMethod = new byte[devices];
        Arrays.fill(lastPasskeyMethod, (byte) -1);
        passkeyCreated = new long[devices];
        lastPrompt = new long[devices];
        firstPasskeyUse = new long[devices];
        Arrays.fill(lastPrompt, Long.MIN_VALUE / 2);
        Arrays.fill(provider, (byte) -1);
        for (int d = 0; d < devices; d++) {
            kind[d] = kinds.get(d);
            branch[d] = branches.get(d);
        }
        kinds.clear();
        branches.clear();
        int passkeys = 0;
        for (int a = 0; a < n; a++) {
            boolean adopter = rnd.nextDouble() < 0.62;
            if (!adopter) {
                continue;
            }
            boolean first = true;
            for (int d = devStart[a]; d < devStart[a + 1]; d++) {
                if (branch[d] >= 0 || !KINDS[kind[d]].platformAuthenticator() && rnd.nextDouble() < 0.7) {
                    continue;
                }
                if (first || rnd.nextDouble() < 0.45) {
                    provider[d] = (byte) providerIndex(providerFor(kind[d]));
                    passkeys++;
                    first = false;
                }
            }
            if (rnd.nextDouble() < 0.04) {
                hasKey[a] = true;
                passkeys++;
            }
        }

        log("sign-in events and nudges");
        long[] perDay = perDay();
        Sink events = sink("idn_sign_in_event", "account_id", "device_id", "device_label", "method", "succeeded", "reason",
                "occurred_at");
        Sink decisions = sink("ndg_decision", "id", "account_id", "device_id", "moment", "trigger_method", "verdict",
                "scenario", "prompt", "reason", "variant", "decided_at");
        Sink nudgeEvents = sink("ndg_event", "type", "account_id", "device_id", "decision_id", "scenario", "variant",
                "passkey_id", "occurred_at");
        Sink handoffEvents = sink("ndg_handoff_event", "handoff_id", "account_id", "type", "detail", "occurred_at");
        Sink eduEvents = sink("edu_event", "type", "article_slug", "locale", "helpful", "occurred_at");
        Sink eduFeedback = sink("edu_feedback", "article_slug", "locale", "helpful", "browser_hash", "answered_at");
        long signIns = 0;
        long nudgeSteps = 0;
        for (int day = 0; day < o.days(); day++) {
            long dayStart = start + 86_400L * day;
            LocalDate on = LocalDate.ofEpochDay(dayStart / 86_400);
            int count = (int) perDay[day];
            int[] seconds = new int[count];
            for (int i = 0; i < count; i++) {
                seconds[i] = rnd.nextInt(86_400);
            }
            Arrays.sort(seconds);
            for (int i = 0; i < count; i++) {
                long at = dayStart + seconds[i];
                signIns++;
                if (rnd.nextDouble() < 0.015) {
                    unknownAccountFailure(events, on, at);
                    continue;
                }
                int a = account();
                int d = device(a);
                Kind k = KINDS[kind[d]];
                boolean shared = branch[d] >= 0;
                int method = method(a, d, shared);
                boolean ok = true;
                String reason = "";
                if (rnd.nextDouble() < 0.05) {
                    ok = false;
                    reason = switch (method) {
                        case EMAIL_CODE -> "WRONG_CODE";
                        case PASSWORD -> "WRONG_PASSWORD";
                        case RECOVERY -> "WRONG_RECOVERY_CODE";
                        default -> "VERIFICATION_FAILED";
                    };
                }
                UUID account = uuid(1, a);
                UUID device = uuid(2, d);
                events.row(account, device, k.label(), METHODS[method], ok, ok ? null : reason, at);
                count(on, a, shared, METHODS[method], ok, reason);
                if (!ok) {
                    continue;
                }
                lastSeen[d] = Math.max(lastSeen[d], at);
                if (method <= PASSKEY && (lastPasskeyMethod[d] < 0 || at >= lastPasskeySignIn[d])) {
                    lastPasskeySignIn[d] = at;
                    lastPasskeyMethod[d] = (byte) method;
                }
                if (method == THIS_DEVICE) {
                    lastPasskeyUse[d] = at;
                    if (firstPasskeyUse[d] == 0) {
                        firstPasskeyUse[d] = at;
                    }
                    // Now and then a link handoff to a second device, started from a covered one.
                    if (rnd.nextDouble() < 0.01) {
                        handoff(handoffEvents, a, at);
                    }
                }
                // Now and then someone answers "Was this helpful?" under a help article.
                if (rnd.nextDouble() < 0.006) {
                    articleAnswer(eduEvents, eduFeedback, at);
                }
                // Scenario e: after a password sign-in on a browser that can save a passkey without asking,
                // an account without any passkey gets the automatic upgrade instead of a prompt.
                if (!shared && method == PASSWORD && k.conditionalCreate() && !hasAnyPasskey(a)
                        && at - lastPrompt[d] >= 7 * 86_400L && rnd.nextDouble() < 0.6) {
                    lastPrompt[d] = at;
                    nudgeSteps += upgrade(decisions, nudgeEvents, a, d, at);
                    continue;
                }
                // Nudges: after a hybrid or fallback sign-in on a personal device with no passkey of its own.
                // At most one prompt per device in 7 days (LATCHKEY_NUDGES_DEVICE_PERIOD_DAYS), none after "don't ask again".
                if (!shared && provider[d] < 0 && k.platformAuthenticator() && at - lastPrompt[d] >= 7 * 86_400L
                        && (method == OTHER_DEVICE || method == EMAIL_CODE || method == PASSWORD) && rnd.nextDouble() < 0.5) {
                    lastPrompt[d] = at;
                    nudgeSteps += nudge(decisions, nudgeEvents, a, d, method, at);
                }
            }
        }
        // Links that matched nothing (mistyped, or guessed).
        for (int i = 0; i < o.days() / 3; i++) {
            long at = start + rnd.nextLong(end - start);
            handoffStep(handoffEvents, null, -1, "REFUSED_UNKNOWN", "peek", at);
        }
        events.close();
        decisions.close();
        nudgeEvents.close();
        handoffEvents.close();
        eduEvents.close();
        eduFeedback.close();

        log("accounts, invitations, passwords");
        UUID operatorId = uuid(9, 0);
        Sink accounts = sink("idn_account", "id", "user_handle", "email", "display_name", "created_at", "pending_email",
                "email_confirmed_at");
        accounts.row(operatorId, bytes(32), o.operator(), "Demo Operator", start - 86_400L * 800, null, start - 86_400L * 800);
        Sink invitations = sink("idn_invitation", "id", "token_hash", "email", "invited_by", "created_at", "expires_at",
                "used_at", "used_by");
        Sink passwords = sink("idn_password", "account_id", "password_hash", "set_at", "hashed_at");
        String[] hashes = argon2Hashes(4);
        for (int a = 0; a < n; a++) {
            String address = "user" + a + "@" + DOMAINS[domain[a]];
            UUID id = uuid(1, a);
            accounts.row(id, bytes(32), confirmed[a] ? address : null, "User " + a, created[a],
                    confirmed[a] ? null : address, confirmed[a] ? created[a] + 120 : null);
            if (invited[a]) {
                long issued = created[a] - 3_600L * (1 + rnd.nextInt(100));
                invitations.row(uuid(3, a), bytes(32), address, operatorId, issued, issued + 7 * 86_400L, created[a], id);
            }
            if (hasPassword[a]) {
                passwords.row(id, hashes[a % hashes.length], created[a] + 600, created[a] + 600);
            }
        }
        accounts.close();
        invitations.close();
        passwords.close();

        log("devices and passkeys");
        Sink deviceRows = sink("idn_device", "id", "account_id", "device_key_hash", "label", "browser", "platform",
                "device_class", "user_agent", "platform_authenticator", "conditional_get", "conditional_create",
                "hybrid_transport", "first_seen_at", "last_seen_at", "shared", "last_passkey_method", "last_passkey_at");
        Sink passkeyRows = sink("cred_passkey", "id", "account_id", "credential_id", "public_key", "sign_count", "aaguid",
                "transports", "backup_eligible", "backup_state", "user_verified", "attachment", "attestation_format",
                "created_at", "last_used_at", "created_device_id", "last_used_device_id");
        byte[][] branchKeys = new byte[BRANCH_COMPUTERS][];
        for (int b = 0; b < BRANCH_COMPUTERS; b++) {
            branchKeys[b] = sha256("branch-computer-" + o.seed() + "-" + b);
        }
        byte[] publicKey = coseKey();
        for (int a = 0; a < n; a++) {
            UUID account = uuid(1, a);
            for (int d = devStart[a]; d < devStart[a + 1]; d++) {
                Kind k = KINDS[kind[d]];
                long first = created[a] + 60;
                long last = Math.max(first, lastSeen[d]);
                boolean shared = branch[d] >= 0;
                deviceRows.row(uuid(2, d), account, shared ? branchKeys[branch[d]] : bytes(32), k.label(), k.browser(),
                        k.platform(), k.deviceClass(), k.userAgent(), k.platformAuthenticator(), true, k.conditionalCreate(),
                        k.hybrid(), first, last, shared,
                        lastPasskeyMethod[d] < 0 ? null : METHODS[lastPasskeyMethod[d]],
                        lastPasskeyMethod[d] < 0 ? null : lastPasskeySignIn[d]);
                if (provider[d] >= 0) {
                    Provider p = providers.get(provider[d]);
                    passkeyRows.row(uuid(4, d), account, bytes(32), publicKey, 0L, p.aaguid(), "hybrid,internal",
                            p.synced(), p.synced(), true, "platform", "none",
                            passkeyCreated[d] == 0 ? first + 30 : passkeyCreated[d],
                            lastPasskeyUse[d] == 0 ? null : lastPasskeyUse[d], uuid(2, d),
                            lastPasskeyUse[d] == 0 ? null : uuid(2, d));
                }
            }
            if (hasKey[a]) {
                int d = devStart[a];
                passkeyRows.row(uuid(5, a), account, bytes(32), publicKey, 0L, SECURITY_KEY.aaguid(), "nfc,usb",
                        false, false, true, "cross-platform", "none", created[a] + 3_600, null, uuid(2, d), null);
            }
        }
        deviceRows.close();
        passkeyRows.close();

        log("time to a second covered device");
        secondDevices();

        log("rollups");
        long rollupRows = writeRollups();
        return new Summary(n + 1, devices, passkeys + nudgedPasskeys, signIns, nudgeSteps, rollupRows, (System.nanoTime() - t0) / 1e9);
    }

    // --- the model ----------------------------------------------------------------------------

    /** Events per day: fewer at weekends, all of them in total. */
    private long[] perDay() {
        double[] w = new double[o.days()];
        double sum = 0;
        for (int d = 0; d < w.length; d++) {
            int dow = LocalDate.ofEpochDay((start / 86_400) + d).getDayOfWeek().getValue();
            w[d] = dow >= 6 ? 0.6 : 1.1;
            sum += w[d];
        }
        long[] out = new long[w.length];
        long given = 0;
        for (int d = 0; d < w.length; d++) {
            out[d] = (long) Math.floor(o.events() * w[d] / sum);
            given += out[d];
        }
        out[w.length - 1] += o.events() - given;
        return out;
    }

    /** Some accounts sign in far more often than others. */
    private int account() {
        return (int) Math.min(o.accounts() - 1L, (long) (o.accounts() * Math.pow(rnd.nextDouble(), 1.6)));
    }

    private int device(int a) {
        int from = devStart[a];
        int to = devStart[a + 1];
        if (branch[to - 1] >= 0 && rnd.nextDouble() < 0.35) {
            return to - 1;
        }
        int personal = branch[to - 1] >= 0 ? to - 1 - from : to - from;
        return from + rnd.nextInt(personal);
    }

    private boolean hasSyncedPhonePasskey(int a) {
        for (int d = devStart[a]; d < devStart[a + 1]; d++) {
            if (provider[d] >= 0 && "Phone".equals(KINDS[kind[d]].deviceClass())) {
                return true;
            }
        }
        return false;
    }

    private int method(int a, int d, boolean shared) {
        double r = rnd.nextDouble();
        if (shared) {
            // No autofill at a branch computer: a phone over QR code, a security key, or a fallback.
            if (hasSyncedPhonePasskey(a) && r < 0.7) {
                return OTHER_DEVICE;
            }
            if (hasKey[a] && r < 0.9) {
                return KEY;
            }
            return hasPassword[a] && r < 0.95 || !confirmed[a] ? PASSWORD : EMAIL_CODE;
        }
        if (provider[d] >= 0) {
            return r < 0.9 ? THIS_DEVICE : r < 0.95 ? PASSKEY : confirmed[a] ? EMAIL_CODE : PASSWORD;
        }
        if (hasSyncedPhonePasskey(a) && r < 0.45) {
            return OTHER_DEVICE;
        }
        if (hasKey[a] && r < 0.6) {
            return KEY;
        }
        if (r < 0.005) {
            return RECOVERY;
        }
        if (hasPassword[a] && r < 0.6) {
            return PASSWORD;
        }
        return confirmed[a] ? EMAIL_CODE : PASSWORD;
    }

    private Provider providerFor(int k) {
        if (rnd.nextDouble() < 0.08) {
            return MANAGERS[rnd.nextInt(MANAGERS.length)];
        }
        return switch (KINDS[k].platform() + "/" + KINDS[k].browser()) {
            case "iPhone/Safari", "iPad/Safari", "Mac/Safari" -> APPLE;
            case "Android/Chrome" -> GOOGLE;
            case "Android/Samsung Internet" -> SAMSUNG;
            case "Windows/Chrome" -> rnd.nextDouble() < 0.6 ? GOOGLE : WINDOWS_HELLO;
            case "Windows/Edge" -> rnd.nextDouble() < 0.7 ? WINDOWS_HELLO : MICROSOFT;
            case "Mac/Chrome" -> rnd.nextDouble() < 0.7 ? GOOGLE : CHROME_MAC;
            default -> MANAGERS[rnd.nextInt(MANAGERS.length)];
        };
    }

    private int providerIndex(Provider p) {
        return providerIndex.computeIfAbsent(p, x -> {
            providers.add(x);
            return providers.size() - 1;
        });
    }

    private void unknownAccountFailure(Sink events, LocalDate on, long at) throws SQLException, IOException {
        Kind k = KINDS[pick(KIND_WEIGHTS)];
        double r = rnd.nextDouble();
        String method = r < 0.6 ? "PASSWORD" : r < 0.9 ? "PASSKEY" : "EMAIL_CODE";
        String reason = r < 0.6 ? "UNKNOWN_ACCOUNT" : r < 0.9 ? "UNKNOWN_CHALLENGE" : "THROTTLED";
        events.row(null, null, k.label(), method, false, reason, at);
        add(signInDaily, List.of(on, method, false, reason));
        add(signInCohort, List.of(on, "", "", false, method, false, reason));
        add(signInMode, List.of(on, "", false, method, false, reason));
    }

    private void count(LocalDate on, int a, boolean shared, String method, boolean ok, String reason) {
        add(signInDaily, List.of(on, method, ok, reason));
        add(signInCohort, List.of(on, DOMAINS[domain[a]], invited[a] ? "INVITATION" : "SELF", shared, method, ok, reason));
        add(signInMode, List.of(on, invited[a] ? "INVITATION" : "SELF", shared, method, ok, reason));
    }

    /** One decision and its funnel: shown, then accepted and completed, or dismissed, or snoozed. */
    private int nudge(Sink decisions, Sink nudgeEvents, int a, int d, int method, long at)
            throws SQLException, IOException {
        UUID account = uuid(1, a);
        UUID device = uuid(2, d);
        UUID decision = uuid(7, decisionCount);
        String scenario = method == OTHER_DEVICE ? "HYBRID_SIGN_IN" : "FALLBACK_SIGN_IN";
        String reason = method == OTHER_DEVICE ? "HEAL_AFTER_HYBRID" : "FALLBACK_ON_CAPABLE_DEVICE";
        String variant = variant(account);
        decisions.row(decision, account, device, "AFTER_SIGN_IN", METHODS[method], "NOT_COVERED", scenario, "CREATE_HERE",
                reason, variant, at + 1);
        decisionCount++;
        int steps = 0;
        steps += step(nudgeEvents, "SHOWN", a, d, decision, scenario, variant, null, at + 2);
        double r = rnd.nextDouble();
        // Variant B's copy converts a little better: the A/B table has something to show.
        double accept = "B".equals(variant) ? 0.42 : 0.34;
        if (r < accept) {
            steps += step(nudgeEvents, "ACCEPTED", a, d, decision, scenario, variant, null, at + 20);
            if (rnd.nextDouble() < 0.8) {
                provider[d] = (byte) providerIndex(providerFor(kind[d]));
                passkeyCreated[d] = at + 40;
                nudgedPasskeys++;
                steps += step(nudgeEvents, "COMPLETED", a, d, decision, scenario, variant, uuid(4, d), at + 40);
            }
        } else if (r < accept + 0.2) {
            steps += step(nudgeEvents, "DISMISSED", a, d, decision, scenario, variant, null, at + 15);
            lastPrompt[d] = Long.MAX_VALUE / 2;
        } else if (r < accept + 0.55) {
            steps += step(nudgeEvents, "SNOOZED", a, d, decision, scenario, variant, null, at + 15);
        }
        return steps;
    }

    private int decisionCount;

    private int step(Sink nudgeEvents, String type, int a, int d, UUID decision, String scenario, String variant,
                     UUID passkey, long at) throws SQLException, IOException {
        nudgeEvents.row(type, uuid(1, a), uuid(2, d), decision, scenario, variant, passkey, at);
        LocalDate on = LocalDate.ofEpochDay(Math.floorDiv(at, 86_400L));
        String group = KINDS[kind[d]].platform();
        add(nudgeDaily, List.of(on, scenario, group, variant, type));
        add(nudgeCohort, List.of(on, DOMAINS[domain[a]], invited[a] ? "INVITATION" : "SELF", branch[d] >= 0, scenario,
                group, variant, type));
        add(nudgeMode, List.of(on, invited[a] ? "INVITATION" : "SELF", branch[d] >= 0, scenario, group, variant, type));
        return 1;
    }

    private boolean hasAnyPasskey(int a) {
        if (hasKey[a]) {
            return true;
        }
        for (int d = devStart[a]; d < devStart[a + 1]; d++) {
            if (provider[d] >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Scenario e: offered; then saved, declined, failed, or no outcome reported. */
    private int upgrade(Sink decisions, Sink nudgeEvents, int a, int d, long at) throws SQLException, IOException {
        UUID decision = uuid(7, decisionCount);
        decisionCount++;
        String variant = variant(uuid(1, a));
        String scenario = "AUTOMATIC_UPGRADE";
        decisions.row(decision, uuid(1, a), uuid(2, d), "AFTER_SIGN_IN", "PASSWORD", null, scenario, null,
                "CONDITIONAL_CREATE_AFTER_PASSWORD", variant, at + 1);
        int steps = step(nudgeEvents, "OFFERED", a, d, decision, scenario, variant, null, at + 1);
        double r = rnd.nextDouble();
        if (r < 0.62) {
            provider[d] = (byte) providerIndex(providerFor(kind[d]));
            passkeyCreated[d] = at + 8;
            nudgedPasskeys++;
            steps += step(nudgeEvents, "COMPLETED", a, d, decision, scenario, variant, uuid(4, d), at + 8);
        } else if (r < 0.8) {
            steps += step(nudgeEvents, "DECLINED", a, d, decision, scenario, variant, null, at + 8);
        } else if (r < 0.86) {
            steps += step(nudgeEvents, "FAILED", a, d, decision, scenario, variant, null, at + 8);
        }
        return steps;
    }

    private int handoffCount;

    /** A link handoff started by account a: created, opened, a passkey created, paired; or expired, refused. */
    private void handoff(Sink handoffEvents, int a, long at) throws SQLException, IOException {
        UUID id = uuid(10, handoffCount++);
        handoffStep(handoffEvents, id, a, "ISSUED", null, at + 30);
        if (rnd.nextDouble() < 0.85) {
            handoffStep(handoffEvents, id, a, "CLAIMED", null, at + 90);
            if (rnd.nextDouble() < 0.85) {
                handoffStep(handoffEvents, id, a, "PASSKEY_PENDING", "no device record", at + 120);
                boolean wrong = rnd.nextDouble() < 0.12;
                if (wrong) {
                    handoffStep(handoffEvents, id, a, "CODE_WRONG", "try 1", at + 140);
                }
                if (rnd.nextDouble() < 0.93) {
                    handoffStep(handoffEvents, id, a, "PAIRED", null, at + 160);
                } else if (wrong) {
                    handoffStep(handoffEvents, id, a, "CODE_WRONG", "try 2", at + 170);
                    handoffStep(handoffEvents, id, a, "FAILED", "wrong code 3 times: pending passkey dropped", at + 180);
                } else {
                    handoffStep(handoffEvents, id, a, "EXPIRED", "pending passkey dropped", at + 330);
                }
            } else {
                handoffStep(handoffEvents, id, a, "CEREMONY_REFUSED", "NOT_ALLOWED", at + 110);
                handoffStep(handoffEvents, id, a, "EXPIRED", null, at + 330);
            }
        } else {
            handoffStep(handoffEvents, id, a, "EXPIRED", null, at + 330);
            if (rnd.nextDouble() < 0.3) {
                handoffStep(handoffEvents, id, a, "REFUSED_EXPIRED", "options", at + 600);
            }
        }
    }

    private void handoffStep(Sink handoffEvents, UUID handoff, int a, String type, String detail, long at)
            throws SQLException, IOException {
        handoffEvents.row(handoff, a < 0 ? null : uuid(1, a), type, detail, at);
        LocalDate on = LocalDate.ofEpochDay(Math.floorDiv(at, 86_400L));
        add(handoffDaily, List.of(on, a < 0 ? "" : DOMAINS[domain[a]], a < 0 ? "" : invited[a] ? "INVITATION" : "SELF", type));
        handoffSteps++;
    }

    /** Help articles readers answer under (slugs of the shipped articles). */
    static final String[] ARTICLES = {"what-is-a-passkey", "passkeys-and-passwords", "synced-and-device-bound-passkeys",
        "a-passkey-on-each-device", "signing-in-on-another-device", "lost-or-replaced-phone", "shared-and-public-computers"};

    private void articleAnswer(Sink eduEvents, Sink eduFeedback, long at) throws SQLException, IOException {
        int i = rnd.nextInt(ARTICLES.length);
        String language = rnd.nextDouble() < 0.75 ? "en" : "de";
        // Some articles help more than others.
        boolean helpful = rnd.nextDouble() < 0.9 - 0.08 * i;
        eduEvents.row("FEEDBACK_GIVEN", ARTICLES[i], language, helpful, at);
        eduFeedback.row(ARTICLES[i], language, helpful, bytes(32), at);
        add(articleDaily, List.of(LocalDate.ofEpochDay(Math.floorDiv(at, 86_400L)), ARTICLES[i], language, helpful));
        articleAnswers++;
    }

    /**
     * Time to a second covered device, as insights counts it: an account counts from its first passkey;
     * a personal device is covered from its first platform passkey or its first sign-in with its own
     * passkey; the second such device's moment, in whole days from the first passkey.
     */
    private void secondDevices() throws SQLException, IOException {
        Sink progress = sink("ins_account_progress", "account_id", "signed_up_on", "email_domain", "sign_up",
                "first_passkey_at", "second_covered_at");
        Sink coveredRows = sink("ins_covered_device", "account_id", "device_id", "covered_at");
        for (int a = 0; a < o.accounts(); a++) {
            long first = Long.MAX_VALUE;
            List<Long> covered = new ArrayList<>();
            for (int d = devStart[a]; d < devStart[a + 1]; d++) {
                long coveredAt = Long.MAX_VALUE;
                if (provider[d] >= 0) {
                    long createdAt = passkeyCreated[d] == 0 ? created[a] + 90 : passkeyCreated[d];
                    first = Math.min(first, createdAt);
                    coveredAt = createdAt;
                }
                if (firstPasskeyUse[d] != 0) {
                    coveredAt = Math.min(coveredAt, firstPasskeyUse[d]);
                }
                if (branch[d] < 0 && coveredAt != Long.MAX_VALUE) {
                    covered.add(coveredAt);
                    coveredRows.row(uuid(1, a), uuid(2, d), coveredAt);
                }
            }
            if (hasKey[a]) {
                first = Math.min(first, created[a] + 3_600);
            }
            if (first == Long.MAX_VALUE) {
                continue;
            }
            covered.sort(null);
            Long second = covered.size() >= 2 ? covered.get(1) : null;
            LocalDate signedUp = LocalDate.ofEpochDay(Math.floorDiv(created[a], 86_400L));
            String signUp = invited[a] ? "INVITATION" : "SELF";
            progress.row(uuid(1, a), signedUp, DOMAINS[domain[a]], signUp, first, second);
            int days = second == null ? -1 : (int) Math.max(0, Math.floorDiv(second - first, 86_400L));
            add(secondDeviceDaily, List.of(signedUp, DOMAINS[domain[a]], signUp, days));
        }
        progress.close();
        coveredRows.close();
    }

    private final Map<List<Object>, long[]> secondDeviceDaily = new HashMap<>();

    /** The copy variant nudges give this account: as {@code NudgeRules.variant} with the default A,B. */
    static String variant(UUID account) {
        byte[] h = sha256("variant:" + account);
        int v = ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        return Math.floorMod(v, 2) == 0 ? "A" : "B";
    }

    private long writeRollups() throws SQLException, IOException {
        long rows = 0;
        Sink s = sink("ins_sign_in_daily", "on_day", "method", "succeeded", "reason", "attempts");
        for (var e : signInDaily.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        s = sink("ins_sign_in_cohort_daily", "on_day", "email_domain", "sign_up", "shared_device", "method", "succeeded",
                "reason", "attempts");
        for (var e : signInCohort.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        s = sink("ins_sign_in_mode_daily", "on_day", "sign_up", "shared_device", "method", "succeeded", "reason", "attempts");
        for (var e : signInMode.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        s = sink("ins_nudge_mode_daily", "on_day", "sign_up", "shared_device", "scenario", "device_group", "variant", "step",
                "events");
        for (var e : nudgeMode.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        s = sink("ins_nudge_daily", "on_day", "scenario", "device_group", "variant", "step", "events");
        for (var e : nudgeDaily.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        s = sink("ins_nudge_cohort_daily", "on_day", "email_domain", "sign_up", "shared_device", "scenario",
                "device_group", "variant", "step", "events");
        for (var e : nudgeCohort.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        s = sink("ins_handoff_daily", "on_day", "email_domain", "sign_up", "step", "events");
        for (var e : handoffDaily.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        // The same counts without the domain (insights V7), as Rollups.handoff writes both.
        Map<List<Object>, long[]> handoffModes = new HashMap<>();
        handoffDaily.forEach((k, v) -> handoffModes.computeIfAbsent(List.of(k.get(0), k.get(2), k.get(3)),
                x -> new long[1])[0] += v[0]);
        s = sink("ins_handoff_mode_daily", "on_day", "sign_up", "step", "events");
        for (var e : handoffModes.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        s = sink("ins_article_feedback_daily", "on_day", "slug", "language", "helpful", "answers");
        for (var e : articleDaily.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        s = sink("ins_second_device_daily", "signed_up_on", "email_domain", "sign_up", "days", "accounts");
        for (var e : secondDeviceDaily.entrySet()) {
            s.row(concat(e.getKey(), e.getValue()[0]));
            rows++;
        }
        s.close();
        return rows;
    }

    private static Object[] concat(List<Object> key, long value) {
        Object[] out = key.toArray(new Object[key.size() + 1]);
        out[key.size()] = value;
        return out;
    }

    private static void add(Map<List<Object>, long[]> counts, List<Object> key) {
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
    }

    // --- values -------------------------------------------------------------------------------

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A version-4 UUID, a pure function of the seed, a kind of thing and its number. */
    private UUID uuid(int what, int index) {
        long h1 = mix(o.seed() * 0x9E3779B97F4A7C15L + what * 0xC2B2AE3D27D4EB4FL + index);
        long h2 = mix(h1 ^ 0x165667B19E3779F9L);
        return new UUID((h1 & ~0xF000L) | 0x4000L, (h2 & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid ES256 COSE key (one per run; its private key is dropped at once). */
    private static byte[] coseKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        EC2COSEKey key = EC2COSEKey.create((ECPublicKey) g.generateKeyPair().getPublic(), COSEAlgorithmIdentifier.ES256);
        return new ObjectConverter().getCborMapper().writeValueAsBytes(key);
    }

    /** Argon2id PHC strings of random passwords, with the server's default cost (m=19456, t=2, p=1). */
    private String[] argon2Hashes(int count) {
        String[] out = new String[count];
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        for (int i = 0; i < count; i++) {
            byte[] salt = bytes(16);
            Argon2BytesGenerator g = new Argon2BytesGenerator();
            g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(19_456).withIterations(2).withParallelism(1).withSalt(salt).build());
            byte[] hash = new byte[32];
            g.generateBytes(bytes(24), hash);
            out[i] = "$argon2id$v=19$m=19456,t=2,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        }
        return out;
    }

    private void log(String what) {
        System.err.printf(Locale.ROOT, "[%s] %s%n", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), what);
    }

    // --- writing ------------------------------------------------------------------------------

    private Sink sink(String table, String... columns) throws SQLException {
        // One COPY at a time per connection: each table gets a connection of its own.
        return postgres ? new CopySink(DriverManager.getConnection(o.url(), o.user(), o.password()), table, columns)
                : new BatchSink(c, table, columns);
    }

    /** Rows into one table. */
    static class Sink implements AutoCloseable {
        void row(Object... values) throws SQLException, IOException {
        }

        @Override
        public void close() throws SQLException, IOException {
        }
    }

    /** H2 (and any database): batched prepared inserts. */
    static final class BatchSink extends Sink {
        private final java.sql.PreparedStatement insert;
        private int pending;

        BatchSink(Connection c, String table, String... columns) throws SQLException {
            insert = c.prepareStatement("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(columns.length, "?")) + ")");
        }

        @Override
        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof Long l && isTime(l)) {
                    insert.setObject(i + 1, Instant.ofEpochSecond(l).atOffset(ZoneOffset.UTC));
                } else if (v instanceof String s && s.length() == 36 && s.charAt(8) == '-' && s.charAt(23) == '-') {
                    insert.setObject(i + 1, UUID.fromString(s));
                } else {
                    insert.setObject(i + 1, v);
                }
            }
            insert.addBatch();
            if (++pending == 1000) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
            }
            insert.close();
        }
    }

    /** Epoch seconds after 2000 are timestamps; counts and sign counts are far smaller. */
    static boolean isTime(long v) {
        return v > 946_684_800L;
    }

    /** PostgreSQL: COPY ... FROM STDIN in CSV, a megabyte at a time. */
    static final class CopySink extends Sink {
        private final org.postgresql.copy.CopyIn copy;
        private final Connection own;
        private final StringBuilder buffer = new StringBuilder(1 << 21);

        CopySink(Connection c, String table, String... columns) throws SQLException {
            own = c;
            copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("copy " + table + " ("
                    + String.join(", ", columns) + ") from stdin with (format csv)");
        }

        @Override
        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object v = values[i];
                if (v == null) {
                    continue; // unquoted empty: NULL
                }
                if (v instanceof Long l && isTime(l)) {
                    buffer.append(Instant.ofEpochSecond(l));
                } else if (v instanceof byte[] b) {
                    buffer.append("\\x").append(java.util.HexFormat.of().formatHex(b));
                } else if (v instanceof String s) {
                    buffer.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    buffer.append(v);
                }
            }
            buffer.append('\n');
            if (buffer.length() > (1 << 20)) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] b = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            buffer.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            flush();
            copy.endCopy();
            own.close();
        }
    }
}
