package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A computer marked shared: no autofill, passkeys from a phone or security key, none saved there. */
class SharedDeviceIT {

    @Test
    void aSharedComputerGetsNoAutofillAndAsksForAPhoneOrSecurityKey() {
        Browser counter = new Browser();
        counter.get("/signin");
        HttpResponse<String> marked = counter.postForm("/device/shared", "shared=on&next=%2Faccount%2Fsecurity");
        assertThat(marked.statusCode()).isEqualTo(302);

        String page = counter.get("/signin").body();
        assertThat(page).contains("This is a shared computer").doesNotContain("username webauthn")
                .contains("Sign in with your phone or security key").contains("This is my own device");

        JsonNode signIn = Authenticator.parse(Journeys.signInOptions(counter, "modal"));
        assertThat(signIn.get("hints").toString()).isEqualTo("[\"hybrid\",\"security-key\"]");
        JsonNode signUp = Authenticator.parse(Journeys.signUpOptions(counter, Journeys.uniqueEmail("kiosk"), "Kiosk"));
        assertThat(signUp.get("authenticatorSelection").get("authenticatorAttachment").stringValue())
                .isEqualTo("cross-platform");
        assertThat(signUp.get("hints").toString()).isEqualTo("[\"hybrid\",\"security-key\"]");
    }

    @Test
    void signingInOnASharedComputerMarksTheDeviceAndRefusesToSaveAPasskeyThere() {
        Authenticator phone = new Authenticator();
        String email = Journeys.uniqueEmail("branch");
        Journeys.signUp(new Browser(), phone, email);

        Browser counter = new Browser();
        counter.get("/signin");
        counter.postForm("/device/shared", "shared=on");
        assertThat(Journeys.signIn(counter, phone.get(Journeys.signInOptions(counter, "modal"))).statusCode()).isEqualTo(200);
        assertThat(Database.count("select count(*) from idn_device d join idn_account a on a.id = d.account_id"
                + " where a.pending_email = ? and d.shared", email)).isOne();

        HttpResponse<String> add = counter.postJson("/api/account/passkeys/options", "{}");
        assertThat(add.statusCode()).isEqualTo(403);
        assertThat(add.body()).contains("SHARED_DEVICE");
        // No account management on a shared computer (issue 14, item 10): the page leads back, saying so.
        HttpResponse<String> page = counter.get("/account/passkeys/new");
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/account/security?sharedDevice");
        assertThat(counter.get("/account/security?sharedDevice").body()).contains("Signed in on a shared computer")
                .contains("That page is not offered on a shared computer").doesNotContain("Recovery codes");

        // Signing out and unmarking: sign-in is normal again.
        counter.postForm("/signout", "");
        counter.postForm("/device/shared", "shared=off");
        assertThat(counter.get("/signin").body()).contains("username webauthn");
    }
}
