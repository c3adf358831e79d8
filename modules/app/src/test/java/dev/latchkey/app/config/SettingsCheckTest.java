package dev.latchkey.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up validation of every setting (issue 11, item 6): a wrong value never means a silent default. */
class SettingsCheckTest {

    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private List<String> problems() {
        return SettingsCheck.problems(settings::get, environment::get);
    }

    @Test
    void theDefaultsOfTheRunCommandPass() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void aMisspeltSignUpModeIsAStartUpFailureNotOpenSignUp() {
        settings.put("latchkey.signup.mode", "invitaton");
        assertThat(problems()).singleElement().asString()
                .contains("LATCHKEY_SIGNUP_MODE").contains("open, domains, invitation").contains("invitaton");
    }

    @Test
    void signUpByDomainsNeedsDomains() {
        settings.put("latchkey.signup.mode", "domains");
        assertThat(problems()).singleElement().asString().contains("LATCHKEY_SIGNUP_DOMAINS");
        settings.put("latchkey.signup.domains", "example.com");
        assertThat(problems()).isEmpty();
    }

    @Test
    void everyEnumeratedRegistrationSettingIsChecked() {
        settings.put("latchkey.registration.user.verification", "always");
        settings.put("latchkey.registration.attachment", "usb");
        settings.put("latchkey.attestation.conveyance", "indirect");
        assertThat(problems()).hasSize(3).anySatisfy(p -> assertThat(p).contains("LATCHKEY_REGISTRATION_USER_VERIFICATION"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_REGISTRATION_ATTACHMENT"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_ATTESTATION_CONVEYANCE"));
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        settings.put("latchkey.fallback.password", "yes");
        settings.put("latchkey.nudges.enabled", "ture");
        settings.put("latchkey.production", "on");
        assertThat(problems()).hasSize(3)
                .allSatisfy(p -> assertThat(p).contains("must be true or false"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_FALLBACK_PASSWORD"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_NUDGES_ENABLED"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_PRODUCTION"));
    }

    @Test
    void numbersAreWholeAndInRange() {
        settings.put("latchkey.nudges.rollout.percent", "150");
        settings.put("latchkey.session.idle.minutes", "thirty");
        settings.put("latchkey.smtp.port", "0");
        settings.put("latchkey.mail.attempts", "0");
        settings.put("latchkey.retention.mail.days", "-1");
        assertThat(problems()).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_NUDGES_ROLLOUT_PERCENT").contains("0 to 100"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_SESSION_IDLE_MINUTES").contains("thirty"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_SMTP_PORT"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_MAIL_ATTEMPTS"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_RETENTION_MAIL_DAYS"));
    }

    @Test
    void networksProxiesAndOriginsAreChecked() {
        settings.put("latchkey.shared.networks", "10.0.0.0/8, branch.example.com/24");
        settings.put("latchkey.trusted.proxies", "10\\.0\\.0\\.(");
        settings.put("latchkey.rp.origins", "http://localhost:9080, https://example.com/path, ftp://example.com");
        settings.put("latchkey.related.origins", "https://other.example");
        List<String> problems = problems();
        assertThat(problems).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_SHARED_NETWORKS").contains("branch.example.com/24"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_TRUSTED_PROXIES"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_RP_ORIGINS").contains("https://example.com/path"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_RP_ORIGINS").contains("ftp://example.com"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_RELATED_ORIGINS").contains("https://other.example"));
    }

    @Test
    void productionRefusesDevelopmentShortcuts() {
        settings.put("latchkey.production", "true");
        settings.put("latchkey.rp.origins", "https://id.example.com, http://id.example.com, http://localhost:9080");
        settings.put("latchkey.dev.outbox", "true");
        List<String> problems = problems();
        assertThat(problems).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("DB_KIND").contains("h2"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_RP_ORIGINS").contains("http://id.example.com"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_SMTP_HOST"))
                .anySatisfy(p -> assertThat(p).contains("LATCHKEY_DEV_OUTBOX"))
                .anySatisfy(p -> assertThat(p).contains("LTPA_KEYS_PASSWORD"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("http://localhost:9080"));
    }

    @Test
    void aProperProductionSetUpPasses() {
        settings.put("latchkey.production", "true");
        settings.put("db.kind", "postgres");
        settings.put("latchkey.rp.id", "example.com");
        settings.put("latchkey.rp.origins", "https://id.example.com");
        settings.put("latchkey.smtp.host", "smtp.example.com");
        environment.put("LTPA_KEYS_PASSWORD", "a long secret");
        assertThat(problems()).isEmpty();
        settings.put("latchkey.production", "false");
        settings.put("db.kind", "h2");
        settings.put("latchkey.rp.origins", "http://id.example.com");
        assertThat(problems()).isEmpty();
    }

    @Test
    void theDevelopmentOutboxIsOnByDefaultOnlyOutsideProductionAndWithoutSmtp() {
        assertThat(SettingsCheck.developmentOutbox(null, false, false)).as("the Run command").isTrue();
        assertThat(SettingsCheck.developmentOutbox("auto", true, false)).as("production mode").isFalse();
        assertThat(SettingsCheck.developmentOutbox("auto", false, true)).as("SMTP configured").isFalse();
        assertThat(SettingsCheck.developmentOutbox("true", false, true)).as("SMTP configured, even when forced").isFalse();
        assertThat(SettingsCheck.developmentOutbox("false", false, false)).isFalse();
        settings.put("latchkey.dev.outbox", "yes");
        assertThat(problems()).singleElement().asString().contains("LATCHKEY_DEV_OUTBOX must be one of auto, true, false");
        settings.put("latchkey.dev.outbox", "auto");
        settings.put("latchkey.production", "true");
        settings.put("db.kind", "postgres");
        settings.put("latchkey.smtp.host", "smtp.example.com");
        environment.put("LTPA_KEYS_PASSWORD", "a long secret");
        assertThat(problems()).as("auto is simply off in production").isEmpty();
    }

    @Test
    void theStartUpLogSaysWhereMailGoes() {
        settings.put("latchkey.rp.origins", "http://localhost:9080");
        assertThat(SettingsCheck.mailDestination(settings::get))
                .contains("read it at http://localhost:9080/dev/outbox");
        settings.put("latchkey.dev.outbox", "false");
        assertThat(SettingsCheck.mailDestination(settings::get)).contains("mail stays unsent");
        settings.put("latchkey.smtp.host", "smtp.example.com");
        assertThat(SettingsCheck.mailDestination(settings::get)).isEqualTo("Mail goes to the SMTP server smtp.example.com:587.");
    }
}
