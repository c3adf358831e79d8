package dev.latchkey.nudges.api;

import dev.latchkey.identity.api.SignInMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a prompt says and offers, as a pure function of the decision's state, so that every card is
 * checked against every state it can be shown in (tests of card × state, no server): after a
 * password it never speaks of a code, "may already be here" does not lead with "Create", and so on.
 * Pages render these words; they add none of their own.
 *
 * @param heading     the card's heading
 * @param text        its paragraphs, in order
 * @param primary     the main button
 * @param alternative a second way to accept, when there is one ("It is not here: create one")
 */
public record PromptWords(String heading, List<String> text, Action primary, Optional<Action> alternative) {

    public PromptWords {
        text = List.copyOf(text);
    }

    /** A button: its label and the answer it records ({@code accept}, {@code not-now}). */
    public record Action(String label, NudgeResponse answer) {
    }

    /**
     * The interstitial after a sign-in.
     *
     * @param trigger     how the user just signed in
     * @param here        this device's coverage, as the decision saw it
     * @param stepUpFirst creating a passkey here leads through "Confirm it's you" with an existing passkey first
     * @param tip         education's words for the prompt, when there are some
     */
    public static PromptWords afterSignIn(Prompt prompt, Optional<Scenario> scenario, Optional<SignInMethod> trigger,
                                          String variant, Optional<DeviceCoverage> here, boolean stepUpFirst,
                                          Optional<String> tip) {
        String device = here.map(DeviceCoverage::label).orElse("this device");
        String providers = here.map(c -> String.join(" or ", c.providers())).orElse("");
        String fallback = trigger.filter(SignInMethod.PASSWORD::equals).isPresent() ? "your password" : "a code";
        boolean b = "B".equals(variant);
        List<String> text = new ArrayList<>();
        switch (prompt) {
            case CONFIRM_SYNCED -> {
                String yours = providers.isEmpty() ? "Your passkey" : "Your passkey in " + providers;
                text.add(yours + " should work on " + device + ". Next time, choose \"Sign in with a passkey\" instead of "
                        + fallback + ".");
                text.add("If it does not appear then, you can create a passkey on this device.");
                return new PromptWords("Your passkey may already be here", text,
                        new Action("Got it", NudgeResponse.NOT_NOW),
                        Optional.of(new Action("It is not here: create a passkey on this device", NudgeResponse.ACCEPT)));
            }
            case ADD_FROM_ANOTHER_DEVICE -> {
                here.map(DeviceCoverage::explanation).ifPresent(text::add);
                here.flatMap(DeviceCoverage::nextStep).ifPresent(text::add);
                return new PromptWords("Add a passkey here from your computer", text,
                        new Action("Got it", NudgeResponse.NOT_NOW),
                        Optional.of(new Action("Use a recovery code", NudgeResponse.ACCEPT)));
            }
            case USE_PHONE_OR_KEY -> {
                text.add(device + " cannot save a passkey. Next time, choose \"Sign in with a passkey\", then the phone"
                        + " option, and scan the QR code with the phone that has your passkey. A security key works too.");
                return new PromptWords("Sign in here with your phone next time", text,
                        new Action("Show me how", NudgeResponse.ACCEPT), Optional.empty());
            }
            default -> {
                boolean healing = scenario.filter(Scenario.HYBRID_SIGN_IN::equals).isPresent();
                String heading;
                if (healing) {
                    heading = b ? "Sign in here without your phone" : "Save a passkey on this computer too";
                    text.add(tip.orElse("You signed in with the passkey on your phone. Create a passkey on this device"
                            + " and next time you will not need your phone."));
                } else {
                    boolean password = "your password".equals(fallback);
                    heading = b ? (password ? "Skip the password next time" : "Skip the code next time")
                            : "Sign in faster on this device";
                    text.add("Create a passkey on this device, and next time you sign in with your fingerprint, face or"
                            + " screen lock. " + (password ? "No password to type." : "No code to wait for, nothing to type."));
                    tip.ifPresent(text::add);
                }
                if (stepUpFirst) {
                    text.add("First you confirm it is you with a passkey you already have. If it is on your phone,"
                            + " choose the phone option and scan the QR code.");
                }
                return new PromptWords(heading, text, new Action("Create a passkey on this device", NudgeResponse.ACCEPT),
                        Optional.empty());
            }
        }
    }

    /** A card on the account page (scenarios c and d). */
    public static PromptWords onAccountPage(Prompt prompt, String reason, String variant) {
        if (prompt == Prompt.COVER_OTHER_DEVICES) {
            return new PromptWords("Your first passkey is ready. Now your other devices",
                    List.of("You also sign in on the devices under \"Not yet on\". Each one needs its own passkey, or"
                            + " your phone nearby. Their next steps are listed there."),
                    new Action("Show me how", NudgeResponse.ACCEPT), Optional.empty());
        }
        List<String> text = new ArrayList<>();
        text.add("PASSKEY_NOT_BACKED_UP".equals(reason)
                ? "One of your passkeys is not backed up right now. If you lose that device, you lose that passkey."
                : "All your passkeys are on one device. If you lose or replace it, signing in gets harder.");
        text.add("Add a second passkey: on a security key, or in a password manager that keeps it on your other devices too.");
        return new PromptWords("B".equals(variant) ? "Keep a spare way in" : "Add a backup passkey", text,
                new Action("Add a backup passkey", NudgeResponse.ACCEPT), Optional.empty());
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
    public static String nextStep(DeviceCoverage d, boolean current) {
        if (current && d.verdict() == Verdict.NOT_COVERED && offersAddHere(Optional.of(d))) {
            return "Choose \"Add a passkey on this device\" on this page.";
        }
        return d.nextStep().orElse("");
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
