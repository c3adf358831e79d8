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
 * @param device         the device's label (empty when unknown)
 * @param providers      the passkey providers that may serve it, comma-separated, or empty
 * @param stepUpFirst    creating the passkey leads through "Confirm it's you" first
 * @param tip            education's tip for the prompt, or {@code null} for the built-in copy
 * @param words          what the page says and offers ({@code PromptWords}); the alternative is empty when none
 */
public record NudgeView(String decision, String next, String prompt, String scenario, String variant, String device,
                        String providers, boolean stepUpFirst, String whatIsAPasskey, Tip tip, Words words)
        implements PageView {

    /** The nudges module's words for the prompt, with each button's form answer. */
    public record Words(String heading, java.util.List<String> text, String primary, String primaryAnswer,
                        String alternative) {

        /** @param say the words in the reader's language ({@link PageWords}) */
        public static Words of(dev.latchkey.nudges.api.PromptWords w,
                               java.util.function.Function<dev.latchkey.nudges.api.Words, String> say) {
            return new Words(say.apply(w.heading()), w.text().stream().map(say).toList(), say.apply(w.primary().label()),
                    answer(w.primary().answer()),
                    w.alternative().map(a -> say.apply(a.label())).orElse(""));
        }

        /** The {@code answer} form value of a response ({@code NudgePage}). */
        static String answer(dev.latchkey.nudges.api.NudgeResponse r) {
            return switch (r) {
                case ACCEPT -> "accept";
                case NOT_NOW -> "not-now";
                case DONT_ASK_HERE -> "dont-ask";
            };
        }
    }

    @Override
    public String template() {
        return "nudge";
    }
}
