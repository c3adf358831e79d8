package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The coverage card names providers as the passkey cards do: from credentials' provider list
 * (the shipped aaguid.json, or an operator's copy), not from the nudges module's reach table,
 * which only says where a provider's passkeys reach.
 */
class CoverageProviderNamesIT {

    /** "iCloud Keychain (Managed)" in aaguid.json; the reach table's own label for it is "iCloud Keychain". */
    private static final UUID ICLOUD_MANAGED = UUID.fromString("dd4ec289-e01d-41c9-bb89-70fa845d4bf2");
    private static final String MAC_SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/18.5 Safari/605.1.15";

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    @Test
    void theCoverageCardUsesTheProviderListsName() throws Exception {
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        String email = Journeys.uniqueEmail("names");
        String options = Journeys.signUpOptions(phone, email, "Test User");
        HttpResponse<String> finish = phone.postJson("/api/signup/finish",
                Journeys.finishBody(Authenticator.asSyncedProvider(new Authenticator().create(options), ICLOUD_MANAGED)));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);
        String code = Mailbox.code(Mailbox.await(SMTP, email, "Confirm your email address"));
        assertThat(phone.postForm("/account/confirm-email", "code=" + code).statusCode()).isEqualTo(302);

        // The Mac signs in by email code; iCloud Keychain reaches Safari on a Mac, nobody used it there yet.
        Browser mac = new Browser().withUserAgent(MAC_SAFARI);
        mac.get("/signin");
        mac.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        String signInCode = Mailbox.code(Mailbox.await(SMTP, email, "sign-in code"));
        assertThat(mac.postForm("/signin/code", "code=" + signInCode).statusCode()).isEqualTo(302);
        // Keep the IT server's per-network budget of codes for the other tests.
        Database.execute("update idn_email_code set created_at = created_at - interval '2' hour where email = ?", email);

        String page = mac.get("/account/security").body();
        int start = page.indexOf("id=\"coverage\"");
        assertThat(start).as("the coverage card is on the page").isPositive();
        String card = page.substring(start, page.indexOf("</section>", start));
        assertThat(card).containsPattern("Should work on \\(not used there yet\\):[\\s\\S]*Safari on Mac[\\s\\S]*"
                + "iCloud Keychain \\(Managed\\)");
        assertThat(page).as("the passkey card agrees").contains("<h3 class=\"passkey-name\">iCloud Keychain (Managed)</h3>");
    }
}
