package dev.latchkey.app.web.account;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.BrowserContext;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.ReaderLanguage;
import dev.latchkey.app.web.Refusals;
import dev.latchkey.app.web.SharedDevices;
import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.When;
import dev.latchkey.app.web.nudges.AutomaticUpgradeMarker;
import dev.latchkey.app.web.nudges.CoverageCard;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.RecoveryCodes;
import dev.latchkey.identity.api.Passwords;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.FallbackSignIns;
import dev.latchkey.identity.api.SignIns;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /account/security}: signed-in users only (web.xml); lists the account's passkeys,
 * password status, devices and sign-ins. Its forms post to paths of their own, served by the
 * subclasses, which show this page again with the reasons when a change is refused:
 * {@code POST /account/password} ({@link PasswordForm}) sets or changes the password,
 * {@link PasskeyRename} and {@link PasskeyRemove} handle a passkey card's forms.
 */
@WebServlet("/account/security")
public class AccountSecurityPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Views views;

    @Inject
    transient SharedDevices sharedDevices;

    @Inject
    transient Accounts accounts;

    @Inject
    transient Passkeys passkeys;

    @Inject
    transient Devices devices;

    @Inject
    transient SignIns signIns;

    @Inject
    transient RecoveryCodes recoveryCodes;

    @Inject
    transient Passwords passwords;

    @Inject
    transient PasskeyForms passkeyForms;

    @Inject
    transient CoverageCard coverageCard;

    @Inject
    transient AutomaticUpgradeMarker automaticUpgrade;

    @Inject
    transient AccountTips accountTips;

    @Inject
    transient dev.latchkey.app.web.nudges.PageWords pageWords;

    @Inject
    transient ReaderLanguage language;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Account> account = signedIn(request);
        if (account.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        get(request, response, account.get());
    }

    /** The page itself; a form's own path leads back to it. */
    void get(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        if (sharedDevices.isShared(request)) {
            // A shared computer: who is signed in and "Sign out", none of the account's management (SharedDeviceFilter).
            views.render(request, response, 200, new SharedAccountView(account.displayName(), account.email().value(),
                    request.getParameter("sharedDevice") != null,
                    accountTips.sharedDevice(language.of(request)).orElse(null)));
            return;
        }
        render(request, response, 200, account, AccountSecurityView.Refused.NONE);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Account> account = signedIn(request);
        Optional<AccountSecurityView.Refused> refusal = AccountRefusal.of(request);
        if (account.isPresent() && refusal.isPresent()) {
            render(request, response, 409, account.get(), refusal.get());
            return;
        }
        if (account.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        post(request, response, account.get());
    }

    /** A form's POST; the page has none of its own, so back to it. */
    void post(HttpServletRequest request, HttpServletResponse response, Account account) throws IOException {
        response.sendRedirect(Paths.ACCOUNT);
    }

    /** {@code POST /account/password}: a first password, or a new one in exchange for the current one. */
    void setPassword(HttpServletRequest request, HttpServletResponse response, Account account)
            throws IOException {
        UUID id = account.id();
        Optional<String> current = Optional.ofNullable(request.getParameter("currentPassword")).filter(s -> !s.isEmpty());
        Passwords.Change change;
        try {
            // Identity refuses when passwords are off, and logs a wrong current password against the account.
            change = passwords.set(id, current, Optional.ofNullable(request.getParameter("newPassword")).orElse(""),
                    BrowserContext.describe(request, Map.of(), sharedDevices.isShared(request)));
        } catch (FallbackSignIns.NotOffered e) {
            views.plainProblem(request, response, 404, "NOT_FOUND", UiText.of("error.notFound"));
            return;
        } catch (Passwords.Busy e) {
            response.setHeader("Retry-After", "2");
            render(request, response, 503, account, AccountSecurityView.Refused.newPassword(
                    List.of(UiText.of("password.busy"))));
            return;
        }
        switch (change.outcome()) {
            case SET -> response.sendRedirect(Paths.ACCOUNT + "?passwordSet#password");
            case CHANGED -> response.sendRedirect(Paths.ACCOUNT + "?passwordChanged#password");
            case CURRENT_PASSWORD_WRONG -> render(request, response, 422, account,
                    AccountSecurityView.Refused.currentPassword(Refusals.password(change.problems().get(0))));
            case NEW_PASSWORD_REFUSED -> render(request, response, 422, account,
                    AccountSecurityView.Refused.newPassword(
                            change.problems().stream().map(Refusals::password).toList()));
        }
    }

    private Optional<Account> signedIn(HttpServletRequest request) {
        return Optional.ofNullable(request.getUserPrincipal())
                .map(p -> UUID.fromString(p.getName()))
                .flatMap(accounts::find);
    }

    void render(HttpServletRequest request, HttpServletResponse response, int status, Account account,
                AccountSecurityView.Refused refused) throws IOException {
        Optional<UUID> thisDevice = SessionCookieFilter.session(request).flatMap(Sessions.SignedInSession::deviceId);
        UUID id = account.id();
        PasskeyForms.Cards cards = passkeyForms.cards(request, account);
        String passwordSaved = request.getParameter("passwordSet") != null ? "account.password.added"
                : request.getParameter("passwordChanged") != null ? "account.password.changed" : null;
        Locale locale = language.of(request);
        CoverageCard.View coverage = coverageCard.view(id, thisDevice, pageWords.in(request, locale)).orElse(null);
        List<dev.latchkey.identity.api.Device> known = devices.of(id);
        java.util.Map<UUID, String> deviceNames = new java.util.HashMap<>();
        known.forEach(d -> deviceNames.put(d.id(), d.givenName().orElseGet(() -> views.device(request, locale, d.label()))));
        views.render(request, response, status, new AccountSecurityView(account,
                cards.passkeys(), cards.passkeyRemoved(), cards.passkeyRenamed(), cards.passkeySignals(),
                AccountSecurityView.PasswordStatus.of(passwords.setAt(id), passwords.minimumLength(id)), passwordSaved,
                known.stream()
                        .map(d -> new AccountSecurityView.DeviceRow(d.id().toString(), deviceNames.get(d.id()), When.shown(d.lastSeen(), locale),
                                When.iso(d.lastSeen()), thisDevice.filter(d.id()::equals).isPresent(),
                                When.shown(d.firstSeen(), locale), When.iso(d.firstSeen()), d.givenName().orElse(""),
                                views.device(request, locale, d.label())))
                        .toList(),
                signIns.recent(id, 10).stream()
                        .map(e -> new AccountSecurityView.SignInRow(signInWords(request, locale, e, deviceNames),
                                e.succeeded(), When.shown(e.at(), locale),
                                When.iso(e.at())))
                        .toList(),
                request.getParameter("otherSessionsEnded") != null,
                request.getParameter("passkeyAdded") != null,
                request.getParameter("deviceLost") != null,
                request.getParameter("passwordRemoved") != null,
                recoveryCodes.status(id).remaining(),
                request.getParameter("emailConfirmed") != null && account.emailConfirmed(),
                coverage,
                automaticUpgrade.decision(id, thisDevice).orElse(null),
                refused.currentPasswordError(), refused.newPasswordErrors(), refused.passkeyProblem(),
                refused.passkeyProblemId(), refused.passkeyRenameRefused(), refused.deviceProblem(),
                refused.passwordProblem(),
                accountTips.newPasskey(cards.passkeys(), request.getParameter("passkeyAdded"), locale).orElse(null),
                accountTips.allOnOneDevice(coverage, cards.passkeys(), locale).orElse(null)));
    }

    /**
     * How a sign-in went, in the reader's language: a passkey from a phone or tablet over a QR code (hybrid) is
     * said to be that, on the browser that showed the code, and not a passkey of that browser. The device is
     * called by the person's name for it where they gave one.
     */
    private String signInWords(HttpServletRequest request, Locale locale, dev.latchkey.identity.api.SignInEvent e,
                               java.util.Map<UUID, String> deviceNames) {
        String device = e.deviceId().map(deviceNames::get).orElseGet(() -> views.device(request, locale, e.deviceLabel()));
        return views.message(request, locale, "account.signIns.how." + e.method().name(), device);
    }
}
