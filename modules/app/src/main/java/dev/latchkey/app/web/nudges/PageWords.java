package dev.latchkey.app.web.nudges;

import dev.latchkey.app.web.Views;
import dev.latchkey.nudges.api.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.function.Function;

/**
 * The nudges module's {@link Words} (message keys with arguments) in the reader's language, from the
 * pages' bundles: the arguments that are words of ours are translated first, user data (device labels,
 * provider names) is used as it is. Thymeleaf escapes the result where the page shows it.
 */
@ApplicationScoped
public class PageWords {

    @Inject
    Views views;

    /** The words of one request's pages, in one language. */
    public Function<Words, String> in(HttpServletRequest request, Locale locale) {
        return new Function<>() {
            @Override
            public String apply(Words words) {
                Object[] args = words.args().stream()
                        .map(a -> a instanceof Words w ? apply(w) : a)
                        .toArray();
                return views.message(request, locale, words.key(), args);
            }
        };
    }
}
