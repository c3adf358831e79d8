package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.StaffRole;
import dev.latchkey.nudges.api.Verdict;
import org.junit.jupiter.api.Test;

/** The translated pages' strings: every language has every key, and every key a template uses exists. */
class UiTranslationsTest {

    private static final Path TEMPLATES = Path.of("../../ui-templates/templates");
    private static final Path I18N = TEMPLATES.resolve("i18n");
    private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z][\\w.]*)");

    /** The English file of each part ({@code messages}, {@code account} ...): see {@code UiMessages}. */
    private static List<String> parts() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
    }

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() throws IOException {
        assertThat(parts()).contains("messages");
        for (String part : parts()) {
            Set<String> english = load(part + ".properties").stringPropertyNames();
            assertThat(english).as(part).isNotEmpty();
            Properties translated = load(part + "_de.properties");
            assertThat(new TreeSet<>(translated.stringPropertyNames())).as(part + "_de").isEqualTo(new TreeSet<>(english));
            for (String key : english) {
                assertThat(translated.getProperty(key)).as("%s_de %s", part, key).isNotBlank();
            }
        }
    }

    @Test
    void noKeyIsDefinedInTwoParts() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String part : parts()) {
            for (String key : load(part + ".properties").stringPropertyNames()) {
                assertThat(seen.add(key)).as("%s is defined again in %s.properties", key, part).isTrue();
            }
        }
    }

    @Test
    void everyMessageATemplateUsesExists() throws IOException {
        Properties english = new Properties();
        for (String part : parts()) {
            english.putAll(load(part + ".properties"));
        }
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = MESSAGE.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys used by templates").isNotEmpty();
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    private static final Pattern CODE_KEY = Pattern.compile("(?:Words|UiText)\\.of\\(\\s*\"([A-Za-z][\\w.-]*)\"\\s*[,)]");

    /** Keys that modules and the web layer name in code ({@code Words.of("key", ...)}, {@code UiText.of("key")}). */
    @Test
    void everyMessageTheCodeNamesExists() throws IOException {
        Properties english = english();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .toList()) {
                Matcher m = CODE_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys named in code").contains("op.account.notFound");
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    /** The console's keys made from codes (roles, verdicts, sign-in methods, staff actions...): one for every code. */
    @Test
    void everyCodeTheConsoleSaysHasWords() throws IOException {
        Properties english = english();
        Set<String> needed = new TreeSet<>();
        for (StaffRole r : StaffRole.values()) {
            needed.add("forbidden.role." + r.name());
        }
        for (SignInMethod m : SignInMethod.values()) {
            needed.add("op.method." + m.name());
        }
        for (Verdict v : Verdict.values()) {
            needed.add("op.verdict." + v.name());
        }
        for (String backup : List.of("NO_PASSKEY", "PASSKEY_NOT_BACKED_UP", "ALL_PASSKEYS_ON_ONE_DEVICE")) {
            needed.add("op.account.backup." + backup);
        }
        for (String page : List.of("insights", "accounts", "recovery", "invitations", "mail", "roles", "clients", "audit")) {
            needed.add("op.home." + page + ".title");
            needed.add("op.home." + page + ".description");
        }
        // Every staff action insights records (the codes on the lines that call actions.record).
        Pattern code = Pattern.compile("\"([A-Z]+(?:_[A-Z]+)+)\"");
        try (Stream<Path> files = Files.walk(Path.of("../insights/src/main/java"))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(source)) {
                    if (line.contains("actions.record(")) {
                        Matcher m = code.matcher(line);
                        while (m.find()) {
                            needed.add("op.action." + m.group(1));
                        }
                    }
                }
            }
        }
        for (String page : List.of("granted", "revoked")) {
            needed.add("op.roles." + page);
        }
        for (StaffRole r : StaffRole.values()) {
            needed.add("op.roles.refused.ALREADY_HELD." + r.name());
        }
        assertThat(needed).contains("op.action.ACCOUNT_VIEW", "op.action.RECOVERY_STARTED", "op.action.STAFF_ROLE_GRANTED",
                "op.action.RECOVERY_LINK_OPENED");
        assertThat(english.stringPropertyNames()).containsAll(needed);
    }

    private static Properties english() throws IOException {
        Properties english = new Properties();
        for (String part : parts()) {
            english.putAll(load(part + ".properties"));
        }
        return english;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(I18N.resolve(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
