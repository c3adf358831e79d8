package dev.latchkey.nudges.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which of an account's active devices a passkey covers, as of {@link #at()}. Built from identity's
 * devices and sign-ins and credentials' passkeys only; nothing in it is stored.
 *
 * @param devices     one entry per active device, most recently seen first
 * @param passkeys    how many passkeys the account has
 * @param backup      empty when the account's passkeys survive the loss of one device; otherwise
 *                    why not ({@code ONLY_ONE_DEVICE_BOUND_PASSKEY}, {@code PASSKEY_NOT_BACKED_UP})
 */
public record CoverageReport(UUID accountId, List<DeviceCoverage> devices, int passkeys, Optional<String> backup,
                             Instant at) {

    public CoverageReport {
        devices = List.copyOf(devices);
    }

    public Optional<DeviceCoverage> device(UUID deviceId) {
        return devices.stream().filter(d -> d.includes(deviceId)).findFirst();
    }

    public List<DeviceCoverage> with(Verdict verdict) {
        return devices.stream().filter(d -> d.verdict() == verdict).toList();
    }

    /** Covered and likely covered devices (reported apart, but both count). */
    public List<DeviceCoverage> covered() {
        return devices.stream().filter(d -> d.verdict().countsAsCovered()).toList();
    }

    /** Devices that could be covered and are not: not covered, and cannot hold one. */
    public List<DeviceCoverage> uncovered() {
        return devices.stream().filter(d -> d.verdict().counted() && !d.verdict().countsAsCovered()).toList();
    }

    /**
     * The same report with devices of one platform and browser merged (for display): the merged
     * entry takes the best verdict of its members, so a private window of a covered browser does
     * not read as a new, uncovered computer. Shared devices stay apart.
     */
    public CoverageReport groupedForDisplay() {
        return new CoverageReport(accountId, DisplayGroups.of(devices), passkeys, backup, at);
    }
}
