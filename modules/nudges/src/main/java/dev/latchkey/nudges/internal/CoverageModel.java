package dev.latchkey.nudges.internal;

import dev.latchkey.nudges.api.Words;
import dev.latchkey.credentials.api.Passkey;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.nudges.api.CoverageReport;
import dev.latchkey.nudges.api.DeviceCoverage;
import dev.latchkey.nudges.api.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The coverage verdicts, as a pure function of what identity and credentials report: the account's
 * devices (with capabilities, the shared mark and how a passkey last signed in on each) and its
 * passkeys (flags, AAGUID, where each was created and last used).
 *
 * <p>Why sign-ins and not only "last used on": credentials notes the device a passkey was last
 * used from, and that is also the laptop when the passkey answered from a phone over a QR code.
 * Only the sign-in's method ({@code PASSKEY_THIS_DEVICE} against {@code PASSKEY_OTHER_DEVICE}) says
 * whether the passkey is on the device itself. That method comes from the unsigned
 * {@code authenticatorAttachment}: good enough for coverage (a wrong verdict costs one prompt too
 * many or too few), never used for a security decision.
 */
final class CoverageModel {

    private CoverageModel() {
    }

    /**
     * @param names the provider's name by AAGUID, from credentials' {@code PasskeyProviders} (the list the
     *              passkey cards use, operator-replaceable); the reach table's own label is used only
     *              where that list has none, as for the all-zero AAGUID that Safari sends
     */
    static CoverageReport report(UUID accountId, List<Device> devices, List<Passkey> passkeys,
                                 ProviderReach reach, Function<UUID, Optional<String>> names, Duration activeWindow,
                                 Instant now) {
        Map<UUID, Device> byId = new HashMap<>();
        devices.forEach(d -> byId.put(d.id(), d));
        Instant activeSince = now.minus(activeWindow);
        List<DeviceCoverage> entries = new ArrayList<>();
        for (Device d : devices) {
            if (d.lastSeen().isBefore(activeSince)) {
                continue;
            }
            entries.add(verdict(d, passkeys, usedHere(d.lastPasskeySignIn().orElse(null), passkeys), byId, reach, names));
        }
        entries.sort((a, b) -> b.lastSeen().compareTo(a.lastSeen()));
        return new CoverageReport(accountId, entries, passkeys.size(), backup(passkeys), now);
    }

    /**
     * How the newest passkey sign-in on a device went, if a passkey that existed then still exists:
     * a sign-in with a passkey that was removed since (a lost device's) proves nothing about today.
     */
    private static SignInMethod usedHere(Device.PasskeySignIn lastPasskeySignIn, List<Passkey> passkeys) {
        if (lastPasskeySignIn == null
                || passkeys.stream().noneMatch(p -> !p.createdAt().isAfter(lastPasskeySignIn.at()))) {
            return null;
        }
        return lastPasskeySignIn.method();
    }

