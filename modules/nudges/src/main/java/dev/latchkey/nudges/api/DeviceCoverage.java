package dev.latchkey.nudges.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The verdict for one active device of an account, or for a group of them: the account page groups
 * devices with the same platform and browser (a private window gets a new device cookie each time,
 * and must not look like a new computer).
 *
 * @param deviceIds   identity's device records in this entry (one for a single device)
 * @param label       "Chrome on Windows"
 * @param platform    identity's platform name ("Windows", "iPhone", ...)
 * @param browser     identity's browser name ("Chrome", "Safari", ...)
 * @param deviceClass "Phone", "Tablet", "Desktop" or "Unknown"
 * @param reason      why, in a short machine-readable code ({@code CREATED_HERE}, {@code USED_HERE},
 *                    {@code SYNCED_PROVIDER_REACHES}, {@code NONE_KNOWN}, {@code NO_PLATFORM_AUTHENTICATOR},
 *                    {@code MARKED_SHARED}, ...)
 * @param explanation the reason in plain words, for pages
 * @param providers   names of the synced providers that cover it (likely covered), or that created
 *                    the passkey on it, where known ("iCloud Keychain")
 * @param nextStep    what the user can do next for this device, in plain words; empty when covered
 * @param explanationWords {@code explanation} for pages, in the reader's language ({@link Words})
 * @param nextStepWords    {@code nextStep} for pages, in the reader's language
 */
public record DeviceCoverage(
        List<UUID> deviceIds,
        String label,
        String platform,
        String browser,
        String deviceClass,
        Verdict verdict,
        String reason,
        String explanation,
        List<String> providers,
        Instant lastSeen,
        Optional<String> nextStep,
        Words explanationWords,
        Optional<Words> nextStepWords) {

    public DeviceCoverage {
        deviceIds = List.copyOf(deviceIds);
        providers = List.copyOf(providers);
    }

    public boolean includes(UUID deviceId) {
        return deviceIds.contains(deviceId);
    }
}
