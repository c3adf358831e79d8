package dev.latchkey.app.web.learn;

import dev.latchkey.app.web.PageView;
import dev.latchkey.app.web.ReaderLanguage;
import dev.latchkey.education.api.Article;
import java.util.List;

/**
 * The view models of the help pages. Each carries what every help page shows ({@code learn-fragments}):
 * its language tag, the language switcher's options, and {@code here}, where the switcher returns to.
 */
public final class LearnViews {

    private LearnViews() {
    }

    /** What every help page shows, built once per request. */
    record Frame(String lang, List<ReaderLanguage.Option> languages, String here) {
    }

    /**
     * {@code learn}: every article by audience, or ({@code searching}) the results of {@code query};
     * the lists of the other case are {@code null}.
     */
    public record Index(String lang, List<ReaderLanguage.Option> languages, String here, String query,
                        boolean searching, List<Article> forEveryone, List<Article> forAdministrators,
                        List<Article> results) implements PageView {

        static Index all(Frame f, List<Article> forEveryone, List<Article> forAdministrators) {
            return new Index(f.lang(), f.languages(), f.here(), "", false, forEveryone, forAdministrators, null);
        }

        static Index found(Frame f, String query, List<Article> results) {
            return new Index(f.lang(), f.languages(), f.here(), query, true, null, null, results);
        }

        @Override
        public String template() {
            return "learn";
        }
    }

    /**
     * {@code learn-article}: one article, whether it is in the reader's language, related articles,
     * and whether this browser already answered "Was this helpful?".
     */
    public record ArticlePage(String lang, List<ReaderLanguage.Option> languages, String here, Article article,
                              boolean translated, List<Article> related, boolean answered) implements PageView {

        ArticlePage(Frame f, Article article, boolean translated, List<Article> related, boolean answered) {
            this(f.lang(), f.languages(), f.here(), article, translated, related, answered);
        }

        @Override
        public String template() {
            return "learn-article";
        }
    }

    /** {@code learn-not-found}: no such article (a 404). */
    public record NotFound(String lang, List<ReaderLanguage.Option> languages, String here) implements PageView {

        NotFound(Frame f) {
            this(f.lang(), f.languages(), f.here());
        }

        @Override
        public String template() {
            return "learn-not-found";
        }
    }
}
