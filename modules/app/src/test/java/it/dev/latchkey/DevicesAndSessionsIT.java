package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Devices, the sign-in log and session lifetimes, as the account page shows them. */
class DevicesAndSessionsIT {

    static final String WINDOWS_EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/137.0.0.0 Safari/537.36 Edg/137.0.0.0";
    static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";

    @Test
    void eachBrowserProfileBecomesALabelledDeviceAndEverySignInIsLogged() {
        Authenticator authenticator = new Authenticator();
        Browser laptop = new Browser().withUserAgent(WINDOWS_EDGE);
        String email = Journeys.uniqueEmail("devices");
        Journeys.signUp(laptop, authenticator, email);
        assertThat(laptop.cookie("latchkey_device")).isPresent();

        Browser phone = new Browser().withUserAgent(IPHONE_SAFARI);
        HttpResponse<String> signIn = Journeys.signIn(phone, authenticator.get(Journeys.signInOptions(phone, "modal")));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);

        String page = phone.get("/account/security").body();
        assertThat(page).contains("Edge on Windows").contains("Safari on iPhone");
        // The emulator reports a platform attachment: a passkey used on this device.
        assertThat(page).contains("Signed in with a passkey saved on Safari on iPhone");
        assertThat(Database.count("select count(*) from idn_device d join idn_account a on a.id = d.account_id"
                + " where a.pending_email = ?", email)).isEqualTo(2);

        // The same browser signing in again is the same device, not a new one.
        Journeys.signIn(phone, authenticator.get(Journeys.signInOptions(phone, "modal")));
        assertThat(Database.count("select count(*) from idn_device d join idn_account a on a.id = d.account_id"
                + " where a.pending_email = ?", email)).isEqualTo(2);
        assertThat(Database.count("select count(*) from idn_sign_in_event e join idn_account a on a.id = e.account_id"
                + " where a.pending_email = ? and e.succeeded and e.method = 'PASSKEY_THIS_DEVICE'", email)).isEqualTo(2);
    }

    @Test
    void aFailedSignInIsLoggedWithoutAnAccount() {
        Browser browser = new Browser();
        // A passkey this server never stored: created for a sign-up that was never finished.
        Authenticator stranger = new Authenticator();
        stranger.create(Journeys.signUpOptions(browser, Journeys.uniqueEmail("stranger"), "Stranger"));
        long failures = Database.count("select count(*) from idn_sign_in_event where not succeeded and account_id is null");
        HttpResponse<String> signIn = Journeys.signIn(browser, stranger.get(Journeys.signInOptions(browser, "modal")));
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(signIn.body()).contains("UNKNOWN_CREDENTIAL");
        assertThat(Database.count("select count(*) from idn_sign_in_event where not succeeded and account_id is null"))
                .isGreaterThan(failures);
    }

    @Test
    void signingOutOtherSessionsKeepsThisOne() {
        Authenticator authenticator = new Authenticator();
        Browser laptop = new Browser().withUserAgent(WINDOWS_EDGE);
        Journeys.signUp(laptop, authenticator, Journeys.uniqueEmail("others"));
        Browser phone = new Browser().withUserAgent(IPHONE_SAFARI);
        Journeys.signIn(phone, authenticator.get(Journeys.signInOptions(phone, "modal")));
        assertThat(laptop.signedIn()).isTrue();

        HttpResponse<String> others = phone.postForm("/account/sessions/others", "");
        assertThat(others.statusCode()).isEqualTo(302);
        assertThat(phone.signedIn()).isTrue();
        assertThat(laptop.signedIn()).isFalse();
        assertThat(phone.get("/account/security?otherSessionsEnded").body())
                .contains("You are now signed out everywhere else.");
    }

    @Test
    void anIdleSessionEndsAfterTheIdleTimeout() {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("idle");
        Journeys.signUp(browser, new Authenticator(), email);
        assertThat(browser.signedIn()).isTrue();

        // 29 idle minutes: still signed in (default idle timeout 30 minutes).
        age(email, 29);
        assertThat(browser.signedIn()).isTrue();
        // That request counted as use; 31 idle minutes after it: signed out.
        age(email, 31);
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeEvenWhenInUse() {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("absolute");
        Journeys.signUp(browser, new Authenticator(), email);
        Database.execute("update idn_session set expires_at = current_timestamp - interval '1' second"
                + " where account_id = (select id from idn_account where pending_email = ?)", email);
        assertThat(browser.signedIn()).isFalse();
    }

    /** Moves the account's sessions' last use back by this many minutes, as time passing would. */
    private static void age(String email, int minutes) {
        Database.execute("update idn_session set last_seen_at = current_timestamp - interval '" + minutes + "' minute"
                + " where account_id = (select id from idn_account where pending_email = ?)", email);
    }
}
