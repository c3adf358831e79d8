package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "I lost this device": the page shows first what goes and what stays, then its sessions end and the
 * passkeys that live only on it stop working; synced ones and the rest stay.
 */
class LostDeviceIT {

    private static final Pattern LOST_FORM = Pattern.compile("/account/devices/lost\\?device=([0-9a-f-]{36})");

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

        String preview = laptop.get("/account/devices/lost?device=" + phoneDevice).body();
        assertThat(preview).contains("This passkey will be removed").doesNotContain("lost-kept")
                .contains("It lives only on this device. It will no longer sign in to your account.");
        assertThat(Pattern.compile("class=\"passkey removed\"").matcher(preview).results().count()).isEqualTo(1);
        HttpResponse<String> lost = laptop.postForm("/account/devices/lost", "device=" + phoneDevice);
        assertThat(lost.statusCode()).isEqualTo(302);
        assertThat(lost.headers().firstValue("Location").orElseThrow()).contains("?deviceLost");

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

    @Test
    void aSyncedPasskeyCreatedOnTheLostDeviceStaysAndThePageSaysWhereToEndIt() {
        Authenticator laptopKey = new Authenticator();
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        String email = Journeys.uniqueEmail("lost-synced");
        Journeys.signUp(laptop, laptopKey, email);
        Authenticator phoneKey = new Authenticator();
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        Journeys.signIn(phone, laptopKey.get(Journeys.signInOptions(phone, "modal")));
        HttpResponse<String> options = phone.postJson("/api/account/passkeys/options", "{}");
        String synced = Authenticator.asSyncedProvider(phoneKey.create(options.body()), java.util.UUID.randomUUID());
        assertThat(phone.postJson("/api/account/passkeys/finish", Journeys.finishBody(synced)).statusCode()).isEqualTo(200);

        Matcher m = LOST_FORM.matcher(laptop.get("/account/security").body());
        assertThat(m.find()).isTrue();
        String preview = laptop.get("/account/devices/lost?device=" + m.group(1)).body();
        assertThat(preview).contains("No passkey will be removed").contains("This passkey stays")
                .contains("remove that device in the settings of the password manager that syncs it")
                .contains("Sign it out");
        assertThat(laptop.postForm("/account/devices/lost", "device=" + m.group(1)).statusCode()).isEqualTo(302);
        assertThat(phone.signedIn()).as("the lost phone's session ended").isFalse();
        assertThat(Pattern.compile("<h3 class=\"passkey-name\">").matcher(laptop.get("/account/security").body())
                .results().count()).as("the synced passkey stays on the account, with the laptop's").isEqualTo(2);
    }

    @Test
    void aPasskeySavedToThePhoneFromTheLaptopGoesWithThePhoneOnceThePhoneUsedIt() {
        Authenticator laptopKey = new Authenticator();
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        String email = Journeys.uniqueEmail("lost-qr");
        Journeys.signUp(laptop, laptopKey, email);
        // The laptop saves a passkey to the phone over a QR code: the browser says cross-platform, hybrid.
        Authenticator phoneKey = new Authenticator();
        var created = Authenticator.parse(phoneKey.create(laptop.postJson("/api/account/passkeys/options", "{}").body()));
        created.put("authenticatorAttachment", "cross-platform");
        ((tools.jackson.databind.node.ObjectNode) created.get("response")).putArray("transports").add("hybrid").add("internal");
        assertThat(laptop.postJson("/api/account/passkeys/finish", Journeys.finishBody(created.toString())).statusCode())
                .isEqualTo(200);
        // Then the phone signs in with it, on the phone itself.
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        assertThat(Journeys.signIn(phone, phoneKey.get(Journeys.signInOptions(phone, "modal"))).statusCode()).isEqualTo(200);

        Matcher m = LOST_FORM.matcher(laptop.get("/account/security").body());
        assertThat(m.find()).isTrue();
        assertThat(laptop.get("/account/devices/lost?device=" + m.group(1)).body()).contains("This passkey will be removed");
        assertThat(laptop.postForm("/account/devices/lost", "device=" + m.group(1)).statusCode()).isEqualTo(302);
        Browser thief = new Browser();
        assertThat(Journeys.signIn(thief, phoneKey.get(Journeys.signInOptions(thief, "modal"))).body())
                .contains("UNKNOWN_CREDENTIAL");
    }
}
