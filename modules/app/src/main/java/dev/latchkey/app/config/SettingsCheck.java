package dev.latchkey.app.config;

import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.credentials.api.RegistrationPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every setting checked once at start-up (README, "Production"): a value that is not understood stops the
 * application with a message that names the variable and the values it takes, never a silent default
 * (OWASP ASVS 5.0 V13.1 configuration documentation, V13.4 no debug features in production).
 *
 * <p>With {@code LATCHKEY_PRODUCTION=true} the development shortcuts are refused too: the embedded H2
 * database, plain-HTTP origins other than localhost, no SMTP server, the development outbox, and an LTPA keys
 * password the operator did not set.
 */
public final class SettingsCheck {

    /** The comma-separated settings of fixed choices, with the choices. */
    private static final String[][] CHOICES = {
        {"latchkey.signup.mode", "open", "open", "domains", "invitation"},
        {"latchkey.dev.outbox", "auto", "auto", "true", "false"},
    };

    /** Booleans and their defaults (server.xml). */
    private static final String[] BOOLEANS = {
        "latchkey.production", "latchkey.fallback.email.code", "latchkey.fallback.password", "latchkey.nudges.enabled",
        "latchkey.nudges.auto.upgrade", "latchkey.smtp.starttls", "latchkey.metrics.authentication",
    };

    private record Range(String name, long min, long max) { }

    private static final long MAX = Integer.MAX_VALUE;
    private static final Range[] NUMBERS = {
        new Range("latchkey.session.idle.minutes", 1, MAX),
        new Range("latchkey.session.absolute.hours", 1, MAX),
        new Range("latchkey.smtp.port", 1, 65535),
        // An authorization code is exchanged by a server a moment after the redirect: 60 s by default.
        new Range("latchkey.oidc.code.seconds", 10, 600),
        new Range("latchkey.oidc.token.seconds", 60, 86_400),
        new Range("latchkey.oidc.key.rotation.days", 1, 3_650),
        new Range("latchkey.nudges.rollout.percent", 0, 100),
        new Range("latchkey.assisted.recovery.approvals", 1, 2),
        new Range("latchkey.assisted.recovery.link.minutes", 1, 60),
        new Range("latchkey.assisted.recovery.per.agent.hour", 1, 1000),
        new Range("latchkey.nudges.device.period.days", 1, MAX),
        new Range("latchkey.nudges.account.cap", 0, MAX),
        new Range("latchkey.nudges.snooze.days", 0, MAX),
        new Range("latchkey.nudges.active.days", 1, MAX),
        new Range("latchkey.insights.snapshot.minutes", 0, 10_080),
        new Range("latchkey.mail.attempts", 1, MAX),
        new Range("latchkey.mail.retry.seconds", 1, MAX),
        new Range("latchkey.mail.retry.max.seconds", 1, MAX),
        new Range("latchkey.smtp.timeout.seconds", 1, MAX),
        new Range("latchkey.purge.interval.seconds", 1, MAX),
        new Range("latchkey.retention.mail.days", 1, MAX),
        new Range("latchkey.retention.codes.hours", 1, MAX),
        new Range("latchkey.retention.sessions.hours", 1, MAX),
        new Range("latchkey.retention.throttles.hours", 1, MAX),
        new Range("latchkey.retention.ceremonies.hours", 1, MAX),
        new Range("latchkey.retention.handoffs.hours", 1, MAX),
        new Range("latchkey.db.pool.max", 1, MAX),
        new Range("latchkey.db.pool.wait.seconds", 0, MAX),
        new Range("latchkey.db.statement.timeout.ms", 0, MAX),
        new Range("latchkey.db.lock.timeout.ms", 0, MAX),
        new Range("latchkey.db.idle.transaction.timeout.ms", 0, MAX),
        new Range("latchkey.db.transaction.timeout.seconds", 0, MAX),
    };

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private SettingsCheck() {
    }

