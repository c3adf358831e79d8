package dev.latchkey.app.web;

import dev.latchkey.app.security.CsrfFilter;
import dev.latchkey.app.security.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the Thymeleaf templates that ui-templates/ places under {@code WEB-INF/templates}.
 * Thymeleaf escapes every {@code th:text} value, so user-supplied names cannot inject markup.
 */
@ApplicationScoped
public class Views {

    @jakarta.inject.Inject
    dev.latchkey.app.config.LatchkeySettings settings;

    @jakarta.inject.Inject
    SharedDevices sharedDevices;

    @jakarta.inject.Inject
    dev.latchkey.identity.api.SessionPolicy sessionPolicy;

    @jakarta.inject.Inject
    ReaderLanguage language;

    private volatile JakartaServletWebApplication application;
    private volatile TemplateEngine engine;
    private volatile UiMessages messages;

    /**
     * One text of the pages' bundles in a language, for words that a module chose by key (such as the
     * nudges' {@code PromptWords}) and a page shows among others; arguments as in {@code #{key(a, b)}}.
     * A key that no bundle defines shows as {@code ??key??}, as in a template.
     */
    public String message(HttpServletRequest request, Locale locale, String key, Object... args) {
        ensureStarted(request);
        String text = messages.message(locale, key, args);
        return text == null ? "??" + key + "??" : text;
    }

    /**
     * A device's name in a language: an automatic label identity composed ("Chrome on Windows",
     * {@link dev.latchkey.identity.api.DeviceLabel}) in that language's words ({@code device.label} with
     * {@code device.platform.*}: "Chrome unter Windows"); a name the person gave, or a label with a platform
     * identity has no words for, as it is.
     */
    public String device(HttpServletRequest request, Locale locale, String nameOrLabel) {
        return dev.latchkey.identity.api.DeviceLabel.read(nameOrLabel)
                .map(l -> message(request, locale, "device.label", l.browser(),
                        message(request, locale, l.platform().key())))
                .orElse(nameOrLabel);
    }

    /** {@link #device(HttpServletRequest, Locale, String)} as a function of one page's request and language. */
    public java.util.function.UnaryOperator<String> devices(HttpServletRequest request, Locale locale) {
        return nameOrLabel -> device(request, locale, nameOrLabel);
    }

    /** Renders a page's view model in the reader's language ({@link ReaderLanguage}). */
    public void render(HttpServletRequest request, HttpServletResponse response, int status, PageView page)
            throws IOException {
        render(request, response, status, page, language.of(request));
    }

    /** Renders a page's view model in a language (see {@link #render(HttpServletRequest, HttpServletResponse, int, String, Map, Locale)}). */
    public void render(HttpServletRequest request, HttpServletResponse response, int status, PageView page,
                       Locale locale) throws IOException {
        render(request, response, status, page.template(), variables(page), locale);
    }

    /** A view model's components by name, those that are {@code null} left out. */
    static Map<String, Object> variables(PageView page) {
        if (!page.getClass().isRecord()) {
            throw new IllegalArgumentException(page.getClass().getName() + " is not a record");
        }
        Map<String, Object> variables = new HashMap<>();
        for (RecordComponent component : page.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(page);
                if (value != null) {
                    variables.put(component.getName(), value);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        return variables;
    }

    /**
     * Renders a template with loose variables in the reader's language; a page with a {@link PageView}
     * record uses that instead.
     */
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
                       Map<String, ?> variables) throws IOException {
        render(request, response, status, template, variables, language.of(request));
    }

    /**
     * Renders a template in a language: {@code #{key}} expressions resolve from
     * {@code WEB-INF/templates/i18n/*.properties} ({@link UiMessages}). Every page also gets what the
     * header's language switcher needs ({@code lang}, {@code languages}, {@code here}) unless its view
     * model brings its own.
     */
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
                       Map<String, ?> variables, Locale locale) throws IOException {
        ensureStarted(request);
        WebContext context = new WebContext(application.buildExchange(request, response), locale);
        context.setVariable("lang", locale.toLanguageTag());
        context.setVariable("languages", ReaderLanguage.options(locale));
        context.setVariable("here", here(request));
        context.setVariables(Map.copyOf(variables));
        context.setVariable("csrfToken", request.getAttribute(CsrfFilter.TOKEN_ATTRIBUTE));
        context.setVariable("signedIn", request.getUserPrincipal() != null);
        // On a shared computer every page says so and offers "Sign out" first (issue 14, item 10).
        boolean shared = request.getUserPrincipal() != null && sharedDevices.isShared(request);
        context.setVariable("sharedDevice", shared);
        context.setVariable("sharedIdleMinutes", sessionPolicy.idleOn(true).toMinutes());
        // Which fallbacks this deployment offers (every page may link to them).
        context.setVariable("emailCodesOffered", settings.emailCodeSignIn());
        context.setVariable("passwordsOffered", settings.passwordSignIn());
        // Pages that say "we sent a code" link to the development outbox where it serves this request.
        context.setVariable("devOutbox", settings.developmentOutbox() && ClientAddress.loopback(request));
        response.setStatus(status);
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        engine.process(template, context, response.getWriter());
    }

