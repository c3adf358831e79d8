package dev.latchkey.nudges.internal;

import static dev.latchkey.nudges.internal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.Passkey;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.nudges.api.CoverageReport;
import dev.latchkey.nudges.api.Moment;
import dev.latchkey.nudges.api.NudgeSettings;
import dev.latchkey.nudges.api.Prompt;
import dev.latchkey.nudges.api.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision rules over a table of situations: device kinds, capabilities, history, snoozes, caps, shared. */
class NudgeRulesTest {

    private static final ProviderReach REACH = ProviderReach.load();

    /** One row: the situation is built from these, then tweaked. */
    static final class Given {
        NudgeSettings settings = NudgeSettings.DEFAULTS;
        Moment moment = Moment.AFTER_SIGN_IN;
        int bucket = 10;
        Optional<SignInMethod> trigger = Optional.empty();
        Device device = windowsChrome();
        List<Device> others = new ArrayList<>();
        List<Passkey> passkeys = new ArrayList<>();
        List<dev.latchkey.identity.api.SignInEvent> signIns = new ArrayList<>();
        boolean justCreated;
        Optional<Instant> lastShown = Optional.empty();
        boolean lastShownCompleted;
        int shownOnAccount;
        Optional<Instant> lastSnoozed = Optional.empty();
        boolean optedOut;
        boolean unknownDevice;
        java.util.Set<Scenario> accepted = java.util.Set.of();

        Given signedInWith(SignInMethod m) {
            trigger = Optional.of(m);
            signIns.add(0, signIn(device, m, Duration.ofSeconds(5)));
            return this;
        }

        Given passkeyOnPhone() {
            Device phone = iphoneSafari();
            others.add(phone);
            passkeys.add(deviceBound(phone));
            return this;
        }

        NudgeRules.Outcome decide() {
            List<Device> all = new ArrayList<>(others);
            if (!unknownDevice) {
                all.add(0, device);
            }
            CoverageReport report = CoverageModel.report(ACCOUNT, Fixtures.afterSignIns(all, signIns), passkeys, REACH, aaguid -> java.util.Optional.empty(),
                    Duration.ofDays(90), NOW);
            return NudgeRules.decide(new NudgeRules.Situation(settings, moment, bucket, trigger, report.device(device.id()),
                    report, justCreated, lastShown, lastShownCompleted, shownOnAccount, lastSnoozed, optedOut, NOW, accepted));
        }
    }

