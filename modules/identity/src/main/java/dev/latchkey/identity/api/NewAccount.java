package dev.latchkey.identity.api;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A validated request to create an account, with the user handle it will get.
 *
 * <p>Nothing is stored when one is made: the account exists only once its first passkey does, so
 * an abandoned sign-up leaves nothing behind that could block a retry.
 */
public record NewAccount(UserHandle userHandle, EmailAddress email, String displayName) {

    public static final int DISPLAY_NAME_MAX = 64;

    /**
     * What is wrong with one field of the sign-up form: a stable code for pages in any language
     * (the web layer holds the words), with an English sentence for logs and JSON clients.
     */
    public enum Problem {
        EMAIL_MISSING("Enter your email address."),
        EMAIL_TOO_LONG("That email address is too long."),
        EMAIL_INVALID("Enter an email address like name@example.com."),
        NAME_MISSING("Enter the name you would like us to use."),
        NAME_TOO_LONG("Use at most " + DISPLAY_NAME_MAX + " characters for your name."),
        NAME_CONTROL("Your name cannot contain control characters.");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        /** The English sentence. */
        public String message() {
            return message;
        }
    }

    /**
     * The outcome of checking a sign-up form: either an account to create or the problems keyed by
     * form field ({@code email}, {@code displayName}).
     */
    public record Validation(Optional<NewAccount> account, Map<String, Problem> problems) {
        public boolean valid() {
            return account.isPresent();
        }

        /** The problems as English sentences, keyed by form field. */
        public Map<String, String> errors() {
            Map<String, String> errors = new LinkedHashMap<>();
            problems.forEach((field, problem) -> errors.put(field, problem.message()));
            return Map.copyOf(errors);
        }
    }

    /** Checks what a person typed into the sign-up form. */
    public static Validation validate(String email, String displayName) {
        Map<String, Problem> errors = new LinkedHashMap<>();
        Optional<EmailAddress> address = Optional.empty();
        if (email == null || email.isBlank()) {
            errors.put("email", Problem.EMAIL_MISSING);
        } else if (email.length() > EmailAddress.MAX_LENGTH) {
            errors.put("email", Problem.EMAIL_TOO_LONG);
        } else {
            address = EmailAddress.parse(email);
            if (address.isEmpty()) {
                errors.put("email", Problem.EMAIL_INVALID);
            }
        }
        String name = displayName == null ? "" : Normalizer.normalize(displayName.strip(), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            errors.put("displayName", Problem.NAME_MISSING);
        } else if (name.codePointCount(0, name.length()) > DISPLAY_NAME_MAX) {
            errors.put("displayName", Problem.NAME_TOO_LONG);
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.put("displayName", Problem.NAME_CONTROL);
        }
        if (!errors.isEmpty()) {
            return new Validation(Optional.empty(), Map.copyOf(errors));
        }
        return new Validation(Optional.of(new NewAccount(UserHandle.random(), address.orElseThrow(), name)), Map.of());
    }
}
