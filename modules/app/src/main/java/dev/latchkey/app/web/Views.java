package dev.latchkey.app.web;

import dev.latchkey.app.security.CsrfFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private volatile JakartaServletWebApplication application;
    private volatile TemplateEngine engine;

    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
                       Map<String, ?> variables) throws IOException {
        render(request, response, status, template, variables, Locale.ENGLISH);
    }

    /**
     * Renders a template in a language: {@code #{key}} expressions resolve from
     * {@code WEB-INF/templates/i18n/messages*.properties} ({@link UiMessages}).
     */
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
                       Map<String, ?> variables, Locale locale) throws IOException {
        ensureStarted(request);
        WebContext context = new WebContext(application.buildExchange(request, response), locale);
        context.setVariables(Map.copyOf(variables));
        context.setVariable("csrfToken", request.getAttribute(CsrfFilter.TOKEN_ATTRIBUTE));
        context.setVariable("signedIn", request.getUserPrincipal() != null);
        // Which fallbacks this deployment offers (every page may link to them).
        context.setVariable("emailCodesOffered", settings.emailCodeSignIn());
        context.setVariable("passwordsOffered", settings.passwordSignIn());
        response.setStatus(status);
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        engine.process(template, context, response.getWriter());
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
                    TemplateEngine e = new TemplateEngine();
                    e.setTemplateResolver(resolver);
                    e.setMessageResolver(new UiMessages(request.getServletContext()));
                    engine = e;
                }
            }
        }
    }
}
