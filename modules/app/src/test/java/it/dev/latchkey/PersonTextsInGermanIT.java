package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The person-facing texts that were English sentences built in Java (issue 14, item 8), reached over HTTP
 * by a German reader: where a passkey lives, the refusals of renaming and removing a passkey, of
 * reporting a device lost and of a new password, the link handoff's refusals (on the page and in the JSON its script shows),
 * an unreadable script request, and the name of a passkey in the account's German mail.
 */
class PersonTextsInGermanIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static Browser german() {
        return new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE).withHeader("Accept-Language", "de-DE,de;q=0.9");
    }

    @Test
    void thePasskeyCardsTheirRefusalsAndTheMailsNameSpeakGerman() throws Exception {
        Browser laptop = german();
        Authenticator laptopKey = new Authenticator();
        String email = Journeys.uniqueEmail("personen-texte");
        Mailbox.signUpConfirmed(SMTP, laptop, laptopKey, email, "Bestätigen Sie Ihre E-Mail-Adresse");

        // Where the passkey lives, in German; the English sentence is gone.
        String page = laptop.get("/account/security").body();
        assertThat(page).contains("<html lang=\"de\"").contains("Nur auf diesem Gerät")
                .doesNotContain("Only on this device");
        String id = PasskeyManagementIT.passkeyIds(page)[0];

        // Renaming: a name too long, and no passkey chosen.
        HttpResponse<String> tooLong = laptop.postForm("/account/passkeys/rename", "passkey=" + id + "&name=" + "k".repeat(65));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Der Name eines Passkeys darf höchstens 64 Zeichen lang sein.")
                .doesNotContain("A passkey name can have");
        HttpResponse<String> none = laptop.postForm("/account/passkeys/rename", "passkey=not-a-uuid&name=x");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Wählen Sie einen Passkey aus der Liste.");

        // Removing the only passkey of an account whose address is not confirmed yet (no email code either):
        // why not, and what to do instead.
        Browser newcomer = german();
        Journeys.signUp(newcomer, new Authenticator(), Journeys.uniqueEmail("einziger-passkey"));
        String only = PasskeyManagementIT.passkeyIds(newcomer.get("/account/security").body())[0];
        HttpResponse<String> last = newcomer.postForm("/account/passkeys/remove", "passkey=" + only);
        assertThat(last.statusCode()).as(last.headers().map().toString()).isEqualTo(409);
        assertThat(last.body()).contains("Dieser Passkey ist der einzige Weg in Ihr Konto und kann deshalb nicht entfernt werden.")
                .contains("oder bestätigen Sie Ihre E-Mail-Adresse und erstellen Sie Wiederherstellungscodes.")
                .doesNotContain("only way into your account");

        // A second passkey made here: the notice names it in German, the device's label too ("Edge unter Windows").
        PasskeyManagementIT.addPasskey(laptop, new Authenticator());
        MimeMessage added = Mailbox.await(SMTP, email, "Ihrem Konto wurde ein Passkey hinzugefügt");
        assertThat(text(added)).contains("„Passkey, erstellt mit Edge unter Windows“").doesNotContain("Passkey on ")
                .doesNotContain(" on Windows");
        String second = PasskeyManagementIT.passkeyIds(laptop.get("/account/security").body())[1];

        // Removing it: the removal notice names it in German too.
        HttpResponse<String> removed = laptop.postForm("/account/passkeys/remove", "passkey=" + second);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(302);
        MimeMessage notice = Mailbox.await(SMTP, email, "Aus Ihrem Konto wurde ein Passkey entfernt");
        assertThat(text(notice)).contains("der Passkey „Passkey, erstellt mit Edge unter Windows“ wurde am")
                .doesNotContain("Passkey on ").doesNotContain(" on Windows");

        // "I lost this device" without a device: the error page in German.
        HttpResponse<String> lost = laptop.postForm("/account/devices/lost", "device=not-a-uuid");
        assertThat(lost.statusCode()).isEqualTo(400);
        assertThat(lost.body()).contains("<html lang=\"de\"").contains("Wählen Sie ein Gerät auf Ihrer Kontoseite.")
                .doesNotContain("Choose a device");

        // Password problems: a common one, then a wrong current password once one is set.
        HttpResponse<String> common = laptop.postForm("/account/password", "newPassword=password");
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("Dieses Passwort steht auf einer Liste häufiger und geleakter Passwörter")
                .doesNotContain("common and leaked");
        HttpResponse<String> shortOne = laptop.postForm("/account/password", "newPassword=kettle7");
        assertThat(shortOne.body()).contains("Verwenden Sie mindestens 8 Zeichen.");
        assertThat(laptop.postForm("/account/password", "newPassword=ruhige+Eule+malt+blaue+Br%C3%BCcken").statusCode())
                .isEqualTo(302);
        HttpResponse<String> wrongCurrent = laptop.postForm("/account/password",
                "currentPassword=falsch+geraten+ist+falsch&newPassword=noch+ein+langes+Passwort");
        assertThat(wrongCurrent.statusCode()).isEqualTo(422);
        assertThat(wrongCurrent.body()).contains("Ihr aktuelles Passwort stimmt nicht.").doesNotContain("is not right");

        // A request the page script sent that cannot be read: the message its script shows, in German.
        HttpResponse<String> unreadable = laptop.postJson("/api/account/passkeys/options", "{\"hint\": 7}");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(Authenticator.parse(unreadable.body()).get("error").stringValue())
                .isEqualTo("An diesem Ort kann kein Passkey gespeichert sein.");
    }

    @Test
    void theLinkHandoffsRefusalsSpeakGermanOnThePageAndToItsScript() {
        Browser laptop = german();
        Journeys.signUp(laptop, new Authenticator(), Journeys.uniqueEmail("uebergabe"));
        HandoffIT.Link link = HandoffIT.issue(laptop);

        // Pairing before the phone showed a code.
        HttpResponse<String> early = laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=123456");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("Ihr anderes Gerät hat noch keinen Code angezeigt.")
                .doesNotContain("has not shown a code");

        // The phone creates its passkey; a wrong code says how many tries are left.
        Browser phone = new Browser().withHeader("Accept-Language", "de");
        String code = HandoffIT.finish(phone, link,
                new Authenticator().create(phone.postJson("/api/handoff/options", HandoffIT.token(link)).body()));
        String wrong = code.equals("000000") ? "111111" : "000000";
        HttpResponse<String> mismatch = laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + wrong);
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("Dieser Code stimmt nicht mit dem auf Ihrem anderen Gerät überein."
                + " Sie haben noch 2 Versuche.").doesNotContain("tries left");

        // Another browser opening the same link: the JSON the page script shows is German.
        Browser stranger = new Browser().withHeader("Accept-Language", "de");
        HttpResponse<String> taken = stranger.postJson("/api/handoff/options", HandoffIT.token(link));
        assertThat(taken.statusCode()).isBetween(400, 499);
        assertThat(Authenticator.parse(taken.body()).get("error").stringValue()).startsWith("Dieser Link ");

        // A link nobody knows, opened on a German phone.
        HttpResponse<String> unknown = new Browser().withHeader("Accept-Language", "de").get("/handoff/ABCDEFGHJKLMNPQRSTUV");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Wir kennen diesen Link nicht.").doesNotContain("We do not know this link");
    }

    /**
     * A refused passkey ceremony says as much in German as in English (here: a passkey this server does not know,
     * and what to do instead), not only the reason's general sentence.
     */
    @Test
    void aRefusedCeremonyGivesItsDetailInGerman() {
        Browser elsewhere = new Browser();
        Authenticator stranger = new Authenticator();
        // A passkey made for a sign-up that never finished: nobody here knows it.
        stranger.create(Journeys.signUpOptions(elsewhere, Journeys.uniqueEmail("unbekannt"), "Niemand"));

        Browser browser = german();
        HttpResponse<String> refused = Journeys.signIn(browser, stranger.get(Journeys.signInOptions(browser, "modal")));
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(refused.headers().firstValue("Content-Language")).hasValue("de");
        assertThat(Authenticator.parse(refused.body()).get("reason").stringValue()).isEqualTo("UNKNOWN_CREDENTIAL");
        assertThat(Authenticator.parse(refused.body()).get("error").stringValue())
                .isEqualTo("Dieser Passkey ist bei uns nicht registriert. Vielleicht wurde er entfernt. Versuchen Sie es"
                        + " mit einem anderen Passkey oder melden Sie sich auf andere Weise an.");

        Browser english = new Browser().withHeader("Accept-Language", "en");
        HttpResponse<String> same = Journeys.signIn(english, stranger.get(Journeys.signInOptions(english, "modal")));
        assertThat(Authenticator.parse(same.body()).get("error").stringValue())
                .isEqualTo("This passkey is not registered with us. It may have been removed. Try another passkey"
                        + " or another way to sign in.");
    }

    /** The decoded text of a plain-text mail (umlauts arrive encoded). */
    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
