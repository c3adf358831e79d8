package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An account is never left without a way to sign in, whichever way goes: "I lost this device" and
 * removing the password are refused (409, a sentence saying what to do instead, nothing changed)
 * exactly where removing the last passkey is (PasskeyManagementIT).
 */
class LastWayInIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final Pattern LOST_FORM = Pattern.compile("/account/devices/lost\\?device=([0-9a-f-]{36})");

    @Test
    void aLostDeviceWhosePasskeysAreTheOnlyWayInIsNotForgotten() {
        // Signed up on the phone; the address is not confirmed, so no fallback works yet.
        Authenticator phoneKey = new Authenticator();
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        Journeys.signUp(phone, phoneKey, Journeys.uniqueEmail("lastway-device"));
        // The laptop signs in with the phone's passkey (over a QR code, say): it holds no passkey of its own.
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        assertThat(Journeys.signIn(laptop, phoneKey.get(Journeys.signInOptions(laptop, "modal"))).statusCode()).isEqualTo(200);

        Matcher m = LOST_FORM.matcher(laptop.get("/account/security").body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> lost = laptop.postForm("/account/devices/lost", "device=" + m.group(1));

        assertThat(lost.statusCode()).isEqualTo(409);
        assertThat(lost.body()).contains("id=\"device-problem\"")
                .contains("The passkeys created on that device are the only way into your account")
                .contains("Sign out my other sessions").contains("recovery codes")
                .contains("I lost this device"); // the account page itself, with the device still listed
        assertThat(phone.signedIn()).as("nothing changed: the phone is still signed in").isTrue();
        Browser again = new Browser();
        assertThat(Journeys.signIn(again, phoneKey.get(Journeys.signInOptions(again, "modal"))).statusCode())
                .as("the phone's passkey still signs in").isEqualTo(200);
    }

    /**
     * On the policy server (email codes off, passwords on): after the passkey is removed, the
     * password is the only way in, and removing it is refused.
     */
    @Test
    void thePasswordIsNotRemovedWhenItIsTheOnlyWayIn() throws Exception {
        Browser browser = new Browser(PolicyServer.BASE_URL);
        String email = Journeys.uniqueEmail("lastway-password");
        String options = browser.postJson("/api/signup/options", Authenticator.JSON.createObjectNode().put("email", email)
                .put("displayName", "Password Tester").toString()).body();
        String credential = new AttestingAuthenticator(PolicyServer.BASE_URL, PolicyServer.APPROVED_KEY).create(options);
        HttpResponse<String> signedUp = browser.postJson("/api/signup/finish", Journeys.finishBody(credential));
        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(200);
        String code = Mailbox.code(Mailbox.await(SMTP, email, "Confirm your email address"));
        assertThat(browser.postForm("/account/confirm-email", "code=" + code).statusCode()).isEqualTo(302);
        HttpResponse<String> set = browser.postForm("/account/password", "newPassword=lantern+orchard+velvet+42");
        assertThat(set.headers().firstValue("Location").orElseThrow()).contains("passwordSet");

        UUID account = (UUID) PolicyServer.values("select id from idn_account where email = ?", email).get(0);
        Object passkey = PolicyServer.values("select id from cred_passkey where account_id = ?", account).get(0);
        // The sign-up minutes ago is the step-up; with a password that signs in, the passkey may go.
        HttpResponse<String> removedPasskey = browser.postForm("/account/passkeys/remove", "passkey=" + passkey);
        assertThat(removedPasskey.statusCode()).as(removedPasskey.body()).isEqualTo(302);

        HttpResponse<String> refused = browser.postForm("/account/password/remove", "x=1");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"password-problem\"")
                .contains("Your password is the only way into your account, so it cannot be removed.")
                .contains("add a passkey").contains("Remove my password");
        assertThat(PolicyServer.count("select count(*) from idn_password where account_id = ?", account))
                .as("the password is still there").isOne();
        assertThat(browser.signedIn()).isTrue();
    }
}
