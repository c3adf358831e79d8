package dev.latchkey.app.web;

import dev.latchkey.app.security.SessionCookieMechanism;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /account/security}: signed-in users only (web.xml); lists the account's passkeys,
 * password status, devices and sign-ins. {@code POST /account/password} sets or changes the
 * password and, when refused, shows this page again with the reasons.
 */
@WebServlet({"/account/security", "/account/password", PasskeyForms.RENAME, PasskeyForms.REMOVE})
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
    transient dev.latchkey.app.config.LatchkeySettings settings;

    @Inject
    transient Passwords passwords;

    @Inject
    transient PasskeyForms passkeyForms;

    @Inject
    transient CoverageCard coverageCard;

    @Inject
    transient AutomaticUpgradeMarker automaticUpgrade;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Account> account = signedIn(request);
        if (account.isEmpty() || !"/account/security".equals(request.getServletPath())) {
            response.sendRedirect(account.isEmpty() ? "/signin" : Paths.ACCOUNT);
            return;
        }
        render(request, response, 200, account.get(), Map.of());
    }

    /** {@code POST /account/password}: a first password, or a new one in exchange for the current one. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Account> account = signedIn(request);
        Optional<Map<String, String>> refusal = AccountRefusal.of(request);
        if (account.isPresent() && refusal.isPresent()) {
            render(request, response, 409, account.get(), refusal.get());
            return;
        }
        if (account.isPresent() && request.getServletPath().startsWith("/account/passkeys/")) {
            passkeyForms.post(request, response, account.get(), this::render);
            return;
        }
        if (account.isEmpty() || !"/account/password".equals(request.getServletPath())) {
            response.sendRedirect(account.isEmpty() ? "/signin" : Paths.ACCOUNT);
            return;
        }
        UUID id = account.get().id();
        Optional<String> current = Optional.ofNullable(request.getParameter("currentPassword")).filter(s -> !s.isEmpty());
        Passwords.Change change;
        try {
            // Identity refuses when passwords are off, and logs a wrong current password against the account.
            change = passwords.set(id, current, Optional.ofNullable(request.getParameter("newPassword")).orElse(""),
                    BrowserContext.describe(request, Map.of(), sharedDevices.isShared(request)));
        } catch (FallbackSignIns.NotOffered e) {
            dev.latchkey.app.security.Problems.send(response, 404, "NOT_FOUND", e.getMessage(), request);
            return;
        } catch (Passwords.Busy e) {
            response.setHeader("Retry-After", "2");
            render(request, response, 503, account.get(), Map.of("newPasswordErrors", List.of(e.getMessage())));
            return;
        }
        switch (change.outcome()) {
            case SET -> response.sendRedirect(Paths.ACCOUNT + "?passwordSet#password");
            case CHANGED -> response.sendRedirect(Paths.ACCOUNT + "?passwordChanged#password");
            case CURRENT_PASSWORD_WRONG -> render(request, response, 422, account.get(),
                    Map.of("currentPasswordError", String.join(" ", change.problems())));
            case NEW_PASSWORD_REFUSED -> render(request, response, 422, account.get(),
                    Map.of("newPasswordErrors", change.problems()));
        }
    }

    private Optional<Account> signedIn(HttpServletRequest request) {
        return Optional.ofNullable(request.getUserPrincipal())
                .map(p -> UUID.fromString(p.getName()))
                .flatMap(accounts::find);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, Account account,
                        Map<String, ?> extra) throws IOException {
        Optional<UUID> thisDevice = SessionCookieMechanism.session(request).flatMap(Sessions.SignedInSession::deviceId);
        UUID id = account.id();
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.putAll(passkeyForms.model(request, account));
        model.put("password", PasswordStatus.of(passwords.setAt(id), passwords.minimumLength(id)));
        if (request.getParameter("passwordSet") != null) {
            model.put("passwordSaved", "Your password is added.");
        } else if (request.getParameter("passwordChanged") != null) {
            model.put("passwordSaved", "Your password is changed.");
        }
        model.put("devices", devices.of(id).stream()
                .map(d -> new DeviceRow(d.id().toString(), d.label(), When.shown(d.lastSeen()),
                        When.iso(d.lastSeen()), thisDevice.filter(d.id()::equals).isPresent()))
                .toList());
        model.put("signIns", signIns.recent(id, 10).stream()
                .map(e -> new SignInRow(e.describe(), e.succeeded(), When.shown(e.at()), When.iso(e.at())))
                .toList());
        model.put("otherSessionsEnded", request.getParameter("otherSessionsEnded") != null);
        model.put("passkeyAdded", request.getParameter("passkeyAdded") != null);
        model.put("deviceLost", request.getParameter("deviceLost") != null);
        model.put("passwordRemoved", request.getParameter("passwordRemoved") != null);
        model.put("recoveryRemaining", recoveryCodes.status(id).remaining());
        model.put("emailConfirmed", request.getParameter("emailConfirmed") != null && account.emailConfirmed());
        model.putAll(coverageCard.model(id, thisDevice));
        model.putAll(automaticUpgrade.model(id, thisDevice));
        model.putAll(extra);
        views.render(request, response, status, "account-security", model);
    }

    /** A device as listed: its label, when it was last seen, and whether it is the one in use. */
    public record DeviceRow(String id, String label, String lastSeen, String lastSeenIso, boolean current) {
    }

    /** A recent sign-in as listed: "passkey on this device on Chrome on Linux". */
    public record SignInRow(String description, boolean succeeded, String at, String atIso) {
    }

    /**
     * "Password: set on 3 May 2026" or "No password", and how long a new one must be. (Not
     * {@code set...}: OGNL takes methods named so for setters and cannot read them.)
     */
    public record PasswordStatus(boolean present, String chosenOn, String chosenOnIso, int minimumLength) {
        static PasswordStatus of(Optional<Instant> setAt, int minimumLength) {
            return new PasswordStatus(setAt.isPresent(), setAt.map(When::day).orElse(""),
                    setAt.map(When::iso).orElse(""), minimumLength);
        }
    }
}
