package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/**
 * Enrollment nudges over HTTP against the real server: each scenario ends with the right prompt,
 * and accepting it ends with a passkey on that device, a COMPLETED funnel event and an updated
 * coverage card. Also: shared devices are never prompted, and every answer is remembered.
 *
 * <p>A "passkey from another device" is simulated the way a browser reports it: the phone's
 * passkey was registered with the transports a phone reports ({@code internal}, {@code hybrid}),
 * and the laptop's assertion says {@code authenticatorAttachment: "cross-platform"}. That is all
 * the server ever sees of hybrid (both are unsigned; see PasskeyLocation).
 */
class NudgesIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final String LAPTOP = DevicesAndSessionsIT.WINDOWS_EDGE;
    private static final String PHONE = DevicesAndSessionsIT.IPHONE_SAFARI;
    private static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/137.0.0.0 Mobile Safari/537.36";
    private static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36";
    private static final java.util.UUID GOOGLE_PASSWORD_MANAGER = java.util.UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
    private static final Pattern NUDGE = Pattern.compile("^/nudge\\?d=([0-9a-f-]{36})&next=(.*)$");
    private static final Pattern CARD_DECISION = Pattern.compile(
            "data-nudge-card[\\s\\S]*?name=\"d\" value=\"([0-9a-f-]{36})\"");

    @Test
    void bAHybridSignInOnTheLaptopIsHealedWithAPasskeyOfItsOwn() {
        String email = Journeys.uniqueEmail("heal");
        Authenticator phoneKey = new Authenticator();
        Browser phone = new Browser().withUserAgent(PHONE);
        signUpWithPhone(phone, phoneKey, email);

        Browser laptop = new Browser().withUserAgent(LAPTOP);
        HttpResponse<String> signedIn = Journeys.signIn(laptop, hybrid(phoneKey.get(Journeys.signInOptions(laptop, "modal"))));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String redirect = Authenticator.parse(signedIn.body()).get("redirect").stringValue();
        Matcher m = NUDGE.matcher(redirect);
        assertThat(m.matches()).as("the sign-in goes through the interstitial: " + redirect).isTrue();
        assertThat(m.group(2)).isEqualTo("%2Faccount%2Fsecurity");
        assertThat(decisionReason(m.group(1))).isEqualTo("HEAL_AFTER_HYBRID");

        String page = laptop.get(redirect).body();
        assertThat(page).contains("Your passkey stayed on your phone")
                .contains(">Create a passkey on this device<").contains(">Not now<")
                .contains(">Don't ask again on this device<").contains("href=\"/learn/what-is-a-passkey\"")
                .doesNotContain("First you confirm it is you")
                .doesNotContain("<script>");
        assertThat(laptop.get("/account/security").body())
                .containsPattern("Not yet on:[\\s\\S]*Edge on Windows[\\s\\S]*This device");

        acceptAndCreatePasskey(laptop, m.group(1), new Authenticator());

        assertThat(events(m.group(1))).containsExactly("SHOWN", "ACCEPTED", "COMPLETED");
        String card = coverageCard(laptop);
        assertThat(card).containsPattern("Your passkeys work on:[\\s\\S]*Edge on Windows[\\s\\S]*Safari on iPhone")
                .doesNotContain("Not yet on:");
    }

    @Test
    void aAnEmailCodeOnALaptopLeadsThroughAStepUpWithThePhonesPasskeyBeforeOneCanBeAdded() throws Exception {
        String email = Journeys.uniqueEmail("fallback");
        Authenticator phoneKey = new Authenticator();
        Browser phone = new Browser().withUserAgent(PHONE);
        signUpWithPhone(phone, phoneKey, email);
        confirm(phone, email);

        Browser laptop = new Browser().withUserAgent(LAPTOP);
        String location = emailCodeSignIn(laptop, email);
        Matcher m = NUDGE.matcher(location);
        assertThat(m.matches()).as(location).isTrue();
        assertThat(decisionReason(m.group(1))).isEqualTo("FALLBACK_ON_CAPABLE_DEVICE");
        assertThat(laptop.get(location).body()).containsAnyOf("Skip the code next time", "Sign in faster on this device")
                .contains("First you confirm it is you");

        HttpResponse<String> accepted = laptop.postForm("/nudge", "d=" + m.group(1) + "&next=%2Faccount%2Fsecurity&answer=accept");
        assertThat(accepted.headers().firstValue("Location").map(NudgesIT::path)).hasValue("/account/passkeys/new");
        // An email code does not add a passkey to an account that has one: step-up first.
        assertThat(laptop.get("/account/passkeys/new").headers().firstValue("Location").map(NudgesIT::path).orElseThrow())
                .startsWith("/account/step-up");
        assertThat(laptop.postJson("/api/account/passkeys/options", "{}").statusCode()).isEqualTo(403);

        // Step-up with the phone's passkey over a QR code, then the laptop's own passkey.
        HttpResponse<String> options = laptop.postJson("/api/account/stepup/options", "{}");
        assertThat(laptop.postJson("/api/account/stepup/finish",
                Journeys.finishBody(hybrid(phoneKey.get(options.body())))).statusCode()).isEqualTo(200);
        createPasskey(laptop, new Authenticator());

        assertThat(events(m.group(1))).containsExactly("SHOWN", "ACCEPTED", "COMPLETED");
        assertThat(coverageCard(laptop)).containsPattern("Your passkeys work on:[\\s\\S]*Edge on Windows");
    }

    @Test
    void aWhereASyncedPasskeyShouldAlreadyWorkAFallbackSignInIsAskedToConfirmIt() throws Exception {
        String email = Journeys.uniqueEmail("synced");
        Browser android = new Browser().withUserAgent(ANDROID_CHROME);
        String options = Journeys.signUpOptions(android, email, "Test User");
        HttpResponse<String> finish = android.postJson("/api/signup/finish",
                Journeys.finishBody(Authenticator.asSyncedProvider(new Authenticator().create(options), GOOGLE_PASSWORD_MANAGER)));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);
        confirm(android, email);

        // Google Password Manager reaches Chrome on Windows (provider-reach.txt); nobody used it there yet.
        Browser pc = new Browser().withUserAgent(WINDOWS_CHROME);
        Matcher m = NUDGE.matcher(emailCodeSignIn(pc, email));
        assertThat(m.matches()).isTrue();
        assertThat(decisionReason(m.group(1))).isEqualTo("CONFIRM_LIKELY_COVERED");
        assertThat(pc.get(m.group(0)).body()).contains("Your passkey may already be here")
                .contains("Your passkey in Google Password Manager should work on Chrome on Windows")
                .contains("instead of a code")
                // It should work here: the main button is not "Create" (issue 14, item 6).
                .contains(">Got it<").contains(">It is not here: create a passkey on this device<");
        assertThat(coverageCard(pc)).containsPattern(
                "Should work on \\(not used there yet\\):[\\s\\S]*Chrome on Windows[\\s\\S]*Google Password Manager")
                .doesNotContain("Not yet on:");
    }

    @Test
    void aAndCAFallbackOnlyAccountCreatesItsFirstPasskeyAndIsToldWhichOtherDevicesNeedOne() throws Exception {
        String email = Journeys.uniqueEmail("first");
        Authenticator laptopKey = new Authenticator();
        Browser laptop = new Browser();
        Mailbox.signUpConfirmed(SMTP, laptop, laptopKey, email);
        // The PC signs in with the (synced, say) passkey; the phone by email code, and says "Not now".
        Browser pc = new Browser().withUserAgent(LAPTOP);
        assertThat(Journeys.signIn(pc, laptopKey.get(Journeys.signInOptions(pc, "modal"))).statusCode()).isEqualTo(200);
        Browser phone = new Browser().withUserAgent(PHONE);
        Matcher first = NUDGE.matcher(emailCodeSignIn(phone, email));
        assertThat(first.matches()).isTrue();
        assertThat(phone.postForm("/nudge", "d=" + first.group(1) + "&next=%2Faccount%2Fsecurity&answer=not-now")
                .headers().firstValue("Location").map(NudgesIT::path)).hasValue("/account/security");

        // The laptop is lost: its passkey goes, and the account has only its email code left.
        Matcher lostForm = Pattern.compile("/account/devices/lost\\?device=([0-9a-f-]{36})\"\\s*aria-label=\"I lost this device: Chrome on Linux")
                .matcher(pc.get("/account/security").body());
        assertThat(lostForm.find()).isTrue();
        assertThat(pc.postForm("/account/devices/lost", "device=" + lostForm.group(1)).statusCode()).isEqualTo(302);
        assertThat(Database.count("select count(*) from cred_passkey where account_id = " + ACCOUNT_OF, email, email)).isZero();

        // A week later the phone signs in by email code again: the snooze is over.
        aWeekPasses(email);
        Matcher m = NUDGE.matcher(emailCodeSignIn(phone, email));
        assertThat(m.matches()).isTrue();
        assertThat(decisionReason(m.group(1))).isEqualTo("FALLBACK_ON_CAPABLE_DEVICE");
        assertThat(phone.get(m.group(0)).body()).as("the fresh email code is the account's strongest proof")
                .doesNotContain("First you confirm it is you");
        acceptAndCreatePasskey(phone, m.group(1), new Authenticator());
        assertThat(events(m.group(1))).containsExactly("SHOWN", "ACCEPTED", "COMPLETED");

        // c. Right after: the account page names the PC, which no passkey covers any more.
        String page = phone.get("/account/security?passkeyAdded").body();
        assertThat(page).contains("Your first passkey is ready")
                .containsPattern("Your passkeys work on:[\\s\\S]*Safari on iPhone[\\s\\S]*Not yet on:[\\s\\S]*Edge on Windows")
                .contains("Sign in there, then choose &quot;Create a passkey on this device&quot;.");
        Matcher card = CARD_DECISION.matcher(page);
        assertThat(card.find()).isTrue();
        assertThat(decisionReason(card.group(1))).isEqualTo("FIRST_PASSKEY_OTHER_DEVICES");
        HttpResponse<String> howTo = phone.postForm("/nudge", "d=" + card.group(1) + "&next=%2Faccount%2Fsecurity&answer=accept");
        assertThat(howTo.headers().firstValue("Location").map(NudgesIT::path)).hasValue("/learn/a-passkey-on-each-device");
        assertThat(phone.get("/account/security").body()).as("answered: not shown again").doesNotContain("data-nudge-card");
    }

    @Test
    void dASinglePasskeyOnOneDeviceGetsABackupSuggestionAndASecurityKeyEndsIt() {
        String email = Journeys.uniqueEmail("backup");
        Browser laptop = new Browser().withUserAgent(LAPTOP);
        Journeys.signUp(laptop, new Authenticator(), email);

        String page = laptop.get("/account/security").body();
        assertThat(page).contains("All your passkeys are on one device");
        Matcher card = CARD_DECISION.matcher(page);
        assertThat(card.find()).isTrue();
        assertThat(decisionReason(card.group(1))).isEqualTo("ALL_PASSKEYS_ON_ONE_DEVICE");

        HttpResponse<String> accepted = laptop.postForm("/nudge", "d=" + card.group(1) + "&next=%2Faccount%2Fsecurity&answer=accept");
        assertThat(accepted.headers().firstValue("Location").map(NudgesIT::path)).hasValue("/account/passkeys/new");
        HttpResponse<String> options = laptop.postJson("/api/account/passkeys/options", "{}");
        assertThat(options.statusCode()).as("the sign-up minutes ago counts as a fresh passkey sign-in").isEqualTo(200);
        HttpResponse<String> added = laptop.postJson("/api/account/passkeys/finish",
                Journeys.finishBody(securityKey(new Authenticator().create(options.body()))));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

        assertThat(events(card.group(1))).containsExactly("SHOWN", "ACCEPTED", "COMPLETED");
        assertThat(laptop.get("/account/security").body()).doesNotContain("All your passkeys are on one device")
                .doesNotContain("data-nudge-card");
    }

    @Test
    void aSharedComputerIsNeverPromptedAndTheDecisionSaysWhy() throws Exception {
        String email = Journeys.uniqueEmail("kiosk-nudge");
        Authenticator phoneKey = new Authenticator();
        Browser phone = new Browser().withUserAgent(PHONE);
        signUpWithPhone(phone, phoneKey, email);

        Browser counter = new Browser().withUserAgent(LAPTOP);
        counter.get("/signin");
        counter.postForm("/device/shared", "shared=on");
        HttpResponse<String> signedIn = Journeys.signIn(counter, hybrid(phoneKey.get(Journeys.signInOptions(counter, "modal"))));
        assertThat(Authenticator.parse(signedIn.body()).get("redirect").stringValue()).isEqualTo("/account/security");
        assertThat(Database.count("select count(*) from ndg_decision where reason = 'SHARED_DEVICE' and account_id = "
                + ACCOUNT_OF, email, email)).isOne();
        String page = counter.get("/account/security").body();
        // The shared computer shows no account management at all (issue 14, item 10); the phone's page names it.
        assertThat(page).doesNotContain("data-nudge-card").contains("Signed in on a shared computer");
        assertThat(Database.count("select count(*) from ndg_event where account_id = " + ACCOUNT_OF, email, email)).isZero();
        assertThat(phone.get("/account/security").body()).contains("Shared computers, where no passkey is saved");
    }

    @Test
    void notNowAndDontAskAgainAreRememberedOnThatDevice() throws Exception {
        String email = Journeys.uniqueEmail("remember");
        Authenticator phoneKey = new Authenticator();
        Browser phone = new Browser().withUserAgent(PHONE);
        signUpWithPhone(phone, phoneKey, email);
        Browser laptop = new Browser().withUserAgent(LAPTOP);

        Matcher first = NUDGE.matcher(hybridSignIn(laptop, phoneKey));
        assertThat(first.matches()).isTrue();
        assertThat(laptop.postForm("/nudge", "d=" + first.group(1) + "&next=%2Faccount%2Fsecurity&answer=not-now")
                .headers().firstValue("Location").map(NudgesIT::path)).hasValue("/account/security");
        assertThat(laptop.get(first.group(0)).headers().firstValue("Location").map(NudgesIT::path)).as("an answered prompt is gone")
                .hasValue("/account/security");

        laptop.postForm("/signout", "");
        assertThat(hybridSignIn(laptop, phoneKey)).isEqualTo("/account/security");
        assertThat(newestReason(email)).isEqualTo("SNOOZED");

        aWeekPasses(email);
        laptop.postForm("/signout", "");
        Matcher again = NUDGE.matcher(hybridSignIn(laptop, phoneKey));
        assertThat(again.matches()).as("the snooze is over").isTrue();
        laptop.postForm("/nudge", "d=" + again.group(1) + "&next=%2Faccount%2Fsecurity&answer=dont-ask");

        aWeekPasses(email);
        laptop.postForm("/signout", "");
        assertThat(hybridSignIn(laptop, phoneKey)).isEqualTo("/account/security");
        assertThat(newestReason(email)).isEqualTo("OPTED_OUT_ON_DEVICE");

        // Another browser (another device) is still asked.
        assertThat(NUDGE.matcher(hybridSignIn(new Browser(), phoneKey)).matches()).isTrue();
        assertThat(Database.count("select count(*) from ndg_event where type in ('SNOOZED', 'DISMISSED') and account_id = "
                + ACCOUNT_OF, email, email)).isEqualTo(2);
    }

    @Test
    void answersToSomeoneElsesPromptOrNonsenseChangeNothing() {
        String email = Journeys.uniqueEmail("forged-answer");
        Authenticator phoneKey = new Authenticator();
        signUpWithPhone(new Browser().withUserAgent(PHONE), phoneKey, email);
        Browser laptop = new Browser().withUserAgent(LAPTOP);
        Matcher m = NUDGE.matcher(hybridSignIn(laptop, phoneKey));
        assertThat(m.matches()).isTrue();

        Browser other = new Browser();
        Journeys.signUp(other, new Authenticator(), Journeys.uniqueEmail("other"));
        HttpResponse<String> forged = other.postForm("/nudge", "d=" + m.group(1) + "&next=%2Faccount%2Fsecurity&answer=dont-ask");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(other.get(m.group(0)).headers().firstValue("Location").map(NudgesIT::path)).as("not theirs to see").hasValue("/account/security");
        assertThat(laptop.postForm("/nudge", "d=" + m.group(1) + "&answer=maybe").statusCode()).isEqualTo(400);
        assertThat(laptop.postForm("/nudge", "d=not-a-uuid&answer=accept").statusCode()).isEqualTo(400);
        assertThat(laptop.postFormWithoutCsrfToken("/nudge", "d=" + m.group(1) + "&answer=dont-ask").statusCode()).isEqualTo(403);
        assertThat(laptop.get("/nudge?d=" + m.group(1) + "&next=https://evil.example").body())
                .as("next is only ever one of our paths").contains("value=\"/account/security\"");
        assertThat(events(m.group(1))).containsExactly("SHOWN");
    }

    // ------------------------------------------------------------------ helpers

    /** A redirect's target as a path: Liberty makes relative redirects absolute. */
    private static String path(String location) {
        return location.startsWith(Browser.BASE_URL) ? location.substring(Browser.BASE_URL.length()) : location;
    }

    private static final String ACCOUNT_OF = "(select id from idn_account where email = ? or pending_email = ?)";

    /** Signs up on the "phone": its passkey is registered with the transports a phone reports. */
    private static void signUpWithPhone(Browser phone, Authenticator key, String email) {
        String options = Journeys.signUpOptions(phone, email, "Test User");
        ObjectNode registration = Authenticator.parse(key.create(options));
        ObjectNode response = (ObjectNode) registration.get("response");
        response.putArray("transports").add("hybrid").add("internal");
        HttpResponse<String> finish = phone.postJson("/api/signup/finish", Journeys.finishBody(registration.toString()));
        assertThat(finish.statusCode()).as(finish.body()).isEqualTo(200);
    }

    private static void confirm(Browser browser, String email) throws InterruptedException {
        String code = Mailbox.code(Mailbox.await(SMTP, email, "Confirm your email address"));
        assertThat(browser.postForm("/account/confirm-email", "code=" + code).statusCode()).isEqualTo(302);
    }

    /** What the laptop's browser reports when the passkey answered from a phone over a QR code. */
    private static String hybrid(String assertionJson) {
        ObjectNode json = Authenticator.parse(assertionJson);
        json.put("authenticatorAttachment", "cross-platform");
        return json.toString();
    }

    private static String securityKey(String registrationJson) {
        ObjectNode json = Authenticator.parse(registrationJson);
        json.put("authenticatorAttachment", "cross-platform");
        ((ObjectNode) json.get("response")).putArray("transports").add("usb").add("nfc");
        return json.toString();
    }

    private static String hybridSignIn(Browser laptop, Authenticator phoneKey) {
        HttpResponse<String> r = Journeys.signIn(laptop, hybrid(phoneKey.get(Journeys.signInOptions(laptop, "modal"))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Authenticator.parse(r.body()).get("redirect").stringValue();
    }

    /** Signs in by email code and returns where the browser is sent. */
    private static String emailCodeSignIn(Browser browser, String email) throws InterruptedException {
        int before = (int) java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(mail -> email.equals(Mailbox.recipient(mail)) && Mailbox.subject(mail).contains("sign-in code")).count();
        browser.get("/signin");
        browser.postForm("/signin/email", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        String code = Mailbox.codes(SMTP, email, "sign-in code", before + 1).get(before);
        HttpResponse<String> checked = browser.postForm("/signin/code", "code=" + code);
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(302);
        // Keep the IT server's per-network budget of codes (30 an hour from 127.0.0.1) for the other tests.
        Database.execute("update idn_email_code set created_at = created_at - interval '2' hour where email = ?", email);
        return checked.headers().firstValue("Location").map(NudgesIT::path).orElseThrow();
    }

    private static void acceptAndCreatePasskey(Browser browser, String decision, Authenticator newKey) {
        HttpResponse<String> accepted = browser.postForm("/nudge", "d=" + decision + "&next=%2Faccount%2Fsecurity&answer=accept");
        assertThat(accepted.headers().firstValue("Location").map(NudgesIT::path)).hasValue("/account/passkeys/new");
        HttpResponse<String> page = browser.get("/account/passkeys/new");
        assertThat(page.statusCode()).as("a fresh sign-in satisfies step-up here").isEqualTo(200);
        assertThat(page.body()).contains("Add a passkey").contains(">On this device<");
        createPasskey(browser, newKey);
    }

    private static void createPasskey(Browser browser, Authenticator newKey) {
        HttpResponse<String> options = browser.postJson("/api/account/passkeys/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        HttpResponse<String> added = browser.postJson("/api/account/passkeys/finish",
                Journeys.finishBody(newKey.create(options.body())));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    }

    private static String coverageCard(Browser browser) {
        String page = browser.get("/account/security").body();
        int start = page.indexOf("id=\"coverage\"");
        assertThat(start).as("the coverage card is on the page").isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    /** Moves the account's nudge history a week (and a day) into the past. */
    private static void aWeekPasses(String email) {
        Database.execute("update ndg_event set occurred_at = occurred_at - interval '8' day where account_id = " + ACCOUNT_OF,
                email, email);
    }

    private static String decisionReason(String decisionId) {
        return Database.string("select reason from ndg_decision where id = cast(? as uuid)", decisionId);
    }

    private static String newestReason(String email) {
        return Database.string("select reason from ndg_decision where account_id = " + ACCOUNT_OF
                + " order by decided_at desc limit 1", email, email);
    }

    private static List<String> events(String decisionId) {
        return Database.strings("select type from ndg_event where decision_id = cast(? as uuid) order by id", decisionId);
    }
}
