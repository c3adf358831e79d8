package dev.latchkey.nudges.api;

import dev.latchkey.identity.api.SignInMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a prompt says and offers, as a pure function of the decision's state, so that every card is
 * checked against every state it can be shown in (tests of card × state, no server): after a
 * password it never speaks of a code, "may already be here" does not lead with "Create", and so on.
 * Pages render these words in the reader's language ({@link Words}: message keys of the pages'
 * bundles, with the device labels and provider names as arguments); they add none of their own.
 *
 * @param heading     the card's heading
 * @param text        its paragraphs, in order
 * @param primary     the main button
 * @param alternative a second way to accept, when there is one ("It is not here: create one")
 */
public record PromptWords(Words heading, List<Words> text, Action primary, Optional<Action> alternative) {

    public PromptWords {
        text = List.copyOf(text);
    }

    /** A button: its label and the answer it records ({@code accept}, {@code not-now}). */
    public record Action(Words label, NudgeResponse answer) {
    }

    private static final Words CREATE_HERE = Words.of("words.createHere");
    private static final Words GOT_IT = Words.of("words.gotIt");
    private static final Words SHOW_ME_HOW = Words.of("words.showMeHow");

    /**
     * The interstitial after a sign-in.
     *
     * @param trigger     how the user just signed in
     * @param here        this device's coverage, as the decision saw it
     * @param stepUpFirst creating a passkey here leads through "Confirm it's you" with an existing passkey first
     * @param tip         education's words for the prompt, already in the reader's language, when there are some
     */
    public static PromptWords afterSignIn(Prompt prompt, Optional<Scenario> scenario, Optional<SignInMethod> trigger,
                                          String variant, Optional<DeviceCoverage> here, boolean stepUpFirst,
                                          Optional<String> tip) {
        Object device = here.<Object>map(d -> Words.device(d.label())).orElse(Words.of("words.thisDevice"));
        List<String> providers = here.map(DeviceCoverage::providers).orElse(List.of());
        boolean password = trigger.filter(SignInMethod.PASSWORD::equals).isPresent();
        Words fallback = Words.of(password ? "words.fallback.password" : "words.fallback.code");
        boolean b = "B".equals(variant);
        List<Words> text = new ArrayList<>();
        switch (prompt) {
            case CONFIRM_SYNCED -> {
                text.add(providers.isEmpty() ? Words.of("words.confirmSynced.should", device, fallback)
                        : Words.of("words.confirmSynced.shouldIn", Words.or(providers), device, fallback));
                text.add(Words.of("words.confirmSynced.notThere"));
                return new PromptWords(Words.of("words.confirmSynced.heading"), text,
                        new Action(GOT_IT, NudgeResponse.NOT_NOW),
                        Optional.of(new Action(Words.of("words.confirmSynced.create"), NudgeResponse.ACCEPT)));
            }
            case ADD_FROM_ANOTHER_DEVICE -> {
                here.map(DeviceCoverage::explanationWords).ifPresent(text::add);
                here.flatMap(DeviceCoverage::nextStepWords).ifPresent(text::add);
                return new PromptWords(Words.of("words.addFromAnother.heading"), text,
                        new Action(GOT_IT, NudgeResponse.NOT_NOW),
                        Optional.of(new Action(Words.of("words.addFromAnother.recoveryCode"), NudgeResponse.ACCEPT)));
            }
            case USE_PHONE_OR_KEY -> {
                text.add(Words.of("words.usePhone.text", device));
                return new PromptWords(Words.of("words.usePhone.heading"), text,
                        new Action(SHOW_ME_HOW, NudgeResponse.ACCEPT), Optional.empty());
            }
            default -> {
                boolean healing = scenario.filter(Scenario.HYBRID_SIGN_IN::equals).isPresent();
                Words heading;
                if (healing) {
                    heading = Words.of(b ? "words.healing.headingB" : "words.healing.heading");
                    text.add(tip.map(t -> Words.of("words.literal", t)).orElse(Words.of("words.healing.text")));
                } else {
                    heading = Words.of(b ? (password ? "words.create.headingB.password" : "words.create.headingB.code")
                            : "words.create.heading");
                    text.add(Words.of(password ? "words.create.text.password" : "words.create.text.code"));
                    tip.ifPresent(t -> text.add(Words.of("words.literal", t)));
                }
                if (stepUpFirst) {
                    text.add(Words.of("words.stepUpFirst"));
                }
                return new PromptWords(heading, text, new Action(CREATE_HERE, NudgeResponse.ACCEPT), Optional.empty());
            }
        }
    }

    /** A card on the account page (scenarios c and d). */
    public static PromptWords onAccountPage(Prompt prompt, String reason, String variant) {
        if (prompt == Prompt.COVER_OTHER_DEVICES) {
            return new PromptWords(Words.of("words.coverOthers.heading"), List.of(Words.of("words.coverOthers.text")),
                    new Action(SHOW_ME_HOW, NudgeResponse.ACCEPT), Optional.empty());
        }
        List<Words> text = new ArrayList<>();
        text.add(Words.of("PASSKEY_NOT_BACKED_UP".equals(reason) ? "words.backup.notBackedUp" : "words.backup.oneDevice"));
        text.add(Words.of("words.backup.add"));
        return new PromptWords(Words.of("B".equals(variant) ? "words.backup.headingB" : "words.backup.heading"), text,
                new Action(Words.of("words.backup.heading"), NudgeResponse.ACCEPT), Optional.empty());
    }

    /**
     * Whether the account page offers "Add a passkey on this device" to the device viewing it: not where a
     * passkey of the account already lives on it (the authenticator would refuse a second one for the same
     * account), not on a shared computer or one that cannot hold a passkey, and not where the step-up in front
     * of it cannot be completed (the passkeys are only on other computers).
     */
    public static boolean offersAddHere(Optional<DeviceCoverage> viewingDevice) {
        if (viewingDevice.isEmpty()) {
            return true;
        }
        DeviceCoverage d = viewingDevice.get();
        return switch (d.verdict()) {
            case COVERED -> "SECURITY_KEY_USED_HERE".equals(d.reason());
            case SHARED, CANNOT_HOLD_ONE -> false;
            case NOT_COVERED -> !"PASSKEYS_ONLY_ON_COMPUTERS".equals(d.reason());
            default -> true;
        };
    }

    /** A device's next step as the coverage card shows it, to the device itself ({@code current}) or to another. */
    public static Optional<Words> nextStep(DeviceCoverage d, boolean current) {
        if (current && d.verdict() == Verdict.NOT_COVERED && offersAddHere(Optional.of(d))) {
            return Optional.of(Words.of("words.next.addHere"));
        }
        return d.nextStepWords();
    }

    /**
     * Whether the coverage card offers "Add a passkey on your phone" to the device viewing it: not on a
     * phone or tablet itself, where that page would ask the phone to scan its own screen.
     */
    public static boolean offersAddOnPhone(Optional<DeviceCoverage> viewingDevice) {
        return viewingDevice.map(DeviceCoverage::deviceClass)
                .filter(c -> "Phone".equals(c) || "Tablet".equals(c)).isEmpty();
    }
}
