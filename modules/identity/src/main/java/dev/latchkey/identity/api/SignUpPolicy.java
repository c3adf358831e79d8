package dev.latchkey.identity.api;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may create an account: anyone ({@link Mode#OPEN}), or only addresses at listed email
 * domains ({@link Mode#DOMAINS}, an intranet). Subdomains of a listed domain are not admitted
 * unless listed themselves.
 */
public record SignUpPolicy(Mode mode, Set<String> domains) {

    public enum Mode { OPEN, DOMAINS }

    public static final SignUpPolicy OPEN = new SignUpPolicy(Mode.OPEN, Set.of());

    public SignUpPolicy {
        domains = domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (mode == Mode.DOMAINS && domains.isEmpty()) {
            throw new IllegalArgumentException("sign-up by domain needs at least one domain");
        }
    }

    public boolean admits(EmailAddress email) {
        if (mode == Mode.OPEN) {
            return true;
        }
        String value = email.value();
        return domains.contains(value.substring(value.lastIndexOf('@') + 1));
    }

    /** A sentence for the sign-up form when an address is not admitted. */
    public String refusal() {
        return "Accounts here are for addresses at " + String.join(", ", domains.stream().sorted().toList())
                + " only. Use your work email address.";
    }
}