    /** The environment variable an operator sets for a Liberty variable: {@code latchkey.signup.mode} is LATCHKEY_SIGNUP_MODE. */
    public static String variable(String name) {
        return name.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * @param settings    the Liberty variables by name (null when not set)
     * @param environment the process environment (the LTPA keys password is the operator's own)
     * @return every problem found, one sentence each; empty when the settings are usable
     */
    public static List<String> problems(UnaryOperator<String> settings, UnaryOperator<String> environment) {
        List<String> problems = new ArrayList<>();
        for (String[] choice : CHOICES) {
            String value = text(settings, choice[0]).toLowerCase(Locale.ROOT);
            List<String> allowed = Arrays.asList(choice).subList(2, choice.length);
            if (!value.isEmpty() && !allowed.contains(value)) {
                problems.add(variable(choice[0]) + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
            }
        }
        if ("domains".equalsIgnoreCase(text(settings, "latchkey.signup.mode"))
                && Arrays.stream(text(settings, "latchkey.signup.domains").split(",")).allMatch(String::isBlank)) {
            problems.add("LATCHKEY_SIGNUP_MODE=domains needs LATCHKEY_SIGNUP_DOMAINS (comma-separated domains)");
        }
        for (String name : BOOLEANS) {
            String value = text(settings, name);
            if (!value.isEmpty() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                problems.add(variable(name) + " must be true or false, not '" + value + "'");
            }
        }
        for (Range range : NUMBERS) {
            String value = text(settings, range.name());
            if (value.isEmpty()) {
                continue;
            }
            String bounds = range.max() == MAX ? range.min() + " or more" : range.min() + " to " + range.max();
            try {
                long n = Long.parseLong(value);
                if (n < range.min() || n > range.max()) {
                    problems.add(variable(range.name()) + " must be " + bounds + ", not " + n);
                }
            } catch (NumberFormatException e) {
                problems.add(variable(range.name()) + " must be a whole number, " + bounds + ", not '" + value + "'");
            }
        }
        problems.addAll(RegistrationPolicy.parse(
                text(settings, "latchkey.registration.user.verification"),
                text(settings, "latchkey.registration.attachment"),
                text(settings, "latchkey.registration.synced.allowed"),
                text(settings, "latchkey.registration.aaguid.allow"),
                text(settings, "latchkey.registration.aaguid.deny"),
                text(settings, "latchkey.attestation.conveyance"),
                text(settings, "latchkey.attestation.trust.anchors"),
                text(settings, "latchkey.passkey.cap")).problems());
        problems.addAll(oidcClients(text(settings, "latchkey.oidc.clients")).problems());
        String issuer = text(settings, "latchkey.oidc.issuer");
        if (!issuer.isEmpty() && !issuer.matches("https?://[^/?#\\s]+(/[^?#\\s]*[^/?#\\s])?")) {
            problems.add("LATCHKEY_OIDC_ISSUER must be an https:// URL without query, fragment or trailing slash, not '"
                    + issuer + "'");
        }
        for (String cidr : list(settings, "latchkey.shared.networks")) {
            if (!SharedDevices.isCidr(cidr)) {
                problems.add("LATCHKEY_SHARED_NETWORKS entries must be address ranges such as 10.0.0.0/8 or 2001:db8::/48,"
                        + " not '" + cidr + "'");
            }
        }
        String proxies = text(settings, "latchkey.trusted.proxies");
        if (!proxies.isEmpty() && !proxies.equals("none")) {
            try {
                Pattern.compile(proxies);
            } catch (PatternSyntaxException e) {
                problems.add("LATCHKEY_TRUSTED_PROXIES must be none or a regular expression over proxy addresses, not '"
                        + proxies + "' (" + e.getDescription() + ")");
            }
        }
        // Unset: the default of server.xml and LatchkeySettings.
        List<String> origins = (settings.apply("latchkey.rp.origins") == null ? List.of("http://localhost:9080")
                : list(settings, "latchkey.rp.origins")).stream()
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toList();
        if (origins.isEmpty()) {
            problems.add("LATCHKEY_RP_ORIGINS must list at least one origin, such as https://id.example.com");
        }
        for (String origin : origins) {
            if (!isOrigin(origin)) {
                problems.add("LATCHKEY_RP_ORIGINS entries must be origins (http:// or https://, a host, an optional port,"
                        + " no path), not '" + origin + "'");
            }
        }
        for (String related : list(settings, "latchkey.related.origins")) {
            String o = related.endsWith("/") ? related.substring(0, related.length() - 1) : related;
            if (!origins.contains(o)) {
                problems.add("LATCHKEY_RELATED_ORIGINS entries must be in LATCHKEY_RP_ORIGINS too, not '" + related + "'");
            }
        }
        if (Boolean.parseBoolean(text(settings, "latchkey.production"))) {
            production(settings, environment, origins, problems);
        }
        return List.copyOf(problems);
    }

    /** The development shortcuts a production deployment must not take. */
    private static void production(UnaryOperator<String> settings, UnaryOperator<String> environment,
                                   List<String> origins, List<String> problems) {
        String db = text(settings, "db.kind");
        if (db.isEmpty() || db.equalsIgnoreCase("h2")) {
            problems.add("LATCHKEY_PRODUCTION=true refuses the embedded H2 database (DB_KIND=h2): set DB_KIND=postgres and PG_*");
        }
        for (String origin : origins) {
            if (isOrigin(origin) && origin.startsWith("http://") && !LOCAL_HOSTS.contains(URI.create(origin).getHost())) {
                // WebAuthn L3 §13.4.9 (secure contexts) and ASVS 5.0 V12.1: passkeys and session cookies over TLS only.
                problems.add("LATCHKEY_PRODUCTION=true refuses plain-HTTP origins other than localhost in"
                        + " LATCHKEY_RP_ORIGINS: '" + origin + "' (use https://)");
            }
        }
        if (text(settings, "latchkey.smtp.host").isEmpty()) {
            problems.add("LATCHKEY_PRODUCTION=true needs an SMTP server: set LATCHKEY_SMTP_HOST");
        }
        // auto is off in production mode by itself; only an explicit true is refused.
        if (Boolean.parseBoolean(text(settings, "latchkey.dev.outbox"))) {
            problems.add("LATCHKEY_PRODUCTION=true refuses the development outbox: set LATCHKEY_DEV_OUTBOX=false");
        }
        String ltpa = environment.apply("LTPA_KEYS_PASSWORD");
        if (ltpa == null || ltpa.isBlank()) {
            problems.add("LATCHKEY_PRODUCTION=true needs an LTPA keys password of the operator's own: set LTPA_KEYS_PASSWORD");
        }
    }

    /**
     * Whether the development outbox page is on: {@code LATCHKEY_DEV_OUTBOX=true}, or {@code auto} (the default)
     * outside production mode; never with an SMTP host, where mail really leaves.
     */
    public static boolean developmentOutbox(String outboxSetting, boolean production, boolean smtpConfigured) {
        String mode = outboxSetting == null || outboxSetting.isBlank() ? "auto" : outboxSetting.strip().toLowerCase(Locale.ROOT);
        return !smtpConfigured && ("true".equals(mode) || ("auto".equals(mode) && !production));
    }

    /** The start-up log line that says where mail goes (README, "Your first five minutes"). */
    public static String mailDestination(UnaryOperator<String> settings) {
        String host = text(settings, "latchkey.smtp.host");
        if (!host.isEmpty()) {
            String port = text(settings, "latchkey.smtp.port");
            return "Mail goes to the SMTP server " + host + ":" + (port.isEmpty() ? "587" : port) + ".";
        }
        if (developmentOutbox(text(settings, "latchkey.dev.outbox"), Boolean.parseBoolean(text(settings, "latchkey.production")), false)) {
            String origin = list(settings, "latchkey.rp.origins").stream().findFirst().orElse("http://localhost:9080");
            return "No SMTP host (LATCHKEY_SMTP_HOST): mail is not sent; read it at " + origin
                    + "/dev/outbox from this machine (development outbox, LATCHKEY_DEV_OUTBOX=auto).";
        }
        return "No SMTP host (LATCHKEY_SMTP_HOST) and the development outbox is off: mail stays unsent in the"
                + " database outbox.";
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(UnaryOperator<String> settings, String name) {
        String value = settings.apply(name);
        return value == null ? "" : value.strip();
    }

    private static List<String> list(UnaryOperator<String> settings, String name) {
        return Arrays.stream(text(settings, name).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The OpenID Connect clients file named by {@code LATCHKEY_OIDC_CLIENTS}: none when the setting is
     * empty (the provider then knows no client and refuses every request), otherwise the file's
     * clients, or why the file cannot be used.
     */
    public static dev.latchkey.federation.api.OidcClients.Parsed oidcClients(String path) {
        if (path == null || path.isBlank()) {
            return new dev.latchkey.federation.api.OidcClients.Parsed(List.of(), List.of());
        }
        try {
            return dev.latchkey.federation.api.OidcClients.parse(java.nio.file.Files.readString(java.nio.file.Path.of(path.strip())));
        } catch (java.io.IOException | RuntimeException e) {
            return new dev.latchkey.federation.api.OidcClients.Parsed(List.of(),
                    List.of("LATCHKEY_OIDC_CLIENTS names a file that cannot be read: '" + path + "' (" + e.getMessage() + ")"));
        }
    }
}
