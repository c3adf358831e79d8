package dev.latchkey.app.web.handoff;

import dev.latchkey.app.config.LatchkeySettings;
import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.When;
import dev.latchkey.app.web.nudges.NudgePage;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.nudges.api.Handoffs;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Device 1 of the link handoff (signed in, /account/* in web.xml).
 *
 * <ul>
 *   <li>{@code GET /account/handoff}: what the link is for, and a button to make one; after a
 *       step-up in the last 5 minutes only (identity's ranked StepUp: with a passkey when the account
 *       has one). With {@code ?h=} the state of that link and the pairing-code form.</li>
 *   <li>{@code POST /account/handoff}: makes a link and shows its QR code, the short link and the
 *       pairing-code form. The token is shown only in this answer (only its hash is stored).</li>
 *   <li>{@code POST /account/handoff/pair} (form {@code h}, {@code code}): the code from device 2
 *       ({@link HandoffPairing}).</li>
 * </ul>
 */
@WebServlet(HandoffPages.PATH)
public class HandoffPages extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/account/handoff";

    @Inject
    transient Handoffs handoffs;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient Views views;

    @Inject
    transient LatchkeySettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        Sessions.SignedInSession s = session.get();
        Optional<UUID> id = NudgePage.uuid(request.getParameter("h"));
        if (id.isPresent()) {
            Optional<Handoffs.Status> status = handoffs.status(s.accountId(), s.sessionId(), id.get());
            if (status.isPresent()) {
                render(request, response, 200, status.get(), Optional.empty(), null);
                return;
            }
        }
        if (!stepUp.satisfied(s.sessionId())) {
            response.sendRedirect(Paths.stepUp(PATH));
            return;
        }
        views.render(request, response, 200, HandoffView.start(null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        post(request, response, session.get());
    }

    /** {@code POST /account/handoff}: makes a link. */
    void post(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s) throws IOException {
        // A fresh step-up, ranked: an email code or a password alone never sends a passkey of an
        // account that has one to another device.
        Optional<StepUpProof> proof = stepUp.proof(s.sessionId());
        if (proof.isEmpty()) {
            response.sendRedirect(Paths.stepUp(PATH));
            return;
        }
        Handoffs.Issued issued;
        try {
            issued = handoffs.issue(proof.get());
        } catch (Handoffs.Refused e) {
            views.render(request, response, HandoffRefusals.status(e.reason()), HandoffView.start(HandoffRefusals.said(views, request, e)));
            return;
        }
        Handoffs.Status status = new Handoffs.Status(issued.id(), Handoffs.State.OPEN, Handoffs.CODE_TRIES,
                issued.expiresAt());
        render(request, response, 200, status, Optional.of(issued.token()), null);
    }

    void pair(HttpServletRequest request, HttpServletResponse response, Sessions.SignedInSession s)
            throws IOException {
        Optional<UUID> id = NudgePage.uuid(request.getParameter("h"));
        if (id.isEmpty()) {
            views.render(request, response, 400, HandoffView.startWithKey("handoff.error.form"));
            return;
        }
        try {
            handoffs.pair(s.accountId(), s.sessionId(), id.get(), request.getParameter("code"));
            response.sendRedirect(Paths.ACCOUNT + "?passkeyAdded&handoff");
        } catch (Handoffs.Refused e) {
            Optional<Handoffs.Status> status = handoffs.status(s.accountId(), s.sessionId(), id.get());
            if (status.isEmpty()) {
                views.render(request, response, HandoffRefusals.status(e.reason()), HandoffView.start(HandoffRefusals.said(views, request, e)));
                return;
            }
            render(request, response, HandoffRefusals.status(e.reason()), status.get(), Optional.empty(),
                    HandoffRefusals.said(views, request, e));
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int httpStatus,
                        Handoffs.Status status, Optional<String> token, String error) throws IOException {
        boolean open = status.state() == Handoffs.State.OPEN || status.state() == Handoffs.State.CLAIMED
                || status.state() == Handoffs.State.WAITING_FOR_CODE;
        String link = token.map(t -> origin(request) + "/handoff/" + t).orElse(null);
        QrSvg qr = link == null ? null : QrSvg.of(link);
        views.render(request, response, httpStatus, new HandoffView(open ? "pair" : "over", error, null,
                status.id().toString(), status.state().name(), status.triesLeft(), When.iso(status.expiresAt()),
                When.shown(status.expiresAt(), views.language(request)), link,
                token.map(t -> origin(request).replaceFirst("^https?://", "") + "/handoff/" + grouped(t)).orElse(null),
                qr == null ? null : qr.path(), qr == null ? null : qr.viewBox()));
    }

    /** The origin the link points at: this request's if it is one of ours, otherwise the first configured. */
    private String origin(HttpServletRequest request) {
        int port = request.getServerPort();
        String scheme = request.getScheme();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        String here = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return settings.allowedOrigins().contains(here) ? here
                : settings.allowedOrigins().stream().sorted().findFirst().orElse(here);
    }

    /** "ABCD-EFGH-JKMN-PQRS-TVWX": easier to read and type; hyphens are ignored when the link is opened. */
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
}
