package dev.latchkey.app.web.operator;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.UiText;
import dev.latchkey.app.web.Views;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.identity.api.StaffRole;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The one door of every page under {@code /operator}: signed in (otherwise to sign-in), a role that
 * grants the page's {@link Permission} (otherwise a 403 page that names the roles it needs), and a
 * ranked step-up within {@link StepUp#WINDOW} (otherwise to step-up, and back). The use cases behind
 * the pages check the permission again with the {@link StepUpProof} ({@link Staff#confirm}).
 */
@ApplicationScoped
public class StaffGate {

    @Inject
    Staff staff;

    @Inject
    StepUp stepUp;

    @Inject
    Views views;

    /** A staff member who passed the gate: the session, a fresh step-up proof and the roles. */
    public record Admitted(Sessions.SignedInSession session, StepUpProof proof, Set<StaffRole> roles) {

        public boolean may(Permission permission) {
            return permission.grantedToAny(roles);
        }
    }

    /**
     * @param returnTo where sign-in and step-up lead back to (a GET page of ours)
     * @return the admitted staff member, or empty when an answer was already sent
     */
    public Optional<Admitted> admit(HttpServletRequest request, HttpServletResponse response, Permission permission,
                                    String returnTo) throws IOException {
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin?next=" + java.net.URLEncoder.encode(returnTo,
                    java.nio.charset.StandardCharsets.UTF_8));
            return Optional.empty();
        }
        Set<StaffRole> roles = staff.roles(session.get().accountId());
        if (!permission.grantedToAny(roles)) {
            forbid(request, response, permission, roles);
            return Optional.empty();
        }
        Optional<StepUpProof> proof = stepUp.proof(session.get().sessionId());
        if (proof.isEmpty()) {
            response.sendRedirect(Paths.stepUp(returnTo));
            return Optional.empty();
        }
        return Optional.of(new Admitted(session.get(), proof.get(), roles));
    }

    /**
     * {@link #admit} for the GET of a page whose other paths take only POST (its form actions): a GET of
     * any other path of the servlet is answered 405 with {@code Allow: POST}.
     *
     * @param page the page's own path, which sign-in and step-up lead back to
     */
    public Optional<Admitted> admitPage(HttpServletRequest request, HttpServletResponse response, Permission permission,
                                        String page) throws IOException {
        if (!request.getServletPath().equals(page)) {
            response.setHeader("Allow", "POST");
            response.sendError(405);
            return Optional.empty();
        }
        return admit(request, response, permission, page);
    }

    /** The 403 answer: which roles the page needs, and which the account has. */
    public void forbid(HttpServletRequest request, HttpServletResponse response, Permission permission,
                       Set<StaffRole> roles) throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            // The page's words in one sentence: "The mail queue is only for an operator or admin."
            java.util.Locale locale = views.language(request);
            String or = " " + views.text(locale, request, UiText.of("forbidden.or")) + " ";
            String needed = java.util.EnumSet.copyOf(permission.grantedTo()).stream()
                    .map(r -> views.text(locale, request, UiText.of("forbidden.role." + r.name())))
                    .collect(java.util.stream.Collectors.joining(or));
            views.plainProblem(request, response, 403, "ROLE_REQUIRED", UiText.of("forbidden.json",
                    views.text(locale, request, UiText.of("forbidden.permission." + permission.name())), needed));
            return;
        }
        views.render(request, response, 403, new StaffForbiddenView(permission.name(),
                java.util.EnumSet.copyOf(permission.grantedTo()).stream().map(StaffRole::name).toList(),
                roles.stream().sorted().map(StaffRole::name).toList()));
    }
}
