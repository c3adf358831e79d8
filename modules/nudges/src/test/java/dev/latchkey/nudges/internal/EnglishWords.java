package dev.latchkey.nudges.internal;

import dev.latchkey.nudges.api.Words;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@link Words} in English, read from the pages' bundle ({@code ui-templates/templates/i18n/account.properties})
 * as the web layer renders them: arguments replace {@code {0}}, {@code {1}} literally, words among them first.
 * A key the bundle lacks fails the test.
 */
final class EnglishWords {

    private static final Path BUNDLE = Path.of("../../ui-templates/templates/i18n/account.properties");
    private static final Properties ENGLISH = load();

    private EnglishWords() {
    }

    static String of(Words words) {
        String text = ENGLISH.getProperty(words.key());
        if (text == null) {
            throw new AssertionError(words.key() + " is missing from " + BUNDLE);
        }
        for (int i = 0; i < words.args().size(); i++) {
            Object a = words.args().get(i);
            text = text.replace("{" + i + "}", a instanceof Words w ? of(w) : (String) a);
        }
        return text;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
