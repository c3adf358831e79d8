package dev.latchkey.app.web.account;

import dev.latchkey.app.web.PageView;

/** The view model of {@code step-up}: "Confirm it's you", then back to {@code next} (a path of ours). */
public record StepUpView(String next, String purpose) implements PageView {

    /** What the step-up confirms, for {@code ?for=}: words for "You are about to ...", or null for a key we do not know. */
    static String purpose(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "remove-passkey" -> "remove a passkey";
            case "remove-password" -> "remove your password";
            case "recovery-codes" -> "make new recovery codes (the old ones stop working)";
            case "add-passkey" -> "add a passkey";
            case "lost-device" -> "report a device lost";
            default -> null;
        };
    }

    @Override
    public String template() {
        return "step-up";
    }
}
