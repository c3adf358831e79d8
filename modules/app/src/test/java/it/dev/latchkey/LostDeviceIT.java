package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** "I lost this device": its sessions end and the passkeys created on it stop working; the rest stay. */
class LostDeviceIT {

    private static final Pattern LOST_FORM = Pattern.compile("name=\"device\" value=\"([0-9a-f-]{36})\"");

    @Test
    void reportingAPhoneLostSignsItOutAndRemovesItsPasskeyOnly() {
        Authenticator laptopKey = new Authenticator();
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        String email = Journeys.uniqueEmail("lost");
        Journeys.signUp(laptop, laptopKey, email);

        // The phone signs in with the laptop's passkey (over a QR code, say) and adds its own.
        Authenticator phoneKey = new Authenticator();
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        Journeys.signIn(phone, laptopKey.get(Journeys.signInOptions(phone, "modal")));
        HttpResponse<String> options = phone.postJson("/api/account/passkeys/options", "{}");
        assertThat(phone.postJson("/api/account/passkeys/finish", Journeys.finishBody(phoneKey.create(options.body())))
                .statusCode()).isEqualTo(200);

        // On the laptop: the phone is listed with "I lost this device"; the laptop itself is not.
        String page = laptop.get("/account/security").body();
        Matcher m = LOST_FORM.matcher(page);
        assertThat(m.find()).isTrue();
        String phoneDevice = m.group(1);
        assertThat(m.find()).as("only the other device offers 'I lost this device'").isFalse();

        HttpResponse<String> lost = laptop.postForm("/account/devices/lost", "device=" + phoneDevice);
        assertThat(lost.statusCode()).isEqualTo(302);
        assertThat(lost.headers().firstValue("Location").orElseThrow()).endsWith("?deviceLost");

        assertThat(phone.signedIn()).as("the lost phone's session ended").isFalse();
        Browser thief = new Browser();
        HttpResponse<String> withPhoneKey = Journeys.signIn(thief, phoneKey.get(Journeys.signInOptions(thief, "modal")));
        assertThat(withPhoneKey.body()).contains("UNKNOWN_CREDENTIAL");
        Browser owner = new Browser();
        assertThat(Journeys.signIn(owner, laptopKey.get(Journeys.signInOptions(owner, "modal"))).statusCode())
                .as("the laptop's passkey still works").isEqualTo(200);
    }

    @Test
    void reportingADeviceLostNeedsAFreshStepUp() {
        Browser laptop = new Browser();
        Authenticator key = new Authenticator();
        String email = Journeys.uniqueEmail("lost-stepup");
        Journeys.signUp(laptop, key, email);
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        Journeys.signIn(phone, key.get(Journeys.signInOptions(phone, "modal")));
        Matcher m = LOST_FORM.matcher(laptop.get("/account/security").body());
        assertThat(m.find()).isTrue();
        Database.execute("update idn_session set authenticated_at = current_timestamp - interval '10' minute"
                + " where account_id = (select id from idn_account where pending_email = ?)", email);
        HttpResponse<String> lost = laptop.postForm("/account/devices/lost", "device=" + m.group(1));
        assertThat(lost.headers().firstValue("Location").orElseThrow()).contains("/account/step-up");
        assertThat(phone.signedIn()).isTrue();
    }
}
