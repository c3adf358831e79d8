package dev.latchkey.identity.api;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may create an account: anyone ({@link Mode#OPEN}), only addresses at listed email
 * domains ({@link Mode#DOMAINS}, an intranet; subdomains of a listed domain are not admitted
 * unless listed themselves), or only people an operator invited ({@link Mode#INVITATION}, decided
 * by {@link SignUpGate} with {@link Invitations}).
 */
public record SignUpPolicy(Mode mode, Set<String> domains) {

    public enum Mode { OPEN, DOMAINS, INVITATION }

    public static final SignUpPolicy OPEN = new SignUpPolicy(Mode.OPEN, Set.of());
    public static final SignUpPolicy INVITATION = new SignUpPolicy(Mode.INVITATION, Set.of());

    public SignUpPolicy {
        domains = domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (mode == Mode.DOMAINS && domains.isEmpty()) {
            throw new IllegalArgumentException("sign-up by domain needs at least one domain");
        }
    }

    /** Whether the address may sign up without an invitation (never, in invitation mode). */
    public boolean admits(EmailAddress email) {
        if (mode == Mode.OPEN) {
            return true;
        }
        if (mode == Mode.INVITATION) {
            return false;
        }
        String value = email.value();
        return domains.contains(value.substring(value.lastIndexOf('@') + 1));
    }

    public boolean byInvitation() {
        return mode == Mode.INVITATION;
    }

    /** A sentence for the sign-up form when an address is not admitted. */
    public String refusal() {
        if (mode == Mode.INVITATION) {
            return "Creating an account here needs an invitation. Open the link in the invitation email you received.";
        }
        return "Accounts here are for addresses at " + String.join(", ", domains.stream().sorted().toList())
                + " only. Use your work email address.";
    }
}
