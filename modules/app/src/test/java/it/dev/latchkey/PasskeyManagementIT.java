package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passkey cards on /account/security: provider names and icons from the AAGUID list, device-derived
 * names otherwise, renaming, removal behind step-up, the last way in kept, notices by email.
 */
class PasskeyManagementIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    static final UUID GOOGLE = UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
    private static final Pattern PASSKEY_ID = Pattern.compile("name=\"passkey\" value=\"([0-9a-f-]{36})\"");

    @Test
    void aKnownProviderIsNamedWithItsIconAndAnUnknownOneAfterTheDevice() {
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        Journeys.signUp(laptop, new Authenticator(GOOGLE), Journeys.uniqueEmail("provider"));
        String page = laptop.get("/account/security").body();
        assertThat(page).contains("<h3 class=\"passkey-name\">Google Password Manager</h3>")
                .contains("Only on this device")
                .contains("on Edge on Windows")
                .containsPattern("<img class=\"provider-icon\" src=\"data:image/svg\\+xml;base64,[A-Za-z0-9+/=]+\"");
        assertThat(laptop.get("/account/security").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("img-src 'self' data:");

        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        Journeys.signUp(phone, new Authenticator(), Journeys.uniqueEmail("unknown-provider"));
        assertThat(phone.get("/account/security").body())
                .as("the emulator's AAGUID is on no list: the passkey is named after the device that made it")
                .contains("<h3 class=\"passkey-name\">Passkey on Safari on iPhone</h3>")
                .doesNotContain("provider-icon\" src=");
    }

    @Test
    void renamingIsValidatedEscapedAndNeedsTheCsrfToken() {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("rename");
        Journeys.signUp(browser, new Authenticator(GOOGLE), email);
        String id = passkeyIds(browser.get("/account/security").body())[0];

        HttpResponse<String> renamed = browser.postForm("/account/passkeys/rename",
                "passkey=" + id + "&name=" + form("  Work\u202E  laptop\u0007 "));
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(renamed.headers().firstValue("Location").orElseThrow()).contains("passkeyRenamed").endsWith("#passkey-" + id);
        assertThat(browser.get("/account/security?passkeyRenamed").body()).contains("<h3 class=\"passkey-name\">Work laptop</h3>")
                .contains("The passkey's name is saved.");
        assertThat(Database.count("select count(*) from cred_passkey where id = ? and name = 'Work laptop'", UUID.fromString(id))).isOne();
        assertThat(Database.count("select count(*) from cred_event where type = 'PASSKEY_RENAMED' and passkey_id = ?",
                UUID.fromString(id))).isOne();

        assertThat(browser.postForm("/account/passkeys/rename", "passkey=" + id + "&name="
                + form("<img src=x onerror=alert(1)>")).statusCode()).isEqualTo(302);
        assertThat(browser.get("/account/security").body()).contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x");

        HttpResponse<String> tooLong = browser.postForm("/account/passkeys/rename", "passkey=" + id + "&name=" + "k".repeat(65));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("A passkey name can have at most 64 characters.");
        assertThat(browser.postFormWithoutCsrfToken("/account/passkeys/rename", "passkey=" + id + "&name=Forged")
                .statusCode()).isEqualTo(403);
        Browser stranger = new Browser();
        Journeys.signUp(stranger, new Authenticator(), Journeys.uniqueEmail("stranger"));
        assertThat(stranger.postForm("/account/passkeys/rename", "passkey=" + id + "&name=Mine").statusCode()).isEqualTo(404);
        assertThat(browser.postForm("/account/passkeys/rename", "passkey=not-a-uuid&name=x").statusCode()).isEqualTo(400);
        assertThat(browser.get("/account/security").body()).contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("Forged").doesNotContain(">Mine<");

        assertThat(browser.postForm("/account/passkeys/rename", "passkey=" + id + "&name=").statusCode()).isEqualTo(302);
        assertThat(browser.get("/account/security").body()).as("an empty name brings back the automatic one")
                .contains("<h3 class=\"passkey-name\">Google Password Manager</h3>");
    }

    @Test
    void removingAPasskeyNeedsAFreshStepUpAndThenItNoLongerSignsIn() {
        Browser browser = new Browser();
        Authenticator laptop = new Authenticator();
        String email = Journeys.uniqueEmail("remove");
        Journeys.signUp(browser, laptop, email);
        Authenticator phone = new Authenticator();
        addPasskey(browser, phone);
        String[] ids = passkeyIds(browser.get("/account/security").body());
        assertThat(ids).hasSize(2);
        String phoneId = ids[1];

        Database.execute("update idn_session set authenticated_at = current_timestamp - interval '10' minute"
                + " where account_id = (select id from idn_account where pending_email = ?)", email);
        HttpResponse<String> refused = browser.postForm("/account/passkeys/remove", "passkey=" + phoneId);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/account/step-up?next=");
        assertThat(passkeysOf(email)).isEqualTo(2);

        stepUp(browser, laptop);
        HttpResponse<String> removed = browser.postForm("/account/passkeys/remove", "passkey=" + phoneId);
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(removed.headers().firstValue("Location").orElseThrow()).contains("passkeyRemoved");
        assertThat(passkeysOf(email)).isEqualTo(1);
        assertThat(Database.count("select count(*) from cred_event where type = 'PASSKEY_REMOVED' and passkey_id = ?",
                UUID.fromString(phoneId))).isOne();
        assertThat(browser.get("/account/security?passkeyRemoved").body()).contains("The passkey is removed.");

        Browser thief = new Browser();
        assertThat(Journeys.signIn(thief, phone.get(Journeys.signInOptions(thief, "modal"))).body())
                .contains("UNKNOWN_CREDENTIAL");
        assertThat(browser.postFormWithoutCsrfToken("/account/passkeys/remove", "passkey=" + ids[0]).statusCode())
                .isEqualTo(403);
        assertThat(passkeysOf(email)).isEqualTo(1);
    }

    @Test
    void theLastWayToSignInIsNotRemovedAndThePageSaysWhatToDoInstead() {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("last");
        Journeys.signUp(browser, new Authenticator(), email);
        String id = passkeyIds(browser.get("/account/security").body())[0];

        HttpResponse<String> refused = browser.postForm("/account/passkeys/remove", "passkey=" + id);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("This passkey is the only way into your account, so it cannot be removed.")
                .contains("confirm your email address and make recovery codes");
        assertThat(passkeysOf(email)).isOne();
        assertThat(Database.count("select count(*) from cred_event where type = 'PASSKEY_REMOVED' and passkey_id = ?",
                UUID.fromString(id))).isZero();
    }

    @Test
    void theOwnerIsMailedWhenAPasskeyIsAddedOrRemoved() throws Exception {
        Browser browser = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        String email = Journeys.uniqueEmail("notices");
        Mailbox.signUpConfirmed(SMTP, browser, new Authenticator(), email);
        assertThat(SMTP.getReceivedMessages()).noneMatch(m -> email.equals(Mailbox.recipient(m))
                && Mailbox.subject(m).contains("passkey was added"))
                .as("the sign-up passkey is announced to nobody: the address was not confirmed yet");

        addPasskey(browser, new Authenticator(GOOGLE));
        String added = GreenMailUtil.getBody(Mailbox.await(SMTP, email, "A passkey was added to your account"));
        assertThat(added).contains("Google Password Manager").contains("from Edge on Windows").contains("UTC")
                .contains("If it was not you");

        // A confirmed address with email-code sign-in is another way in: even the last passkey may go.
        for (String id : passkeyIds(browser.get("/account/security").body())) {
            assertThat(browser.postForm("/account/passkeys/remove", "passkey=" + id).statusCode()).isEqualTo(302);
        }
        assertThat(passkeysOf(email)).isZero();
        String removed = GreenMailUtil.getBody(Mailbox.await(SMTP, email, "A passkey was removed from your account"));
        assertThat(removed).contains("from Edge on Windows").contains("If it was not you");
        assertThat(browser.get("/account/security").body()).contains("Create a passkey").contains("You have no passkey yet.");
    }

    @Test
    void aPasskeyAddedOnAPhoneOverTheQrCodeIsMailedToo() throws Exception {
        Browser laptop = new Browser().withUserAgent(DevicesAndSessionsIT.WINDOWS_EDGE);
        String email = Journeys.uniqueEmail("phone-notice");
        Mailbox.signUpConfirmed(SMTP, laptop, new Authenticator(), email);

        // "Add a passkey on your phone": the laptop's browser shows its QR code, the phone makes the
        // passkey, and the browser reports it as cross-platform over hybrid (not on this laptop).
        HttpResponse<String> options = laptop.postJson("/api/account/passkeys/options", "{\"hint\":\"hybrid\"}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        tools.jackson.databind.node.ObjectNode phone = Authenticator.parse(new Authenticator().create(options.body()));
        phone.put("authenticatorAttachment", "cross-platform");
        ((tools.jackson.databind.node.ObjectNode) phone.get("response")).putArray("transports").add("hybrid");
        HttpResponse<String> added = laptop.postJson("/api/account/passkeys/finish", Journeys.finishBody(phone.toString()));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

        String notice = GreenMailUtil.getBody(Mailbox.await(SMTP, email, "A passkey was added to your account"));
        assertThat(notice).as("the owner hears of every new way in, wherever it lives").contains("If it was not you");
        assertThat(Database.count("select count(*) from cred_passkey p join idn_account a on a.id = p.account_id"
                + " where a.email = ? and p.created_device_id is null", email))
                .as("the phone's passkey is still not noted as made on the laptop").isOne();
    }

    @Test
    void aPasskeyPairedFromASecondDeviceThatNeverSignedInIsMailedToo() throws Exception {
        Browser laptop = new Browser();
        String email = Journeys.uniqueEmail("handoff-notice");
        Mailbox.signUpConfirmed(SMTP, laptop, new Authenticator(), email);

        // A link handoff to a phone the account was never seen on: no device record to note it on.
        HandoffIT.Link link = HandoffIT.issue(laptop);
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        HttpResponse<String> options = phone.postJson("/api/handoff/options", "{\"token\":\"" + link.token() + "\"}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        HttpResponse<String> made = phone.postJson("/api/handoff/finish", "{\"token\":\"" + link.token() + "\","
                + Journeys.finishBody(new Authenticator().create(options.body())).substring(1));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        String code = Authenticator.parse(made.body()).get("code").stringValue();
        assertThat(laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + code).statusCode()).isEqualTo(302);

        String notice = GreenMailUtil.getBody(Mailbox.await(SMTP, email, "A passkey was added to your account"));
        assertThat(notice).as("the owner hears of every new way in").contains("If it was not you");
    }

    @Test
    void anAccountHoldsAtMostTwentyPasskeys() {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("cap");
        Journeys.signUp(browser, new Authenticator(), email);
        for (int i = 2; i <= 20; i++) {
            addPasskey(browser, new Authenticator());
        }
        HttpResponse<String> refused = browser.postJson("/api/account/passkeys/options", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("TOO_MANY_PASSKEYS").contains("Remove one you no longer use");
        assertThat(passkeysOf(email)).isEqualTo(20);
    }

    @Test
    void passkeyEndpointsPointToEnrolAndManage() {
        HttpResponse<String> endpoints = new Browser().get("/.well-known/passkey-endpoints");
        assertThat(endpoints.statusCode()).isEqualTo(200);
        assertThat(endpoints.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(Authenticator.parse(endpoints.body()).get("enroll").stringValue())
                .isEqualTo(Browser.BASE_URL + "/account/passkeys/new");
        assertThat(Authenticator.parse(endpoints.body()).get("manage").stringValue())
                .isEqualTo(Browser.BASE_URL + "/account/security");
        assertThat(new Browser().get("/.well-known/webauthn").statusCode())
                .as("no related origins are configured").isEqualTo(404);
    }

    static void addPasskey(Browser browser, Authenticator authenticator) {
        HttpResponse<String> options = browser.postJson("/api/account/passkeys/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        HttpResponse<String> added = browser.postJson("/api/account/passkeys/finish",
                Journeys.finishBody(authenticator.create(options.body())));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    }

    private static void stepUp(Browser browser, Authenticator authenticator) {
        HttpResponse<String> options = browser.postJson("/api/account/stepup/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        HttpResponse<String> finished = browser.postJson("/api/account/stepup/finish",
                Journeys.finishBody(authenticator.get(options.body())));
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
    }

    static String[] passkeyIds(String page) {
        Matcher m = PASSKEY_ID.matcher(page);
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids.toArray(String[]::new);
    }

    private static long passkeysOf(String email) {
        return Database.count("select count(*) from cred_passkey where account_id = (select id from idn_account"
                + " where pending_email = ? or email = ?)", email, email);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
