package dev.latchkey.nudges.internal;

import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.nudges.api.CoverageReport;
import dev.latchkey.nudges.api.DeviceCoverage;
import dev.latchkey.nudges.api.Moment;
import dev.latchkey.nudges.api.NudgeSettings;
import dev.latchkey.nudges.api.Prompt;
import dev.latchkey.nudges.api.Scenario;
import dev.latchkey.nudges.api.Verdict;
import dev.latchkey.platform.api.Sha256;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether to prompt, and with what: a pure function of one {@link Situation}, so that every rule
 * is tested over a table of situations without a server. The order of the checks is the order of
 * precedence, and each ends in one reason code that is stored with the decision.
 */
final class NudgeRules {

    private NudgeRules() {
    }

    /**
     * What the rules need to know.
     *
     * @param bucket                the account's stable rollout bucket, 0-99
     * @param trigger               the sign-in just made on this device (AFTER_SIGN_IN), if any
     * @param device                this device's coverage; empty when it is not an active device of the account
     * @param firstPasskeyJustCreated the account's only passkey was created in the last few minutes
     * @param lastShownOnDevice     the newest interruption after a sign-in shown on this device, and whether it was
     *                              completed (account-page cards are not counted: they interrupt nothing)
     * @param shownOnAccount        interruptions after a sign-in shown to the account, on any device, within the
     *                              device period (account-page cards, the sign-up one included, are not counted)
     * @param lastSnoozedOnDevice   the newest "Not now" on this device
     * @param optedOutOnDevice      "Don't ask again on this device" was chosen here
     * @param acceptedRecentlyOnDevice the scenarios whose prompt was accepted here within the device period
     */
    record Situation(NudgeSettings settings, Moment moment, int bucket, Optional<SignInMethod> trigger,
                     Optional<DeviceCoverage> device, CoverageReport report, boolean firstPasskeyJustCreated,
                     Optional<Instant> lastShownOnDevice, boolean lastShownCompleted, int shownOnAccount,
                     Optional<Instant> lastSnoozedOnDevice, boolean optedOutOnDevice, Instant now,
                     java.util.Set<Scenario> acceptedRecentlyOnDevice) {
    }

    /** The decision: a scenario and prompt (both or neither) and the reason. */
    record Outcome(Optional<Scenario> scenario, Optional<Prompt> prompt, String reason) {

        static Outcome none(String reason) {
            return new Outcome(Optional.empty(), Optional.empty(), reason);
        }

        static Outcome prompt(Scenario scenario, Prompt prompt, String reason) {
            return new Outcome(Optional.of(scenario), Optional.of(prompt), reason);
        }

        boolean prompts() {
            return prompt.isPresent();
        }
    }

    static Outcome decide(Situation s) {
        NudgeSettings settings = s.settings();
        if (!settings.enabled()) {
            return Outcome.none("NUDGES_OFF");
        }
        if (s.bucket() >= settings.rolloutPercent()) {
            return Outcome.none("NOT_IN_ROLLOUT");
        }
        if (s.device().isEmpty()) {
            return Outcome.none("NOT_AN_ACTIVE_DEVICE");
        }
        DeviceCoverage device = s.device().get();
        if (device.verdict() == Verdict.SHARED) {
            // Never on a shared computer: a passkey there would let the next person in.
            return Outcome.none("SHARED_DEVICE");
        }
        if (s.optedOutOnDevice()) {
            return Outcome.none("OPTED_OUT_ON_DEVICE");
        }
        if (s.lastSnoozedOnDevice().filter(t -> t.plus(settings.snooze()).isAfter(s.now())).isPresent()) {
            return Outcome.none("SNOOZED");
        }
        Outcome candidate = s.moment() == Moment.AFTER_SIGN_IN ? afterSignIn(s, device) : onAccountPage(s, device);
        if (!candidate.prompts()) {
            return candidate;
        }
        if (s.moment() == Moment.ACCOUNT_PAGE) {
            // A card on the page the user opened is not an interruption: it stays while it is true (a
            // passkey on one device only is a risk every day, not once), until "Not now" or "Don't ask",
            // or until the user took it up here (then it is done, or under way).
            if (s.acceptedRecentlyOnDevice().contains(candidate.scenario().orElseThrow())) {
                return Outcome.none("ACCEPTED_HERE_RECENTLY");
            }
            return candidate;
        }
        if (candidate.scenario().orElseThrow() == Scenario.HYBRID_SIGN_IN) {
            // Healing after a QR-code sign-in is the prompt that ends the phone dance on this device: the caps
            // are there to stop nagging after fallbacks, and must not drop it (the user's own "Not now" and
            // "Don't ask again" above still hold).
            return candidate;
        }
        if (s.lastShownOnDevice().filter(t -> t.plus(settings.devicePeriod()).isAfter(s.now())).isPresent()) {
            return Outcome.none("DEVICE_PROMPTED_RECENTLY");
        }
        if (s.shownOnAccount() >= settings.accountCap()) {
            return Outcome.none("ACCOUNT_CAP_REACHED");
        }
        return candidate;
    }

