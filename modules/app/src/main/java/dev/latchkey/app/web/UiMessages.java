package dev.latchkey.app.web;

import dev.latchkey.education.api.Languages;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The strings of the pages, for Thymeleaf's {@code #{key}} and {@code #{key(arg)}}: every
 * {@code WEB-INF/templates/i18n/<part>.properties} (English) with its {@code <part>_<language>.properties},
 * read as UTF-8 once at start. The parts ({@code messages}, {@code account}, {@code operator} ...) only
 * split the work; a key lives in exactly one of them, and a key defined twice stops the start. A key
 * missing in a translation falls back to English; a key missing everywhere shows as {@code ??key??},
 * and a unit test keeps both from happening.
 *
 * <p>Arguments replace {@code {0}}, {@code {1}} ... literally. Not {@link java.text.MessageFormat}:
 * its quoting rules turn every apostrophe in "don't" into a trap for translators. Thymeleaf escapes
 * the result wherever {@code th:text} shows it.
 */
final class UiMessages implements IMessageResolver {

    static final String FOLDER = "/WEB-INF/templates/i18n/";

    private final Map<Locale, Properties> bundles = new HashMap<>();

    UiMessages(ServletContext servletContext) {
        Set<String> files = servletContext.getResourcePaths(FOLDER);
        if (files == null || files.isEmpty()) {
            throw new IllegalStateException(FOLDER + " is missing from the WAR");
        }
        Set<String> parts = new TreeSet<>();
        for (String path : files) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.endsWith(".properties") && !name.contains("_")) {
                parts.add(name.substring(0, name.length() - ".properties".length()));
            }
        }
        for (Locale locale : Languages.supported()) {
            Properties all = new Properties();
            for (String part : parts) {
                String file = FOLDER + (locale.equals(Languages.FALLBACK) ? part + ".properties"
                        : part + "_" + locale.toLanguageTag() + ".properties");
                Properties p = load(servletContext, file, locale.equals(Languages.FALLBACK));
                for (String key : p.stringPropertyNames()) {
                    if (all.putIfAbsent(key, p.getProperty(key)) != null) {
                        throw new IllegalStateException(key + " is defined twice in " + FOLDER);
                    }
                }
            }
            bundles.put(locale, all);
        }
    }

    private static Properties load(ServletContext servletContext, String file, boolean required) {
        Properties p = new Properties();
        try (InputStream in = servletContext.getResourceAsStream(file)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException(file + " is missing from the WAR");
                }
                return p;
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return p;
    }

    @Override
    public String getName() {
        return "latchkey-ui-messages";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        return resolve(context.getLocale(), key, parameters);
    }

    /** A key's text in a language (English where it lacks one), or {@code null} for a key nobody defined. */
    String message(Locale language, String key, Object[] parameters) {
        return resolve(language, key, parameters);
    }

    /**
     * The message in a language (English when it has none), arguments in place; a single {@link java.util.List}
     * argument is spread over {0}, {1} ... (a {@link UiText}'s arguments); {@code null} for an unknown key.
     */
    String resolve(Locale language, String key, Object[] parameters) {
        Locale locale = Languages.byTag(language.toLanguageTag()).orElse(Languages.FALLBACK);
        String message = bundles.get(locale).getProperty(key, bundles.get(Languages.FALLBACK).getProperty(key));
        if (message == null || parameters == null) {
            return message;
        }
        Object[] values = parameters.length == 1 && parameters[0] instanceof java.util.List<?> list
                ? list.toArray() : parameters;
        for (int i = 0; i < values.length; i++) {
            message = message.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return message;
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] parameters) {
        return "??" + key + "??";
    }
}
