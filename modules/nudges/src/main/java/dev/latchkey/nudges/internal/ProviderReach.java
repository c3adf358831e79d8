package dev.latchkey.nudges.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which platforms and browsers each passkey provider reaches: the data file
 * {@code META-INF/latchkey/nudges/provider-reach.txt} (format and sources are written in it).
 * No provider is named in code: a change of reach is a change of that file.
 */
final class ProviderReach {

    static final String RESOURCE = "META-INF/latchkey/nudges/provider-reach.txt";
    private static final UUID ZERO = new UUID(0, 0);

    /** One provider: whether its passkeys sync, and to which platform/browser pairs. */
    record Provider(String name, boolean synced, List<String[]> reach, boolean inferred) {

        boolean reaches(String platform, String browser) {
            if (!synced) {
                return false;
            }
            for (String[] pattern : reach) {
                if ((pattern[0].equals("*") || pattern[0].equalsIgnoreCase(platform))
                        && (pattern[1].equals("*") || pattern[1].equalsIgnoreCase(browser))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<UUID, Provider> byAaguid;
    private final Map<String, Provider> byCreatingPlatform;

    private ProviderReach(Map<UUID, Provider> byAaguid, Map<String, Provider> byCreatingPlatform) {
        this.byAaguid = Map.copyOf(byAaguid);
        this.byCreatingPlatform = Map.copyOf(byCreatingPlatform);
    }

    static ProviderReach empty() {
        return new ProviderReach(Map.of(), Map.of());
    }

    /** Reads the shipped table; a broken table is an error naming the line (readiness reports it). */
    static ProviderReach load() {
        ClassLoader loader = ProviderReach.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            }
            return parse(lines);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    static ProviderReach parse(List<String> lines) {
        Map<UUID, Provider> byAaguid = new HashMap<>();
        Map<String, Provider> byPlatform = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = RESOURCE + " line " + (i + 1) + ": ";
            String[] f = line.split("\\s*\\|\\s*", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException(where + "expected 5 fields separated by ' | ', found " + f.length);
            }
            boolean synced = switch (f[2]) {
                case "synced" -> true;
                case "device-bound" -> false;
                default -> throw new IllegalArgumentException(where + "kind must be synced or device-bound, not " + f[2]);
            };
            boolean inferred = switch (f[4]) {
                case "inferred" -> true;
                case "documented" -> false;
                default -> throw new IllegalArgumentException(where + "basis must be documented or inferred, not " + f[4]);
            };
            if (f[1].isEmpty()) {
                throw new IllegalArgumentException(where + "the provider needs a name");
            }
            List<String[]> reach = new ArrayList<>();
            if (!f[3].isEmpty()) {
                for (String p : f[3].split("\\s*,\\s*")) {
                    String[] pair = p.split("/", -1);
                    if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                        throw new IllegalArgumentException(where + "reach '" + p + "' is not <platform>/<browser>");
                    }
                    reach.add(new String[] {pair[0].strip(), pair[1].strip()});
                }
            }
            if (synced && reach.isEmpty()) {
                throw new IllegalArgumentException(where + "a synced provider must reach somewhere");
            }
            Provider provider = new Provider(f[1], synced, List.copyOf(reach), inferred);
            if (f[0].startsWith("created-on:")) {
                byPlatform.put(f[0].substring("created-on:".length()).toLowerCase(Locale.ROOT), provider);
            } else {
                UUID aaguid;
                try {
                    aaguid = UUID.fromString(f[0]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + "'" + f[0] + "' is not an AAGUID");
                }
                if (!f[0].equals(f[0].toLowerCase(Locale.ROOT)) || byAaguid.put(aaguid, provider) != null) {
                    throw new IllegalArgumentException(where + "AAGUIDs are lower-case and listed once: " + f[0]);
                }
            }
        }
        return new ProviderReach(byAaguid, byPlatform);
    }

    /**
     * The provider of a passkey: by its AAGUID, else (an unknown or all-zero AAGUID, as Safari
     * sends) by the platform it was created on, which is an inference.
     */
    Optional<Provider> of(UUID aaguid, Optional<String> createdOnPlatform) {
        Provider known = aaguid == null || ZERO.equals(aaguid) ? null : byAaguid.get(aaguid);
        if (known != null) {
            return Optional.of(known);
        }
        return createdOnPlatform.map(p -> byCreatingPlatform.get(p.toLowerCase(Locale.ROOT)));
    }

    int size() {
        return byAaguid.size() + byCreatingPlatform.size();
    }
}
