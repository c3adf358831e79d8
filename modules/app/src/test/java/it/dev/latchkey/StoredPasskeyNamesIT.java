package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Passkey names that identify (issue 14, item 7): a passkey whose provider is not on the AAGUID list is
 * named after the browser it was made on, and that label is kept with the passkey (credentials V11), so a
 * passkey made on a phone over the link handoff, on a phone that was never signed in, reads "Passkey on
 * Safari on iPhone" and not "Passkey". The automatic names are in English and German; a device the person
 * named ("Work laptop") names its passkeys too.
 */
class StoredPasskeyNamesIT {

    private static final Pattern NAME = Pattern.compile("<h3 class=\"passkey-name\">([^<]*)</h3>");
    private static final Pattern DEVICE = Pattern.compile("<input type=\"hidden\" name=\"device\" value=\"([0-9a-f-]{36})\"");
    private static final String ACCOUNT_OF = "(select id from idn_account where email = ? or pending_email = ?)";

    @Test
    void aHandoffPasskeyIsNamedAfterThePhoneThatMadeIt() {
        String email = Journeys.uniqueEmail("names-handoff");
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(laptop, new Authenticator(), email);
        HandoffIT.Link link = HandoffIT.issue(laptop);

        // The phone never signed in to this account: no device record of it, only its browser's label.
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        HttpResponse<String> options = phone.postJson("/api/handoff/options", HandoffIT.token(link));
        String code = HandoffIT.finish(phone, link, new Authenticator().create(options.body()));
        assertThat(Database.string("select created_on_label from cred_pending_passkey where account_id = " + ACCOUNT_OF,
                email, email)).isEqualTo("Safari on iPhone");
        assertThat(laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + code).statusCode()).isEqualTo(302);

        assertThat(names(laptop)).containsExactlyInAnyOrder("Passkey on Edge on Windows", "Passkey on Safari on iPhone")
                .doesNotContain("Passkey");
        assertThat(Database.strings("select created_on_label from cred_passkey where account_id = " + ACCOUNT_OF
                + " order by created_at, id", email, email)).containsExactlyInAnyOrder("Edge on Windows", "Safari on iPhone");
        assertThat(Database.count("select count(*) from cred_passkey where account_id = " + ACCOUNT_OF
                + " and created_device_id is null", email, email)).as("still no device record for the phone").isOne();

        // In German, the stored (English) label worded in German.
        Browser german = laptop.withHeader("Accept-Language", "de");
        assertThat(names(german)).containsExactlyInAnyOrder("Passkey, erstellt mit Edge unter Windows",
                "Passkey, erstellt mit Safari auf dem iPhone");
    }

    @Test
    void anOlderPasskeyGetsItsLabelOnFirstReadAndADeviceNameNamesIt() {
        String email = Journeys.uniqueEmail("names-older");
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(laptop, new Authenticator(), email);
        // As stored before V11.
        Database.execute("update cred_passkey set created_on_label = null where account_id = " + ACCOUNT_OF, email, email);

        assertThat(names(laptop)).containsExactly("Passkey on Edge on Windows");
        assertThat(Database.string("select created_on_label from cred_passkey where account_id = " + ACCOUNT_OF, email, email))
                .as("filled on first read").isEqualTo("Edge on Windows");

        String device = DEVICE.matcher(laptop.get("/account/security").body()).results().map(r -> r.group(1))
                .findFirst().orElseThrow();
        assertThat(laptop.postForm("/account/devices/name", "device=" + device + "&name="
                + URLEncoder.encode("Work laptop", StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
        assertThat(names(laptop)).containsExactly("Passkey on Work laptop");
        assertThat(Database.string("select created_on_label from cred_passkey where account_id = " + ACCOUNT_OF, email, email))
                .as("the automatic label is what is kept").isEqualTo("Edge on Windows");
    }

    @Test
    void aPasskeyWhoseDeviceRecordIsGoneKeepsItsName() {
        String email = Journeys.uniqueEmail("names-gone");
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(laptop, new Authenticator(), email);
        assertThat(names(laptop)).containsExactly("Passkey on Edge on Windows");
        // The device record this passkey points at no longer exists (as after the device was forgotten).
        Database.execute("update cred_passkey set created_device_id = null, last_used_device_id = null where account_id = "
                + ACCOUNT_OF, email, email);
        assertThat(names(laptop)).containsExactly("Passkey on Edge on Windows");
    }

    private static List<String> names(Browser browser) {
        HttpResponse<String> page = browser.get("/account/security");
        assertThat(page.statusCode()).isEqualTo(200);
        return NAME.matcher(page.body()).results().map(r -> r.group(1)).toList();
    }
}
