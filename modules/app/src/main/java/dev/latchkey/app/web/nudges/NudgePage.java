package dev.latchkey.app.web.nudges;

import dev.latchkey.app.security.SessionCookieFilter;
import dev.latchkey.app.web.Paths;
import dev.latchkey.app.web.Views;
import dev.latchkey.education.api.Tip;
import dev.latchkey.education.api.TipKey;
import dev.latchkey.education.api.Tips;
import dev.latchkey.identity.api.Sessions;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.nudges.api.NudgeDecision;
import dev.latchkey.nudges.api.NudgeResponse;
import dev.latchkey.nudges.api.Nudges;
import dev.latchkey.nudges.api.Prompt;
import dev.latchkey.nudges.api.PromptWords;
import dev.latchkey.nudges.api.Scenario;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /nudge?d=&next=}: the interstitial after a sign-in, showing a prompt the nudges module
 * decided on, then on to {@code next}. {@code POST /nudge} (form {@code d}, {@code next},
 * {@code answer=accept|not-now|dont-ask}): records the answer, from the interstitial or from the
 * account page's card. A prompt that is gone (answered, expired, another account's) leads straight
 * on: a nudge never stands in the way.
 *
 * <p>Why "Create a passkey on this device" may lead through "Confirm it's you" first: adding a
 * passkey is a sensitive action behind identity's ranked step-up. Right after a sign-in with a
 * passkey (hybrid included: the phone's passkey was verified with user verification) the fresh
 * sign-in satisfies it, so healing is one tap. After an email code or a password on an account
 * that already has a passkey it does not: whoever can read the mailbox (or guessed the password)
 * must not be able to plant their own passkey and keep the account. So the add-passkey page sends
 * the user to step-up with an existing passkey, which on a laptop means the phone over a QR code.
 * On an account whose only factor is the fallback, the fallback itself is the strongest proof
 * there is, and the fresh sign-in suffices (identity's {@code StepUp.passkeyRequired}).
 */
@WebServlet("/nudge")
public class NudgePage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String WHAT_IS_A_PASSKEY = "/learn/what-is-a-passkey";

    @Inject
    transient Nudges nudges;

    @Inject
    transient StepUp stepUp;

    @Inject
    transient Tips tips;

    @Inject
    transient Views views;

    @Inject
    transient dev.latchkey.app.web.ReaderLanguage language;

    @Inject
    transient PageWords pageWords;

    static String path(UUID decisionId, String next) {
        return "/nudge?d=" + decisionId + "&next=" + NudgeRedirects.encode(Paths.safeNext(next));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = Paths.safeNext(request.getParameter("next"));
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        Optional<NudgeDecision> decision = pending(session.get(), request.getParameter("d"));
        if (decision.isEmpty()) {
            response.sendRedirect(next);
            return;
        }
        NudgeDecision d = decision.get();
        Prompt prompt = d.prompt().orElseThrow();
        Locale locale = language.of(request);
        String device = d.device().map(c -> pageWords.in(request, locale).apply(
                dev.latchkey.nudges.api.Words.of("words.literal", dev.latchkey.nudges.api.Words.device(c.label())))).orElse("");
        String providers = d.device().map(c -> String.join(", ", c.providers())).orElse("");
        boolean stepUpFirst = createsHere(prompt) && !stepUp.satisfied(session.get().sessionId());
        Optional<Tip> tip = tip(d, locale);
        // The words are the nudges module's (PromptWords): true for this decision's state, tested card by state.
        PromptWords words = PromptWords.afterSignIn(prompt, d.scenario(), d.trigger(), d.variant(), d.device(),
                stepUpFirst, tip.map(Tip::text));
        views.render(request, response, 200, new NudgeView(d.id().toString(), next, prompt.name(),
                d.scenario().map(Scenario::name).orElse(""), d.variant(), device, providers, stepUpFirst,
                WHAT_IS_A_PASSKEY, tip.orElse(null), NudgeView.Words.of(words, pageWords.in(request, locale))));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = Paths.safeNext(request.getParameter("next"));
        Optional<Sessions.SignedInSession> session = SessionCookieFilter.session(request);
        if (session.isEmpty()) {
            response.sendRedirect("/signin");
            return;
        }
        Optional<NudgeResponse> answer = switch (Optional.ofNullable(request.getParameter("answer")).orElse("")) {
            case "accept" -> Optional.of(NudgeResponse.ACCEPT);
            case "not-now" -> Optional.of(NudgeResponse.NOT_NOW);
            case "dont-ask" -> Optional.of(NudgeResponse.DONT_ASK_HERE);
            default -> Optional.empty();
        };
        Optional<UUID> id = uuid(request.getParameter("d"));
        if (answer.isEmpty() || id.isEmpty()) {
            views.plainProblem(request, response, 400, "BAD_REQUEST", dev.latchkey.app.web.UiText.of("problem.nudgeAnswer"));
            return;
        }
        Sessions.SignedInSession s = session.get();
        Optional<NudgeDecision> answered = s.deviceId()
                .flatMap(device -> nudges.respond(s.accountId(), device, id.get(), answer.get()));
        if (answered.isPresent() && answer.get() == NudgeResponse.ACCEPT) {
            response.sendRedirect(destination(answered.get().prompt().orElseThrow()));
            return;
        }
        response.sendRedirect(next);
    }

    private Optional<NudgeDecision> pending(Sessions.SignedInSession session, String decision) {
        Optional<UUID> id = uuid(decision);
        if (id.isEmpty() || session.deviceId().isEmpty()) {
            return Optional.empty();
        }
        return nudges.pending(session.accountId(), session.deviceId().get(), id.get());
    }

    /** Where the primary action leads. */
    static String destination(Prompt prompt) {
        return switch (prompt) {
            case CREATE_HERE, CONFIRM_SYNCED, ADD_BACKUP -> "/account/passkeys/new";
            case USE_PHONE_OR_KEY -> "/learn/signing-in-on-another-device";
            // A recovery code is a step-up this device can complete (StepUp), then straight on to adding the passkey.
            case ADD_FROM_ANOTHER_DEVICE -> "/signin/recovery?next=%2Faccount%2Fpasskeys%2Fnew";
            case COVER_OTHER_DEVICES -> "/learn/a-passkey-on-each-device";
        };
    }

    private static boolean createsHere(Prompt prompt) {
        return prompt == Prompt.CREATE_HERE || prompt == Prompt.CONFIRM_SYNCED || prompt == Prompt.ADD_BACKUP;
    }

    private Optional<Tip> tip(NudgeDecision d, Locale locale) {
        try {
            if (d.scenario().filter(Scenario.HYBRID_SIGN_IN::equals).isPresent()) {
                return Optional.of(tips.tip(TipKey.AFTER_HYBRID_SIGN_IN, locale, Map.of()));
            }
            if (createsHere(d.prompt().orElseThrow())) {
                return Optional.of(tips.tip(TipKey.BEFORE_CREATING_A_PASSKEY, locale, Map.of()));
            }
        } catch (RuntimeException e) {
            // Built-in copy serves when a tip is missing.
        }
        return Optional.empty();
    }

    public static Optional<UUID> uuid(String s) {
        if (s == null || s.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
