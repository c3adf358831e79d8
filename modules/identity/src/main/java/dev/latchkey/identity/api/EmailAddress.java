package dev.latchkey.identity.api;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * A syntactically plausible email address in the one form Latchkey stores and compares.
 *
 * <p>Normalisation: Unicode NFC, surrounding white space trimmed, the whole address lower-cased
 * (mail providers treat local parts case-insensitively in practice, and two accounts that differ
 * only in case would be a phishing gift), the domain converted to its ASCII (punycode) form.
 * Uniqueness in the database is on this value.
 *
 * @param value the normalised address, never {@code null}
 */
public record EmailAddress(String value) {

    /** RFC 5321 limits: 64 octets local part, 254 for a usable path. */
    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (value == null || !normalise(value).filter(value::equals).isPresent()) {
            throw new IllegalArgumentException("not a normalised email address");
        }
    }

    /**
     * Parses user input.
     *
     * @return the normalised address, or empty when the input is not a plausible address
     */
    public static Optional<EmailAddress> parse(String input) {
        return normalise(input).map(EmailAddress::new);
    }

    private static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String trimmed = Normalizer.normalize(input.strip(), Normalizer.Form.NFC);
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.indexOf('@') != at) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at).toLowerCase(Locale.ROOT);
        String domain;
        try {
            domain = IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (local.length() > 64 || local.codePoints().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',')
                || !domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")
                || domain.contains("..")) {
            return Optional.empty();
        }
        String normalised = local + "@" + domain;
        if (normalised.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(normalised);
    }

    @Override
    public String toString() {
        return value;
    }
}
