package dev.latchkey.app.web;

import dev.latchkey.identity.api.AbuseLimits;
import dev.latchkey.identity.api.EmailCodes;
import dev.latchkey.identity.api.NewAccount;
import dev.latchkey.identity.api.Passwords;

/**
 * The words for identity's refusals, as message keys: identity decides (a pause, a wait, a cap), the
 * page says it in the reader's language. The English of each key is identity's own sentence.
 */
public final class Refusals {

    private Refusals() {
    }

    /** A fallback paused for the address, or a wait before the next try ("Wait 30 seconds", "Wait 4 minutes"). */
    public static UiText of(AbuseLimits.Refusal refusal) {
        if (refusal.suspended()) {
            return UiText.of("limits.suspended");
        }
        return refusal.retryAfter().map(d -> {
            long wait = Math.max(1, d.toSeconds());
            return wait < 90 ? UiText.of("limits.wait.seconds", wait) : UiText.of("limits.wait.minutes", (wait + 59) / 60);
        }).orElse(UiText.of("limits.tooMany"));
    }

    /** Too many email codes, by the cap that was reached. */
    public static UiText of(EmailCodes.TooManyRequests tooMany) {
        return switch (tooMany.cap()) {
            case ADDRESS_FROM_CLIENT -> UiText.of("code.tooMany.addressFromClient");
            case ADDRESS -> UiText.of("code.tooMany.address");
            case NETWORK -> UiText.of("code.tooMany.network");
            case SENT -> UiText.of("code.tooMany.sent");
        };
    }

    /** One field of the sign-up form. */
    public static UiText of(NewAccount.Problem problem) {
        return switch (problem) {
            case EMAIL_MISSING -> UiText.of("signup.error.emailMissing");
            case EMAIL_TOO_LONG -> UiText.of("signup.error.emailTooLong");
            case EMAIL_INVALID -> UiText.of("signup.error.emailInvalid");
            case NAME_MISSING -> UiText.of("signup.error.nameMissing");
            case NAME_TOO_LONG -> UiText.of("signup.error.nameTooLong", NewAccount.DISPLAY_NAME_MAX);
            case NAME_CONTROL -> UiText.of("signup.error.nameControl");
        };
    }

    /** One problem with a password change ({@code password.problem.*}). */
    public static UiText password(Passwords.Problem problem) {
        return switch (problem.kind()) {
            case MISSING -> UiText.of("password.problem.missing");
            case UNUSABLE_CHARACTER -> UiText.of("password.problem.unusableCharacter");
            case TOO_SHORT -> UiText.of("password.problem.tooShort", problem.number());
            case TOO_SHORT_ONLY_WAY_IN -> UiText.of("password.problem.tooShortOnlyWayIn", problem.number());
            case TOO_LONG -> UiText.of("password.problem.tooLong", problem.number());
            case COMMON -> UiText.of("password.problem.common");
            case OWN_ADDRESS -> UiText.of("password.problem.ownAddress");
            case REPETITION -> UiText.of("password.problem.repetition");
            case CURRENT_MISSING -> UiText.of("password.problem.currentMissing");
            case CURRENT_WRONG -> UiText.of("password.problem.currentWrong");
            case CHANGED_MEANWHILE -> UiText.of("password.problem.changedMeanwhile");
            case SET_MEANWHILE -> UiText.of("password.problem.setMeanwhile");
        };
    }
}
