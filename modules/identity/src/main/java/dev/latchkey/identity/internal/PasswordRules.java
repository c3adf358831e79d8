package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Passwords;
import dev.latchkey.identity.api.Passwords.Problem.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a new password must be, after NIST SP 800-63B-4 §3.1.1.2: long enough, not absurdly long,
 * any printable characters and spaces, no composition rules ("one digit, one symbol"), and not a
 * value an attacker tries first (the common-password list, the account's own address, one
 * character or a short pattern repeated). Every refusal is a sentence the user can act on.
 *
 * <p>Characters are Unicode code points of the NFKC form, which is what is hashed.
 */
final class PasswordRules {

    private PasswordRules() {
    }

    /**
     * @param password      the new password as typed
     * @param minimumLength {@link Passwords#MIN_LENGTH_ONLY_FACTOR} or {@link Passwords#MIN_LENGTH_WITH_OTHER_FACTOR}
     * @param email         the account's address (a context-specific value that must not be the password)
     * @return the problems found; empty when the password may be used
     */
    static List<Passwords.Problem> problems(String password, int minimumLength, EmailAddress email) {
        if (password == null || password.isEmpty()) {
            return List.of(Passwords.Problem.of(Kind.MISSING));
        }
        // Bound the work before normalising: NFKC can only grow a string so much.
        if (password.length() > 4 * Passwords.MAX_LENGTH) {
            return List.of(tooLong());
        }
        String normalised = PasswordHashing.normalise(password);
        List<Passwords.Problem> problems = new ArrayList<>();
        if (normalised.codePoints().anyMatch(PasswordRules::unusable)) {
            problems.add(Passwords.Problem.of(Kind.UNUSABLE_CHARACTER));
        }
        int length = normalised.codePointCount(0, normalised.length());
        if (length < minimumLength) {
            problems.add(new Passwords.Problem(minimumLength >= Passwords.MIN_LENGTH_ONLY_FACTOR
                    ? Kind.TOO_SHORT_ONLY_WAY_IN : Kind.TOO_SHORT, minimumLength));
        } else if (length > Passwords.MAX_LENGTH) {
            problems.add(tooLong());
        }
        if (CommonPasswords.contains(normalised)) {
            problems.add(Passwords.Problem.of(Kind.COMMON));
        } else if (isOwnAddress(normalised, email)) {
            problems.add(Passwords.Problem.of(Kind.OWN_ADDRESS));
        } else if (length >= minimumLength && isRepetition(normalised)) {
            problems.add(Passwords.Problem.of(Kind.REPETITION));
        }
        return List.copyOf(problems);
    }

    private static Passwords.Problem tooLong() {
        return new Passwords.Problem(Kind.TOO_LONG, Passwords.MAX_LENGTH);
    }

    /**
     * Controls (tab, line breaks), line and paragraph separators, lone surrogates, and unassigned
     * code points: a later Unicode version may assign one with a different normalisation, and the
     * same typed password would then no longer match (the reason RFC 8265 refuses them too).
     */
    private static boolean unusable(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static boolean isOwnAddress(String password, EmailAddress email) {
        if (email == null) {
            return false;
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        String address = email.value();
        return folded.equals(address) || folded.equals(address.substring(0, address.lastIndexOf('@')))
                || folded.contains(address);
    }

    /** "aaaaaaaa", "abababab", "12312312": the whole password is one unit of up to 3 code points repeated. */
    private static boolean isRepetition(String password) {
        int[] cps = password.codePoints().toArray();
        for (int unit = 1; unit <= 3 && unit < cps.length; unit++) {
            boolean repeated = true;
            for (int i = unit; i < cps.length && repeated; i++) {
                repeated = cps[i] == cps[i - unit];
            }
            if (repeated) {
                return true;
            }
        }
        return false;
    }
}
