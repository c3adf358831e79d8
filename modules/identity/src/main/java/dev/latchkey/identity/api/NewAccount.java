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
     * The outcome of checking a sign-up form: either an account to create or readable messages
     * keyed by form field ({@code email}, {@code displayName}).
     */
    public record Validation(Optional<NewAccount> account, Map<String, String> errors) {
        public boolean valid() {
            return account.isPresent();
        }
    }

    /** Checks what a person typed into the sign-up form. */
    public static Validation validate(String email, String displayName) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<EmailAddress> address = Optional.empty();
        if (email == null || email.isBlank()) {
            errors.put("email", "Enter your email address.");
        } else if (email.length() > EmailAddress.MAX_LENGTH) {
            errors.put("email", "That email address is too long.");
        } else {
            address = EmailAddress.parse(email);
            if (address.isEmpty()) {
                errors.put("email", "Enter an email address like name@example.com.");
            }
        }
        String name = displayName == null ? "" : Normalizer.normalize(displayName.strip(), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            errors.put("displayName", "Enter the name you would like us to use.");
        } else if (name.codePointCount(0, name.length()) > DISPLAY_NAME_MAX) {
            errors.put("displayName", "Use at most " + DISPLAY_NAME_MAX + " characters for your name.");
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.put("displayName", "Your name cannot contain control characters.");
        }
        if (!errors.isEmpty()) {
            return new Validation(Optional.empty(), Map.copyOf(errors));
        }
        return new Validation(Optional.of(new NewAccount(UserHandle.random(), address.orElseThrow(), name)), Map.of());
    }
}
