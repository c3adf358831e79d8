package dev.latchkey.identity.api;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who operates this deployment: accounts whose <em>confirmed</em> address is listed here
 * ({@code LATCHKEY_OPERATORS}). A mere claim at sign-up never makes anyone an operator, so
 * nobody becomes one by typing an operator's address.
 */
public record OperatorPolicy(Set<EmailAddress> addresses) {

    public static final OperatorPolicy NONE = new OperatorPolicy(Set.of());

    public OperatorPolicy {
        addresses = Set.copyOf(addresses);
    }

    /** Parses a comma-separated list; entries that are not addresses are ignored. */
    public static OperatorPolicy parse(String commaSeparated) {
        return new OperatorPolicy(java.util.Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(EmailAddress::parse).flatMap(java.util.Optional::stream).collect(Collectors.toSet()));
    }

    public boolean lists(EmailAddress email) {
        return addresses.contains(email);
    }
}
