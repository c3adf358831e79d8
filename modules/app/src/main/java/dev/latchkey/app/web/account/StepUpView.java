package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/**
 * The view model of {@code step-up}: "Confirm it's you", then back to {@code next} (a path of ours).
 *
 * @param elsewhere    where the account's passkeys are all on other computers: the words saying so (in the
 *                     reader's language, naming them), and the page leads with what works here instead of a
 *                     passkey prompt nothing on this device can answer; null otherwise
 * @param linkHow      with {@code elsewhere}: how to make a link on that computer (the link handoff)
 * @param recoveryLink the recovery-code sign-in returning to {@code next}, where the account has an unused
 *                     recovery code and this device cannot use a passkey; null otherwise
 */
public record StepUpView(String next, String purpose, String elsewhere, String linkHow, String recoveryLink)
        implements PageView {

    public StepUpView(String next, String purpose) {
        this(next, purpose, null, null, null);
    }

    /**
     * What the step-up confirms, for {@code ?for=}: the message key of the words after "You are about to ...",
     * or null for a key we do not know.
     */
    static String purpose(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "remove-passkey" -> "stepup.for.removePasskey";
            case "remove-password" -> "stepup.for.removePassword";
            case "recovery-codes" -> "stepup.for.recoveryCodes";
            case "add-passkey" -> "stepup.for.addPasskey";
            case "lost-device" -> "stepup.for.lostDevice";
            default -> null;
        };
    }

    @Override
    public String template() {
        return "step-up";
    }
}
