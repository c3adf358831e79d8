package dev.latchkey.app.web;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.education.api.Languages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The language of the help pages for one request: the reader's own choice (the language cookie)
 * when there is one, otherwise the best match for the browser's {@code Accept-Language},
 * otherwise English. Pages that are not translated yet stay English whatever this says.
 */
@ApplicationScoped
public class ReaderLanguage {

    private static final Duration REMEMBERED = Duration.ofDays(365);

    @Inject
    Cookies cookies;

    public Locale of(HttpServletRequest request) {
        return cookies.read(request, Cookies.LANGUAGE)
                .flatMap(Languages::byTag)
                .orElseGet(() -> Languages.negotiate(request.getHeader("Accept-Language")));
    }

    /** Remembers a choice; SameSite=Lax so that it also applies when a link from elsewhere opens the help. */
    public void remember(HttpServletResponse response, Locale locale) {
        cookies.writeLasting(response, Cookies.LANGUAGE, locale.toLanguageTag(), "Lax", REMEMBERED);
    }

    /** One entry of the language switcher, named in its own language ("Deutsch", not "German"). */
    public record Option(String tag, String name, boolean current) {
    }

    public static List<Option> options(Locale current) {
        return Languages.supported().stream()
                .map(l -> new Option(l.toLanguageTag(), capitalised(l.getDisplayLanguage(l), l), l.equals(current)))
                .toList();
    }

    private static String capitalised(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
