package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Views;
import dev.latchkey.app.web.ReaderLanguage;
import dev.latchkey.app.web.When;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.insights.api.Cohort;
import dev.latchkey.insights.api.Csv;
import dev.latchkey.insights.api.Dashboard;
import dev.latchkey.insights.api.DateRange;
import dev.latchkey.insights.api.Insights;
import dev.latchkey.insights.api.InsightsTable;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /operator/insights} (dashboard, {@code ?from=&to=&domain=&signup=&device=}), {@code /operator/insights/export}
 * ({@code ?table=}: one table as CSV) and {@code POST /operator/insights/rebuild} (admins). Behind
 * {@link StaffGate}; insights checks the permission again with the proof.
 */
@WebServlet({OperatorInsightsPage.PATH, OperatorInsightsPage.PATH + "/export", OperatorInsightsPage.PATH + "/rebuild"})
public class OperatorInsightsPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/operator/insights";

    @Inject
    transient StaffGate gate;

    @Inject
    transient Insights insights;

    @Inject
    transient Views views;

    @Inject
    transient ReaderLanguage language;

    @Inject
    transient dev.latchkey.app.web.nudges.PageWords words;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean export = request.getServletPath().endsWith("/export");
        Optional<StaffGate.Admitted> staff = gate.admit(request, response, Permission.INSIGHTS, PATH);
        if (staff.isEmpty()) {
            return;
        }
        String from = text(request.getParameter("from"));
        String to = text(request.getParameter("to"));
        String domain = text(request.getParameter("domain"), Cohort.DOMAIN_MAX + 1);
        String signUp = text(request.getParameter("signup"));
        String device = text(request.getParameter("device"));
        DateRange.Parsed parsed = DateRange.parse(from, to, LocalDate.now(ZoneOffset.UTC));
        Cohort.Parsed cohort = Cohort.parse(domain, signUp, device);
        if (parsed.range().isEmpty() || cohort.cohort().isEmpty()) {
            String problem = (parsed.range().isEmpty() ? parsed.problem() : cohort.problem())
                    .map(words.in(request, language.of(request))).orElse("");
            if (export) {
                views.plainProblem(request, response, 400, parsed.range().isEmpty() ? "BAD_RANGE" : "BAD_COHORT", problem);
            } else {
                views.render(request, response, 400, new InsightsView(from, to, DateRange.MAX_DAYS, problem, "",
                        "", new InsightsView.CohortView(domain, signUp, device, ""), java.util.List.of(),
                        java.util.List.of(), staff.get().may(Permission.INSIGHTS_REBUILD)));
            }
            return;
        }
        DateRange range = parsed.range().get();
        Cohort chosen = cohort.cohort().get();
        Dashboard dashboard;
        try {
            dashboard = insights.dashboard(staff.get().proof(), range, chosen);
        } catch (StepUpProof.Expired e) {
            response.sendRedirect(Paths.stepUp(PATH));
            return;
        }
        if (export) {
            export(request, response, dashboard);
            return;
        }
        Locale locale = language.of(request);
        // Figures with the reader's decimal separator (62,5 % in German); the CSV keeps the point.
        java.util.function.Function<dev.latchkey.nudges.api.Words, String> say = Decimals.saying(words.in(request, locale), locale);
        String notice = request.getParameter("rebuilt") != null ? views.message(request, locale, "op.insights.rebuilt") : "";
        views.render(request, response, 200, new InsightsView(range.from().toString(), range.to().toString(),
                DateRange.MAX_DAYS, "", notice, dashboard.snapshotAt().map(at -> When.shown(at, locale)).orElse(""),
                InsightsView.CohortView.of(chosen, words.in(request, locale)), dashboard.headlines().stream()
                        .map(h -> InsightsView.HeadlineView.of(h, say, locale)).toList(),
                dashboard.tables().stream().map(t -> InsightsView.TableView.of(t, range.from().toString(),
                        range.to().toString(), chosen, say, locale)).toList(), staff.get().may(Permission.INSIGHTS_REBUILD)));
    }

    private void export(HttpServletRequest request, HttpServletResponse response, Dashboard dashboard) throws IOException {
        Optional<InsightsTable> table = Optional.ofNullable(request.getParameter("table")).flatMap(dashboard::table);
        if (table.isEmpty()) {
            views.problem(request, response, 404, "NO_SUCH_TABLE", dev.latchkey.app.web.UiText.of("op.insights.noSuchTable"));
            return;
        }
        response.setContentType("text/csv; charset=utf-8; header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The file name is built from our own table id and the parsed dates only.
        response.setHeader("Content-Disposition", "attachment; filename=\"" + table.get().id() + "_"
                + dashboard.range().from() + "_" + dashboard.range().to() + ".csv\"");
        response.getWriter().write(Csv.of(table.get()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().endsWith("/rebuild")) {
            response.setHeader("Allow", "GET");
            views.problem(request, response, 405, "METHOD_NOT_ALLOWED", dev.latchkey.app.web.UiText.of("op.insights.getOnly"));
            return;
        }
        Optional<StaffGate.Admitted> admin = gate.admit(request, response, Permission.INSIGHTS_REBUILD, PATH);
        if (admin.isEmpty()) {
            return;
        }
        try {
            insights.rebuild(admin.get().proof());
        } catch (StepUpProof.Expired e) {
            response.sendRedirect(Paths.stepUp(PATH));
            return;
        }
        response.sendRedirect(PATH + "?rebuilt");
    }

    private static String text(String s) {
        return text(s, 20);
    }

    /** At most {@code max} characters: longer input is cut here and then refused by the parser, never echoed whole. */
    private static String text(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s.strip();
    }
}
