package dev.latchkey.nudges.api;

import dev.latchkey.identity.api.SignInMethod;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One decision, stored with its reason whether or not it prompts (an operator can see why nobody
 * was asked as well as why somebody was).
 *
 * @param trigger  the sign-in method that led here, for {@link Moment#AFTER_SIGN_IN}
 * @param scenario and {@code prompt}: both present when the user is to be prompted, both empty otherwise
 * @param reason   a short machine-readable code: why this prompt, or why none
 *                 ({@code SHARED_DEVICE}, {@code DEVICE_PROMPTED_RECENTLY}, {@code HEAL_AFTER_HYBRID}, ...)
 * @param variant  the copy variant of the account (A/B), assigned deterministically
 * @param device   this device's coverage at the time of the decision, when it is an active device
 */
public record NudgeDecision(
        UUID id,
        UUID accountId,
        UUID deviceId,
        Moment moment,
        Optional<SignInMethod> trigger,
        Optional<Scenario> scenario,
        Optional<Prompt> prompt,
        String reason,
        String variant,
        Optional<DeviceCoverage> device,
        Instant decidedAt) {

    public boolean prompts() {
        return prompt.isPresent();
    }
}