    private static DeviceCoverage verdict(Device d, List<Passkey> passkeys, SignInMethod lastPasskeyMethod,
                                          Map<UUID, Device> devices, ProviderReach reach,
                                          Function<UUID, Optional<String>> providerNames) {
        if (d.shared()) {
            return entry(d, Verdict.SHARED, "MARKED_SHARED", "Marked as a shared or public computer: no passkey is saved"
                    + " here. Sign in with your phone or a security key.", List.of(), Optional.empty(),
                    Words.of("words.explain.shared"), Optional.empty());
        }
        List<String> createdHere = new ArrayList<>();
        for (Passkey p : passkeys) {
            if (p.createdOnDevice().filter(d.id()::equals).isPresent()) {
                createdHere.add(provider(p, devices, reach).map(known -> name(p, known, providerNames)).orElse(""));
            }
        }
        if (!createdHere.isEmpty()) {
            return entry(d, Verdict.COVERED, "CREATED_HERE", "A passkey was created on this device.",
                    createdHere.stream().filter(n -> !n.isEmpty()).distinct().toList(), Optional.empty(),
                    Words.of("words.explain.createdHere"), Optional.empty());
        }
        if (lastPasskeyMethod == SignInMethod.PASSKEY_THIS_DEVICE) {
            return entry(d, Verdict.COVERED, "USED_HERE", "You signed in here with a passkey this device holds.",
                    List.of(), Optional.empty(), Words.of("words.explain.usedHere"), Optional.empty());
        }
        if (lastPasskeyMethod == SignInMethod.SECURITY_KEY) {
            return entry(d, Verdict.COVERED, "SECURITY_KEY_USED_HERE", "You sign in here with a security key.",
                    List.of(), Optional.empty(), Words.of("words.explain.securityKeyUsedHere"), Optional.empty());
        }
        if (lastPasskeyMethod == SignInMethod.PASSKEY_OTHER_DEVICE
                && d.capabilities().platformAuthenticator().filter(available -> !available).isEmpty()) {
            // The newest passkey sign-in here came from a phone or tablet over a QR code (hybrid): the passkey
            // answered from there, this device holds none of its own. Said so rather than "should work here"
            // for a synced provider that was not used here; and a healing case: this device can get its own
            // passkey (NudgeRules' HEAL_AFTER_HYBRID, "Add a passkey on this device"). A device that said it
            // cannot hold one stays CANNOT_HOLD_ONE below: the phone is its way.
            return entry(d, Verdict.NOT_COVERED, "SIGNED_IN_FROM_PHONE", "You signed in here with a passkey from a phone"
                    + " or tablet, over a QR code. This device has no passkey of its own yet.", List.of(),
                    Optional.of("Sign in there, then choose \"Create a passkey on this device\"."),
                    Words.of("words.explain.signedInFromPhone"), Optional.of(Words.of("words.next.createThere")));
        }
        Set<String> reaching = new LinkedHashSet<>();
        boolean inferred = false;
        for (Passkey p : passkeys) {
            // A synced passkey (backed up now: BS flag), whose provider reaches this platform and browser.
            if (!p.backedUp()) {
                continue;
            }
            Optional<ProviderReach.Provider> provider = provider(p, devices, reach);
            if (provider.isPresent() && provider.get().reaches(d.platform(), d.browser())) {
                reaching.add(name(p, provider.get(), providerNames));
                inferred |= provider.get().inferred();
            }
        }
        if (lastPasskeyMethod == SignInMethod.PASSKEY) {
            reaching.add("");
        }
        if (!reaching.isEmpty()) {
            List<String> names = reaching.stream().filter(n -> !n.isEmpty()).toList();
            String where = names.isEmpty() ? "your passkey" : "your passkey in " + String.join(" or ", names);
            String reason = names.isEmpty() ? "USED_HERE_LOCATION_UNKNOWN"
                    : inferred ? "SYNCED_PROVIDER_LIKELY_REACHES" : "SYNCED_PROVIDER_REACHES";
            return entry(d, Verdict.LIKELY_COVERED, reason, capitalise(where) + " should work here, but it has not been"
                    + " used on this device yet.", names,
                    Optional.of("Next time you sign in there, choose \"Sign in with a passkey\"."),
                    names.isEmpty() ? Words.of("words.explain.likely") : Words.of("words.explain.likelyIn", Words.or(names)),
                    Optional.of(Words.of("words.next.signInWithPasskey")));
        }
        if (d.capabilities().platformAuthenticator().filter(available -> !available).isPresent()) {
            // Only an account that has a passkey has one "on your phone" to use.
            return entry(d, Verdict.CANNOT_HOLD_ONE, "NO_PLATFORM_AUTHENTICATOR", "This device said it cannot save"
                    + " a passkey.", List.of(), Optional.of(passkeys.isEmpty()
                    ? "Your account has no passkey yet. Create one on your phone or a security key first; then sign in"
                            + " there with it (choose \"Use a phone or tablet\" and scan the QR code)."
                    : "Sign in there with the passkey on your phone (choose"
                            + " \"Use a phone or tablet\" and scan the QR code), or with a security key."),
                    Words.of("words.explain.noPlatform"),
                    Optional.of(Words.of(passkeys.isEmpty() ? "words.next.noPlatformNoPasskey" : "words.next.noPlatform")));
        }
        List<String> computers = onlyOnOtherComputers(d, passkeys, devices);
        if (!computers.isEmpty()) {
            // Adding a passkey here needs a step-up with an existing one (StepUp), and a passkey that lives only on
            // a computer cannot confirm on another device (computers do not answer a QR code, CTAP 2.2 hybrid):
            // "Create a passkey on this device" would end in a step-up this device cannot complete.
            String where = String.join(" or ", computers);
            return entry(d, Verdict.NOT_COVERED, "PASSKEYS_ONLY_ON_COMPUTERS", "Your passkey is only on " + where
                    + ", which cannot confirm it is you on this device.", List.of(), Optional.of("On " + where
                    + ", open your Security page and choose \"No Bluetooth? Use a link instead\", then open the link"
                    + " here. Or, if you saved recovery codes, sign in here with one and then create a passkey."),
                    Words.of("words.explain.onlyOnComputers", Words.or(computers.stream().map(Words::device).toList())),
                    Optional.of(Words.of("words.next.onlyOnComputers",
                            Words.or(computers.stream().map(Words::device).toList()))));
        }
        return entry(d, Verdict.NOT_COVERED,
                d.capabilities().platformAuthenticator().isPresent() ? "NONE_KNOWN" : "NONE_KNOWN_CAPABILITY_UNKNOWN",
                "No passkey is known to work on this device.",
                List.of(), Optional.of("Sign in there, then choose \"Create a passkey on this device\"."),
                Words.of("words.explain.none"), Optional.of(Words.of("words.next.createThere")));
    }

