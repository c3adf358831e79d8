package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The help pages over HTTP: every article in every language, language choice by header and by
 * the switcher's cookie, a friendly 404, search, and "Was this helpful?" counted once.
 */
class LearnIT {

    private static final String ENGLISH = "en-GB,en;q=0.9";
    private static final String GERMAN = "de-DE,de;q=0.9,en;q=0.5";
    private static final String ARTICLE = "signing-in-on-another-device";

    /** The articles as shipped, read from the education module on the test class path: slug, then title per language. */
    private static final Map<String, Map<String, String>> TITLES = titles();

    @Test
    void readinessIncludesTheEducationModule() {
        HttpResponse<String> ready = new Browser().get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"education\":\"ready\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void theIndexListsEveryArticleInTheBrowsersLanguage(String language) {
        HttpResponse<String> page = new Browser().get("/learn", "Accept-Language", header(language));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Language")).hasValue(language);
        assertThat(page.body()).contains("<html lang=\"" + language + "\"")
                .contains(language.equals("de") ? "Hilfe zu Passkeys" : "Passkey help")
                .contains("<label for=\"q\"").contains("role=\"search\"").contains("href=\"#main\"");
        assertThat(TITLES).hasSize(11);
        TITLES.forEach((slug, titles) -> assertThat(page.body()).as(slug)
                .contains("<a href=\"/learn/" + slug + "\">" + html(titles.get(language)) + "</a>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void everyArticleRendersInEveryLanguage(String language) {
        Browser browser = new Browser();
        TITLES.forEach((slug, titles) -> {
            HttpResponse<String> page = browser.get("/learn/" + slug, "Accept-Language", header(language));
            assertThat(page.statusCode()).as(slug).isEqualTo(200);
            assertThat(page.body()).as(slug)
                    .contains("<html lang=\"" + language + "\"")
                    .contains("<article lang=\"" + language + "\">")
                    .contains("<h1>" + html(titles.get(language)) + "</h1>")
                    .contains("id=\"feedback\"")
                    .contains(language.equals("de") ? "War das hilfreich?" : "Was this helpful?")
                    .doesNotContain("??").doesNotContain("<script");
        });
    }

    @Test
    void theLanguageSwitcherStoresTheChoiceInACookieThatBeatsTheBrowsersHeader() {
        Browser browser = new Browser();
        browser.get("/learn/" + ARTICLE, "Accept-Language", ENGLISH);

        HttpResponse<String> switched = browser.postForm("/language", "lang=de&next=" + encode("/learn/" + ARTICLE));
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location")).hasValue("/learn/" + ARTICLE);
        assertThat(switched.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("latchkey_lang=de")
                && c.contains("SameSite=Lax") && lasting(c));

        HttpResponse<String> german = browser.get("/learn/" + ARTICLE, "Accept-Language", ENGLISH);
        assertThat(german.body()).contains("<html lang=\"de\"").contains(html(TITLES.get(ARTICLE).get("de")));
        assertThat(browser.get("/learn", "Accept-Language", ENGLISH).body()).contains("Hilfe zu Passkeys");

        browser.postForm("/language", "lang=en&next=%2Flearn");
        assertThat(browser.get("/learn", "Accept-Language", GERMAN).body()).contains("<html lang=\"en\"");
    }

    @Test
    void theSwitcherRefusesUnknownLanguagesAndReturnsOnlyToPagesOfThisSite() {
        Browser browser = new Browser();
        assertThat(browser.postForm("/language", "lang=xx&next=%2Flearn").statusCode()).isEqualTo(400);
        for (String next : List.of("//evil.example/learn", "https://evil.example", "/learn/\\evil", "/learn/../x")) {
            HttpResponse<String> r = browser.postForm("/language", "lang=de&next=" + encode(next));
            assertThat(r.statusCode()).as(next).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(next).hasValue("/");
        }
        for (String next : List.of("/learn?q=bluetooth", "/account/security", "/signin")) {
            assertThat(browser.postForm("/language", "lang=de&next=" + encode(next))
                    .headers().firstValue("Location")).as(next).hasValue(next);
        }
    }

    @Test
    void theChoiceMadeInTheHelpAlsoTranslatesTheSignInPage() {
        Browser browser = new Browser();
        browser.get("/learn");
        browser.postForm("/language", "lang=de&next=%2Flearn");
        HttpResponse<String> signIn = browser.get("/signin", "Accept-Language", ENGLISH);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Language")).hasValue("de");
        assertThat(signIn.body()).contains("<html lang=\"de\"").contains("Mit einem Passkey anmelden")
                .doesNotContain("Sign in with a passkey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/learn/no-such-article", "/learn/Not%20A%20Slug", "/learn/" + ARTICLE + "/extra",
            "/learn/%3Cscript%3E"})
    void anUnknownArticleGetsAFriendly404InTheReadersLanguage(String path) {
        HttpResponse<String> en = new Browser().get(path, "Accept-Language", ENGLISH);
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(en.body()).contains("<html lang=\"en\"").contains("We could not find that article")
                .contains("role=\"search\"").contains("href=\"/learn\"")
                .doesNotContain("Exception").doesNotContain("at dev.latchkey").doesNotContain("<script>");

        HttpResponse<String> de = new Browser().get(path, "Accept-Language", GERMAN);
        assertThat(de.statusCode()).isEqualTo(404);
        assertThat(de.body()).contains("<html lang=\"de\"").contains("Diesen Artikel haben wir nicht gefunden");
    }

    @Test
    void searchFindsArticlesByWordsInTheirBodyAndEscapesTheQuery() {
        HttpResponse<String> bluetooth = new Browser().get("/learn?q=Bluetooth", "Accept-Language", ENGLISH);
        assertThat(bluetooth.statusCode()).isEqualTo(200);
        assertThat(bluetooth.body()).contains("href=\"/learn/" + ARTICLE + "\"").contains("role=\"status\"")
                .doesNotContain("href=\"/learn/your-privacy\"");

        HttpResponse<String> german = new Browser().get("/learn?q=" + encode("Sicherheitsschlüssel"), "Accept-Language", GERMAN);
        assertThat(german.body()).contains("href=\"/learn/where-passkeys-are-saved\"").contains("passen zu");

        HttpResponse<String> hostile = new Browser().get("/learn?q=" + encode("<script>alert(1)</script>"));
        assertThat(hostile.statusCode()).isEqualTo(200);
        assertThat(hostile.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("No article matches");
    }

    @Test
    void feedbackCountsOncePerBrowserAndIsStoredWithAnEvent() {
        Browser browser = new Browser();
        browser.get("/learn/" + ARTICLE, "Accept-Language", ENGLISH);
        long yesBefore = feedbackCount(ARTICLE, "en", true);
        long noBefore = feedbackCount(ARTICLE, "en", false);
        long eventsBefore = eventCount(ARTICLE, "en");

        HttpResponse<String> yes = browser.postForm("/learn/" + ARTICLE + "/feedback", "helpful=yes");
        assertThat(yes.statusCode()).isEqualTo(303);
        assertThat(yes.headers().firstValue("Location")).hasValue("/learn/" + ARTICLE + "#feedback");
        assertThat(yes.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("latchkey_feedback=")
                && c.contains("HttpOnly") && c.contains("SameSite=Lax") && lasting(c));
        assertThat(feedbackCount(ARTICLE, "en", true)).isEqualTo(yesBefore + 1);
        assertThat(eventCount(ARTICLE, "en")).isEqualTo(eventsBefore + 1);

        HttpResponse<String> thanked = browser.get("/learn/" + ARTICLE);
        assertThat(thanked.body()).contains("Thank you. Your answer helps").doesNotContain("name=\"helpful\"");

        // The same browser again, even with the other answer: still one answer, no new event.
        assertThat(browser.postForm("/learn/" + ARTICLE + "/feedback", "helpful=yes").statusCode()).isEqualTo(303);
        assertThat(browser.postForm("/learn/" + ARTICLE + "/feedback", "helpful=no").statusCode()).isEqualTo(303);
        assertThat(feedbackCount(ARTICLE, "en", true)).isEqualTo(yesBefore + 1);
        assertThat(feedbackCount(ARTICLE, "en", false)).isEqualTo(noBefore);
        assertThat(eventCount(ARTICLE, "en")).isEqualTo(eventsBefore + 1);

        // Another browser is another answer.
        Browser other = new Browser();
        other.get("/learn/" + ARTICLE);
        assertThat(other.postForm("/learn/" + ARTICLE + "/feedback", "helpful=no").statusCode()).isEqualTo(303);
        assertThat(feedbackCount(ARTICLE, "en", false)).isEqualTo(noBefore + 1);
        assertThat(eventCount(ARTICLE, "en")).isEqualTo(eventsBefore + 2);
    }

    @Test
    void feedbackIsCountedInTheLanguageTheArticleWasShownIn() {
        Browser browser = new Browser();
        browser.get("/learn/your-privacy");
        browser.postForm("/language", "lang=de&next=%2Flearn%2Fyour-privacy");
        long german = feedbackCount("your-privacy", "de", false);
        long english = feedbackCount("your-privacy", "en", false);

        assertThat(browser.postForm("/learn/your-privacy/feedback", "helpful=no").statusCode()).isEqualTo(303);

        assertThat(feedbackCount("your-privacy", "de", false)).isEqualTo(german + 1);
        assertThat(feedbackCount("your-privacy", "en", false)).isEqualTo(english);
        assertThat(browser.get("/learn/your-privacy").body()).contains("Vielen Dank");
    }

    @Test
    void feedbackWithoutTheCsrfTokenIsForbiddenAndStoresNothing() throws Exception {
        long before = Database.tableSize("edu_feedback");
        HttpResponse<String> forged = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(Browser.BASE_URL + "/learn/" + ARTICLE + "/feedback"))
                        .POST(HttpRequest.BodyPublishers.ofString("helpful=yes"))
                        .header("Content-Type", "application/x-www-form-urlencoded").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        Browser crossSite = new Browser().withOrigin("https://evil.example");
        assertThat(crossSite.postForm("/learn/" + ARTICLE + "/feedback", "helpful=yes").statusCode()).isEqualTo(403);
        assertThat(Database.tableSize("edu_feedback")).isEqualTo(before);
    }

    @Test
    void malformedFeedbackIsRefusedWithoutBeingStored() {
        long before = Database.tableSize("edu_feedback");
        Browser browser = new Browser();
        browser.get("/learn");
        assertThat(browser.postForm("/learn/" + ARTICLE + "/feedback", "helpful=maybe").statusCode()).isEqualTo(400);
        assertThat(browser.postForm("/learn/" + ARTICLE + "/feedback", "").statusCode()).isEqualTo(400);
        assertThat(browser.postForm("/learn/no-such-article/feedback", "helpful=yes").statusCode()).isEqualTo(404);
        assertThat(browser.postForm("/learn", "helpful=yes").statusCode()).isEqualTo(404);
        assertThat(Database.tableSize("edu_feedback")).isEqualTo(before);
    }

    // ------------------------------------------------------------------ helpers

    private static long feedbackCount(String slug, String locale, boolean helpful) {
        return Database.count("select count(*) from edu_feedback where article_slug = ? and locale = ? and helpful = ?",
                slug, locale, helpful);
    }

    private static long eventCount(String slug, String locale) {
        return Database.count("select count(*) from edu_event where type = 'FEEDBACK_GIVEN' and article_slug = ? and locale = ?",
                slug, locale);
    }

    /** Remembered across browser restarts (Liberty writes Max-Age as Expires). */
    private static boolean lasting(String setCookie) {
        return setCookie.contains("Max-Age=") || setCookie.contains("Expires=");
    }

    private static String header(String language) {
        return language.equals("de") ? GERMAN : ENGLISH;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** As Thymeleaf escapes text. */
    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, Map<String, String>> titles() {
        Map<String, Map<String, String>> titles = new LinkedHashMap<>();
        for (String line : read("contents.txt").split("\\R")) {
            String slug = line.strip();
            if (slug.isEmpty() || slug.startsWith("#")) {
                continue;
            }
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (String language : List.of("en", "de")) {
                Matcher m = Pattern.compile("(?m)^title: (.+)$").matcher(read(language + "/" + slug + ".md"));
                assertThat(m.find()).as(language + "/" + slug).isTrue();
                byLanguage.put(language, m.group(1).strip());
            }
            titles.put(slug, byLanguage);
        }
        return titles;
    }

    private static String read(String path) {
        try (InputStream in = LearnIT.class.getResourceAsStream("/META-INF/latchkey/articles/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
