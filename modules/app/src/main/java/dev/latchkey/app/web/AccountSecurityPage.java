package dev.latchkey.app.web;

import dev.latchkey.app.security.SessionCookieMechanism;
import dev.latchkey.credentials.api.Passkeys;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.RecoveryCodes;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.SignIns;
import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /account/security}: signed-in users only (web.xml); lists the account's passkeys. */
@WebServlet("/account/security")
public class AccountSecurityPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Views views;

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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Account> account = Optional.ofNullable(request.getUserPrincipal())
                .map(p -> UUID.fromString(p.getName()))
                .flatMap(accounts::find);
        if (account.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        Optional<UUID> thisDevice = Optional.ofNullable(request.getAttribute(SessionCookieMechanism.SESSION_ATTRIBUTE))
                .map(s -> (Sessions.SignedInSession) s)
                .flatMap(Sessions.SignedInSession::deviceId);
        UUID id = account.get().id();
        views.render(request, response, 200, "account-security", Map.ofEntries(
                Map.entry("account", account.get()),
                Map.entry("passkeys", passkeys.of(id).stream().map(PasskeyRow::of).toList()),
                Map.entry("devices", devices.of(id).stream()
                        .map(d -> new DeviceRow(d.id().toString(), d.label(), When.shown(d.lastSeen()),
                                When.iso(d.lastSeen()), thisDevice.filter(d.id()::equals).isPresent()))
                        .toList()),
                Map.entry("signIns", signIns.recent(id, 10).stream()
                        .map(e -> new SignInRow(e.describe(), e.succeeded(), When.shown(e.at()), When.iso(e.at())))
                        .toList()),
                Map.entry("otherSessionsEnded", request.getParameter("otherSessionsEnded") != null),
                Map.entry("passkeyAdded", request.getParameter("passkeyAdded") != null),
                Map.entry("deviceLost", request.getParameter("deviceLost") != null),
                Map.entry("recoveryRemaining", recoveryCodes.status(id).remaining()),
                Map.entry("emailConfirmed", request.getParameter("emailConfirmed") != null && account.get().emailConfirmed())));
    }

    /** A device as listed: its label, when it was last seen, and whether it is the one in use. */
    public record DeviceRow(String id, String label, String lastSeen, String lastSeenIso, boolean current) {
    }

    /** A recent sign-in as listed: "passkey on this device on Chrome on Linux". */
    public record SignInRow(String description, boolean succeeded, String at, String atIso) {
    }
}
