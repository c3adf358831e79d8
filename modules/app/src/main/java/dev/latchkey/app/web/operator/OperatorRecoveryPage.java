package dev.latchkey.app.web.operator;

import dev.latchkey.app.config.LatchkeySettings;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.ReaderLanguage;
import dev.latchkey.app.web.nudges.PageWords;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.handoff.QrSvg;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.insights.api.AssistedRecovery;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Assisted recovery in the console (agents and admins, behind {@link StaffGate}'s step-up); insights'
 * {@link AssistedRecovery} holds every rule and checks the permission again with the proof.
 *
 * <ul>
 *   <li>{@code GET /operator/recovery}: recoveries waiting for an approval, then the latest others;
 *       {@code ?id=} one recovery.</li>
 *   <li>{@code POST /operator/recovery/start} (form {@code account}, {@code reason}, {@code document},
 *       {@code idChecked}): starts one; with one approval the answer shows the link's QR code.</li>
 *   <li>{@code POST /operator/recovery/approve} (form {@code id}): another agent approves; the answer
 *       shows the link's QR code.</li>
 * </ul>
 */
@WebServlet({OperatorRecoveryPage.PATH, OperatorRecoveryPage.PATH + "/start", OperatorRecoveryPage.PATH + "/approve"})
public class OperatorRecoveryPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/operator/recovery";

    @Inject
    transient StaffGate gate;

    @Inject
    transient AssistedRecovery recovery;

    @Inject
    transient Views views;

    @Inject
    transient LatchkeySettings settings;

    @Inject
    transient ReaderLanguage language;

    @Inject
    transient PageWords words;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StaffGate.Admitted> staff = gate.admitPage(request, response, Permission.ASSISTED_RECOVERY, PATH);
        if (staff.isEmpty()) {
            return;
        }
        StepUpProof proof = staff.get().proof();
        try {
            String id = request.getParameter("id");
            if (id == null) {
                views.render(request, response, 200, new OperatorRecoveryView("list", null, null, null, null, null, null,
                        null, recovery.recent(proof).stream().map(OperatorRecoveryPage::row).toList(), times(request)));
                return;
            }
            Optional<AssistedRecovery.Case> found = uuid(id).flatMap(i -> recovery.find(proof, i));
            if (found.isEmpty()) {
                views.render(request, response, 404, new OperatorRecoveryView("list",
                        views.message(request, language.of(request), "op.recovery.refused.notFound"),
                        null, null, null, null, null, null, List.of(), times(request)));
                return;
            }
            views.render(request, response, 200, caseView(request, found.get(), Optional.empty()));
        } catch (StepUpProof.Expired e) {
            response.sendRedirect(Paths.stepUp(PATH));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        if (path.equals(PATH)) {
            response.setHeader("Allow", "GET");
            response.sendError(405);
            return;
        }
        Optional<StaffGate.Admitted> staff = gate.admit(request, response, Permission.ASSISTED_RECOVERY, PATH);
        if (staff.isEmpty()) {
            return;
        }
        StepUpProof proof = staff.get().proof();
        AssistedRecovery.Request form = new AssistedRecovery.Request(uuid(request.getParameter("account")).orElse(null),
                request.getParameter("reason"), request.getParameter("document"),
                "yes".equals(request.getParameter("idChecked")));
        try {
            AssistedRecovery.Outcome outcome = path.endsWith("/start") ? recovery.start(proof, form)
                    : recovery.approve(proof, uuid(request.getParameter("id")).orElse(null));
            views.render(request, response, 200, caseView(request, outcome.recovery(), outcome.link()));
        } catch (AssistedRecovery.Refused e) {
            e.retryAfter().ifPresent(d -> response.setHeader("Retry-After", String.valueOf(Math.max(1, d.toSeconds()))));
            int status = dev.latchkey.app.web.recovery.RecoveryEndpoint.status(e.reason());
            String said = words.in(request, language.of(request)).apply(e.words());
            if (path.endsWith("/start")) {
                views.render(request, response, status, new OperatorRecoveryView("form", said,
                        form(form), null, null, null, null, null, List.of(), times(request)));
            } else {
                views.render(request, response, status, new OperatorRecoveryView("list", said, null, null,
                        null, null, null, null, List.of(), times(request)));
            }
        } catch (StepUpProof.Expired e) {
            response.sendRedirect(Paths.stepUp(PATH));
        }
    }

    /** The start form, empty, for the account page. */
    public static OperatorRecoveryView.Form emptyForm(UUID accountId) {
        return form(new AssistedRecovery.Request(accountId, "", "", false));
    }

    private static OperatorRecoveryView.Form form(AssistedRecovery.Request r) {
        return new OperatorRecoveryView.Form(r.accountId() == null ? "" : r.accountId().toString(),
                r.reason() == null ? "" : r.reason(), r.idDocument() == null ? "" : r.idDocument(),
                Arrays.stream(AssistedRecovery.IdDocument.values())
                        .map(d -> new OperatorRecoveryView.Option(d.name())).toList());
    }

    private Times times(HttpServletRequest request) {
        return new Times(language.of(request));
    }

    private OperatorRecoveryView caseView(HttpServletRequest request, AssistedRecovery.Case c, Optional<String> token) {
        String link = token.map(t -> settings.publicBaseUrl() + "/recover/" + t).orElse(null);
        QrSvg qr = link == null ? null : QrSvg.of(link);
        return new OperatorRecoveryView("case", null, null, row(c), link,
                token.map(t -> settings.publicBaseUrl().replaceFirst("^https?://", "") + "/recover/" + grouped(t))
                        .orElse(null), qr == null ? null : qr.path(), qr == null ? null : qr.viewBox(), List.of(),
                times(request));
    }

    private static OperatorRecoveryView.Row row(AssistedRecovery.Case c) {
        return new OperatorRecoveryView.Row(c.id().toString(), c.accountId().toString(), c.accountEmail(), c.startedBy(),
                c.approvedBy().orElse(""), c.reason(), c.idDocument().name(), c.state().name(), c.startedAt(),
                c.linkExpiresAt(), c.mayApprove());
    }

    /** Groups of 4, easier to read aloud and type; hyphens are ignored when the link is opened. */
    static String grouped(String token) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < token.length(); i += 4) {
            if (i > 0) {
                s.append('-');
            }
            s.append(token, i, Math.min(token.length(), i + 4));
        }
        return s.toString();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
