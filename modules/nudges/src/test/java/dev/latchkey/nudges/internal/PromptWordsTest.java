package dev.latchkey.nudges.internal;

import static dev.latchkey.nudges.internal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.Passkey;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.SignInEvent;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.nudges.api.CoverageReport;
import dev.latchkey.nudges.api.DeviceCoverage;
import dev.latchkey.nudges.api.Moment;
import dev.latchkey.nudges.api.NudgeResponse;
import dev.latchkey.nudges.api.NudgeSettings;
import dev.latchkey.nudges.api.Prompt;
import dev.latchkey.nudges.api.PromptWords;
import dev.latchkey.nudges.api.Scenario;
import dev.latchkey.nudges.api.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Card × state: every prompt the rules choose, in every state that leads to it, says only what is true
 * there. The state goes through the real rules ({@link NudgeRules}, {@link CoverageModel}) and then
 * {@link PromptWords}; the assertions are about the words the user reads.
 */
class PromptWordsTest {

    private static final ProviderReach REACH = ProviderReach.load();

    /** A state: this device, the account's other devices and passkeys, and how the user signed in here. */
    record State(String name, Device device, List<Device> others, List<Passkey> passkeys, Optional<SignInMethod> trigger,
                 Moment moment) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> afterSignInStates() {
        List<State> states = new ArrayList<>();
        Device laptop = windowsChrome();
        Device phone = iphoneSafari();
        Device oldLinux = device("Firefox", "Linux", "Desktop", false, false, Duration.ZERO);
        Device android = device("Chrome", "Android", "Phone", true, false, Duration.ofDays(1));
        for (SignInMethod method : List.of(SignInMethod.EMAIL_CODE, SignInMethod.PASSWORD, SignInMethod.PASSKEY_OTHER_DEVICE)) {
            states.add(new State("laptop, passkey on the phone, " + method, laptop, List.of(phone),
                    List.of(deviceBound(phone)), Optional.of(method), Moment.AFTER_SIGN_IN));
            if (!method.isPasskey()) { // a passkey sign-in needs a passkey
                states.add(new State("laptop, no passkey, " + method, laptop, List.of(), List.of(), Optional.of(method),
                        Moment.AFTER_SIGN_IN));
            }
            states.add(new State("laptop, synced Google passkey should work, " + method, laptop, List.of(android),
                    List.of(passkey(GPM, true, true, "platform", List.of("internal"), android, Duration.ofDays(9))),
                    Optional.of(method), Moment.AFTER_SIGN_IN));
            states.add(new State("device that cannot hold one, passkey on the phone, " + method, oldLinux, List.of(phone),
                    List.of(deviceBound(phone)), Optional.of(method), Moment.AFTER_SIGN_IN));
            if (!method.isPasskey()) {
                states.add(new State("phone, passkey only on the laptop, " + method, phone, List.of(laptop),
                        List.of(deviceBound(laptop)), Optional.of(method), Moment.AFTER_SIGN_IN));
            }
        }
        List<Arguments> rows = new ArrayList<>();
        for (State s : states) {
            for (String variant : List.of("A", "B")) {
                rows.add(Arguments.of(s, variant, false));
                if (!s.passkeys().isEmpty()) {
                    // Identity asks for a step-up with a passkey only of an account that has one.
                    rows.add(Arguments.of(s, variant, true));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}, variant {1}, step-up first {2}")
    @MethodSource("afterSignInStates")
    void theInterstitialIsTrueInEveryState(State state, String variant, boolean stepUpFirst) {
        CoverageReport report = report(state);
        NudgeRules.Outcome outcome = decide(state, report);
        if (!outcome.prompts()) {
            return; // nothing shown, nothing to be untrue
        }
        DeviceCoverage here = report.device(state.device().id()).orElseThrow();
        PromptWords words = PromptWords.afterSignIn(outcome.prompt().orElseThrow(), outcome.scenario(), state.trigger(),
                variant, Optional.of(here), stepUpFirst, Optional.empty());
        // Provider names ("Google Password Manager"), "QR code" and "recovery code" are not about how the user signed in.
        String heading = EnglishWords.of(words.heading());
        List<String> text = words.text().stream().map(EnglishWords::of).toList();
        String primary = EnglishWords.of(words.primary().label());
        String alternative = words.alternative().map(a -> EnglishWords.of(a.label())).orElse("");
        String all = (heading + " " + String.join(" ", text)).replace("QR code", "QR")
                .replace("recovery code", "recovery-c");
        for (String provider : here.providers()) {
            all = all.replace(provider, "PROVIDER");
        }
        SignInMethod method = state.trigger().orElseThrow();
        if (method == SignInMethod.PASSWORD) {
            assertThat(all).as("after a password sign-in").doesNotContainIgnoringCase("code");
        }
        if (method == SignInMethod.EMAIL_CODE || method == SignInMethod.PASSKEY_OTHER_DEVICE) {
            assertThat(all).as("no password was used").doesNotContainIgnoringCase("password");
        }
        if (state.passkeys().isEmpty()) {
            assertThat(all).as("the account has no passkey").doesNotContain("passkey on your phone")
                    .doesNotContain("passkey you already have").doesNotContain("phone that has your passkey");
        }
        if (outcome.prompt().get() == Prompt.CONFIRM_SYNCED) {
            assertThat(primary).as("'may already be here' leads with trying it, not creating")
                    .doesNotStartWith("Create");
            assertThat(words.alternative()).map(PromptWords.Action::answer).hasValue(NudgeResponse.ACCEPT);
        }
        if (words.primary().answer() == NudgeResponse.ACCEPT && outcome.prompt().get() == Prompt.CREATE_HERE) {
            assertThat(primary).isEqualTo("Create a passkey on this device");
            assertThat(here.verdict()).as("offered only where this device has no passkey yet")
                    .isIn(Verdict.NOT_COVERED, Verdict.LIKELY_COVERED);
        }
        if ("PASSKEYS_ONLY_ON_COMPUTERS".equals(here.reason())) {
            // The step-up in front of "Create a passkey on this device" cannot be completed here: not offered.
            assertThat(primary).doesNotContain("Create");
            assertThat(alternative).doesNotContain("Create");
            assertThat(String.join(" ", text)).contains("Chrome on Windows").contains("Use a link instead")
                    .contains("recovery code");
        }
        assertThat(heading).isNotBlank();
        assertThat(text).isNotEmpty();
    }

    static Stream<Arguments> coverageStates() {
        Device laptop = windowsChrome();
        Device phone = iphoneSafari();
        Device oldLinux = device("Firefox", "Linux", "Desktop", false, false, Duration.ofDays(1));
        List<Arguments> rows = new ArrayList<>();
        for (Device viewing : List.of(laptop, phone)) {
            rows.add(Arguments.of(new State("no passkey, viewed on " + viewing.label(), viewing,
                    others(viewing, laptop, phone, oldLinux), List.of(), Optional.empty(), Moment.ACCOUNT_PAGE)));
            rows.add(Arguments.of(new State("passkey on the phone, viewed on " + viewing.label(), viewing,
                    others(viewing, laptop, phone, oldLinux), List.of(deviceBound(phone)), Optional.empty(),
                    Moment.ACCOUNT_PAGE)));
            rows.add(Arguments.of(new State("passkey on the laptop, viewed on " + viewing.label(), viewing,
                    others(viewing, laptop, phone, oldLinux), List.of(deviceBound(laptop)), Optional.empty(),
                    Moment.ACCOUNT_PAGE)));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coverageStates")
    void theCoverageCardIsTrueInEveryState(State state) {
        CoverageReport report = report(state);
        for (DeviceCoverage d : report.devices()) {
            // What pages show in the reader's language says in English exactly what the report says.
            assertThat(EnglishWords.of(d.explanationWords())).as("%s: explanation", d.label()).isEqualTo(d.explanation());
            assertThat(d.nextStepWords().map(EnglishWords::of)).as("%s: next step", d.label()).isEqualTo(d.nextStep());
            String next = d.nextStep().orElse("");
            if (state.passkeys().isEmpty()) {
                assertThat(next).as("%s: the account has no passkey", d.label()).doesNotContain("passkey on your phone");
            }
            if (d.verdict() == Verdict.COVERED) {
                assertThat(d.nextStep()).as("%s is covered: no next step", d.label()).isEmpty();
            }
        }
        Optional<DeviceCoverage> viewing = report.device(state.device().id());
        boolean onPhone = "Phone".equals(state.device().deviceClass());
        assertThat(PromptWords.offersAddOnPhone(viewing)).as("'Add a passkey on your phone' on %s", state.device().label())
                .isEqualTo(!onPhone);
        viewing.ifPresent(v -> {
            if (v.verdict() == Verdict.COVERED && !"SECURITY_KEY_USED_HERE".equals(v.reason())) {
                assertThat(PromptWords.offersAddHere(viewing)).as("a covered device would refuse a second passkey").isFalse();
            }
            if ("PASSKEYS_ONLY_ON_COMPUTERS".equals(v.reason())) {
                assertThat(PromptWords.offersAddHere(viewing)).as("a step-up this device cannot complete").isFalse();
                assertThat(PromptWords.nextStep(v, true).map(EnglishWords::of).orElse("")).doesNotContain("Add a passkey on this device")
                        .contains("Use a link instead");
            }
            if (PromptWords.nextStep(v, true).map(EnglishWords::of).orElse("").contains("Add a passkey on this device")) {
                assertThat(PromptWords.offersAddHere(viewing)).as("the next step names a link that is there").isTrue();
            }
        });
        NudgeRules.Outcome card = decide(state, report);
        card.prompt().ifPresent(p -> {
            PromptWords words = PromptWords.onAccountPage(p, card.reason(), "A");
            if (p == Prompt.ADD_BACKUP) {
                assertThat(state.passkeys()).as("a backup of a passkey the account has").isNotEmpty();
            }
            assertThat(words.primary().answer()).isEqualTo(NudgeResponse.ACCEPT);
            assertThat(EnglishWords.of(words.heading())).isNotBlank();
            words.text().forEach(t -> assertThat(EnglishWords.of(t)).isNotBlank());
        });
    }

    private static List<Device> others(Device viewing, Device... all) {
        return Stream.of(all).filter(d -> !d.id().equals(viewing.id())).toList();
    }

    private static CoverageReport report(State s) {
        List<Device> all = new ArrayList<>(s.others());
        all.add(0, s.device());
        List<SignInEvent> signIns = s.trigger().map(m -> List.of(signIn(s.device(), m, Duration.ofSeconds(5))))
                .orElse(List.of());
        return CoverageModel.report(ACCOUNT, Fixtures.afterSignIns(all, signIns), s.passkeys(), REACH, aaguid -> Optional.empty(),
                Duration.ofDays(90), NOW);
    }

    private static NudgeRules.Outcome decide(State s, CoverageReport report) {
        return NudgeRules.decide(new NudgeRules.Situation(NudgeSettings.DEFAULTS, s.moment(), 10, s.trigger(),
                report.device(s.device().id()), report, false, Optional.empty(), false, 0, Optional.empty(), false, NOW,
                java.util.Set.of()));
    }
}
