package dev.latchkey.app.web.learn;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.app.web.ReaderLanguage;
import dev.latchkey.app.web.Views;
import dev.latchkey.education.api.Article;
import dev.latchkey.education.api.ArticleFeedback;
import dev.latchkey.education.api.Articles;
import dev.latchkey.education.api.Audience;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The help pages, in the reader's language ({@link ReaderLanguage}), for everyone, signed in or not:
 * <ul>
 *   <li>{@code GET /learn}: every article, or with {@code ?q=} the ones matching a search;</li>
 *   <li>{@code GET /learn/<slug>}: one article, then "Was this helpful?" and related articles;</li>
 *   <li>{@code POST /learn/<slug>/feedback}: the yes/no form (CSRF-checked), then back to the article.</li>
 * </ul>
 * "Was this helpful?" needs no account: a random cookie stands for the browser, so that the
 * education module counts one answer per article, language and browser.
 */
@WebServlet("/learn/*")
public class LearnPages extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final Pattern FEEDBACK_PATH = Pattern.compile("/([a-z0-9-]{1,80})/feedback");
    private static final Pattern BROWSER_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Duration FEEDBACK_COOKIE_LIFETIME = Duration.ofDays(365);
    private static final int MAX_QUERY_LENGTH = 200;
    private static final int RELATED = 3;

    @Inject
    transient Articles articles;

    @Inject
    transient ArticleFeedback feedback;

    @Inject
    transient ReaderLanguage language;

    @Inject
    transient Cookies cookies;

    @Inject
    transient Views views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Browsers percent-encode the search box's text as UTF-8; Liberty would decode it as ISO-8859-1.
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Locale locale = language.of(request);
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            index(request, response, locale);
            return;
        }
        Optional<Article> article = path.indexOf('/', 1) < 0 ? articles.find(path.substring(1), locale) : Optional.empty();
        if (article.isEmpty()) {
            notFound(request, response, locale);
            return;
        }
        Article a = article.get();
        views.render(request, response, 200, new LearnViews.ArticlePage(frame(request, locale), a,
                a.locale().getLanguage().equals(locale.getLanguage()), articles.related(a.slug(), locale, RELATED),
                browserToken(request).map(t -> feedback.alreadyAnswered(a.slug(), locale, t)).orElse(false)), locale);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = language.of(request);
        var matcher = FEEDBACK_PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        String answer = request.getParameter("helpful");
        if (!matcher.matches()) {
            notFound(request, response, locale);
            return;
        }
        if (!"yes".equals(answer) && !"no".equals(answer)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String slug = matcher.group(1);
        String token = browserToken(request).orElseGet(() -> {
            String fresh = Cookies.randomValue();
            cookies.writeLasting(response, Cookies.FEEDBACK, fresh, "Lax", FEEDBACK_COOKIE_LIFETIME);
            return fresh;
        });
        if (feedback.record(slug, locale, "yes".equals(answer), token) == ArticleFeedback.Outcome.UNKNOWN_ARTICLE) {
            notFound(request, response, locale);
            return;
        }
        // Post/Redirect/Get: a reload does not resend the answer; the page now says thank you.
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/learn/" + slug + "#feedback");
    }

    private void index(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        String q = request.getParameter("q");
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY_LENGTH) {
            query = query.substring(0, MAX_QUERY_LENGTH);
        }
        LearnViews.Frame frame = frame(request, locale);
        LearnViews.Index page;
        if (query.isEmpty()) {
            List<Article> all = articles.all(locale);
            page = LearnViews.Index.all(frame, all.stream().filter(a -> a.audience() == Audience.EVERYONE).toList(),
                    all.stream().filter(a -> a.audience() == Audience.ADMINISTRATORS).toList());
        } else {
            page = LearnViews.Index.found(frame, query, articles.search(query, locale));
        }
        views.render(request, response, 200, page, locale);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        views.render(request, response, 404, new LearnViews.NotFound(frame(request, locale)), locale);
    }

    /** What every help page shows: its language, the switcher and where the switcher returns to. */
    private static LearnViews.Frame frame(HttpServletRequest request, Locale locale) {
        String q = request.getParameter("q");
        return new LearnViews.Frame(locale.toLanguageTag(), ReaderLanguage.options(locale), request.getRequestURI()
                + (q == null || q.isBlank() || q.length() > MAX_QUERY_LENGTH ? ""
                : "?q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8)));
    }

    private Optional<String> browserToken(HttpServletRequest request) {
        return cookies.read(request, Cookies.FEEDBACK).filter(t -> BROWSER_TOKEN.matcher(t).matches());
    }
}
