package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, item 8, the public and sign-in side: every such page in German for a German browser
 * ({@code Accept-Language}) and for a reader who chose German in the header's switcher (the language cookie),
 * with {@code <html lang="de">} and {@code Content-Language: de}; the errors that Java words, too. English stays
 * the default (the other ITs assert it).
 */
class PagesInGermanIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final String GERMAN = "de-DE,de;q=0.9,en;q=0.5";
    private static final String ENGLISH = "en-GB,en;q=0.9";
    private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code>");

    /** A browser that asks for German with every request. */
    private static Browser german() {
        return new Browser().withHeader("Accept-Language", GERMAN);
    }

    private static String german(HttpResponse<String> page, int status) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Language")).hasValue("de");
        assertThat(page.body()).contains("<html lang=\"de\"").doesNotContain("??")
                .contains("Sprache").contains("<span class=\"current-language\" aria-current=\"true\" lang=\"de\">Deutsch");
        return page.body();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void signInAndItsChoicesAreGermanForAGermanBrowser() {
        Browser browser = german();
        assertThat(german(browser.get("/signin"), 200))
                .contains("<title>Anmelden · Latchkey</title>", "<h1>Anmelden</h1>", "E-Mail-Adresse", "Weiter",
                        "Mit einem Passkey anmelden", "Neu hier?", "Konto erstellen",
                        "Dies ist ein gemeinsam genutzter oder öffentlicher Computer",
                        "<a href=\"/learn/what-is-a-passkey\" id=\"passkey-help-link\">Was ist ein Passkey?</a>",
                        "data-cancelled-get=\"Die Anmeldung wurde abgebrochen")
                .doesNotContain("Sign in with a passkey", "Email address");

        String refused = german(browser.postForm("/signin/continue", "email=not-an-address"), 422);
        assertThat(refused).contains("Geben Sie die E-Mail-Adresse Ihres Kontos ein, zum Beispiel name@example.com.");

        String email = Journeys.uniqueEmail("deutsch");
        String choices = german(browser.postForm("/signin/continue", "email=" + encode(email)), 200);
        assertThat(choices).contains("Wählen Sie, wie Sie sich anmelden", "Anmeldung als", "Passkey verwenden",
                "Smartphone oder Tablet verwenden", "Sicherheitsschlüssel verwenden", "Code per E-Mail senden",
                "Mit Passwort anmelden", "Wiederherstellungscode verwenden", "Was ist ein Passkey?");

        String noPassword = german(browser.postForm("/signin/password", "email=" + encode(email) + "&password="), 422);
        assertThat(noPassword).contains("Geben Sie Ihr Passwort ein.");
        String wrongPassword = german(browser.postForm("/signin/password",
                "email=" + encode(email) + "&password=" + encode("not the password, surely")), 422);
        assertThat(wrongPassword).contains("E-Mail-Adresse und Passwort passen nicht zusammen.");
    }

    @Test
    void theCodeFormAndItsErrorsAreGerman() {
        Browser browser = german();
        browser.get("/signin");
        HttpResponse<String> sent = browser.postForm("/signin/email", "email=" + encode(Journeys.uniqueEmail("code")));
        assertThat(sent.statusCode()).isEqualTo(302);
        java.net.URI codePage = java.net.URI.create(sent.headers().firstValue("Location").orElseThrow());
        String form = german(browser.get(codePage.getRawPath() + "?" + codePage.getRawQuery()), 200);
        assertThat(form).contains("<title>Code eingeben · Latchkey</title>", "Sehen Sie in Ihr E-Mail-Postfach",
                "Bestätigungscode", "Er gilt 10 Minuten lang, einmal, in diesem Browser.", "Keine E-Mail erhalten?");

        String wrong = german(browser.postForm("/signin/code", "code=000000"), 422);
        assertThat(wrong).contains("Dieser Code ist nicht richtig.").containsPattern("\\(noch [0-9]+ Versuche?\\)");
    }

    @Test
    void theRecoveryCodePagesAreGerman() throws Exception {
        Browser owner = new Browser();
        String email = Journeys.uniqueEmail("wiederherstellung");
        Mailbox.signUpConfirmed(SMTP, owner, new Authenticator(), email);
        HttpResponse<String> made = owner.postForm("/account/recovery-codes", "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        Matcher m = RECOVERY_CODE.matcher(made.body());
        assertThat(m.find()).isTrue();
        String code = m.group(1);

        Browser lostPhone = german();
        assertThat(german(lostPhone.get("/signin/recovery"), 200))
                .contains("Mit einem Wiederherstellungscode anmelden", "Kein Wiederherstellungscode?", "Zurück zur Anmeldung");
        String refused = german(lostPhone.postForm("/signin/recovery",
                "email=" + encode(email) + "&code=AAAA-BBBB-CCCC"), 422);
        assertThat(refused).contains("E-Mail-Adresse und Wiederherstellungscode passen nicht zusammen");

        HttpResponse<String> in = lostPhone.postForm("/signin/recovery", "email=" + encode(email) + "&code=" + code);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(302);
        assertThat(german(lostPhone.get("/account/recovered"), 200))
                .contains("Sie sind wieder angemeldet", "Ihnen bleiben <strong>9</strong> Codes",
                        "Passkey auf diesem Gerät erstellen");
    }

    @Test
    void signUpItsErrorsAndTheConfirmationAreGerman() throws Exception {
        Browser browser = german();
        assertThat(german(browser.get("/signup"), 200)).contains("<h1>Konto erstellen</h1>", "Ihr Name",
                "Konto und Passkey erstellen", "Sie haben schon ein Konto?", "Was ist ein Passkey?");

        String invalid = german(browser.postForm("/signup", "email=nope&displayName="), 422);
        assertThat(invalid).contains("Geben Sie eine E-Mail-Adresse ein, zum Beispiel name@example.com.",
                "Geben Sie den Namen ein, mit dem wir Sie ansprechen sollen.");

        // The script's JSON speaks the page's language too.
        HttpResponse<String> json = browser.postJson("/api/signup/options", "{\"email\":\"\",\"displayName\":\"x\"}");
        assertThat(json.statusCode()).isEqualTo(422);
        assertThat(json.body()).contains("Bitte korrigieren Sie die markierten Felder.",
                "Geben Sie Ihre E-Mail-Adresse ein.");

        // A German sign-up: the confirmation page, its error, and cancelling.
        String options = Journeys.signUpOptions(browser, Journeys.uniqueEmail("neu"), "Neue Person");
        HttpResponse<String> finish = browser.postJson("/api/signup/finish",
                Journeys.finishBody(new Authenticator().create(options)));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);
        assertThat(german(browser.get("/account/confirm-email"), 200)).contains("E-Mail-Adresse bestätigen",
                "Neuen Code senden", "Diese Registrierung abbrechen", "Kein Code?");
        assertThat(german(browser.postForm("/account/confirm-email", "code=000000"), 422))
                .contains("Dieser Code ist nicht richtig.");
        assertThat(german(browser.get("/account/step-up?for=remove-passkey&next=%2Faccount%2Fsecurity"), 200))
                .contains("Bestätigen Sie, dass Sie es sind", "Sie möchten <strong>einen Passkey entfernen</strong>",
                        "Mit meinem Passkey bestätigen");
        assertThat(german(browser.postForm("/account/confirm-email/cancel", ""), 200))
                .contains("Registrierung abgebrochen", "Mit einer anderen Adresse registrieren");
    }

    @Test
    void theLanguageChosenInTheSwitcherBeatsAnEnglishBrowser() {
        Browser browser = new Browser().withHeader("Accept-Language", ENGLISH);
        assertThat(browser.get("/signin").body()).contains("<html lang=\"en\"").contains("Sign in with a passkey");

        HttpResponse<String> chosen = browser.postForm("/language", "lang=de&next=" + encode("/signin"));
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValue("/signin");

        for (String path : List.of("/signin", "/signup", "/signin/recovery")) {
            german(browser.get(path), 200);
        }
        assertThat(german(browser.get("/signin"), 200)).contains("Mit einem Passkey anmelden");
        assertThat(german(browser.postForm("/signin/continue", "email=x"), 422)).contains("Geben Sie die E-Mail-Adresse");

        browser.postForm("/language", "lang=en&next=%2Fsignin");
        assertThat(browser.get("/signin").body()).contains("<html lang=\"en\"").contains("Sign in with a passkey");
    }

    @Test
    void theErrorPagesAreGerman() {
        Browser browser = german();
        assertThat(german(browser.get("/no-such-page"), 404)).contains("Etwas ist schiefgelaufen",
                "Diese Seite haben wir nicht gefunden.", "Zur Anmeldung").doesNotContain("Exception");
        // The development outbox is off on the test server: its 404 in German, JSON for scripts.
        assertThat(german(browser.get("/dev/outbox"), 404)).contains("Diese Seite haben wir nicht gefunden.");
        HttpResponse<String> json = browser.get("/no-such-page", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).contains("\"reason\":\"NOT_FOUND\"", "Diese Seite haben wir nicht gefunden.");

        HttpResponse<String> english = new Browser().get("/no-such-page", "Accept-Language", ENGLISH);
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\"", "We could not find that page.", "Go to sign-in");
    }

    /**
     * What the security filters answer before any page (a forged or expired form, a request too large, an API
     * path that takes only POST): the plain page and the JSON in German, English for an English reader.
     */
    @Test
    void theFiltersRefusalsAreGerman() {
        Browser browser = german();
        browser.get("/signin");
        HttpResponse<String> expired = browser.postFormWithoutCsrfToken("/signin/continue", "email=x%40example.com");
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.headers().firstValue("Content-Language")).hasValue("de");
        assertThat(expired.body()).contains("<html lang=\"de\"", "<h1>Etwas ist schiefgelaufen</h1>",
                "Ihre Seite ist abgelaufen. Laden Sie sie neu und versuchen Sie es erneut.", "Zur Anmeldung")
                .doesNotContain("Your page has expired", "Something went wrong", "??");

        HttpResponse<String> foreign = german().withOrigin("https://evil.example").postJson("/api/signin/options", "{}");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(Authenticator.parse(foreign.body()).get("reason").stringValue()).isEqualTo("FORBIDDEN_ORIGIN");
        assertThat(Authenticator.parse(foreign.body()).get("error").stringValue())
                .isEqualTo("Diese Anfrage kam von einer Seite, die wir nicht kennen.");

        String huge = "email=someone%40example.com&password=" + "x".repeat(100 * 1024);
        HttpResponse<String> tooLarge = browser.postForm("/signin/password", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("<html lang=\"de\"", "Diese Anfrage ist zu groß.")
                .doesNotContain("That request is too large");

        HttpResponse<String> getOnApi = browser.get("/api/no-such-thing", "Accept", "application/json");
        assertThat(getOnApi.statusCode()).isEqualTo(405);
        assertThat(Authenticator.parse(getOnApi.body()).get("error").stringValue())
                .isEqualTo("Verwenden Sie POST für diesen Endpunkt.");
        HttpResponse<String> nothing = browser.postJson("/api/no-such-thing", "{}");
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(Authenticator.parse(nothing.body()).get("error").stringValue()).isEqualTo("Hier gibt es nichts.");

        Browser english = new Browser().withHeader("Accept-Language", ENGLISH);
        english.get("/signin");
        HttpResponse<String> englishExpired = english.postFormWithoutCsrfToken("/signin/continue", "email=x%40example.com");
        assertThat(englishExpired.statusCode()).isEqualTo(403);
        assertThat(englishExpired.body()).contains("<html lang=\"en\"", "Something went wrong",
                "Your page has expired. Reload it and try again.", "Go to sign-in");
    }

    /** A signed-out script call on the account's API: the JSON its script shows says so in German. */
    @Test
    void aSignedOutAccountCallIsGerman() {
        HttpResponse<String> signedOut = german().postJson("/api/account/passkeys/options", "{}");
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(Authenticator.parse(signedOut.body()).get("error").stringValue())
                .isEqualTo("Ihre Sitzung ist beendet. Melden Sie sich erneut an.");
    }

    @Test
    void theStaffPageThatRefusesIsGerman() throws Exception {
        StaffAccounts staff = StaffAccounts.signedUp(SMTP);
        HttpResponse<String> refused = staff.member.get("/operator/insights", "Accept-Language", GERMAN);
        assertThat(german(refused, 403)).contains("Diese Seite erfordert eine andere Rolle",
                "Das Auswertungs-Dashboard", "<strong>Operator oder Administrator</strong>",
                "Ihr Konto hat bei diesem Dienst keine Mitarbeiterrolle.");
    }
}
