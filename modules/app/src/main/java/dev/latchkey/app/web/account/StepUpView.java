package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/** The view model of {@code step-up}: "Confirm it's you", then back to {@code next} (a path of ours). */
public record StepUpView(String next, String purpose) implements PageView {

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
