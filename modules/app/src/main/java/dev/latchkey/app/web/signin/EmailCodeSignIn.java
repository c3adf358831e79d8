package dev.latchkey.app.web.signin;

import dev.latchkey.app.security.Cookies;
import dev.latchkey.app.web.BrowserContext;
import dev.latchkey.app.web.ClientAddress;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.app.web.SignInSessions;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.Refusals;
import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.nudges.NudgeRedirects;
import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.FallbackSignIns;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The email-code fallback, as plain forms (no JavaScript needed):
 * {@code POST /signin/email} asks for a code ({@link EmailCodeRequest}), {@code GET /signin/code}
 * shows the code form, {@code POST /signin/code} checks the code. Known and unknown addresses get
 * the same pages.
 */
@WebServlet("/signin/code")
public class EmailCodeSignIn extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EmailCodes codes;

    @Inject
    transient SignInSessions signInSessions;

    @Inject
    transient Cookies cookies;

    @Inject
    transient Views views;

    @Inject
    transient FallbackSignIns fallbacks;

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient NudgeRedirects nudgeRedirects;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<EmailCodes.AttemptToken> attempt = attempt(request);
        Optional<EmailAddress> address = attempt.flatMap(codes::addressOf);
        if (address.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        codeForm(request, response, 200, address.get(), null, request.getParameter("next"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!fallbacks.offered().emailCode()) {
                // Identity refuses too; answered before the form is read, whatever was typed.
                throw new FallbackSignIns.NotOffered();
            }
            post(request, response);
        } catch (FallbackSignIns.NotOffered e) {
            // Switched off for this deployment: as if it did not exist.
            views.problem(request, response, 404, "NOT_FOUND", UiText.of("error.notFound"));
        }
    }

    /** The form's POST, when the fallback is offered. */
    void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        checkCode(request, response);
    }

    void requestCode(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = Paths.safeNext(request.getParameter("next"));
        Optional<EmailAddress> email = EmailAddress.parse(request.getParameter("email"));
        if (email.isEmpty()) {
            signInPage(request, response, 422, request.getParameter("email"),
                    UiText.of("signin.error.email"), next);
            return;
        }
        EmailCodes.AttemptToken attempt;
        try {
            attempt = fallbacks.requestEmailCode(email.get(), ClientAddress.of(request));
        } catch (EmailCodes.TooManyRequests e) {
            response.setHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
            choices(request, response, 429, email.get(), Refusals.of(e), next);
            return;
        }
        cookies.write(response, Cookies.CODE_ATTEMPT, attempt.value(), "Strict");
        // Post/redirect/get: reloading the code page does not send another code.
        response.sendRedirect("/signin/code?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void checkCode(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = Paths.safeNext(request.getParameter("next"));
        Optional<EmailCodes.AttemptToken> attempt = attempt(request);
        var client = BrowserContext.describe(request, Map.of(), sharedDevices.isShared(request));
        // One call: identity applies the switch and the limits, counts the try, logs it and signs in.
        FallbackSignIns.Result result = fallbacks.withEmailCode(attempt, request.getParameter("code"),
                signInSessions.context(request, client));
        switch (result.outcome()) {
            case SIGNED_IN -> {
                cookies.clear(response, Cookies.CODE_ATTEMPT);
                signInSessions.keep(response, result.signedIn().orElseThrow());
                response.sendRedirect(nudgeRedirects.afterSignIn(result.signedIn().orElseThrow(), next));
            }
            case WRONG -> {
                codeForm(request, response, 422, attempt.flatMap(codes::addressOf).orElse(null),
                        result.triesLeft() == 1 ? UiText.of("code.error.wrong.one")
                                : UiText.of("code.error.wrong", result.triesLeft()), next);
            }
            case THROTTLED -> {
                result.refusal().flatMap(AbuseLimits.Refusal::retryAfter)
                        .ifPresent(d -> response.setHeader("Retry-After", String.valueOf(d.toSeconds())));
                codeForm(request, response, 429, attempt.flatMap(codes::addressOf).orElse(null),
                        result.refusal().map(Refusals::of).orElse(UiText.of("limits.tooMany")), next);
            }
            case NEEDS_NEW_CODE -> {
                UiText message = UiText.of("code.error.expired");
                Optional<EmailAddress> address = attempt.flatMap(codes::addressOf);
                cookies.clear(response, Cookies.CODE_ATTEMPT);
                if (address.isPresent()) {
                    choices(request, response, 422, address.get(), message, next);
                } else {
                    signInPage(request, response, 422, null, message, next);
                }
            }
        }
    }

    private Optional<EmailCodes.AttemptToken> attempt(HttpServletRequest request) {
        return cookies.read(request, Cookies.CODE_ATTEMPT).filter(v -> v.length() == 43).map(EmailCodes.AttemptToken::new);
    }

    private void codeForm(HttpServletRequest request, HttpServletResponse response, int status, EmailAddress address,
                          UiText error, String next) throws IOException {
        views.render(request, response, status, new SignInCodeView(address == null ? "" : address.value(),
                error, Paths.safeNext(next), EmailCodes.VALID_MINUTES));
    }

    /** The first sign-in step again, the address field saying why. */
    private void signInPage(HttpServletRequest request, HttpServletResponse response, int status, String typed,
                            UiText emailError, String next) throws IOException {
        views.render(request, response, status, SignInView.emailRefused(next, sharedDevices.isShared(request),
                sharedDevices.inSharedNetwork(ClientAddress.of(request)), typed, emailError));
    }

    /** The ways to sign in for this address again, the email-code choice saying why (the same for any address). */
    private void choices(HttpServletRequest request, HttpServletResponse response, int status, EmailAddress email,
                         UiText error, String next) throws IOException {
        views.render(request, response, status, SignInMethodsView.emailCodeRefused(email.value(), next,
                sharedDevices.isShared(request), error));
    }
}
