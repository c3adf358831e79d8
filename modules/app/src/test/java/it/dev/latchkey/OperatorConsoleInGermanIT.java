package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator console in German (issue 14, item 8): an admin whose browser asks for German
 * ({@code Accept-Language: de}) sees every console page with {@code <html lang="de">}, in German words and
 * German dates, no message key unresolved ({@code ??key??}) and none of the English page texts.
 */
class OperatorConsoleInGermanIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    private static final Pattern ACCOUNT_LINK = Pattern.compile("/operator/accounts/view\\?id=([0-9a-f-]{36})");
    private static final Pattern GERMAN_DATE = Pattern.compile(
            "\\d{1,2}\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \\d{4}, \\d{2}:\\d{2} UTC");

    private static StaffAccounts staff;

    @BeforeAll
    static void signUp() throws InterruptedException {
        staff = StaffAccounts.signedUp(SMTP);
    }

    /** The page in German; none of the English texts given may appear. */
    static String german(Browser browser, String path, String... english) {
        HttpResponse<String> page = browser.get(path, "Accept-Language", "de-DE,de;q=0.9");
        assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
        assertThat(page.body()).as(path).contains("<html lang=\"de\"").doesNotContain("??");
        assertThat(page.headers().firstValue("Content-Language")).hasValue("de");
        for (String e : english) {
            assertThat(page.body()).as(path).doesNotContain(e);
        }
        return page.body();
    }

    @Test
    void homeAccountsAccountAndAuditInGerman() {
        assertThat(german(staff.admin, "/operator", "Operator console", "Signed in as", "Find an account:"))
                .contains("<title>Operator-Konsole · Latchkey</title>").contains("Angemeldet als")
                .contains("Administrator").contains("Konten").contains("Begleitete Wiederherstellungen")
                .contains("Aktionen der Mitarbeitenden");

        String found = german(staff.admin, "/operator/accounts?q=" + StaffAccounts.AGENT.substring(0, 6),
                "Find an account", "Matches", "Address state");
        assertThat(found).contains("Ein Konto finden").contains("Treffer").contains("bestätigt")
                .contains(StaffAccounts.AGENT);
        assertThat(GERMAN_DATE.matcher(found).find()).as(found).isTrue();
        assertThat(staff.admin.get("/operator/accounts?q=" + "a".repeat(300), "Accept-Language", "de").body())
                .contains("Geben Sie höchstens 254 Zeichen ein");

        Matcher link = ACCOUNT_LINK.matcher(found);
        assertThat(link.find()).isTrue();
        String account = german(staff.admin, link.group(),
                "Recent sign-ins", "active devices covered", "Devices", "First seen", "signed in", "Created:");
        assertThat(account).contains("von").contains("aktiven Geräten abgedeckt").contains("Geräte")
                .contains("Zuerst gesehen").contains("Letzte Anmeldungen").contains("Verbleibende Wiederherstellungscodes");
        // Each sign-in row says its method and outcome in German (or the table's German "none").
        assertThat(account).containsPattern("<td>(Passkey auf diesem Gerät|Passkey von einem anderen Gerät|"
                + "Sicherheitsschlüssel|Passkey|E-Mail-Code|Passwort|Wiederherstellungscode)</td>\\s*<td>(angemeldet|"
                + "fehlgeschlagen[^<]*)</td>|Keine Anmeldungen verzeichnet\\.");
        assertThat(GERMAN_DATE.matcher(account).find()).as(account).isTrue();

        String audit = german(staff.admin, "/operator/audit", "Staff actions", "Viewed an account", "Who");
        assertThat(audit).contains("Aktionen der Mitarbeitenden").contains("Ein Konto angesehen")
                .contains("ACCOUNT_VIEW").contains(StaffAccounts.ADMIN);
        assertThat(GERMAN_DATE.matcher(audit).find()).as(audit).isTrue();

        HttpResponse<String> missing = staff.admin.get("/operator/accounts/view?id=00000000-0000-0000-0000-000000000000",
                "Accept-Language", "de");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Es gibt kein Konto mit dieser ID.");
    }

    @Test
    void recoveryRolesAndInvitationsInGerman() {
        String account = german(staff.admin, "/operator/accounts?q=" + StaffAccounts.AGENT.substring(0, 6));
        Matcher link = ACCOUNT_LINK.matcher(account);
        assertThat(link.find()).isTrue();
        // The start form on an account's page: labels and the documents in German.
        assertThat(german(staff.admin, link.group(), "Identity document checked", "I checked the person"))
                .contains("Begleitete Wiederherstellung starten").contains("Geprüftes Ausweisdokument")
                .contains("Personalausweis").contains("Führerschein");
        assertThat(german(staff.admin, "/operator/recovery", "Start a recovery from", "No recoveries yet"))
                .contains("Begleitete Wiederherstellungen");
        // A refusal the insights module words for staff, said in German.
        HttpResponse<String> refused = staff.admin.postForm("/operator/recovery/start",
                "account=" + link.group(1) + "&reason=&document=PASSPORT&idChecked=yes", "Accept-Language", "de");
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(refused.body()).contains("<html lang=\"de\"")
                .contains("Geben Sie an, warum die Person eine Wiederherstellung braucht (höchstens")
                .doesNotContain("Enter why the person needs a recovery");

        assertThat(german(staff.admin, "/operator/roles", "Grant a role", "From the settings", "Revoke the"))
                .contains("Eine Rolle vergeben").contains("Aus den Einstellungen").contains("Administrator");
        HttpResponse<String> bad = staff.admin.postForm("/operator/roles/grant", "email=nobody-here%40example.com&role=AGENT",
                "Accept-Language", "de");
        assertThat(bad.statusCode()).isEqualTo(404);
        assertThat(bad.body()).contains("Kein Konto hat diese Adresse bestätigt.");

        assertThat(german(staff.admin, "/operator/invitations", "Invite someone", "Send invitation"))
                .contains("Jemanden einladen").contains("Einladung senden");

        assertThat(german(staff.admin, "/operator/clients", "Redirect URIs", "Client ID", "public client with PKCE"))
                .contains("Weiterleitungs-URIs").contains("Geheimnis (client_secret_basic)")
                .contains("keine: öffentlicher Client mit PKCE").contains("nur Passkey (phr)");
        // The dashboard's form, its tables' titles and column headers (the cells stay as the CSV has them).
        assertThat(german(staff.admin, "/operator/insights", "From (UTC day)", "Whose sign-ins and nudges",
                "Rebuild from the event logs", ">Sign-ins by method<", ">Share of successful (%)<",
                "Sign-ins with a passkey", "successful sign-ins in the range"))
                .contains("Von (Tag in UTC)").contains("Anmeldungen mit einem Passkey").contains("erfolgreichen Anmeldungen im Zeitraum").contains("Wessen Anmeldungen und Hinweise")
                .contains("Anmeldungen nach Methode").contains("Anteil an den erfolgreichen (%)")
                .contains("Aus den Ereignisprotokollen neu berechnen");
        // A chosen cohort is described in German ("accounts at nobody.invalid, on shared devices").
        assertThat(german(staff.admin, "/operator/insights?domain=nobody.invalid&device=shared", "accounts at",
                "on shared devices")).contains("Konten bei nobody.invalid, auf gemeinsam genutzten Geräten");
        // A refused filter says what is wrong in German too (400, nothing counted).
        HttpResponse<String> badRange = staff.admin.get("/operator/insights?from=2026-02-01&to=2026-01-01",
                "Accept-Language", "de-DE,de;q=0.9");
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(badRange.body()).contains("Das Enddatum darf nicht vor dem Startdatum liegen.")
                .doesNotContain("must not be before");
        HttpResponse<String> badDevice = staff.admin.get("/operator/insights?device=tablet", "Accept-Language", "de");
        assertThat(badDevice.statusCode()).isEqualTo(400);
        assertThat(badDevice.body()).contains("Wählen Sie eine Geräteart aus der Liste.");
        assertThat(german(staff.admin, "/operator/mail", "Dead letters", "sent in the last 24 hours"))
                .contains("E-Mail-Zustellung").contains("Warteschlange").contains("in den letzten 24 Stunden gesendet");
    }

    /**
     * The details of staff actions are said in the reader's language (they are stored as words), and rows written
     * before that, in English, are still shown as recorded.
     */
    @Test
    void staffActionsDetailsInGermanAndOlderRowsAsRecorded() {
        String query = StaffAccounts.ADMIN;
        String found = german(staff.admin, "/operator/accounts?q=" + query.replace("@", "%40"));
        Matcher link = ACCOUNT_LINK.matcher(found);
        assertThat(link.find()).isTrue();
        String adminId = link.group(1);
        // The admin tries to recover their own account: refused in German, and audited with its reason.
        HttpResponse<String> own = staff.admin.postForm("/operator/recovery/start", "account=" + adminId
                + "&reason=Test&document=PASSPORT&idChecked=yes", "Accept-Language", "de");
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("<html lang=\"de\"").doesNotContain("You cannot start a recovery");
        // A row as it was written before details were words: its English shown as it was recorded.
        String legacy = "recovery " + java.util.UUID.randomUUID() + ": link expired (written before V6)";
        Database.execute("insert into ins_staff_action (id, actor_id, actor_email, action, subject, detail, occurred_at)"
                + " values (cast(? as uuid), cast(? as uuid), ?, 'RECOVERY_REFUSED', ?, ?, current_timestamp)",
                java.util.UUID.randomUUID().toString(), adminId, StaffAccounts.ADMIN, adminId, legacy);
        Database.execute("insert into ins_staff_action (id, actor_id, actor_email, action, subject, occurred_at)"
                + " values (cast(? as uuid), cast(? as uuid), ?, 'ACCOUNT_SEARCH', 'search: legacy-query (2 found)',"
                + " current_timestamp)", java.util.UUID.randomUUID().toString(), adminId, StaffAccounts.ADMIN);

        String audit = german(staff.admin, "/operator/audit", "search: " + query, "own account");
        assertThat(audit).contains("Suche: " + query + " (").contains(" gefunden)").contains("eigenes Konto")
                .contains("Nach Konten gesucht").contains("Schritt der Wiederherstellung abgelehnt")
                .contains(legacy).contains("search: legacy-query (2 found)");
        // The account's page lists the actions about it, in German too, the older row as recorded.
        assertThat(german(staff.admin, link.group(), "own account")).contains("eigenes Konto").contains(legacy);
        // English readers get English.
        assertThat(staff.admin.get("/operator/audit").body()).contains("search: " + query + " (").contains("own account");
    }

    /** The dashboard's cells that are words of ours (sign-in methods, ...) in German; the CSV keeps their codes. */
    @Test
    void dashboardCellsInGerman() {
        String page = german(staff.admin, "/operator/insights", ">passkey on this device<", ">PASSKEY_THIS_DEVICE<",
                ">email code<", ">recovery code<");
        assertThat(page).contains("<th scope=\"row\">Passkey auf diesem Gerät</th>")
                .contains("<th scope=\"row\">E-Mail-Code</th>").contains("<th scope=\"row\">Wiederherstellungscode</th>");
        // A section's title and caption from the page texts only (the module has no English of its own for them).
        assertThat(page).contains("Anmeldungen nach Methode");
        String csv = staff.admin.get("/operator/insights/export?table=sign-ins-by-method", "Accept-Language", "de").body();
        assertThat(csv).startsWith("Method,").contains("\r\nPASSKEY_THIS_DEVICE,").contains("\r\nEMAIL_CODE,")
                .doesNotContain("Passkey auf diesem Gerät");
        HttpResponse<String> noTable = staff.admin.get("/operator/insights/export?table=idn_account", "Accept-Language", "de");
        assertThat(noTable.statusCode()).isEqualTo(404);
        assertThat(noTable.body()).contains("Eine Tabelle dieses Namens gibt es auf dem Dashboard nicht.");
    }

    /**
     * The staff gate's JSON 403 in German words; a refused CSV export's page German around its German message;
     * figures with a decimal comma on the page while the CSV keeps the point.
     */
    @Test
    void theGatesJsonTheRefusedExportAndTheFiguresInGerman() {
        HttpResponse<String> json = staff.member.get("/operator/insights", "Accept-Language", "de", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(Authenticator.parse(json.body()).get("reason").stringValue()).isEqualTo("ROLE_REQUIRED");
        assertThat(Authenticator.parse(json.body()).get("error").stringValue())
                .isEqualTo("Das Auswertungs-Dashboard ist nur freigegeben für: Operator oder Administrator.");

        HttpResponse<String> badExport = staff.admin.get("/operator/insights/export?table=sign-ins-by-method"
                + "&from=2026-02-01&to=2026-01-01", "Accept-Language", "de");
        assertThat(badExport.statusCode()).isEqualTo(400);
        assertThat(badExport.body()).contains("<html lang=\"de\"", "Etwas ist schiefgelaufen",
                "Das Enddatum darf nicht vor dem Startdatum liegen.").doesNotContain("Something went wrong");

        // Figures: the share column of sign-ins by method has decimals (0.0 or more) once anyone signed in.
        String page = german(staff.admin, "/operator/insights");
        String csv = staff.admin.get("/operator/insights/export?table=sign-ins-by-method", "Accept-Language", "de").body();
        Matcher decimal = Pattern.compile(",(\\d+\\.\\d)\r\n").matcher(csv);
        assertThat(decimal.find()).as(csv).isTrue();
        assertThat(page).contains("<td>" + decimal.group(1).replace('.', ',') + "</td>");
        assertThat(page).doesNotContainPattern("<td>\\d+\\.\\d+</td>");
        assertThat(staff.admin.get("/operator/insights", "Accept-Language", "en").body())
                .contains("<td>" + decimal.group(1) + "</td>");
    }
}
