package dev.latchkey.app.web.nudges;

import dev.latchkey.app.web.PageView;
import dev.latchkey.education.api.Tip;

/**
 * The view model of {@code nudge}, the interstitial after a sign-in.
 *
 * @param decision       the nudge decision the answer refers to
 * @param next           where the user goes on to (a path of ours)
 * @param prompt         the {@code Prompt} name
 * @param scenario       the {@code Scenario} name, or empty
 * @param device         the device's label ("this device" when unknown)
 * @param providers      the passkey providers that may serve it, or empty
 * @param stepUpFirst    creating the passkey leads through "Confirm it's you" first
 * @param tip            education's tip for the prompt, or {@code null} for the built-in copy
 */
public record NudgeView(String decision, String next, String prompt, String scenario, String variant, String device,
                        String providers, boolean stepUpFirst, String whatIsAPasskey, Tip tip) implements PageView {

    @Override
    public String template() {
        return "nudge";
    }
}
