package dev.latchkey.app.web;

import dev.latchkey.credentials.api.Passkeys;
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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Account> account = Optional.ofNullable(request.getUserPrincipal())
                .map(p -> UUID.fromString(p.getName()))
                .flatMap(accounts::find);
        if (account.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        views.render(request, response, 200, "account-security", Map.of(
                "account", account.get(),
                "passkeys", passkeys.of(account.get().id()).stream().map(PasskeyRow::of).toList()));
    }
}
