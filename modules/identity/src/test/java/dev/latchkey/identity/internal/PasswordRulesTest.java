package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Passwords;
import dev.latchkey.identity.api.Passwords.Problem.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The NIST SP 800-63B-4 rules for a new password, each with the message a user would read. */
class PasswordRulesTest {

    private static final EmailAddress EMAIL = EmailAddress.parse("Ada.Lovelace@example.com").orElseThrow();
    private static final int WITH_PASSKEY = Passwords.MIN_LENGTH_WITH_OTHER_FACTOR;
    private static final int ONLY_FACTOR = Passwords.MIN_LENGTH_ONLY_FACTOR;

    @Test
    void eightCharactersAreEnoughWhenTheAccountAlsoHasAPasskey() {
        assertThat(PasswordRules.problems("kettle-7", WITH_PASSKEY, EMAIL)).isEmpty();
        assertThat(PasswordRules.problems("kettle7", WITH_PASSKEY, EMAIL))
                .containsExactly(new Passwords.Problem(Kind.TOO_SHORT, 8));
    }

    @Test
    void fifteenCharactersAreNeededWhenThePasswordIsTheOnlyWayIn() {
        assertThat(PasswordRules.problems("kettle-7 violin", ONLY_FACTOR, EMAIL)).isEmpty();
        assertThat(PasswordRules.problems("kettle-7 violi", ONLY_FACTOR, EMAIL))
                .containsExactly(new Passwords.Problem(Kind.TOO_SHORT_ONLY_WAY_IN, 15));
    }

    @Test
    void lengthCountsCharactersNotBytesOrUtf16Units() {
        // 8 emoji: 8 code points, 16 UTF-16 units, 32 UTF-8 bytes.
        String emoji = "\uD83D\uDD11\uD83D\uDC08\uD83C\uDF35\uD83D\uDE80\uD83C\uDF4B\uD83E\uDD89\uD83C\uDFB8\uD83E\uDDE9";
        assertThat(PasswordRules.problems(emoji, WITH_PASSKEY, EMAIL)).isEmpty();
        assertThat(PasswordRules.problems(emoji.substring(0, 14), WITH_PASSKEY, EMAIL)).hasSize(1);
    }

    @Test
    void atLeast64AndUpTo128CharactersAreAccepted() {
        String passphrase = "correct horse battery staple, then a long walk along the river at dusk";
        assertThat(passphrase.length()).isGreaterThan(64);
        assertThat(PasswordRules.problems(passphrase, ONLY_FACTOR, EMAIL)).isEmpty();
        String max = "the quick brown fox jumps over the lazy dog ".repeat(3).substring(0, 128);
        assertThat(PasswordRules.problems(max, ONLY_FACTOR, EMAIL)).isEmpty();
        assertThat(PasswordRules.problems(max + "x", ONLY_FACTOR, EMAIL)).containsExactly(new Passwords.Problem(Kind.TOO_LONG, 128));
        assertThat(PasswordRules.problems("x".repeat(100_000), ONLY_FACTOR, EMAIL))
                .containsExactly(new Passwords.Problem(Kind.TOO_LONG, 128));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Zürich Straße 12 ok",        // Latin with diacritics
        "пароль для входа",            // Cyrillic and spaces
        "東京タワーの夜景がきれい",        // CJK
        "  leading and trailing  ",    // spaces are kept, at either end too
        "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", // every ASCII symbol
        "no rules: only lowercase",    // no composition rules
    })
    void anyPrintableCharactersAndSpacesAreAllowedWithoutCompositionRules(String password) {
        assertThat(PasswordRules.problems(password, WITH_PASSKEY, EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there please", "line\nbreak here", "nul\u0000in here", "unassigned \uFFFF here",
        "lone \uD800 surrogate", "separator\u2028here"})
    void controlsLineBreaksAndUnknownCharactersAreRefused(String password) {
        assertThat(PasswordRules.problems(password, WITH_PASSKEY, EMAIL))
                .containsExactly(Passwords.Problem.of(Kind.UNUSABLE_CHARACTER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "Password1", "PASSWORD123", "iloveyou", "qwertyuiop", "12345678",
        // the list is checked in NFKC form too: full-width letters and digits
        "\uFF50\uFF41\uFF53\uFF53\uFF57\uFF4F\uFF52\uFF44\uFF11"})
    void commonPasswordsAreRefused(String password) {
        assertThat(PasswordRules.problems(password, WITH_PASSKEY, EMAIL)).containsExactly(
                Passwords.Problem.of(Kind.COMMON));
    }

    @Test
    void theShippedListIsLoadedWhole() {
        // 10,000 lines; a few differ only in letter case and count once.
        assertThat(CommonPasswords.size()).isBetween(9_000, 10_000);
        assertThat(CommonPasswords.contains("trustno1")).isTrue();
        assertThat(CommonPasswords.contains("kettle-7 violin")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada.lovelace@example.com", "ADA.LOVELACE@EXAMPLE.COM", "ada.lovelace", "my ada.lovelace@example.com!"})
    void theAccountsOwnAddressIsRefused(String password) {
        assertThat(PasswordRules.problems(password, WITH_PASSKEY, EMAIL))
                .containsExactly(Passwords.Problem.of(Kind.OWN_ADDRESS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zzzzzzzzzzzzzzzz", "xyxyxyxyxyxyxyxy", "7a!7a!7a!7a!7a!7"})
    void aRepeatedCharacterOrShortPatternIsRefused(String password) {
        assertThat(PasswordRules.problems(password, ONLY_FACTOR, EMAIL)).containsExactly(
                Passwords.Problem.of(Kind.REPETITION));
    }

    @Test
    void anEmptyPasswordAsksForOne() {
        assertThat(PasswordRules.problems("", WITH_PASSKEY, EMAIL)).containsExactly(Passwords.Problem.of(Kind.MISSING));
        assertThat(PasswordRules.problems(null, WITH_PASSKEY, EMAIL)).containsExactly(Passwords.Problem.of(Kind.MISSING));
    }

    @Test
    void lengthIsCountedAfterNfkcNormalisation() {
        // "ﬃ" is one code point typed, three ("ffi") once normalised: 5 typed become 9.
        assertThat(PasswordRules.problems("\uFB03cat\uFB03", WITH_PASSKEY, EMAIL)).isEmpty();
        // A decomposed accent (e + combining acute) is one character once composed: 8 typed units, 7 characters.
        assertThat(PasswordRules.problems("cafe\u0301-1x", WITH_PASSKEY, EMAIL)).hasSize(1);
    }
}