    /**
     * An error answer in the reader's language: JSON ({@code reason}, {@code error}) for scripts and the API
     * ({@link Problems#wantsJson}), otherwise the {@code error} page with the message.
     */
    public void problem(HttpServletRequest request, HttpServletResponse response, int status, String reason,
                        UiText message) throws IOException {
        if (Problems.wantsJson(request)) {
            plainProblem(request, response, status, reason, message);
        } else {
            // The switcher returns to the path alone: a query may hold what an error page must not echo (a token).
            render(request, response, status, "error", Map.of("message", message, "here", request.getRequestURI()));
        }
    }

    /**
     * An error answer without a template, for the filters that answer before any page (a request too large, a
     * forged form) and for scripts: {@link Problems}' plain page or JSON, in the reader's language. Should the
     * message bundle itself be unusable, the answer is English ({@code english}) rather than none.
     */
    public void plainProblem(HttpServletRequest request, HttpServletResponse response, int status, String reason,
                             UiText message, String english) throws IOException {
        Problems.Wording words;
        try {
            words = wording(request, text(request, message));
        } catch (RuntimeException e) {
            words = Problems.english(english);
        }
        Problems.send(response, status, reason, words, request);
    }

    /** As {@link #plainProblem(HttpServletRequest, HttpServletResponse, int, String, UiText, String)}. */
    public void plainProblem(HttpServletRequest request, HttpServletResponse response, int status, String reason,
                             UiText message) throws IOException {
        plainProblem(request, response, status, reason, message, "We could not handle that request.");
    }

    /** A message already in the reader's language (such as {@link #words}), in a plain error answer. */
    public void plainProblem(HttpServletRequest request, HttpServletResponse response, int status, String reason,
                             String message) throws IOException {
        Problems.send(response, status, reason, wording(request, message), request);
    }

    /** The plain error page's words around a message, in the reader's language. */
    public Problems.Wording wording(HttpServletRequest request, String message) {
        Locale locale = language.of(request);
        return new Problems.Wording(locale.toLanguageTag(), text(locale, request, UiText.of("error.title")), message,
                text(locale, request, UiText.of("error.signin")));
    }

    /**
     * A sentence in the reader's language, for answers that are not pages (the JSON of the WebAuthn script):
     * the same messages as the templates use. An unknown key shows as {@code ??key??}, as on a page.
     */
    public String text(HttpServletRequest request, UiText text) {
        return text(language.of(request), request, text);
    }

    /** A sentence in a given language (see {@link #text(HttpServletRequest, UiText)}). */
    public String text(Locale locale, HttpServletRequest request, UiText text) {
        ensureStarted(request);
        String message = messages.resolve(locale, text.key(), new Object[] {text.args()});
        return message == null ? "??" + text.key() + "??" : message;
    }

    /**
     * What a page's script shows for a refused ceremony, in the reader's language: the credentials module's key and
     * arguments (the passkey limit's number, which kind of device to choose ...; {@code ceremony.<REASON>} where
     * the reason says it all).
     */
    public String words(HttpServletRequest request, dev.latchkey.credentials.api.CeremonyRejected rejected) {
        return text(request, new UiText(rejected.key(), rejected.args()));
    }

    /** The reader's language for this request ({@link ReaderLanguage}). */
    public Locale language(HttpServletRequest request) {
        return language.of(request);
    }

    /**
     * Where the language switcher returns to: this page when it was reached by GET (its query kept when
     * {@link Paths#safeNext} accepts it), otherwise the page that sent the form, if it is on this site.
     */
    static String here(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            String full = query == null ? uri : uri + "?" + query;
            return Paths.safeNext(full).equals(full) ? full : uri;
        }
        return uri;
    }

    private void ensureStarted(HttpServletRequest request) {
        if (engine == null) {
            synchronized (this) {
                if (engine == null) {
                    application = JakartaServletWebApplication.buildApplication(request.getServletContext());
                    WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
                    resolver.setPrefix("/WEB-INF/templates/");
                    resolver.setSuffix(".html");
                    resolver.setTemplateMode(TemplateMode.HTML);
                    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    resolver.setCacheable(true);
                    RecordProperties.install();
                    TemplateEngine e = new TemplateEngine();
                    e.setTemplateResolver(resolver);
                    UiMessages m = new UiMessages(request.getServletContext());
                    e.setMessageResolver(m);
                    messages = m;
                    engine = e;
                }
            }
        }
    }
}