    private static Outcome afterSignIn(Situation s, DeviceCoverage device) {
        if (s.trigger().isEmpty()) {
            return Outcome.none("NO_RECENT_SIGN_IN");
        }
        SignInMethod method = s.trigger().get();
        Verdict verdict = device.verdict();
        if (method == SignInMethod.PASSKEY_OTHER_DEVICE) {
            // b. Healing: the passkey came from the phone; this device can get its own.
            if (verdict == Verdict.NOT_COVERED || verdict == Verdict.LIKELY_COVERED) {
                return Outcome.prompt(Scenario.HYBRID_SIGN_IN, Prompt.CREATE_HERE, "HEAL_AFTER_HYBRID");
            }
            if (verdict == Verdict.CANNOT_HOLD_ONE) {
                return Outcome.none("PHONE_IS_ITS_WAY");
            }
        }
        if (method == SignInMethod.RECOVERY_CODE) {
            // The page after a recovery-code sign-in asks to create a passkey on this device
            // itself: one prompt, not two in a row.
            return Outcome.none("RECOVERY_PAGE_PROMPTS");
        }
        if (method == SignInMethod.EMAIL_CODE || method == SignInMethod.PASSWORD) {
            // a. A fallback on a device that can hold a passkey.
            switch (verdict) {
                case NOT_COVERED -> {
                    if ("PASSKEYS_ONLY_ON_COMPUTERS".equals(device.reason())) {
                        // "Create a passkey on this device" would end in a step-up no passkey can answer here.
                        return Outcome.prompt(Scenario.FALLBACK_SIGN_IN, Prompt.ADD_FROM_ANOTHER_DEVICE,
                                "PASSKEYS_ONLY_ON_COMPUTERS");
                    }
                    return Outcome.prompt(Scenario.FALLBACK_SIGN_IN, Prompt.CREATE_HERE, "FALLBACK_ON_CAPABLE_DEVICE");
                }
                case LIKELY_COVERED -> {
                    return Outcome.prompt(Scenario.FALLBACK_SIGN_IN, Prompt.CONFIRM_SYNCED, "CONFIRM_LIKELY_COVERED");
                }
                case CANNOT_HOLD_ONE -> {
                    if (s.report().passkeys() > 0) {
                        return Outcome.prompt(Scenario.FALLBACK_SIGN_IN, Prompt.USE_PHONE_OR_KEY, "OFFER_PHONE_OR_KEY");
                    }
                    return Outcome.none("CANNOT_HOLD_ONE_AND_NO_PASSKEY");
                }
                default -> {
                    return Outcome.none("DEVICE_COVERED");
                }
            }
        }
        return Outcome.none(device.verdict() == Verdict.COVERED ? "DEVICE_COVERED" : "NOTHING_TO_SUGGEST");
    }

    /** d. Every passkey on one device, or one not backed up: suggest a synced passkey or a second key. */
    private static Outcome backupOr(Situation s, String otherwise) {
        Optional<String> backup = s.report().backup();
        if (backup.isPresent() && !"NO_PASSKEY".equals(backup.get())) {
            return Outcome.prompt(Scenario.NO_BACKUP, Prompt.ADD_BACKUP, backup.get());
        }
        return Outcome.none(otherwise);
    }

    /** c, else d: a card on the page the user opened, never an interruption. */
    private static Outcome onAccountPage(Situation s, DeviceCoverage device) {
        if (s.firstPasskeyJustCreated()) {
            boolean others = s.report().devices().stream()
                    .anyMatch(d -> !d.deviceIds().equals(device.deviceIds()) && d.verdict().counted()
                            && d.verdict() != Verdict.COVERED);
            if (others) {
                return Outcome.prompt(Scenario.FIRST_PASSKEY, Prompt.COVER_OTHER_DEVICES, "FIRST_PASSKEY_OTHER_DEVICES");
            }
            return backupOr(s, "FIRST_PASSKEY_NO_OTHER_DEVICES");
        }
        return backupOr(s, "NOTHING_TO_SUGGEST");
    }

    /** A stable number 0-99 per account and purpose (rollout, copy variant), from SHA-256. */
    static int bucket(UUID accountId, String purpose, int buckets) {
        byte[] h = Sha256.of(purpose + ":" + accountId);
        int v = ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        return Math.floorMod(v, buckets);
    }

    static String variant(UUID accountId, NudgeSettings settings) {
        return settings.variants().get(bucket(accountId, "variant", settings.variants().size()));
    }
}
