package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.CeremonyRejected;
import dev.latchkey.credentials.api.PasskeyEvent;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.StaffRole;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message keys that Java hands to pages (a {@code UiText}, a step-up's purpose, the names the 403 page of
 * the console looks up, a refused ceremony's reason) exist in English and German, in any i18n part: {@code UiTranslationsTest} sees only the templates' keys.
 */
class UiTextKeysTest {

    private static final Path I18N = Path.of("../../ui-templates/templates/i18n");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path NUDGES = Path.of("../nudges/src/main/java");
    private static final Path CREDENTIALS = Path.of("../credentials/src/main/java");
    /** The words a refused ceremony carries beyond its reason's ({@code CeremonyRejected.key}). */
    private static final Pattern CEREMONY = Pattern.compile("\"(ceremony\\.detail\\.\\w+)\"");
    /** Dotted names only: {@code Words.of("B".equals(variant) ? ...)} begins with a value compared, not a key. */
    private static final Pattern WORDS = Pattern.compile("Words\\.of\\(\\s*\"([a-z]\\w*(?:\\.\\w+)+)\"");
    private static final Pattern KEY = Pattern.compile("UiText\\.of\\(\\s*\"([\\w.]+)\"|\"(stepup\\.for\\.\\w+)\"");

    @Test
    void everyKeyJavaNamesExistsInEveryLanguage() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!key.endsWith(".")) { // a prefix completed at run time: checked below
                        used.add(key);
                    }
                }
            }
        }
        // The words the nudges module hands to pages by key (Words.of), such as the link handoff's refusals.
        try (Stream<Path> files = Files.walk(NUDGES)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = WORDS.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // The words the credentials module gives a refused ceremony (the passkey limit with its number ...).
        try (Stream<Path> files = Files.walk(CREDENTIALS)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CEREMONY.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("ceremony.detail.passkeyCap", "ceremony.detail.platformOnly", "problem.csrf",
                "problem.database.message", "forbidden.json");
        assertThat(used).contains("handoff.refused.unknown", "handoff.refused.wrongCode.many");
        assertThat(used).contains("signin.error.email", "code.error.wrong", "stepup.for.removePasskey", "error.notFound");
        Arrays.stream(Permission.values()).forEach(p -> used.add("forbidden.permission." + p.name()));
        Arrays.stream(StaffRole.values()).forEach(r -> used.add("forbidden.role." + r.name()));
        Arrays.stream(CeremonyRejected.Reason.values()).forEach(r -> used.add("ceremony." + r.name()));
        Arrays.stream(dev.latchkey.federation.api.OpenIdProvider.Reason.values())
                .forEach(r -> used.add("oidc.refused." + r.name()));
        // The operator's security timeline (insights' AccountLookup.SecurityEvent): every code it can hand the page.
        Arrays.stream(PasskeyEvent.Kind.values()).forEach(k -> used.add("op.event.PASSKEY_" + k.name()));
        Arrays.stream(PasskeyEvent.Cause.values()).forEach(c -> used.add("op.event.cause." + c.name()));
        Arrays.stream(SignInMethod.values()).forEach(m -> used.add("op.method." + m.name()));
        Stream.of("PERSON", "STAFF", "OTHER_ACCOUNT", "NOT_RECORDED").forEach(a -> used.add("op.event.actor." + a));
        used.addAll(Set.of("op.event.STEP_UP", "op.event.cause.ASSISTED_RECOVERY", "op.event.subject.unknown"));
        // A device's automatic label, worded per language (Views.device, nudges' Words.device).
        used.add("device.label");
        Arrays.stream(dev.latchkey.identity.api.DeviceLabel.Platform.values()).forEach(p -> used.add(p.key()));
        used.add("cards.name.madeOnLabel");
        for (String suffix : new String[] {"", "_de"}) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(keys(suffix));
            assertThat(missing).as("keys Java uses that no <part>%s.properties has", suffix).isEmpty();
        }
    }

    /** Every i18n part's keys in one language ({@code ""}: English, {@code "_de"}: German). */
    private static Set<String> keys(String suffix) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> parts = Files.list(I18N)) {
            for (Path part : parts.toList()) {
                String name = part.getFileName().toString();
                boolean german = name.endsWith("_de.properties");
                boolean english = name.endsWith(".properties") && !name.matches(".*_[a-z]{2}\\.properties");
                if (suffix.isEmpty() ? english : german) {
                    Properties p = new Properties();
                    try (Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                        p.load(in);
                    }
                    keys.addAll(p.stringPropertyNames());
                }
            }
        }
        return keys;
    }
}