    /**
     * The labels of the computers holding every one of the account's passkeys, when none of them can
     * confirm on this device: each is single-device (not synced now), not on a security key, and was
     * created on a known desktop device other than this one. Empty when any passkey may reach here
     * (synced, a security key, on a phone or tablet that can answer a QR code, or made where we do not know).
     */
    static List<String> onlyOnOtherComputers(Device here, List<Passkey> passkeys, Map<UUID, Device> devices) {
        if (passkeys.isEmpty()) {
            return List.of();
        }
        Set<String> labels = new LinkedHashSet<>();
        for (Passkey p : passkeys) {
            Optional<Device> holder = p.createdOnDevice().map(devices::get);
            boolean stuckOnAComputer = !p.backedUp()
                    && !dev.latchkey.credentials.api.PasskeyPlacement.looksLikeSecurityKey(p.attachment(), p.transports())
                    && holder.filter(h -> !h.id().equals(here.id()) && "Desktop".equals(h.deviceClass())).isPresent();
            if (!stuckOnAComputer) {
                return List.of();
            }
            labels.add(holder.get().name());
        }
        return List.copyOf(labels);
    }

    /**
     * Empty when losing one device or key leaves a passkey: otherwise why not. A passkey that may
     * sync but is not backed up now (BE set, BS clear) has lost, or never got, its copy.
     */
    static Optional<String> backup(List<Passkey> passkeys) {
        if (passkeys.isEmpty()) {
            return Optional.of("NO_PASSKEY");
        }
        if (passkeys.stream().anyMatch(p -> p.backupEligible() && !p.backedUp())) {
            return Optional.of("PASSKEY_NOT_BACKED_UP");
        }
        if (passkeys.stream().anyMatch(Passkey::backedUp)) {
            return Optional.empty();
        }
        // Every passkey is single-device: fine as long as there are at least two places holding one
        // (two devices, or a device and a security key).
        Set<String> places = new HashSet<>();
        for (Passkey p : passkeys) {
            boolean roaming = dev.latchkey.credentials.api.PasskeyPlacement.of(p)
                    == dev.latchkey.credentials.api.PasskeyPlacement.SECURITY_KEY;
            places.add(roaming ? "key:" + p.id() : "device:" + p.createdOnDevice().map(UUID::toString).orElse(p.id().toString()));
        }
        return places.size() < 2 ? Optional.of("ALL_PASSKEYS_ON_ONE_DEVICE") : Optional.empty();
    }

    /**
     * The passkey's provider: by AAGUID, or, for a passkey that is synced now, inferred from the
     * platform it was created on. A device-bound passkey without a known AAGUID stays unnamed:
     * "made on an Android phone" says nothing about who holds a passkey that never left it.
     */
    private static Optional<ProviderReach.Provider> provider(Passkey p, Map<UUID, Device> devices, ProviderReach reach) {
        Optional<String> createdOnPlatform = p.backedUp()
                ? p.createdOnDevice().map(devices::get).map(Device::platform) : Optional.empty();
        return reach.of(p.aaguid(), createdOnPlatform);
    }

    /** What users read: the provider list's name for the passkey's AAGUID, else the reach table's label. */
    private static String name(Passkey p, ProviderReach.Provider provider, Function<UUID, Optional<String>> names) {
        return Optional.ofNullable(p.aaguid()).flatMap(names).orElse(provider.name());
    }

    private static DeviceCoverage entry(Device d, Verdict verdict, String reason, String explanation,
                                        List<String> providers, Optional<String> nextStep, Words explanationWords,
                                        Optional<Words> nextStepWords) {
        // The person's own name for the device ("Work laptop") where they gave one, else its label.
        return new DeviceCoverage(List.of(d.id()), d.name(), d.platform(), d.browser(), d.deviceClass(), verdict,
                reason, explanation, providers, d.lastSeen(), nextStep, explanationWords, nextStepWords);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
