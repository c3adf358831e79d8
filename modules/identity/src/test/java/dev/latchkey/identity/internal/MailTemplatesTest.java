package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.identity.api.DeviceLabel;
import dev.latchkey.identity.api.SecurityNotices;
import dev.latchkey.identity.api.SecurityNotices.PasskeyHome;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTest {

    private static final Instant WHEN = Instant.parse("2026-03-04T05:06:00Z");
    private static final MailTemplates TEMPLATES = new MailTemplates();

    /** Arguments for every kind, as the callers pass them; each kind's secret or telling value is listed to be found. */
    private static final Map<MailTemplates.Kind, Map<String, ?>> ARGUMENTS = new EnumMap<>(Map.ofEntries(
            Map.entry(MailTemplates.Kind.SIGN_IN_CODE, Map.of("name", "Ada", "code", "123456", "minutes", 10)),
            Map.entry(MailTemplates.Kind.CONFIRM_ADDRESS, Map.of("name", "Ada", "code", "123456", "minutes", 10)),
            Map.entry(MailTemplates.Kind.ADDRESS_TAKEN_AT_SIGN_UP, Map.of()),
            Map.entry(MailTemplates.Kind.CONFIRM_NEW_ADDRESS, Map.of("name", "Ada", "code", "123456", "minutes", 10)),
            Map.entry(MailTemplates.Kind.ADDRESS_TAKEN_AT_CHANGE, Map.of()),
            Map.entry(MailTemplates.Kind.ADDRESS_CHANGED, Map.of("name", "Ada", "address", "new@example.com")),
            Map.entry(MailTemplates.Kind.INVITATION, Map.of("days", 7L,
                    "link", "https://login.example.com/signup?invitation=TOKEN123")),
            Map.entry(MailTemplates.Kind.RECOVERY_CODE_USED, Map.of("name", "Ada", "remaining", 9)),
            Map.entry(MailTemplates.Kind.PASSWORD_ADDED, Map.of("name", "Ada", "when", WHEN)),
            Map.entry(MailTemplates.Kind.PASSWORD_CHANGED, Map.of("name", "Ada", "when", WHEN)),
            Map.entry(MailTemplates.Kind.PASSWORD_REMOVED, Map.of("name", "Ada", "when", WHEN)),
            Map.entry(MailTemplates.Kind.PASSKEY_ADDED, notice(new SecurityNotices.PasskeyAdded(provider("Google Password Manager"),
                    PasskeyHome.SYNCED, Optional.of("Google Password Manager"), Optional.empty(), WHEN,
                    Optional.of("Edge on Windows")))),
            Map.entry(MailTemplates.Kind.PASSKEY_REMOVED, notice(new SecurityNotices.PasskeyRemoved(SecurityNotices.PasskeyName.given("Work laptop"), WHEN,
                    Optional.of("Edge on Windows")))),
            Map.entry(MailTemplates.Kind.DEVICE_LOST, notice(new SecurityNotices.DeviceLost("Safari on iPhone", WHEN,
                    List.of(madeOn("Safari on iPhone"), SecurityNotices.PasskeyName.given("Second one")),
                    List.of(new SecurityNotices.KeptPasskey(provider("iCloud Keychain"), PasskeyHome.SYNCED, Optional.of("iCloud Keychain")),
                            new SecurityNotices.KeptPasskey(SecurityNotices.PasskeyName.given("YubiKey"), PasskeyHome.SECURITY_KEY, Optional.empty()))))),
            Map.entry(MailTemplates.Kind.ASSISTED_RECOVERY_STARTED, notice(new SecurityNotices.AssistedRecoveryStarted(WHEN)))));

    private static SecurityNotices.PasskeyName provider(String name) {
        return new SecurityNotices.PasskeyName(SecurityNotices.PasskeyName.Kind.PROVIDER, name);
    }

    private static SecurityNotices.PasskeyName madeOn(String device) {
        return new SecurityNotices.PasskeyName(SecurityNotices.PasskeyName.Kind.MADE_ON, device);
    }

    private static Map<String, ?> notice(SecurityNotices.Notice notice) {
        return Map.of("name", "Ada", "notice", notice);
    }

    /** What must appear in the mail, whatever the language: the code, the link, the names and the date. */
    private static List<String> telling(MailTemplates.Kind kind, Locale language) {
        String when = language.equals(Locale.GERMAN) ? "4. März 2026 um 05:06 UTC" : "4 March 2026 at 05:06 UTC";
        return switch (kind) {
            case SIGN_IN_CODE, CONFIRM_ADDRESS, CONFIRM_NEW_ADDRESS -> List.of("123456", "Ada", "10");
            case ADDRESS_TAKEN_AT_SIGN_UP, ADDRESS_TAKEN_AT_CHANGE -> List.of("Latchkey");
            case ADDRESS_CHANGED -> List.of("new@example.com", "Ada");
            case INVITATION -> List.of("https://login.example.com/signup?invitation=TOKEN123", "7");
            case RECOVERY_CODE_USED -> List.of("Ada", "9");
            case PASSWORD_ADDED, PASSWORD_CHANGED, PASSWORD_REMOVED, ASSISTED_RECOVERY_STARTED -> List.of("Ada", when);
            case PASSKEY_ADDED -> List.of("Ada", "Google Password Manager",
                    language.equals(Locale.GERMAN) ? "Edge unter Windows" : "Edge on Windows", when);
            case PASSKEY_REMOVED -> List.of("Ada", "Work laptop",
                    language.equals(Locale.GERMAN) ? "Edge unter Windows" : "Edge on Windows", when);
            case DEVICE_LOST -> List.of("Ada", language.equals(Locale.GERMAN) ? "Safari auf dem iPhone" : "Safari on iPhone",
                    language.equals(Locale.GERMAN)
                    ? "  - Passkey, erstellt mit Safari auf dem iPhone\n" : "  - Passkey on Safari on iPhone\n", "  - Second one\n",
                    "  - iCloud Keychain: ", "iCloud Keychain", "  - YubiKey: ", when);
        };
    }

    @ParameterizedTest
    @EnumSource(MailTemplates.Kind.class)
    void everyMailRendersInEnglishAndGermanWithNothingLeftUnresolved(MailTemplates.Kind kind) {
        MailTemplates.Letter english = TEMPLATES.render(kind, Locale.ENGLISH, ARGUMENTS.get(kind));
        MailTemplates.Letter german = TEMPLATES.render(kind, Locale.GERMAN, ARGUMENTS.get(kind));
        for (MailTemplates.Letter letter : List.of(english, german)) {
            assertThat(letter.subject()).isNotBlank().doesNotContain("\n");
            for (String text : List.of(letter.subject(), letter.body())) {
                assertThat(text).doesNotContain("??").doesNotContain("${").doesNotContain("[(").doesNotContain("[#")
                        .doesNotContain("[/]").doesNotContain("null").doesNotContain("\n\n\n");
            }
            assertThat(letter.body()).endsWith("\n").doesNotStartWith("\n");
        }
        assertThat(english.subject() + english.body()).contains(telling(kind, Locale.ENGLISH));
        assertThat(german.subject() + german.body()).contains(telling(kind, Locale.GERMAN));
        assertThat(german.subject()).as("German is not English").isNotEqualTo(english.subject());
        assertThat(german.body()).startsWith("Hallo").doesNotContain("Hello");
        assertThat(english.body()).startsWith("Hello");
        if (kind == MailTemplates.Kind.SIGN_IN_CODE || kind.name().startsWith("CONFIRM")) {
            assertThat(english.subject()).endsWith("123456");
            assertThat(german.subject()).endsWith("123456");
        }
    }

    @Test
    void theEnglishCodeMailIsWordForWordWhatItWasBeforeTemplates() {
        MailTemplates.Letter letter = TEMPLATES.render(MailTemplates.Kind.SIGN_IN_CODE, Locale.ENGLISH,
                ARGUMENTS.get(MailTemplates.Kind.SIGN_IN_CODE));
        assertThat(letter.subject()).isEqualTo("Your sign-in code: 123456");
        assertThat(letter.body()).isEqualTo("Hello Ada,\n\n"
                + "your code to sign in is: 123456\n\n"
                + "It is valid for 10 minutes and works once, in the browser where you asked for it.\n"
                + "Nobody from us will ever ask you for this code. If you did not try to sign in, ignore this message:\n"
                + "without the code, nobody can sign in with it.\n");
    }

    @Test
    void theLostDeviceNoticeListsRemovedAndKeptPasskeysAndWhatToDo() {
        String body = TEMPLATES.render(MailTemplates.Kind.DEVICE_LOST, Locale.ENGLISH,
                ARGUMENTS.get(MailTemplates.Kind.DEVICE_LOST)).body();
        assertThat(body).isEqualTo("Hello Ada,\n\n"
                + "the device \"Safari on iPhone\" was reported lost on your Latchkey account on 4 March 2026 at 05:06 UTC."
                + " It is signed out.\n\n"
                + "These passkeys, which lived only on it, were removed and no longer sign in to your account:\n"
                + "  - Passkey on Safari on iPhone\n  - Second one\n\n"
                + "These passkeys, created on it, sync to your other devices and were kept:\n"
                + "  - iCloud Keychain: To stop the lost device using it, remove that device from your iCloud Keychain"
                + " account (or change that account's password), from one of your other devices.\n"
                + "  - YubiKey: If you lost the security key too, remove this passkey on your Security page.\n\n"
                + "If that was you, there is nothing to do. Add a new passkey on each device you use.\n"
                + "If it was not you, sign in with one of your passkeys now, remove any passkey you\n"
                + "do not recognise on your Security page, and choose \"Sign out my other sessions\" there.\n");
        String none = TEMPLATES.render(MailTemplates.Kind.DEVICE_LOST, Locale.GERMAN, notice(new SecurityNotices.DeviceLost(
                "Chrome on Android", WHEN, List.of(), List.of()))).body();
        assertThat(none).contains("daher wurde keiner entfernt.\n\nWenn Sie es waren").doesNotContain("behalten");
        String one = TEMPLATES.render(MailTemplates.Kind.DEVICE_LOST, Locale.ENGLISH, notice(new SecurityNotices.DeviceLost(
                "Chrome on Android", WHEN, List.of(SecurityNotices.PasskeyName.given("Only one")), List.of()))).body();
        assertThat(one).contains("This passkey, which lived only on it, was removed and no longer signs in to your account:\n"
                + "  - Only one\n\nIf that was you");
    }

    @Test
    void thePasskeyNoticeSaysWhereItLivesInTheReadersLanguage() {
        SecurityNotices.PasskeyAdded deviceBound = new SecurityNotices.PasskeyAdded(madeOn("Chrome on Windows"),
                PasskeyHome.DEVICE_BOUND, Optional.empty(), Optional.of("Chrome on Windows"), WHEN, Optional.empty());
        assertThat(TEMPLATES.render(MailTemplates.Kind.PASSKEY_ADDED, Locale.ENGLISH, notice(deviceBound)).body())
                .contains("a passkey (\"Passkey on Chrome on Windows\", only on the device that created it (Chrome on Windows))"
                        + " was added to your Latchkey account on 4 March 2026 at 05:06 UTC.\n");
        assertThat(TEMPLATES.render(MailTemplates.Kind.PASSKEY_ADDED, Locale.GERMAN, notice(deviceBound)).body())
                .contains("am 4. März 2026 um 05:06 UTC ein Passkey hinzugefügt: „Passkey, erstellt mit Chrome unter Windows“"
                        + " (nur auf dem Gerät, das ihn erstellt hat (Chrome unter Windows)).\n");
    }

    @Test
    void oneRecoveryCodeLeftIsSingular() {
        assertThat(TEMPLATES.render(MailTemplates.Kind.RECOVERY_CODE_USED, Locale.ENGLISH, Map.of("name", "Ada",
                "remaining", 1)).body()).contains("You have 1 recovery code left.");
        assertThat(TEMPLATES.render(MailTemplates.Kind.RECOVERY_CODE_USED, Locale.GERMAN, Map.of("name", "Ada",
                "remaining", 1)).body()).contains("Sie haben noch 1 Wiederherstellungscode.");
    }

    @Test
    void languagesWithoutMailGetEnglish() {
        assertThat(MailTemplates.language("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(MailTemplates.language("de-CH")).isEqualTo(Locale.GERMAN);
        assertThat(MailTemplates.language((String) null)).isEqualTo(Locale.ENGLISH);
        assertThat(TEMPLATES.render(MailTemplates.Kind.SIGN_IN_CODE, Locale.FRENCH,
                ARGUMENTS.get(MailTemplates.Kind.SIGN_IN_CODE)).subject()).isEqualTo("Your sign-in code: 123456");
    }

    @Test
    void everyNoticeHasItsMail() {
        for (SecurityNotices.Notice notice : List.of(
                new SecurityNotices.PasskeyRemoved(SecurityNotices.PasskeyName.given("A"), WHEN, Optional.empty()),
                new SecurityNotices.AssistedRecoveryStarted(WHEN))) {
            assertThat(JpaSecurityNotices.letter(TEMPLATES, Locale.GERMAN, "Ada", notice).body()).startsWith("Hallo Ada,");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SecurityNotices.PasskeyName.Kind.class)
    void aPasskeysNameIsSaidInTheMailsLanguageAndAGivenNameAsGiven(SecurityNotices.PasskeyName.Kind kind) {
        SecurityNotices.PasskeyName name = new SecurityNotices.PasskeyName(kind, switch (kind) {
            case GIVEN -> "Mein Schlüssel";
            case PROVIDER -> "iCloud Keychain";
            case MADE_ON -> "Chrome on Android";
            default -> "";
        });
        String english = TEMPLATES.passkeyName(name, Locale.ENGLISH);
        String german = TEMPLATES.passkeyName(name, Locale.GERMAN);
        switch (kind) {
            case GIVEN -> assertThat(List.of(english, german)).containsOnly("Mein Schlüssel");
            case PROVIDER -> assertThat(List.of(english, german)).containsOnly("iCloud Keychain");
            case SECURITY_KEY -> assertThat(List.of(english, german)).containsExactly("Security key", "Sicherheitsschlüssel");
            case MADE_ON -> assertThat(List.of(english, german))
                    .containsExactly("Passkey on Chrome on Android", "Passkey, erstellt mit Chrome unter Android");
            case PHONE_OR_TABLET -> assertThat(List.of(english, german))
                    .containsExactly("Passkey on a phone or tablet", "Passkey auf einem Smartphone oder Tablet");
            case UNNAMED -> assertThat(List.of(english, german)).containsOnly("Passkey");
        }
    }

    @Test
    void theGermanNoticesNameAutomaticPasskeysInGerman() {
        String removed = TEMPLATES.render(MailTemplates.Kind.PASSKEY_REMOVED, Locale.GERMAN, notice(
                new SecurityNotices.PasskeyRemoved(new SecurityNotices.PasskeyName(
                        SecurityNotices.PasskeyName.Kind.SECURITY_KEY, ""), WHEN, Optional.empty()))).body();
        assertThat(removed).contains("der Passkey „Sicherheitsschlüssel“ wurde am").doesNotContain("Security key");
        String lost = TEMPLATES.render(MailTemplates.Kind.DEVICE_LOST, Locale.GERMAN, ARGUMENTS.get(MailTemplates.Kind.DEVICE_LOST))
                .body();
        assertThat(lost).contains("  - Passkey, erstellt mit Safari auf dem iPhone\n").contains("  - Second one\n")
                .contains("das Gerät „Safari auf dem iPhone“ wurde am").doesNotContain("Passkey on ").doesNotContain(" on iPhone");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DeviceLabel.Platform.class)
    void aDevicesAutomaticLabelIsSaidInTheMailsLanguage(DeviceLabel.Platform platform) {
        String stored = new DeviceLabel("Firefox", platform).stored();
        String english = TEMPLATES.device(stored, Locale.ENGLISH);
        String german = TEMPLATES.device(stored, Locale.GERMAN);
        assertThat(english).as("English says what is stored").isEqualTo(stored);
        assertThat(german).startsWith("Firefox ").doesNotContain(" on ").doesNotContain("[").isNotEqualTo("Firefox ");
        assertThat(german.substring("Firefox ".length())).as("the German words of " + platform)
                .startsWith(switch (platform) {
                    case WINDOWS, ANDROID, CHROMEOS, LINUX -> "unter ";
                    case MAC, IPHONE, IPAD -> "auf dem ";
                    case ANDROID_TABLET, UNKNOWN -> "auf einem ";
                });
    }

    @Test
    void aNameSomeoneGaveADeviceStaysAsGiven() {
        assertThat(TEMPLATES.device("Work laptop", Locale.GERMAN)).isEqualTo("Work laptop");
        assertThat(TEMPLATES.device("Firefox on FreeBSD", Locale.GERMAN)).as("a platform without German words")
                .isEqualTo("Firefox on FreeBSD");
        assertThat(TEMPLATES.passkeyName(new SecurityNotices.PasskeyName(SecurityNotices.PasskeyName.Kind.MADE_ON,
                "Arbeitslaptop"), Locale.GERMAN)).isEqualTo("Passkey, erstellt auf Arbeitslaptop");
        String removed = TEMPLATES.render(MailTemplates.Kind.PASSKEY_REMOVED, Locale.GERMAN, notice(
                new SecurityNotices.PasskeyRemoved(SecurityNotices.PasskeyName.given("Mein Schlüssel"), WHEN,
                        Optional.of("Chrome on Linux")))).body();
        assertThat(removed).contains("Chrome unter Linux").doesNotContain("Chrome on Linux");
    }
}
