package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.ReaderLanguage;
import dev.latchkey.app.web.Views;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.insights.api.AccountLookup;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /operator/accounts} ({@code ?q=}: find an account), {@code /operator/accounts/view}
 * ({@code ?id=}: one account) and {@code /operator/audit} (what staff did; admins). Behind
 * {@link StaffGate}; insights records every lookup and checks the permission again.
 */
@WebServlet({OperatorAccountsPage.PATH, OperatorAccountsPage.PATH + "/view", OperatorAccountsPage.AUDIT})
public class OperatorAccountsPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/operator/accounts";
    static final String AUDIT = "/operator/audit";
    static final int MAX_QUERY = 254;

    @Inject
    transient StaffGate gate;

    @Inject
    transient AccountLookup lookup;

    @Inject
    transient Views views;

    @Inject
    transient ReaderLanguage language;

    @Inject
    transient dev.latchkey.app.web.nudges.PageWords words;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        boolean audit = path.equals(AUDIT);
        Optional<StaffGate.Admitted> staff = gate.admit(request, response,
                audit ? Permission.STAFF_AUDIT : Permission.ACCOUNT_LOOKUP, audit ? AUDIT : PATH);
        if (staff.isEmpty()) {
            return;
        }
        StepUpProof proof = staff.get().proof();
        try {
            if (audit) {
                views.render(request, response, 200, new OperatorAuditView(OperatorAuditView.Row.of(
                        lookup.recentActions(proof, 200), words.in(request, language.of(request))), times(request)));
            } else if (path.endsWith("/view")) {
                view(request, response, proof, staff.get().may(Permission.ASSISTED_RECOVERY));
            } else {
                search(request, response, proof);
            }
        } catch (StepUpProof.Expired e) {
            response.sendRedirect(Paths.stepUp(audit ? AUDIT : PATH));
        }
    }

    private void search(HttpServletRequest request, HttpServletResponse response, StepUpProof proof) throws IOException {
        String q = request.getParameter("q");
        if (q == null || q.isBlank()) {
            views.render(request, response, 200, new OperatorAccountsView("", false, false, MAX_QUERY, List.of(),
                    times(request)));
            return;
        }
        if (q.length() > MAX_QUERY) {
            views.render(request, response, 400, new OperatorAccountsView("", false, true, MAX_QUERY, List.of(),
                    times(request)));
            return;
        }
        List<OperatorAccountsView.Row> rows = lookup.search(proof, q).stream()
                .map(m -> new OperatorAccountsView.Row(PATH + "/view?id=" + m.id(), m.email(),
                        m.emailConfirmed(), m.displayName(), m.createdAt()))
                .toList();
        views.render(request, response, 200, new OperatorAccountsView(q.strip(), true, false, MAX_QUERY, rows,
                times(request)));
    }

    private void view(HttpServletRequest request, HttpServletResponse response, StepUpProof proof, boolean mayRecover)
            throws IOException {
        Optional<UUID> id = uuid(request.getParameter("id"));
        Optional<AccountLookup.Detail> detail = id.flatMap(i -> lookup.view(proof, i));
        if (detail.isEmpty()) {
            views.problem(request, response, 404, "NO_SUCH_ACCOUNT", UiText.of("op.account.notFound"));
            return;
        }
        views.render(request, response, 200, new OperatorAccountView(detail.get(),
                OperatorAuditView.Row.of(detail.get().lookups(), words.in(request, language.of(request))), mayRecover ? OperatorRecoveryPage.emptyForm(detail.get().account().id()) : null, times(request),
                new DeviceNames(views.devices(request, language.of(request)))));
    }

    private Times times(HttpServletRequest request) {
        return new Times(language.of(request));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
