package dev.latchkey.nudges.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Merges device entries of one platform and browser; see {@link CoverageReport#groupedForDisplay()}. */
final class DisplayGroups {

    private DisplayGroups() {
    }

    static List<DeviceCoverage> of(List<DeviceCoverage> devices) {
        Map<String, List<DeviceCoverage>> groups = new LinkedHashMap<>();
        for (DeviceCoverage d : devices) {
            // Devices the person named differently ("Work laptop", "Home laptop") stay apart; unnamed private
            // windows of one browser share its label and are merged.
            String key = d.verdict() == Verdict.SHARED ? "shared:" + d.deviceIds()
                    : d.platform() + "\u0000" + d.browser() + "\u0000" + d.label();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        List<DeviceCoverage> merged = new ArrayList<>();
        for (List<DeviceCoverage> group : groups.values()) {
            if (group.size() == 1) {
                merged.add(group.get(0));
                continue;
            }
            // Best verdict first (enum order: covered, likely covered, not covered, cannot hold one).
            DeviceCoverage best = group.stream().min(Comparator.comparing(DeviceCoverage::verdict)).orElseThrow();
            List<UUID> ids = group.stream().flatMap(d -> d.deviceIds().stream()).toList();
            List<String> providers = group.stream().flatMap(d -> d.providers().stream()).distinct().toList();
            var lastSeen = group.stream().map(DeviceCoverage::lastSeen).max(Comparator.naturalOrder()).orElseThrow();
            merged.add(new DeviceCoverage(ids, best.label(), best.platform(), best.browser(), best.deviceClass(),
                    best.verdict(), best.reason(), best.explanation(), providers, lastSeen, best.nextStep(),
                    best.explanationWords(), best.nextStepWords()));
        }
        merged.sort(Comparator.comparing(DeviceCoverage::lastSeen).reversed());
        return merged;
    }
}
