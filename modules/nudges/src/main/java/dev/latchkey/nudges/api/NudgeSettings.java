package dev.latchkey.nudges.api;

import java.time.Duration;
import java.util.List;

/**
 * How often and to whom nudges are shown; the web layer produces it from deployment settings.
 *
 * @param enabled          the global switch
 * @param rolloutPercent   0-100: accounts whose stable bucket (a hash of the account id) is below it are nudged
 * @param devicePeriod     at most one prompt per device in this period
 * @param accountCap       at most this many prompts per account across all its devices in {@code devicePeriod}
 * @param snooze           "Not now" keeps a device quiet this long
 * @param activeDevices    a device counts for coverage when it was seen within this
 * @param variants         copy variants; each account gets one, always the same
 */
public record NudgeSettings(boolean enabled, int rolloutPercent, Duration devicePeriod, int accountCap,
                            Duration snooze, Duration activeDevices, List<String> variants) {

    public static final NudgeSettings DEFAULTS = new NudgeSettings(true, 100, Duration.ofDays(7), 3,
            Duration.ofDays(7), Duration.ofDays(90), List.of("A", "B"));

    public NudgeSettings {
        if (rolloutPercent < 0 || rolloutPercent > 100) {
            throw new IllegalArgumentException("rollout percent must be 0 to 100, not " + rolloutPercent);
        }
        if (accountCap < 0 || devicePeriod.isNegative() || snooze.isNegative() || activeDevices.isNegative()
                || activeDevices.isZero()) {
            throw new IllegalArgumentException("nudge caps and periods must not be negative");
        }
        variants = List.copyOf(variants.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
        if (variants.isEmpty()) {
            variants = List.of("A");
        }
    }
}
