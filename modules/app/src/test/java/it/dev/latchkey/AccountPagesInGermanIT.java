package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account's pages in German (issue 14, item 8) for a reader whose browser asks for it
 * ({@code Accept-Language: de}): every page says {@code <html lang="de">}, speaks German, links
 * "Was ist ein Passkey?" on its passkey cards, and shows the education module's tips where they help,
 * in German, and not where they do not.
 */
class AccountPagesInGermanIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final Pattern LOST_FORM = Pattern.compile("/account/devices/lost\\?device=([0-9a-f-]{36})");
    private static final Pattern REMOVE_LINK = Pattern.compile("/account/passkeys/remove\\?passkey=([0-9a-f-]{36})");
    private static final Pattern REDIRECT = Pattern.compile("\"redirect\"\\s*:\\s*\"([^\"]+)\"");

    private static final String ONE_DEVICE_TIP = "id=\"tip-all-passkeys-on-one-device\"";

    private static Browser german() {
        return new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE).withHeader("Accept-Language", "de-DE,de;q=0.9");
    }

    private static void assertGerman(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isBetween(200, 499);
        assertThat(page.body()).contains("<html lang=\"de\"");
        assertThat(page.headers().firstValue("Content-Language")).hasValue("de");
    }

    @Test
    void theAccountPagesSpeakGermanWithTheirTips() throws Exception {
        Browser laptop = german();
        Authenticator laptopKey = new Authenticator();
        String email = Journeys.uniqueEmail("deutsch");
        // Signed up in German: the confirmation mail is German too.
        Mailbox.signUpConfirmed(SMTP, laptop, laptopKey, email, "Bestätigen Sie Ihre E-Mail-Adresse");

        // The account page: German words, a help link on the card, and the single-device risk as education's tip.
        HttpResponse<String> account = laptop.get("/account/security");
        assertGerman(account);
        assertThat(account.body()).contains("<title>Sicherheit · Latchkey</title>").contains("Ihre Passkeys")
                .contains("Wo Ihre Passkeys funktionieren").contains("Wiederherstellungscodes")
                .contains("Wo Sie angemeldet sind").contains("Letzte Anmeldungen")
                .contains("href=\"/learn/what-is-a-passkey\"").contains("Was ist ein Passkey?")
                .contains(ONE_DEVICE_TIP).contains("Alle Ihre Passkeys liegen auf einem Gerät")
                .contains("href=\"/learn/a-passkey-on-each-device\"")
                .doesNotContain("Your passkeys").doesNotContain("Recovery codes").doesNotContain("What is a passkey?");

        // Adding a passkey: the page in German with the tip on what happens next.
        HttpResponse<String> add = laptop.get("/account/passkeys/new");
        assertGerman(add);
        assertThat(add.body()).contains("Passkey hinzufügen").contains("Wo soll der neue Passkey gespeichert werden?")
                .contains("id=\"tip-before-creating-a-passkey\"").contains("Was jetzt passiert");
        assertGerman(laptop.get("/account/passkeys/phone"));
        assertThat(laptop.get("/account/passkeys/phone").body()).contains("Passkey auf Ihrem Smartphone hinzufügen")
                .contains("QR-Code anzeigen");

        // Right after a second passkey is created here: where it was saved (on this device only, by this browser).
        HttpResponse<String> options = laptop.postJson("/api/account/passkeys/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        HttpResponse<String> finished = laptop.postJson("/api/account/passkeys/finish",
                Journeys.finishBody(new Authenticator().create(options.body())));
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        Matcher redirect = REDIRECT.matcher(finished.body());
        assertThat(redirect.find()).as(finished.body()).isTrue();
        assertThat(redirect.group(1)).startsWith("/account/security?passkeyAdded=");
        String added = laptop.get(redirect.group(1)).body();
        assertThat(added).contains("Ihr neuer Passkey ist bereit.").contains("id=\"tip-saved-on-one-device\"")
                .contains("Dieser Passkey bleibt auf diesem Gerät").doesNotContain("id=\"tip-saved-in-synced-provider\"");
        assertThat(laptop.get("/account/security").body()).as("the tip belongs to the moment after creating")
                .doesNotContain("id=\"tip-saved-on-one-device\"");

        // Both passkeys were made on the laptop: still all on one device.
        assertThat(laptop.get("/account/security").body()).contains(ONE_DEVICE_TIP);

        // A phone signs in with the laptop's passkey and saves its own, synced by Google Password Manager.
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI).withHeader("Accept-Language", "de");
        assertThat(Journeys.signIn(phone, laptopKey.get(Journeys.signInOptions(phone, "modal"))).statusCode()).isEqualTo(200);
        HttpResponse<String> phoneOptions = phone.postJson("/api/account/passkeys/options", "{}");
        String synced = Authenticator.asSyncedProvider(new Authenticator().create(phoneOptions.body()),
                PasskeyManagementIT.GOOGLE);
        HttpResponse<String> phoneFinished = phone.postJson("/api/account/passkeys/finish", Journeys.finishBody(synced));
        assertThat(phoneFinished.statusCode()).as(phoneFinished.body()).isEqualTo(200);
        Matcher phoneRedirect = REDIRECT.matcher(phoneFinished.body());
        assertThat(phoneRedirect.find()).isTrue();
        String phoneAdded = phone.get(phoneRedirect.group(1)).body();
        assertThat(phoneAdded).contains("<html lang=\"de\"").contains("id=\"tip-saved-in-synced-provider\"")
                .contains("Gespeichert in Google Password Manager");

        // Now two devices hold a passkey: no single-device tip on either.
        String laptopPage = laptop.get("/account/security").body();
        assertThat(laptopPage).doesNotContain(ONE_DEVICE_TIP);
        // Where each passkey lives, in German: the laptop's only here, the phone's synced by its provider.
        assertThat(laptopPage).contains("Nur auf diesem Gerät")
                .contains("Wird mit Google Password Manager auf Ihren Geräten synchronisiert")
                .doesNotContain("Only on this device").doesNotContain("Syncs across your devices");
        assertThat(phone.get("/account/security").body()).doesNotContain(ONE_DEVICE_TIP);
        // The devices by their labels in German (identity stores "Edge on Windows"; the page words it), on every part
        // of the page that names them: the device list, its "I lost" buttons, the coverage card, recent sign-ins.
        assertThat(laptopPage).contains("Edge unter Windows").contains("Safari auf dem iPhone")
                .contains("Ich habe dieses Gerät verloren: Safari auf dem iPhone")
                .doesNotContain("Edge on Windows").doesNotContain("Safari on iPhone");
        assertThat(phone.get("/account/security").body()).contains("Edge unter Windows").contains("Safari auf dem iPhone")
                .doesNotContain("Edge on Windows").doesNotContain("Safari on iPhone");

        // "I lost this device" for the phone: German, with education's tip for a lost device.
        Matcher lostLink = LOST_FORM.matcher(laptopPage);
        assertThat(lostLink.find()).isTrue();
        HttpResponse<String> lost = laptop.get("/account/devices/lost?device=" + lostLink.group(1));
        assertGerman(lost);
        assertThat(lost.body()).contains("Ich habe dieses Gerät verloren").contains("Alles so lassen, wie es ist")
                .contains("id=\"tip-lost-device\"").contains("Telefon verloren?")
                .contains("href=\"/learn/lost-or-replaced-phone\"")
                // The synced passkey stays: why, and what to do at its provider instead, in German.
                .contains("Er wird mit Google Password Manager auf Ihren anderen Geräten synchronisiert.")
                .contains("entfernen Sie das Gerät aus Ihrem Konto bei Google Password Manager")
                .doesNotContain("It syncs to your other devices").doesNotContain("To stop the lost device");
        assertThat(laptopPage).doesNotContain("id=\"tip-lost-device\"");
        // The laptop lost, seen from the phone: its passkeys by their German automatic names, as on the account page.
        Matcher laptopLost = LOST_FORM.matcher(phone.get("/account/security").body());
        assertThat(laptopLost.find()).isTrue();
        HttpResponse<String> lostLaptop = phone.get("/account/devices/lost?device=" + laptopLost.group(1));
        assertGerman(lostLaptop);
        assertThat(lostLaptop.body()).contains("Passkey, erstellt mit Edge unter Windows").doesNotContain("Passkey on ")
                .doesNotContain(" on Windows");

        // Remove a passkey: asks first, in German.
        Matcher removeLink = REMOVE_LINK.matcher(laptopPage);
        assertThat(removeLink.find()).isTrue();
        HttpResponse<String> remove = laptop.get("/account/passkeys/remove?passkey=" + removeLink.group(1));
        assertGerman(remove);
        assertThat(remove.body()).contains("Diesen Passkey entfernen?").contains("Zuletzt verwendet")
                .contains("Was ist ein Passkey?");

        // Recovery codes: the status, then fresh codes with the download in German.
        HttpResponse<String> codes = laptop.get("/account/recovery-codes");
        assertGerman(codes);
        assertThat(codes.body()).contains("Sie haben noch keine Wiederherstellungscodes.")
                .contains("Neue Wiederherstellungscodes erstellen");
        HttpResponse<String> fresh = laptop.postForm("/account/recovery-codes", "");
        assertGerman(fresh);
        assertThat(fresh.body()).contains("Hier sind Ihre neuen Wiederherstellungscodes.")
                .contains("Ich habe diese Codes sicher aufbewahrt")
                .contains(URLEncoder.encode("Latchkey-Wiederherstellungscodes", StandardCharsets.UTF_8));

        // The password: added, then "remove?" in German.
        HttpResponse<String> password = laptop.postForm("/account/password",
                "newPassword=" + URLEncoder.encode("ruhige Eule malt blaue Brücken", StandardCharsets.UTF_8));
        assertThat(password.statusCode()).as(password.body()).isEqualTo(302);
        assertThat(laptop.get("/account/security?passwordSet").body()).contains("Ihr Passwort ist hinzugefügt.")
                .contains("Passwort: festgelegt am");
        HttpResponse<String> removePassword = laptop.get("/account/password/remove");
        assertGerman(removePassword);
        assertThat(removePassword.body()).contains("Ihr Passwort entfernen?").contains("Mein Passwort entfernen");

        // Changing the email address.
        HttpResponse<String> changeEmail = laptop.get("/account/email");
        assertGerman(changeEmail);
        assertThat(changeEmail.body()).contains("E-Mail-Adresse ändern").contains("Code an die neue Adresse senden");
        HttpResponse<String> same = laptop.postForm("/account/email", "newEmail=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(same.body()).contains("Das ist bereits Ihre Adresse.");

        // The link handoff, on both devices, and a link nobody knows.
        HttpResponse<String> handoff = laptop.get("/account/handoff");
        assertGerman(handoff);
        assertThat(handoff.body()).contains("Passkey auf einem anderen Gerät hinzufügen").contains("QR-Code anzeigen");
        HandoffIT.Link link = HandoffIT.issue(laptop);
        HttpResponse<String> secondDevice = new Browser().withHeader("Accept-Language", "de").get("/handoff/" + link.token());
        assertGerman(secondDevice);
        assertThat(secondDevice.body()).contains("Passkey auf diesem Gerät erstellen")
                .contains("data-msg-prompt=\"Folgen Sie der Aufforderung Ihres Geräts, um Ihren Passkey zu erstellen.\"");
        HttpResponse<String> unknown = new Browser().withHeader("Accept-Language", "de").get("/handoff/ABCDEFGHJKLMNPQRSTUV");
        assertGerman(unknown);
        assertThat(unknown.body()).contains("Gehen Sie zurück zu dem Gerät, auf dem Sie angemeldet sind")
                .contains("Wir kennen diesen Link nicht.").doesNotContain("We do not know this link");

        // The assisted recovery's phone page, for a link nobody knows.
        HttpResponse<String> recover = new Browser().withHeader("Accept-Language", "de").get("/recover/ABCDEFGHJKLMNPQRSTUV");
        assertGerman(recover);
        assertThat(recover.body()).contains("Ihren neuen Passkey erstellen");
    }

    @Test
    void aSharedComputerShowsItsTipInGermanAndEnglishStaysTheDefault() {
        Authenticator phoneKey = new Authenticator();
        String email = Journeys.uniqueEmail("geteilt");
        Journeys.signUp(new Browser(), phoneKey, email);

        Browser counter = new Browser().withHeader("Accept-Language", "de");
        counter.get("/signin");
        counter.postForm("/device/shared", "shared=on");
        assertThat(Journeys.signIn(counter, phoneKey.get(Journeys.signInOptions(counter, "modal"))).statusCode()).isEqualTo(200);
        HttpResponse<String> shared = counter.get("/account/security");
        assertGerman(shared);
        assertThat(shared.body()).contains("Angemeldet an einem gemeinsam genutzten Computer").contains("Jetzt abmelden")
                .contains("id=\"tip-shared-device\"").contains("An einem gemeinsam genutzten Computer?")
                .contains("href=\"/learn/shared-and-public-computers\"").doesNotContain(ONE_DEVICE_TIP);

        // Without Accept-Language the same pages stay English.
        Browser english = new Browser();
        Journeys.signUp(english, new Authenticator(), Journeys.uniqueEmail("english"));
        String page = english.get("/account/security").body();
        assertThat(page).contains("<html lang=\"en\"").contains("Your passkeys").contains("What is a passkey?")
                .contains(ONE_DEVICE_TIP).contains("All your passkeys are on one device");
    }
}
