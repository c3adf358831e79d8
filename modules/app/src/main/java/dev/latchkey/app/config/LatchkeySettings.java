package dev.latchkey.app.config;

import dev.latchkey.credentials.api.RegistrationPolicy;
import dev.latchkey.credentials.api.RelyingParty;
import dev.latchkey.identity.api.MailQueue;
import dev.latchkey.identity.api.MailSettings;
import dev.latchkey.identity.api.StaffPolicy;
import dev.latchkey.identity.api.Retention;
import dev.latchkey.identity.api.SessionPolicy;
import dev.latchkey.identity.api.SignUpPolicy;
import dev.latchkey.nudges.api.NudgeSettings;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Deployment settings, read once from Liberty variables (server.xml defaults, overridden by
 * environment variables or bootstrap properties) through MicroProfile Config.
 */
@ApplicationScoped
public class LatchkeySettings {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LatchkeySettings.class.getName());

    private final RelyingParty relyingParty;
    private final SessionPolicy sessionPolicy;
    private final boolean secureCookies;
    private final MailSettings mailSettings;
    private final boolean developmentOutbox;
    private final SignUpPolicy signUpPolicy;
    private final boolean emailCodes;
    private final boolean passwords;
    private final RegistrationPolicy registrationPolicy;
    private final NudgeSettings nudgeSettings;
    private final StaffPolicy staffPolicy;
    private final MailQueue.Settings mailRetries;
    private final Retention retention;
    private final dev.latchkey.federation.api.FederationSettings federation;

    public LatchkeySettings() {
        Config config = ConfigProvider.getConfig(LatchkeySettings.class.getClassLoader());
        String id = config.getOptionalValue("latchkey.rp.id", String.class).orElse("localhost").strip();
        String name = config.getOptionalValue("latchkey.rp.name", String.class).orElse("Latchkey").strip();
        String origins = config.getOptionalValue("latchkey.rp.origins", String.class).orElse("http://localhost:9080");
        Set<String> originSet = Arrays.stream(origins.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        this.relyingParty = new RelyingParty(id, name, originSet);
        this.sessionPolicy = new SessionPolicy(
                Duration.ofMinutes(config.getOptionalValue("latchkey.session.idle.minutes", Integer.class).orElse(30)),
                Duration.ofHours(config.getOptionalValue("latchkey.session.absolute.hours", Integer.class).orElse(12)),
                Duration.ofMinutes(config.getOptionalValue("latchkey.session.shared.idle.minutes", Integer.class)
                        .orElse((int) SessionPolicy.SHARED_IDLE.toMinutes())),
                Duration.ofMinutes(config.getOptionalValue("latchkey.session.shared.absolute.minutes", Integer.class)
                        .orElse((int) SessionPolicy.SHARED_ABSOLUTE.toMinutes())));
        this.mailSettings = new MailSettings(
                config.getOptionalValue("latchkey.smtp.host", String.class).orElse("").strip(),
                config.getOptionalValue("latchkey.smtp.port", Integer.class).orElse(587),
                config.getOptionalValue("latchkey.smtp.user", String.class).orElse(""),
                config.getOptionalValue("latchkey.smtp.password", String.class).orElse(""),
                config.getOptionalValue("latchkey.smtp.starttls", Boolean.class).orElse(true),
                config.getOptionalValue("latchkey.mail.from", String.class).orElse("Latchkey <no-reply@localhost>"));
        this.developmentOutbox = SettingsCheck.developmentOutbox(
                config.getOptionalValue("latchkey.dev.outbox", String.class).orElse("auto"),
                config.getOptionalValue("latchkey.production", Boolean.class).orElse(false),
                mailSettings.smtpConfigured());
        this.emailCodes = config.getOptionalValue("latchkey.fallback.email.code", Boolean.class).orElse(true);
        this.passwords = config.getOptionalValue("latchkey.fallback.password", Boolean.class).orElse(true);
        String mode = config.getOptionalValue("latchkey.signup.mode", String.class).orElse("open").strip();
        this.signUpPolicy = "domains".equalsIgnoreCase(mode)
                ? new SignUpPolicy(SignUpPolicy.Mode.DOMAINS, Set.of(config.getOptionalValue("latchkey.signup.domains",
                        String.class).orElse("").split(",")))
                : "invitation".equalsIgnoreCase(mode) ? SignUpPolicy.INVITATION : SignUpPolicy.OPEN;
        this.registrationPolicy = RegistrationPolicy.parse(
                text(config, "latchkey.registration.user.verification"),
                text(config, "latchkey.registration.attachment"),
                text(config, "latchkey.registration.synced.allowed"),
                text(config, "latchkey.registration.aaguid.allow"),
                text(config, "latchkey.registration.aaguid.deny"),
                text(config, "latchkey.attestation.conveyance"),
                text(config, "latchkey.attestation.trust.anchors"),
                text(config, "latchkey.passkey.cap"));
        NudgeSettings n = NudgeSettings.DEFAULTS;
        this.nudgeSettings = new NudgeSettings(
                config.getOptionalValue("latchkey.nudges.enabled", Boolean.class).orElse(n.enabled()),
                config.getOptionalValue("latchkey.nudges.rollout.percent", Integer.class).orElse(n.rolloutPercent()),
                Duration.ofDays(config.getOptionalValue("latchkey.nudges.device.period.days", Integer.class)
                        .orElse((int) n.devicePeriod().toDays())),
                config.getOptionalValue("latchkey.nudges.account.cap", Integer.class).orElse(n.accountCap()),
                Duration.ofDays(config.getOptionalValue("latchkey.nudges.snooze.days", Integer.class)
                        .orElse((int) n.snooze().toDays())),
                Duration.ofDays(config.getOptionalValue("latchkey.nudges.active.days", Integer.class)
                        .orElse((int) n.activeDevices().toDays())),
                Arrays.asList(config.getOptionalValue("latchkey.nudges.variants", String.class)
                        .orElse(String.join(",", n.variants())).split(",")));
        this.mailRetries = mailRetries(config);
        this.retention = retention(config);
        this.federation = new dev.latchkey.federation.api.FederationSettings(
                config.getOptionalValue("latchkey.oidc.issuer", String.class).map(String::strip).filter(v -> !v.isEmpty())
                        .orElse(originSet.iterator().next()),
                SettingsCheck.oidcClients(config.getOptionalValue("latchkey.oidc.clients", String.class).orElse("")).clients(),
                Duration.ofSeconds(config.getOptionalValue("latchkey.oidc.code.seconds", Integer.class).orElse(60)),
                Duration.ofSeconds(config.getOptionalValue("latchkey.oidc.token.seconds", Integer.class).orElse(600)),
                Duration.ofDays(config.getOptionalValue("latchkey.oidc.key.rotation.days", Integer.class).orElse(90)));
        this.staffPolicy = StaffPolicy.parse(text(config, "latchkey.operators"), text(config, "latchkey.admins"),
                text(config, "latchkey.agents"));
        // Secure, __Host- prefixed cookies whenever Latchkey is served over HTTPS; plain HTTP is
        // only ever acceptable on localhost, which browsers treat as a secure context.
        this.secureCookies = originSet.stream().allMatch(o -> o.startsWith("https://"));
    }

    @Produces
    @Singleton
    RelyingParty relyingParty() {
        return relyingParty;
    }

    /** Pending WebAuthn ceremonies kept at most, all browsers together: {@code latchkey.ceremonies.pending.max}. */
    @Produces
    @Singleton
    dev.latchkey.credentials.api.CeremonyLimits ceremonyLimits() {
        return new dev.latchkey.credentials.api.CeremonyLimits(ConfigProvider.getConfig(LatchkeySettings.class.getClassLoader())
                .getOptionalValue("latchkey.ceremonies.pending.max", Integer.class)
                .orElse(dev.latchkey.credentials.api.CeremonyLimits.DEFAULTS.pendingMax()));
    }

    /** Which new passkeys this deployment accepts (README, "Registration policy"); problems are logged by credentials. */
    @Produces
    @Singleton
    RegistrationPolicy registrationPolicy() {
        return registrationPolicy;
    }

    private static String text(Config config, String name) {
        return config.getOptionalValue(name, String.class).orElse("");
    }

    @Produces
    @Singleton
    SessionPolicy sessionPolicy() {
        return sessionPolicy;
    }

    @Produces
    @Singleton
    SignUpPolicy signUpPolicy() {
        return signUpPolicy;
    }

    @Produces
    @Singleton
    NudgeSettings nudgeSettings() {
        return nudgeSettings;
    }

    /** Assisted recovery at a branch: {@code latchkey.assisted.recovery.*} (checked by SettingsCheck). */
    @Produces
    @Singleton
    dev.latchkey.insights.api.AssistedRecovery.Settings assistedRecoverySettings() {
        Config config = ConfigProvider.getConfig(LatchkeySettings.class.getClassLoader());
        var d = dev.latchkey.insights.api.AssistedRecovery.Settings.DEFAULTS;
        return new dev.latchkey.insights.api.AssistedRecovery.Settings(
                config.getOptionalValue("latchkey.assisted.recovery.approvals", Integer.class).orElse(d.approvals()),
                java.time.Duration.ofMinutes(config.getOptionalValue("latchkey.assisted.recovery.link.minutes",
                        Integer.class).orElse((int) d.linkLifetime().toMinutes())),
                config.getOptionalValue("latchkey.assisted.recovery.per.agent.hour", Integer.class)
                        .orElse(d.startsPerHour()));
    }

    /** Scenario e, the automatic passkey upgrade: {@code latchkey.nudges.auto.upgrade}, on by default. */
    @Produces
    @Singleton
    dev.latchkey.nudges.api.PasskeyUpgrades.Settings passkeyUpgradeSettings() {
        return new dev.latchkey.nudges.api.PasskeyUpgrades.Settings(ConfigProvider
                .getConfig(LatchkeySettings.class.getClassLoader()).getOptionalValue("latchkey.nudges.auto.upgrade", Boolean.class).orElse(true));
    }

    /** Insights' coverage snapshot interval: {@code latchkey.insights.snapshot.minutes}, 60 by default, 0 for none. */
    @Produces
    @Singleton
    dev.latchkey.insights.api.Insights.Settings insightsSettings() {
        return new dev.latchkey.insights.api.Insights.Settings(Duration.ofMinutes(ConfigProvider
                .getConfig(LatchkeySettings.class.getClassLoader())
                .getOptionalValue("latchkey.insights.snapshot.minutes", Integer.class).map(m -> Math.max(0, m)).orElse(60)));
    }

    /** Delivery tries and waits (README, "Mail delivery"); a value out of range falls back to the defaults. */
    private static MailQueue.Settings mailRetries(Config config) {
        MailQueue.Settings d = MailQueue.Settings.DEFAULTS;
        try {
            return new MailQueue.Settings(
                    config.getOptionalValue("latchkey.mail.attempts", Integer.class).orElse(d.attempts()),
                    Duration.ofSeconds(config.getOptionalValue("latchkey.mail.retry.seconds", Long.class)
                            .orElse(d.firstRetry().toSeconds())),
                    Duration.ofSeconds(config.getOptionalValue("latchkey.mail.retry.max.seconds", Long.class)
                            .orElse(d.longestRetry().toSeconds())),
                    Duration.ofSeconds(config.getOptionalValue("latchkey.smtp.timeout.seconds", Long.class)
                            .orElse(d.smtpTimeout().toSeconds())));
        } catch (IllegalArgumentException e) {
            LOG.warning("Mail retry settings ignored, defaults used: " + e.getMessage());
            return d;
        }
    }

    /** Retention windows and the purge interval (README, "Retention and purging"); out of range: the defaults. */
    private static Retention retention(Config config) {
        Retention d = Retention.DEFAULTS;
        try {
            return new Retention(
                    Duration.ofSeconds(config.getOptionalValue("latchkey.purge.interval.seconds", Long.class)
                            .orElse(d.interval().toSeconds())),
                    Duration.ofDays(config.getOptionalValue("latchkey.retention.mail.days", Long.class)
                            .orElse(d.mail().toDays())),
                    hours(config, "latchkey.retention.codes.hours", d.codes()),
                    hours(config, "latchkey.retention.sessions.hours", d.sessions()),
                    hours(config, "latchkey.retention.throttles.hours", d.throttles()),
                    hours(config, "latchkey.retention.ceremonies.hours", d.ceremonies()),
                    hours(config, "latchkey.retention.handoffs.hours", d.handoffs()));
        } catch (IllegalArgumentException e) {
            LOG.warning("Retention settings ignored, defaults used: " + e.getMessage());
            return d;
        }
    }

    private static Duration hours(Config config, String name, Duration fallback) {
        return Duration.ofHours(config.getOptionalValue(name, Long.class).orElse(fallback.toHours()));
    }

    @Produces
    @Singleton
    MailQueue.Settings mailRetries() {
        return mailRetries;
    }

    @Produces
    @Singleton
    Retention retention() {
        return retention;
    }

    @Produces
    @Singleton
    dev.latchkey.federation.api.FederationSettings federationSettings() {
        return federation;
    }

    @Produces
    @Singleton
    StaffPolicy staffPolicy() {
        return staffPolicy;
    }

    /** Where links in mail point: the first configured origin. */
    public String publicBaseUrl() {
        return relyingParty.origins().iterator().next();
    }

    @Produces
    @Singleton
    MailSettings mailSettings() {
        return mailSettings;
    }

    /**
     * Whether the development outbox page is on: with no SMTP server, when switched on or left on {@code auto}
     * outside production mode ({@link SettingsCheck#developmentOutbox}).
     */
    public boolean developmentOutbox() {
        return developmentOutbox;
    }

    /** Whether this deployment offers sign-in by email code (confirming addresses by code is not affected). */
    public boolean emailCodeSignIn() {
        return emailCodes;
    }

    /** Whether this deployment offers passwords at all. */
    public boolean passwordSignIn() {
        return passwords;
    }

    public Set<String> allowedOrigins() {
        return relyingParty.origins();
    }

    public boolean secureCookies() {
        return secureCookies;
    }
}
