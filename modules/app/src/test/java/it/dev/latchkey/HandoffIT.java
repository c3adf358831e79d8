package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The link handoff over HTTP against the real server: device 1 (signed in, stepped up) makes a
 * link; device 2 (no session) opens it, creates a passkey, and gets a pairing code; the passkey is
 * pending, and cannot sign in, until that code is typed on device 1. Every refusal is a readable
 * 4xx that changes nothing, and every step is in the audit log.
 */
class HandoffIT {

    private static final Pattern LINK = Pattern.compile("id=\"handoff-link\"[^>]*>[^<]*/handoff/([0-9A-Z]{20})<");
    private static final Pattern HANDOFF_ID = Pattern.compile("name=\"h\" value=\"([0-9a-f-]{36})\"");
    private static final String ACCOUNT_OF = "(select id from idn_account where email = ? or pending_email = ?)";

    /** Device 1's link, as its page shows it. */
    record Link(String token, String id) {
    }

    @Test
    void aPasskeyMadeOnTheSecondDeviceWorksOnlyOnceItsCodeIsTypedOnTheFirst() {
        String email = Journeys.uniqueEmail("handoff");
        Browser laptop = new Browser();
        Journeys.signUp(laptop, new Authenticator(), email);
        Link link = issue(laptop);

        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        HttpResponse<String> page = phone.get("/handoff/" + link.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Create a passkey on this device").doesNotContain(email)
                .doesNotContain("Test User").doesNotContain("Sign out");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        HttpResponse<String> options = phone.postJson("/api/handoff/options", token(link));
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode o = Authenticator.JSON.readTree(options.body());
        assertThat(o.get("user").get("name").stringValue()).isEqualTo("Latchkey account");
        assertThat(o.get("user").get("displayName").stringValue()).isEqualTo("Latchkey account");
        assertThat(o.get("excludeCredentials")).as("no credential id to a link holder").isEmpty();
        assertThat(options.body()).doesNotContain(email).doesNotContain("Test User");

        Authenticator phoneKey = new Authenticator();
        String code = finish(phone, link, phoneKey.create(options.body()));
        assertThat(code).matches("[0-9]{6}");
        assertThat(count("select count(*) from cred_pending_passkey where account_id = " + ACCOUNT_OF, email)).isOne();
        assertThat(count("select count(*) from cred_passkey where account_id = " + ACCOUNT_OF, email)).isOne();
        assertThat(phone.signedIn()).as("the link grants no session").isFalse();

        // Pending: it cannot sign in, and the account page does not list it.
        HttpResponse<String> early = signInWith(phoneKey);
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("UNKNOWN_CREDENTIAL");
        assertThat(laptop.get("/account/security").body().split("class=\"passkey\"", -1)).hasSize(2);
        assertThat(status(phone, link).get("state").stringValue()).isEqualTo("WAITING_FOR_CODE");
        assertThat(status(phone, link).has("user")).as("nothing about the account before pairing").isFalse();

        HttpResponse<String> paired = laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + code);
        assertThat(paired.statusCode()).as(paired.body()).isEqualTo(302);
        assertThat(paired.headers().firstValue("Location").orElseThrow()).contains("/account/security?passkeyAdded");

        assertThat(count("select count(*) from cred_passkey where account_id = " + ACCOUNT_OF, email)).isEqualTo(2);
        assertThat(count("select count(*) from cred_pending_passkey where account_id = " + ACCOUNT_OF, email)).isZero();
        Browser later = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        HttpResponse<String> signedIn = Journeys.signIn(later, phoneKey.get(Journeys.signInOptions(later, "modal")));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        JsonNode after = status(phone, link);
        assertThat(after.get("state").stringValue()).isEqualTo("PAIRED");
        assertThat(after.get("user").get("name").stringValue()).as("after pairing, for signalCurrentUserDetails")
                .isEqualTo(email);
        assertThat(status(new Browser(), link, 409)).as("but only to the device that paired").isNotNull();

        // The coverage report: the phone signed in with its own passkey, so it is covered.
        assertThat(laptop.get("/account/security").body())
                .containsPattern("Your passkeys work on:[\\s\\S]*Safari on iPhone");
        assertThat(audit(link)).containsExactly("ISSUED", "CLAIMED", "PASSKEY_PENDING", "PAIRED", "REFUSED_NOT_CLAIMANT");

        // Single use.
        assertThat(phone.get("/handoff/" + link.token()).statusCode()).isEqualTo(410);
        assertThat(new Browser().postJson("/api/handoff/options", token(link)).statusCode()).isEqualTo(410);
        assertThat(laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + code).statusCode()).isEqualTo(410);
    }

    @Test
    void aSecondDeviceThatKnowsThePhonesRecordGetsPasskeyAddedForIt() {
        String email = Journeys.uniqueEmail("handoff-known");
        Authenticator laptopKey = new Authenticator();
        Browser laptop = new Browser();
        Journeys.signUp(laptop, laptopKey, email);
        // The phone signed in before (with the laptop's synced passkey, say): the account has a record of it.
        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        assertThat(Journeys.signIn(phone, laptopKey.get(Journeys.signInOptions(phone, "modal"))).statusCode()).isEqualTo(200);
        phone.postForm("/signout", "");

        Link link = issue(laptop);
        HttpResponse<String> options = phone.postJson("/api/handoff/options", token(link));
        String code = finish(phone, link, new Authenticator().create(options.body()));
        assertThat(laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + code).statusCode()).isEqualTo(302);

        assertThat(Database.string("select d.label from cred_passkey p join idn_device d on d.id = p.created_device_id"
                + " where p.account_id = " + ACCOUNT_OF + " order by p.created_at desc limit 1", email, email))
                .isEqualTo("Safari on iPhone");
        assertThat(Database.string("select detail from ndg_handoff_event where handoff_id = cast(? as uuid)"
                + " and type = 'PASSKEY_PENDING'", link.id())).isEqualTo("known device");
    }

    @Test
    void threeWrongCodesDropThePendingPasskey() {
        String email = Journeys.uniqueEmail("handoff-wrong");
        Browser laptop = new Browser();
        Journeys.signUp(laptop, new Authenticator(), email);
        Link link = issue(laptop);
        Browser phone = new Browser();
        Authenticator phoneKey = new Authenticator();
        String code = finish(phone, link, phoneKey.create(phone.postJson("/api/handoff/options", token(link)).body()));
        String wrong = code.equals("000000") ? "111111" : "000000";

        HttpResponse<String> first = laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + wrong);
        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(first.body()).contains("does not match").contains("2 tries left");
        assertThat(laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=12ab").statusCode())
                .as("not a code at all: no try spent").isEqualTo(422);
        assertThat(laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + wrong).body()).contains("1 try left");
        HttpResponse<String> third = laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + wrong);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("the new passkey was removed");

        HttpResponse<String> right = laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + code);
        assertThat(right.statusCode()).as("the right code after that is too late").isEqualTo(410);
        assertThat(count("select count(*) from cred_pending_passkey where account_id = " + ACCOUNT_OF, email)).isZero();
        assertThat(count("select count(*) from cred_passkey where account_id = " + ACCOUNT_OF, email)).isOne();
        assertThat(signInWith(phoneKey).statusCode()).isEqualTo(400);
        assertThat(status(phone, link).get("state").stringValue()).isEqualTo("FAILED");
        assertThat(audit(link)).containsSubsequence("PASSKEY_PENDING", "CODE_WRONG", "CODE_WRONG", "CODE_WRONG", "FAILED");
    }

    @Test
    void anExpiredLinkIsRefusedAndAnExpiredPendingPasskeyIsDropped() {
        String email = Journeys.uniqueEmail("handoff-expired");
        Browser laptop = new Browser();
        Journeys.signUp(laptop, new Authenticator(), email);

        Link unopened = issue(laptop);
        age(unopened);
        HttpResponse<String> page = new Browser().get("/handoff/" + unopened.token());
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired");
        assertThat(new Browser().postJson("/api/handoff/options", token(unopened)).statusCode()).isEqualTo(410);

        Link link = issue(laptop);
        Browser phone = new Browser();
        String code = finish(phone, link, new Authenticator().create(phone.postJson("/api/handoff/options", token(link)).body()));
        age(link);
        Database.execute("update cred_pending_passkey set expires_at = current_timestamp - interval '1' minute"
                + " where account_id = " + ACCOUNT_OF, email, email);
        HttpResponse<String> late = laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=" + code);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("expired");
        assertThat(count("select count(*) from cred_pending_passkey where account_id = " + ACCOUNT_OF, email)).isZero();
        assertThat(count("select count(*) from cred_passkey where account_id = " + ACCOUNT_OF, email)).isOne();
        assertThat(audit(link)).contains("EXPIRED");
    }

    @Test
    void unknownLinksAndASecondDeviceRacingTheFirstAreRefused() {
        assertThat(new Browser().get("/handoff/0123456789ABCDEFGHJK").statusCode()).isEqualTo(404);
        assertThat(new Browser().get("/handoff/not-a-token").statusCode()).isEqualTo(404);
        assertThat(new Browser().get("/handoff/not-a-token").body()).contains("We do not know this link");
        assertThat(new Browser().postJson("/api/handoff/options", "{\"token\":\"0123456789ABCDEFGHJK\"}").statusCode())
                .isEqualTo(404);
        assertThat(new Browser().postJson("/api/handoff/options", "{\"token\":42}").statusCode()).isEqualTo(404);
        assertThat(new Browser().postJson("/api/handoff/options", "[").statusCode()).isEqualTo(400);

        String email = Journeys.uniqueEmail("handoff-race");
        Browser laptop = new Browser();
        Journeys.signUp(laptop, new Authenticator(), email);
        Link link = issue(laptop);
        Browser first = new Browser();
        Browser second = new Browser();
        HttpResponse<String> firstOptions = first.postJson("/api/handoff/options", token(link));
        assertThat(firstOptions.statusCode()).isEqualTo(200);
        HttpResponse<String> secondOptions = second.postJson("/api/handoff/options", token(link));
        assertThat(secondOptions.statusCode()).isEqualTo(409);
        assertThat(secondOptions.body()).contains("already being used on another device");
        // The second device replays the first one's options with its own authenticator: still not its link.
        HttpResponse<String> stolen = second.postJson("/api/handoff/finish", finishBody(link,
                new Authenticator().create(firstOptions.body())));
        assertThat(stolen.statusCode()).isEqualTo(409);
        assertThat(count("select count(*) from cred_pending_passkey where account_id = " + ACCOUNT_OF, email)).isZero();
        assertThat(first.postJson("/api/handoff/finish", "{\"token\":\"" + link.token() + "\",\"credential\":{}}").statusCode())
                .as("a malformed passkey response").isEqualTo(400);
        assertThat(audit(link)).contains("CLAIMED", "REFUSED_IN_USE");
    }

    @Test
    void onlyAFreshlySteppedUpSessionMakesLinksAndOnlyItTypesTheirCode() {
        String email = Journeys.uniqueEmail("handoff-stepup");
        Authenticator key = new Authenticator();
        Browser laptop = new Browser();
        Journeys.signUp(laptop, key, email);
        assertThat(new Browser().get("/account/handoff").statusCode()).as("signed out").isIn(302, 401, 403);

        Link link = issue(laptop);
        // Another session of the same account cannot finish this pairing.
        Browser other = new Browser();
        assertThat(Journeys.signIn(other, key.get(Journeys.signInOptions(other, "modal"))).statusCode()).isEqualTo(200);
        assertThat(other.postForm("/account/handoff/pair", "h=" + link.id() + "&code=123456").statusCode()).isEqualTo(404);
        assertThat(laptop.postForm("/account/handoff/pair", "h=" + link.id() + "&code=123456").statusCode())
                .as("nothing to pair yet").isEqualTo(409);

        // Ten minutes later the sign-in is no longer a fresh step-up.
        Database.execute("update idn_session set authenticated_at = authenticated_at - interval '10' minute"
                + " where account_id = " + ACCOUNT_OF, email, email);
        HttpResponse<String> stale = laptop.postForm("/account/handoff", "");
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location").orElseThrow()).contains("/account/step-up");
        assertThat(laptop.get("/account/handoff").headers().firstValue("Location").orElseThrow()).contains("/account/step-up");
        assertThat(laptop.postFormWithoutCsrfToken("/account/handoff", "").statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from ndg_handoff where account_id = " + ACCOUNT_OF, email)).isOne();
    }

    // ------------------------------------------------------------------ helpers

    static Link issue(Browser laptop) {
        assertThat(laptop.get("/account/handoff").statusCode()).isEqualTo(200);
        HttpResponse<String> made = laptop.postForm("/account/handoff", "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(made.body()).contains("<svg class=\"qr\"").contains("<path fill=\"#000\" d=\"M");
        Matcher token = LINK.matcher(made.body());
        Matcher id = HANDOFF_ID.matcher(made.body());
        assertThat(token.find()).as(made.body()).isTrue();
        assertThat(id.find()).isTrue();
        return new Link(token.group(1), id.group(1));
    }

    private static HttpResponse<String> signInWith(Authenticator key) {
        Browser browser = new Browser();
        return Journeys.signIn(browser, key.get(Journeys.signInOptions(browser, "modal")));
    }

    static String token(Link link) {
        return "{\"token\":\"" + link.token() + "\"}";
    }

    private static String finishBody(Link link, String credentialJson) {
        return "{\"token\":\"" + link.token() + "\"," + Journeys.finishBody(credentialJson).substring(1);
    }

    static String finish(Browser phone, Link link, String credentialJson) {
        HttpResponse<String> finished = phone.postJson("/api/handoff/finish", finishBody(link, credentialJson));
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        return Authenticator.parse(finished.body()).get("code").stringValue();
    }

    private static JsonNode status(Browser phone, Link link) {
        HttpResponse<String> r = phone.postJson("/api/handoff/status", token(link));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Authenticator.JSON.readTree(r.body());
    }

    private static String status(Browser browser, Link link, int expected) {
        HttpResponse<String> r = browser.postJson("/api/handoff/status", token(link));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        assertThat(r.body()).doesNotContain("@example.com");
        return r.body();
    }

    /** The link's five minutes are over, as far as the database clock is concerned. */
    static void age(Link link) {
        Database.execute("update ndg_handoff set expires_at = current_timestamp - interval '1' minute,"
                + " created_at = created_at - interval '6' minute where id = cast(? as uuid)", link.id());
    }

    private static long count(String sql, String email) {
        return Database.count(sql, email, email);
    }

    private static List<String> audit(Link link) {
        return Database.strings("select type from ndg_handoff_event where handoff_id = cast(? as uuid) order by id", link.id());
    }
}