    private static Arguments row(String name, UnaryOperator<Given> given, Scenario scenario, Prompt prompt, String reason) {
        return Arguments.of(name, given, scenario, prompt, reason);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // a. fallback sign-in on a device that can hold a passkey
                row("a: email code on a capable laptop, passkey on the phone",
                        g -> g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE),
                        Scenario.FALLBACK_SIGN_IN, Prompt.CREATE_HERE, "FALLBACK_ON_CAPABLE_DEVICE"),
                row("a: password on a laptop whose capability is unknown, no passkey at all",
                        g -> { g.device = device("Firefox", "Windows", "Desktop", null, false, Duration.ZERO);
                               return g.signedInWith(SignInMethod.PASSWORD); },
                        Scenario.FALLBACK_SIGN_IN, Prompt.CREATE_HERE, "FALLBACK_ON_CAPABLE_DEVICE"),
                row("a: email code where a synced Google passkey should work: confirm",
                        g -> { Device android = device("Chrome", "Android", "Phone", true, false, Duration.ofDays(1));
                               g.others.add(android);
                               g.passkeys.add(passkey(GPM, true, true, "platform", List.of("internal"), android, Duration.ofDays(9)));
                               return g.signedInWith(SignInMethod.EMAIL_CODE); },
                        Scenario.FALLBACK_SIGN_IN, Prompt.CONFIRM_SYNCED, "CONFIRM_LIKELY_COVERED"),
                row("a: email code on a device without a platform authenticator: offer phone or key",
                        g -> { g.device = device("Firefox", "Linux", "Desktop", false, false, Duration.ZERO);
                               return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        Scenario.FALLBACK_SIGN_IN, Prompt.USE_PHONE_OR_KEY, "OFFER_PHONE_OR_KEY"),
                row("a: email code on a device without a platform authenticator, account without a passkey",
                        g -> { g.device = device("Firefox", "Linux", "Desktop", false, false, Duration.ZERO);
                               return g.signedInWith(SignInMethod.EMAIL_CODE); },
                        null, null, "CANNOT_HOLD_ONE_AND_NO_PASSKEY"),
                row("a: email code on a phone whose passkey lives only on the laptop: no dead-end step-up",
                        g -> { g.device = iphoneSafari(); Device laptop = windowsChrome(); g.others.add(laptop);
                               g.passkeys.add(deviceBound(laptop)); return g.signedInWith(SignInMethod.EMAIL_CODE); },
                        Scenario.FALLBACK_SIGN_IN, Prompt.ADD_FROM_ANOTHER_DEVICE, "PASSKEYS_ONLY_ON_COMPUTERS"),
                row("a: email code on a phone whose passkey is a synced one made on the laptop: create here",
                        g -> { g.device = iphoneSafari(); Device laptop = windowsChrome(); g.others.add(laptop);
                               g.passkeys.add(passkey(GPM, true, true, "platform", List.of("internal"), laptop, Duration.ofDays(9)));
                               return g.signedInWith(SignInMethod.EMAIL_CODE); },
                        Scenario.FALLBACK_SIGN_IN, Prompt.CREATE_HERE, "FALLBACK_ON_CAPABLE_DEVICE"),
                row("a: email code on a device that already has its passkey",
                        g -> { g.passkeys.add(deviceBound(g.device)); return g.signedInWith(SignInMethod.EMAIL_CODE); },
                        null, null, "DEVICE_COVERED"),
                row("recovery code: the recovered page asks itself",
                        g -> g.passkeyOnPhone().signedInWith(SignInMethod.RECOVERY_CODE),
                        null, null, "RECOVERY_PAGE_PROMPTS"),
                // b. hybrid
                row("b: passkey from the phone over a QR code on a capable laptop",
                        g -> g.passkeyOnPhone().signedInWith(SignInMethod.PASSKEY_OTHER_DEVICE),
                        Scenario.HYBRID_SIGN_IN, Prompt.CREATE_HERE, "HEAL_AFTER_HYBRID"),
                row("b: hybrid on a laptop with unknown capability",
                        g -> { g.device = device("Chrome", "Linux", "Desktop", null, false, Duration.ZERO);
                               return g.passkeyOnPhone().signedInWith(SignInMethod.PASSKEY_OTHER_DEVICE); },
                        Scenario.HYBRID_SIGN_IN, Prompt.CREATE_HERE, "HEAL_AFTER_HYBRID"),
                row("b: hybrid on a device that cannot hold one: the phone is its way",
                        g -> { g.device = device("Chrome", "Linux", "Desktop", false, false, Duration.ZERO);
                               return g.passkeyOnPhone().signedInWith(SignInMethod.PASSKEY_OTHER_DEVICE); },
                        null, null, "PHONE_IS_ITS_WAY"),
                row("passkey on this device: nothing to heal",
                        g -> { g.passkeys.add(deviceBound(g.device)); return g.signedInWith(SignInMethod.PASSKEY_THIS_DEVICE); },
                        null, null, "DEVICE_COVERED"),
                // shared, switches, rollout
                row("shared computer: never, whatever the sign-in",
                        g -> { g.device = device("Chrome", "Windows", "Desktop", true, true, Duration.ZERO);
                               return g.passkeyOnPhone().signedInWith(SignInMethod.PASSKEY_OTHER_DEVICE); },
                        null, null, "SHARED_DEVICE"),
                row("global switch off",
                        g -> { g.settings = settings(false, 100, 3); return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        null, null, "NUDGES_OFF"),
                row("outside the rollout percentage",
                        g -> { g.settings = settings(true, 10, 3); g.bucket = 10;
                               return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        null, null, "NOT_IN_ROLLOUT"),
                row("inside the rollout percentage",
                        g -> { g.settings = settings(true, 10, 3); g.bucket = 9;
                               return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        Scenario.FALLBACK_SIGN_IN, Prompt.CREATE_HERE, "FALLBACK_ON_CAPABLE_DEVICE"),
                row("a device the account does not have (forgotten, or inactive)",
                        g -> { g.unknownDevice = true; return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        null, null, "NOT_AN_ACTIVE_DEVICE"),
                // history, snoozes, caps
                row("prompted on this device 6 days ago",
                        g -> { g.lastShown = Optional.of(NOW.minus(Duration.ofDays(6)));
                               return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        null, null, "DEVICE_PROMPTED_RECENTLY"),
                row("prompted on this device 8 days ago",
                        g -> { g.lastShown = Optional.of(NOW.minus(Duration.ofDays(8)));
                               return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        Scenario.FALLBACK_SIGN_IN, Prompt.CREATE_HERE, "FALLBACK_ON_CAPABLE_DEVICE"),
                row("account cap reached on other devices",
                        g -> { g.shownOnAccount = 3; return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        null, null, "ACCOUNT_CAP_REACHED"),
                row("below the account cap",
                        g -> { g.shownOnAccount = 2; return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        Scenario.FALLBACK_SIGN_IN, Prompt.CREATE_HERE, "FALLBACK_ON_CAPABLE_DEVICE"),
                row("b: healing after a QR sign-in is not dropped by the account cap (4th device, day one)",
                        g -> { g.shownOnAccount = 3; return g.passkeyOnPhone().signedInWith(SignInMethod.PASSKEY_OTHER_DEVICE); },
                        Scenario.HYBRID_SIGN_IN, Prompt.CREATE_HERE, "HEAL_AFTER_HYBRID"),
                row("b: healing is not dropped by a prompt on this device yesterday",
                        g -> { g.lastShown = Optional.of(NOW.minus(Duration.ofDays(1)));
                               return g.passkeyOnPhone().signedInWith(SignInMethod.PASSKEY_OTHER_DEVICE); },
                        Scenario.HYBRID_SIGN_IN, Prompt.CREATE_HERE, "HEAL_AFTER_HYBRID"),
                row("snoozed yesterday",
                        g -> { g.lastSnoozed = Optional.of(NOW.minus(Duration.ofDays(1)));
                               return g.passkeyOnPhone().signedInWith(SignInMethod.PASSKEY_OTHER_DEVICE); },
                        null, null, "SNOOZED"),
                row("snooze over",
                        g -> { g.lastSnoozed = Optional.of(NOW.minus(Duration.ofDays(8)));
                               g.lastShown = g.lastSnoozed;
                               return g.passkeyOnPhone().signedInWith(SignInMethod.PASSKEY_OTHER_DEVICE); },
                        Scenario.HYBRID_SIGN_IN, Prompt.CREATE_HERE, "HEAL_AFTER_HYBRID"),
                row("'don't ask again on this device', long ago",
                        g -> { g.optedOut = true; return g.passkeyOnPhone().signedInWith(SignInMethod.EMAIL_CODE); },
                        null, null, "OPTED_OUT_ON_DEVICE"),
                // c and d on the account page
                row("c: first passkey just created here, the user also signs in on a phone",
                        g -> { g.moment = Moment.ACCOUNT_PAGE; g.justCreated = true; g.passkeys.add(deviceBound(g.device));
                               g.others.add(iphoneSafari()); return g; },
                        Scenario.FIRST_PASSKEY, Prompt.COVER_OTHER_DEVICES, "FIRST_PASSKEY_OTHER_DEVICES"),
                row("c: right after completing an accepted prompt here, not capped",
                        g -> { g.moment = Moment.ACCOUNT_PAGE; g.justCreated = true; g.passkeys.add(deviceBound(g.device));
                               g.others.add(iphoneSafari()); g.lastShown = Optional.of(NOW.minus(Duration.ofMinutes(2)));
                               g.lastShownCompleted = true; g.shownOnAccount = 3; return g; },
                        Scenario.FIRST_PASSKEY, Prompt.COVER_OTHER_DEVICES, "FIRST_PASSKEY_OTHER_DEVICES"),
                row("c: a card on the account page is not capped by a prompt here minutes ago",
                        g -> { g.moment = Moment.ACCOUNT_PAGE; g.justCreated = true; g.passkeys.add(deviceBound(g.device));
                               g.others.add(iphoneSafari()); g.lastShown = Optional.of(NOW.minus(Duration.ofMinutes(2)));
                               g.shownOnAccount = 9; return g; },
                        Scenario.FIRST_PASSKEY, Prompt.COVER_OTHER_DEVICES, "FIRST_PASSKEY_OTHER_DEVICES"),
                row("d: the one-device warning stays after it was seen (not capped)",
                        g -> { g.moment = Moment.ACCOUNT_PAGE; g.passkeys.add(deviceBound(g.device));
                               g.lastShown = Optional.of(NOW.minus(Duration.ofMinutes(1))); g.shownOnAccount = 9; return g; },
                        Scenario.NO_BACKUP, Prompt.ADD_BACKUP, "ALL_PASSKEYS_ON_ONE_DEVICE"),
                row("c: taken up here minutes ago: not shown again",
                        g -> { g.moment = Moment.ACCOUNT_PAGE; g.justCreated = true; g.passkeys.add(deviceBound(g.device));
                               g.others.add(iphoneSafari()); g.accepted = java.util.Set.of(Scenario.FIRST_PASSKEY); return g; },
                        null, null, "ACCEPTED_HERE_RECENTLY"),
                row("d: but 'Not now' on it holds",
                        g -> { g.moment = Moment.ACCOUNT_PAGE; g.passkeys.add(deviceBound(g.device));
                               g.lastSnoozed = Optional.of(NOW.minus(Duration.ofDays(1))); return g; },
                        null, null, "SNOOZED"),
                row("c: no other device yet; the single device-bound passkey needs a backup (d)",
                        g -> { g.moment = Moment.ACCOUNT_PAGE; g.justCreated = true; g.passkeys.add(deviceBound(g.device)); return g; },
                        Scenario.NO_BACKUP, Prompt.ADD_BACKUP, "ALL_PASSKEYS_ON_ONE_DEVICE"),
                row("d: a synced passkey lost its backup",
                        g -> { g.moment = Moment.ACCOUNT_PAGE;
                               g.passkeys.add(passkey(GPM, true, false, "platform", List.of("internal"), g.device, Duration.ofDays(40)));
                               return g; },
                        Scenario.NO_BACKUP, Prompt.ADD_BACKUP, "PASSKEY_NOT_BACKED_UP"),
                row("d: passkeys on two devices are enough",
                        g -> { g.moment = Moment.ACCOUNT_PAGE; g.passkeys.add(deviceBound(g.device)); return g.passkeyOnPhone(); },
                        null, null, "NOTHING_TO_SUGGEST"),
                row("d: never on a shared computer",
                        g -> { g.moment = Moment.ACCOUNT_PAGE; g.device = device("Chrome", "Windows", "Desktop", true, true, Duration.ZERO);
                               return g.passkeyOnPhone(); },
                        null, null, "SHARED_DEVICE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, UnaryOperator<Given> given, Scenario scenario, Prompt prompt, String reason) {
        NudgeRules.Outcome outcome = given.apply(new Given()).decide();
        assertThat(outcome.reason()).as(name).isEqualTo(reason);
        assertThat(outcome.scenario()).as(name).isEqualTo(Optional.ofNullable(scenario));
        assertThat(outcome.prompt()).as(name).isEqualTo(Optional.ofNullable(prompt));
    }

    @Test
    void variantsAndRolloutBucketsAreStablePerAccountAndSpreadAcrossAccounts() {
        UUID account = UUID.randomUUID();
        assertThat(NudgeRules.variant(account, NudgeSettings.DEFAULTS)).isEqualTo(NudgeRules.variant(account, NudgeSettings.DEFAULTS));
        assertThat(NudgeRules.bucket(account, "rollout", 100)).isEqualTo(NudgeRules.bucket(account, "rollout", 100));
        long a = Stream.generate(UUID::randomUUID).limit(400)
                .filter(id -> NudgeRules.variant(id, NudgeSettings.DEFAULTS).equals("A")).count();
        assertThat(a).as("both variants are assigned").isBetween(120L, 280L);
        assertThat(Stream.generate(UUID::randomUUID).limit(400).mapToInt(id -> NudgeRules.bucket(id, "rollout", 100))
                .allMatch(b -> b >= 0 && b < 100)).isTrue();
    }

    private static NudgeSettings settings(boolean enabled, int percent, int cap) {
        return new NudgeSettings(enabled, percent, Duration.ofDays(7), cap, Duration.ofDays(7), Duration.ofDays(90),
                List.of("A", "B"));
    }
}
