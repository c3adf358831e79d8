package dev.latchkey.app.web.nudges;

import dev.latchkey.identity.api.SignedIn;
import dev.latchkey.nudges.api.NudgeDecision;
import dev.latchkey.nudges.api.Nudges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nudge check every successful sign-in passes through: where to send the browser next. When
 * the nudges module decides to prompt, that is the interstitial, which leads on to {@code next};
 * otherwise {@code next} itself. A failure in the check never stands between a user and their
 * account: it is logged and the user goes straight on. Staff who came without a page to return
 * to land on the operator console instead of their account page.
 */
@ApplicationScoped
public class NudgeRedirects {

    private static final Logger LOG = Logger.getLogger(NudgeRedirects.class.getName());

    @Inject
    Nudges nudges;

    public String afterSignIn(SignedIn signedIn, String landing) {
        // Staff who asked for no page in particular land on the operator console (roles as the sign-in read them).
        String next = dev.latchkey.app.web.Paths.ACCOUNT.equals(landing)
                && !signedIn.staffRoles().isEmpty() ? "/operator" : landing;
        try {
            NudgeDecision decision = nudges.afterSignIn(signedIn.accountId(), signedIn.device().id(), signedIn.method());
            if (decision.prompts()) {
                return NudgePage.path(decision.id(), next);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "nudge check failed; continuing without a prompt", e);
        }
        return next;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
