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
import org.junit.jupiter.api.Test;

/** The translated pages' strings: every language has every key, and every key a template uses exists. */
class UiTranslationsTest {

    private static final Path TEMPLATES = Path.of("../../ui-templates/templates");
    private static final Path I18N = TEMPLATES.resolve("i18n");
    private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z][\\w.]*)");

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        assertThat(english).isNotEmpty();
        try (Stream<Path> files = Files.list(I18N)) {
            List<Path> translations = files.filter(p -> p.getFileName().toString().matches("messages_.+\\.properties")).toList();
            assertThat(translations).extracting(p -> p.getFileName().toString()).contains("messages_de.properties");
            for (Path file : translations) {
                Properties translated = load(file.getFileName().toString());
                assertThat(new TreeSet<>(translated.stringPropertyNames())).as(file.toString())
                        .isEqualTo(new TreeSet<>(english));
                for (String key : english) {
                    assertThat(translated.getProperty(key)).as("%s %s", file.getFileName(), key).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyMessageATemplateUsesExists() throws IOException {
        Properties english = load("messages.properties");
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

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(I18N.resolve(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
