package dev.latchkey.education.internal;

import dev.latchkey.education.api.Article;
import dev.latchkey.education.api.Articles;
import dev.latchkey.education.api.Tip;
import dev.latchkey.education.api.TipKey;
import dev.latchkey.education.api.Tips;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The articles and tips shipped in this module, loaded once when the application starts
 * ({@link EducationSchema} touches this bean then). Broken content does not stop the server, but
 * keeps it out of rotation: {@link #problem()} names the file and what is wrong with it.
 */
@ApplicationScoped
class HelpLibrary implements Articles, Tips {

    private static final Logger LOG = Logger.getLogger(HelpLibrary.class.getName());

    private volatile ArticleLibrary articles;
    private volatile TipCatalog tips;
    private volatile String problem = "help content has not been loaded yet";

    @PostConstruct
    void load() {
        try {
            ArticleLibrary.Resources resources = ArticleLibrary.Resources.of(HelpLibrary.class);
            ArticleLibrary loaded = ArticleLibrary.load(resources);
            tips = TipCatalog.load(resources, loaded);
            articles = loaded;
            problem = null;
            LOG.info(() -> "Loaded " + loaded.slugs().size() + " help articles");
        } catch (RuntimeException e) {
            problem = "help content failed to load: " + e.getMessage();
            LOG.log(Level.SEVERE, problem, e);
        }
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Package-private for the feedback store, which counts only real articles. */
    ArticleLibrary library() {
        ArticleLibrary a = articles;
        if (a == null) {
            throw new IllegalStateException(problem);
        }
        return a;
    }

    @Override
    public List<Article> all(Locale locale) {
        return library().all(locale);
    }

    @Override
    public Optional<Article> find(String slug, Locale locale) {
        if (slug == null || slug.length() > 80 || !FrontMatter.SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return library().resolve(slug, locale).map(ArticleLibrary.Entry::article);
    }

    @Override
    public List<Article> search(String query, Locale locale) {
        return library().search(query, locale);
    }

    @Override
    public List<Article> related(String slug, Locale locale, int limit) {
        return library().related(slug, locale, limit);
    }

    @Override
    public Tip tip(TipKey key, Locale locale, Map<String, String> params) {
        TipCatalog t = tips;
        if (t == null) {
            throw new IllegalStateException(problem);
        }
        return t.tip(key, locale, params);
    }
}
