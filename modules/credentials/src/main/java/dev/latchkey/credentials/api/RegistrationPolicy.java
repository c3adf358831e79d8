package dev.latchkey.credentials.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which new passkeys this deployment accepts, from configuration. An intranet may demand security
 * keys; the default accepts any passkey.
 *
 * <p>With {@link Attestation#NONE} the AAGUID, the flags and the attachment are the client's own
 * claims, so the rules are applied but are advisory (a modified browser can lie). With
 * {@link Attestation#DIRECT} and trust anchors, the authenticator data (AAGUID, UV, BE) is signed by
 * an attestation key that chains to an operator-trusted root: the rules are enforced. The
 * attachment is the browser's report in either case.
 *
 * @param allowedAaguids empty means every authenticator model
 * @param trustAnchors   a PEM file of CA certificates; required for {@link Attestation#DIRECT}
 * @param passkeyCap     the most passkeys one account may hold
 * @param problems       settings that could not be understood; while any exist, no passkey is registered
 */
public record RegistrationPolicy(
        UserVerification userVerification,
        Attachment attachment,
        boolean syncedAllowed,
        Set<UUID> allowedAaguids,
        Set<UUID> deniedAaguids,
        Attestation attestation,
        Optional<String> trustAnchors,
        int passkeyCap,
        List<String> problems) {

    public static final int DEFAULT_PASSKEY_CAP = 20;
    /** Bounds storage and the size of allow and exclude lists whatever an operator sets. */
    public static final int MAX_PASSKEY_CAP = 100;

    /** Any passkey, user verification preferred, no attestation, 20 passkeys per account. */
    public static final RegistrationPolicy DEFAULT = new RegistrationPolicy(UserVerification.PREFERRED, Attachment.ANY,
            true, Set.of(), Set.of(), Attestation.NONE, Optional.empty(), DEFAULT_PASSKEY_CAP, List.of());

    public enum UserVerification { REQUIRED, PREFERRED }

    public enum Attachment {
        ANY, PLATFORM, CROSS_PLATFORM;

        /** The WebAuthn string ({@code platform}, {@code cross-platform}); empty for ANY. */
        public Optional<String> value() {
            return this == ANY ? Optional.empty() : Optional.of(name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    public enum Attestation { NONE, DIRECT }

    public RegistrationPolicy {
        allowedAaguids = Set.copyOf(allowedAaguids);
        deniedAaguids = Set.copyOf(deniedAaguids);
        problems = List.copyOf(problems);
    }

    /**
     * Reads the policy from setting values as an operator writes them; what cannot be understood is
     * listed in {@link #problems()} (and then no passkey is registered: a policy that was meant to be
     * strict must not silently become lax).
     */
    public static RegistrationPolicy parse(String userVerification, String attachment, String syncedAllowed,
                                           String allowedAaguids, String deniedAaguids, String attestation,
                                           String trustAnchors, String passkeyCap) {
        List<String> problems = new ArrayList<>();
        UserVerification uv = choice(UserVerification.class, userVerification, UserVerification.PREFERRED,
                "LATCHKEY_REGISTRATION_USER_VERIFICATION", problems);
        Attachment at = choice(Attachment.class, attachment, Attachment.ANY, "LATCHKEY_REGISTRATION_ATTACHMENT", problems);
        boolean synced = true;
        String s = blankToEmpty(syncedAllowed);
        if (s.equals("false")) {
            synced = false;
        } else if (!s.isEmpty() && !s.equals("true")) {
            problems.add("LATCHKEY_REGISTRATION_SYNCED_ALLOWED must be true or false, not '" + s + "'");
        }
        Set<UUID> allow = aaguids(allowedAaguids, "LATCHKEY_REGISTRATION_AAGUID_ALLOW", problems);
        Set<UUID> deny = aaguids(deniedAaguids, "LATCHKEY_REGISTRATION_AAGUID_DENY", problems);
        Attestation conveyance = choice(Attestation.class, attestation, Attestation.NONE,
                "LATCHKEY_ATTESTATION_CONVEYANCE", problems);
        Optional<String> anchors = Optional.of(blankToEmpty(trustAnchors)).filter(a -> !a.isEmpty());
        if (conveyance == Attestation.DIRECT && anchors.isEmpty()) {
            problems.add("LATCHKEY_ATTESTATION_CONVEYANCE=direct needs LATCHKEY_ATTESTATION_TRUST_ANCHORS"
                    + " (a PEM file of the CA certificates you trust)");
        }
        int cap = DEFAULT_PASSKEY_CAP;
        String c = blankToEmpty(passkeyCap);
        if (!c.isEmpty()) {
            try {
                cap = Integer.parseInt(c);
                if (cap < 1 || cap > MAX_PASSKEY_CAP) {
                    problems.add("LATCHKEY_PASSKEY_CAP must be between 1 and " + MAX_PASSKEY_CAP + ", not " + cap);
                    cap = DEFAULT_PASSKEY_CAP;
                }
            } catch (NumberFormatException e) {
                problems.add("LATCHKEY_PASSKEY_CAP must be a whole number, not '" + c + "'");
            }
        }
        return new RegistrationPolicy(uv, at, synced, allow, deny, conveyance, anchors, cap, problems);
    }

    /** Whether the authenticator data is signed by a trusted attestation key, so that the rules bind. */
    public boolean enforced() {
        return attestation == Attestation.DIRECT && problems.isEmpty();
    }

    /** Whether anything beyond the defaults is asked for (the cap aside). */
    public boolean restrictive() {
        return userVerification == UserVerification.REQUIRED || attachment != Attachment.ANY || !syncedAllowed
                || !allowedAaguids.isEmpty() || !deniedAaguids.isEmpty() || attestation == Attestation.DIRECT;
    }

    /** Whether a passkey of that kind may be registered at all (the add-passkey page offers only these). */
    public boolean allows(Hint hint) {
        return attachment == Attachment.ANY || attachment == hint.attachment();
    }

    /** One line for the operator's log. */
    public String describe() {
        return "user verification " + lower(userVerification)
                + "; attachment " + lower(attachment)
                + "; synced passkeys " + (syncedAllowed ? "allowed" : "refused")
                + "; AAGUID allow list " + (allowedAaguids.isEmpty() ? "(any)" : sorted(allowedAaguids))
                + "; AAGUID deny list " + (deniedAaguids.isEmpty() ? "(none)" : sorted(deniedAaguids))
                + "; attestation " + lower(attestation) + trustAnchors.map(a -> " (trust anchors " + a + ")").orElse("")
                + "; at most " + passkeyCap + " passkeys per account";
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String sorted(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, E fallback, String setting,
                                                List<String> problems) {
        String v = blankToEmpty(value);
        if (v.isEmpty()) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (lower(e).equals(v)) {
                return e;
            }
        }
        problems.add(setting + " must be one of " + Arrays.stream(type.getEnumConstants()).map(RegistrationPolicy::lower)
                .collect(Collectors.joining(", ")) + ", not '" + v + "'");
        return fallback;
    }

    private static Set<UUID> aaguids(String list, String setting, List<String> problems) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String item : blankToEmpty(list).split(",")) {
            String id = item.strip();
            if (id.isEmpty()) {
                continue;
            }
            try {
                if (id.length() != 36) {
                    throw new IllegalArgumentException();
                }
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                problems.add(setting + " has '" + id + "', which is not an AAGUID (8-4-4-4-12 hex digits)");
            }
        }
        return ids;
    }
}
