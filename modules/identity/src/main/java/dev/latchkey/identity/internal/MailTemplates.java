package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.DeviceLabel;
import dev.latchkey.identity.api.SecurityNotices;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every mail's subject and body, rendered from a Thymeleaf TEXT template per kind and language
 * under {@code META-INF/latchkey/mail/<language>/<kind>.txt}. A template's first line is the
 * subject, then one empty line, then the body. Languages without templates get English.
 *
 * <p>Arguments are plain values: strings, numbers, lists, {@link Optional}s (empty ones become
 * absent) and {@link Instant}s, which are written as a date and time in the mail's language
 * (UTC, as every mail says). Nothing here is HTML: TEXT mode escapes nothing.
 */
@ApplicationScoped
class MailTemplates {

    /** What a template rendered: what the outbox queues. */
    record Letter(String subject, String body) {
    }

    /** The mail kinds; each has a template in every language of {@link #LANGUAGES}. */
    enum Kind {
        SIGN_IN_CODE, CONFIRM_ADDRESS, ADDRESS_TAKEN_AT_SIGN_UP, CONFIRM_NEW_ADDRESS, ADDRESS_TAKEN_AT_CHANGE,
        ADDRESS_CHANGED, INVITATION, RECOVERY_CODE_USED, PASSWORD_ADDED, PASSWORD_CHANGED, PASSWORD_REMOVED,
        PASSKEY_ADDED, PASSKEY_REMOVED, DEVICE_LOST, ASSISTED_RECOVERY_STARTED;

        String template() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Not a mail: the words of a passkey's automatic name, used inside the passkey mails. */
    static final String PASSKEY_NAME = "passkey-name";

    /** Not a mail: a device's automatic label in the language's words ({@link DeviceLabel}). */
    static final String DEVICE_LABEL = "device-label";

    /**
     * The fields of {@link SecurityNotices}' records that hold a device's name or label: worded by
     * {@link #device(String, Locale)} before a template sees them.
     */
    static final java.util.Set<String> DEVICE_FIELDS = java.util.Set.of("fromDevice", "createdOn", "deviceLabel");

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    private static final Map<String, DateTimeFormatter> WHEN = Map.of(
            "en", DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC),
            "de", DateTimeFormatter.ofPattern("d. MMMM yyyy 'um' HH:mm 'UTC'", Locale.GERMAN).withZone(ZoneOffset.UTC));

    private final TemplateEngine engine = new TemplateEngine();

    MailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("META-INF/latchkey/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** The supported language for a stored or requested tag; English for anything else (or nothing). */
    static Locale language(String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.ENGLISH;
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(Locale.ENGLISH);
    }

    static Locale language(Optional<Locale> locale) {
        return language(locale.map(Locale::getLanguage).orElse(null));
    }

    Letter render(Kind kind, Locale language, Map<String, ?> arguments) {
        Locale lang = language(language.getLanguage());
        Context context = new Context(lang);
        arguments.forEach((name, value) -> context.setVariable(name, plain(value, lang)));
        String text = engine.process(lang.getLanguage() + "/" + kind.template(), context).replace("\r\n", "\n");
        int end = text.indexOf("\n\n");
        if (end < 0) {
            throw new IllegalStateException("mail template " + kind + " has no empty line after its subject");
        }
        return new Letter(text.substring(0, end).strip(), text.substring(end + 2));
    }

    /**
     * A passkey's name in a language, from {@code <language>/passkey-name.txt}: the owner's own name as given,
     * an automatic one in the language's words ("Passkey on Chrome on Android", "Passkey, erstellt auf ...").
     */
    String passkeyName(SecurityNotices.PasskeyName name, Locale language) {
        Context context = new Context(language);
        context.setVariable("kind", name.kind().name());
        boolean made = name.kind() == SecurityNotices.PasskeyName.Kind.MADE_ON;
        context.setVariable("text", made ? device(name.text(), language) : name.text());
        context.setVariable("isLabel", made && DeviceLabel.read(name.text()).isPresent());
        return engine.process(language.getLanguage() + "/" + PASSKEY_NAME, context).strip();
    }

    /**
     * A device's name in a language: an automatic label ("Chrome on Windows") in the language's words from
     * {@code <language>/device-label.txt} ("Chrome unter Windows"); a name the person gave, or a label
     * {@link DeviceLabel#read} does not know, as it is.
     */
    String device(String nameOrLabel, Locale language) {
        return DeviceLabel.read(nameOrLabel).map(label -> {
            Context context = new Context(language);
            context.setVariable("browser", label.browser());
            context.setVariable("platform", label.platform().name());
            return engine.process(language(language.getLanguage()).getLanguage() + "/" + DEVICE_LABEL, context).strip();
        }).orElse(nameOrLabel);
    }

    /**
     * Instants in the language's words, passkey names in the language's words, empty Optionals as absent,
     * records of lists as maps: what OGNL reads plainly.
     */
    private Object plain(Object value, Locale language) {
        if (value instanceof Optional<?> optional) {
            return optional.map(v -> plain(v, language)).orElse(null);
        }
        if (value instanceof Instant instant) {
            return WHEN.get(language.getLanguage()).format(instant);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> plain(v, language)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plain(v, language)));
            return copy;
        }
        if (value instanceof SecurityNotices.PasskeyName name) {
            return passkeyName(name, language);
        }
        if (value instanceof Record record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    Object field = component.getAccessor().invoke(record);
                    if (DEVICE_FIELDS.contains(component.getName())) {
                        field = field instanceof Optional<?> o ? o.map(v -> device((String) v, language))
                                : field instanceof String text ? device(text, language) : field;
                    }
                    fields.put(component.getName(), plain(field, language));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return fields;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }
}
