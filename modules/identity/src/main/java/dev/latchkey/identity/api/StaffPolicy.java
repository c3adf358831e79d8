package dev.latchkey.identity.api;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who staffs this deployment: for each {@link StaffRole}, the addresses its setting lists
 * ({@code LATCHKEY_OPERATORS}, {@code LATCHKEY_ADMINS}, {@code LATCHKEY_AGENTS}). Only an
 * account's <em>confirmed</em> address counts ({@link Staff}): a mere claim at sign-up never makes
 * anyone staff, so nobody gets a role by typing a listed address.
 */
public record StaffPolicy(Map<StaffRole, Set<EmailAddress>> addresses) {

    public static final StaffPolicy NONE = new StaffPolicy(Map.of());

    public StaffPolicy {
        Map<StaffRole, Set<EmailAddress>> copy = new EnumMap<>(StaffRole.class);
        addresses.forEach((role, list) -> copy.put(role, Set.copyOf(list)));
        addresses = Map.copyOf(copy);
    }

    /** Parses the three comma-separated lists; entries that are not addresses are ignored. */
    public static StaffPolicy parse(String operators, String admins, String agents) {
        Map<StaffRole, Set<EmailAddress>> map = new EnumMap<>(StaffRole.class);
        map.put(StaffRole.OPERATOR, list(operators));
        map.put(StaffRole.ADMIN, list(admins));
        map.put(StaffRole.AGENT, list(agents));
        return new StaffPolicy(map);
    }

    private static Set<EmailAddress> list(String commaSeparated) {
        return Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(EmailAddress::parse).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    /** The roles the address is listed for (empty for everybody else). */
    public Set<StaffRole> roles(EmailAddress email) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        addresses.forEach((role, list) -> {
            if (list.contains(email)) {
                roles.add(role);
            }
        });
        return roles;
    }

    /** Whether the address is listed for any role (staff may sign up without an invitation). */
    public boolean lists(EmailAddress email) {
        return !roles(email).isEmpty();
    }
}
