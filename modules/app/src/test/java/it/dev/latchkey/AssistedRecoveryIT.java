package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Assisted recovery over HTTP (the test server asks for two approvals; modules/app/pom.xml lists the
 * agents): an agent starts a recovery for a member who lost their passkey, another approves it, the
 * member's new phone creates a passkey through the link and signs in with it. The link is single use,
 * bound to one browser, refused on a shared device and once expired; every step is audited; the
 * roles hold; bad input is a 4xx that writes nothing; the per-agent hourly cap holds under parallel
 * starts.
 */
class AssistedRecoveryIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    static final String CAP_AGENT = "cap-agent@staff.example";
    private static final Pattern LINK = Pattern.compile("id=\"recovery-link\"[^>]*>([^<]+)<");

    static StaffAccounts staff;
    static Browser capAgent;
    static Authenticator capAgentsPasskey;

    @BeforeAll
    static void staffSignUp() throws Exception {
        staff = StaffAccounts.signedUp(SMTP);
        capAgent = new Browser();
        capAgentsPasskey = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, capAgent, capAgentsPasskey, CAP_AGENT);
        StaffAccounts.stepUp(capAgent, capAgentsPasskey);
    }

    /** The staff pages want a step-up within 5 minutes: a fresh one for every test. */
    @BeforeEach
    void freshStepUps() {
        StaffAccounts.stepUp(staff.agent, staff.agentsPasskey);
        StaffAccounts.stepUp(staff.admin, staff.adminsPasskey);
        StaffAccounts.stepUp(staff.operator, staff.operatorsPasskey);
        StaffAccounts.stepUp(capAgent, capAgentsPasskey);
    }

    record Member(String email, String id, Browser browser, Authenticator oldPasskey) {
    }

    static Member member(String prefix) throws InterruptedException {
        String email = Journeys.uniqueEmail(prefix);
        Browser browser = new Browser();
        Authenticator passkey = new Authenticator();
        Mailbox.signUpConfirmed(SMTP, browser, passkey, email);
        return new Member(email, Database.string("select cast(id as varchar(36)) from idn_account where email = ?", email),
                browser, passkey);
    }

    static HttpResponse<String> start(Browser agent, String accountId, String reason, String document, boolean checked) {
        return agent.postForm("/operator/recovery/start", "account=" + accountId + "&reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8) + "&document=" + document
                + (checked ? "&idChecked=yes" : ""));
    }

    static String latestRecovery(String accountId) {
        return Database.string("select cast(id as varchar(36)) from ins_assisted_recovery where account_id = cast(? as uuid)"
                + " order by created_at desc limit 1", accountId);
    }

    /** The link text from the page that issued it (the only answer that carries it). */
    static String token(HttpResponse<String> issued) {
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        Matcher m = LINK.matcher(issued.body());
        assertThat(m.find()).as("the page shows the link").isTrue();
        return m.group(1).substring(m.group(1).lastIndexOf('/') + 1);
    }

    static String tokenBody(String token) {
        return "{\"token\":\"" + token + "\"}";
    }

    static String finishBody(String token, String credentialJson) {
        return "{\"token\":\"" + token + "\"," + Journeys.finishBody(credentialJson).substring(1);
    }

    static List<String> audit(String accountId) {
        return Database.strings("select action from ins_staff_action where subject = ? order by occurred_at", accountId);
    }

    @Test
    void twoAgentsRecoverAnAccountAndTheNewPhoneGetsOnePasskeyButNoSession() throws Exception {
        Member m = member("recovered");
        HttpResponse<String> started = start(staff.agent, m.id(), "Lost phone, no recovery codes", "PASSPORT", true);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).contains("Waiting for a second agent").doesNotContain("recovery-link");
        String recovery = latestRecovery(m.id());

        String notice = GreenMailUtil.getBody(Mailbox.await(SMTP, m.email(), "A recovery of your account was started"));
        assertThat(notice).contains("A branch agent started a recovery").contains("UTC").contains("If this wasn't you");

        // Four eyes: the agent who started it cannot approve it; nothing changes.
        HttpResponse<String> own = staff.agent.postForm("/operator/recovery/approve", "id=" + recovery);
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(own.body()).contains("another agent must approve it");
        assertThat(Database.string("select state from ins_assisted_recovery where id = cast(? as uuid)", recovery))
                .isEqualTo("AWAITING_APPROVAL");

        // Another agent (here an admin, whose role includes it) approves: the answer shows the link once.
        String token = token(staff.admin.postForm("/operator/recovery/approve", "id=" + recovery));
        assertThat(Database.count("select count(*) from ins_assisted_recovery where id = cast(? as uuid)"
                + " and token_hash is not null", recovery)).isEqualTo(1);
        assertThat(staff.agent.get("/operator/recovery?id=" + recovery).body()).contains("link issued")
                .doesNotContain(token);

        Browser phone = new Browser().withUserAgent(DevicesAndSessionsIT.IPHONE_SAFARI);
        HttpResponse<String> page = phone.get("/recover/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Create a passkey on this phone").doesNotContain(m.email());
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        HttpResponse<String> options = phone.postJson("/api/recover/options", tokenBody(token));
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        assertThat(options.body()).doesNotContain(m.email()).contains("Latchkey account");
        // The link is now this browser's: another one is refused.
        assertThat(new Browser().postJson("/api/recover/options", tokenBody(token)).statusCode()).isEqualTo(409);

        Authenticator newPhone = new Authenticator();
        HttpResponse<String> finished = phone.postJson("/api/recover/finish", finishBody(token,
                newPhone.create(options.body())));
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        assertThat(phone.signedIn()).as("the link grants no session").isFalse();
        assertThat(Database.count("select count(*) from cred_passkey where account_id = cast(? as uuid)", m.id()))
                .isEqualTo(2);
        // Named after the phone's browser (the phone never signed in: no device record to name it by).
        assertThat(Database.count("select count(*) from cred_passkey where account_id = cast(? as uuid)"
                + " and created_on_label = 'Safari on iPhone'", m.id())).isEqualTo(1);

        // Single use: a replay is refused, and writes no passkey.
        HttpResponse<String> replay = phone.get("/recover/" + token);
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(replay.body()).contains("already used");
        assertThat(phone.postJson("/api/recover/options", tokenBody(token)).statusCode()).isEqualTo(410);
        assertThat(new Browser().postJson("/api/recover/finish", finishBody(token, new Authenticator()
                .create(options.body()))).statusCode()).isBetween(400, 499);
        assertThat(Database.count("select count(*) from cred_passkey where account_id = cast(? as uuid)", m.id()))
                .isEqualTo(2);

        // The new passkey signs in like any other.
        Browser later = new Browser();
        HttpResponse<String> signedIn = Journeys.signIn(later, newPhone.get(Journeys.signInOptions(later, "modal")));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(later.signedIn()).isTrue();

        // Everything audited, with who did what, and shown on the account's page and in the audit.
        assertThat(audit(m.id())).contains("RECOVERY_STARTED", "RECOVERY_REFUSED", "RECOVERY_APPROVED",
                "RECOVERY_LINK_ISSUED", "RECOVERY_LINK_OPENED", "RECOVERY_PASSKEY_CREATED");
        assertThat(Database.string("select actor_email from ins_staff_action where subject = ? and action = 'RECOVERY_STARTED'",
                m.id())).isEqualTo(StaffAccounts.AGENT);
        assertThat(Database.string("select actor_email from ins_staff_action where subject = ? and action = 'RECOVERY_APPROVED'",
                m.id())).isEqualTo(StaffAccounts.ADMIN);
        // Stored as words (the console says them in the reader's language): the agent's reason, the document's code.
        assertThat(Database.string("select detail_words from ins_staff_action where subject = ? and action = 'RECOVERY_STARTED'",
                m.id())).contains("op.audit.started").contains("Lost phone, no recovery codes").contains("op.document.PASSPORT");
        String account = StaffConsoleIT.ok(staff.agent, "/operator/accounts/view?id=" + m.id());
        assertThat(account).contains("RECOVERY_STARTED", "RECOVERY_PASSKEY_CREATED");
        // The security events name the agent who started the recovery as the one who added the new passkey.
        String security = account.substring(account.indexOf("<section aria-labelledby=\"security-heading\">"));
        String added = security.substring(security.indexOf("<tr data-event=\"PASSKEY_ADDED\">"));
        assertThat(added.substring(0, added.indexOf("</tr>"))).contains("Passkey added", "assisted recovery",
                "Staff: " + StaffAccounts.AGENT);
        assertThat(StaffConsoleIT.ok(staff.admin, "/operator/audit")).contains("RECOVERY_PASSKEY_CREATED")
                .contains("Lost phone, no recovery codes");
    }

    /** Each refusal the person can see, on the page and from the script's endpoints, in German when the phone asks for it. */
    @Test
    void thePersonsRefusalsAreInTheirLanguage() throws Exception {
        String[] german = {"Accept-Language", "de-DE,de;q=0.9"};
        Member m = member("recovered-german");
        assertThat(start(staff.agent, m.id(), "Handy verloren", "PASSPORT", true).statusCode()).isEqualTo(200);
        String token = token(capAgent.postForm("/operator/recovery/approve", "id=" + latestRecovery(m.id())));

        // An unknown link, on the page and from the script (malformed: not counted against this address's allowance).
        HttpResponse<String> unknown = new Browser().get("/recover/not-a-token", german);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<html lang=\"de\"").contains("Diesen Link kennen wir nicht.")
                .doesNotContain("We do not know this link");
        assertThat(new Browser().postJson("/api/recover/options", tokenBody("x"), german).body())
                .contains("Diesen Link kennen wir nicht.");

        // A shared device.
        Browser counter = new Browser();
        HttpCookie shared = new HttpCookie("latchkey_shared", "1");
        shared.setPath("/");
        shared.setVersion(0);
        counter.cookies.getCookieStore().add(URI.create(Browser.BASE_URL), shared);
        HttpResponse<String> sharedPage = counter.get("/recover/" + token, german);
        assertThat(sharedPage.statusCode()).isEqualTo(403);
        assertThat(sharedPage.body()).contains("Dieses Gerät wird gemeinsam genutzt").doesNotContain("This device is shared");
        assertThat(counter.postJson("/api/recover/options", tokenBody(token), german).body())
                .contains("Öffnen Sie diesen Link auf Ihrem eigenen Smartphone.");

        // Claimed by the phone: a second device is told so; finishing before asking for options is refused.
        Browser phone = new Browser();
        assertThat(phone.postJson("/api/recover/options", tokenBody(token), german).statusCode()).isEqualTo(200);
        HttpResponse<String> second = new Browser().postJson("/api/recover/options", tokenBody(token), german);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("Dieser Link wird bereits auf einem anderen Gerät verwendet.");

        // Expired.
        Database.execute("update ins_assisted_recovery set expires_at = current_timestamp - interval '1' minute"
                + " where account_id = cast(? as uuid)", m.id());
        HttpResponse<String> expired = phone.get("/recover/" + token, german);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Dieser Link ist abgelaufen: Er gilt").contains("Minuten lang.")
                .doesNotContain("This link has expired");

        // Used: a link already spent.
        Database.execute("update ins_assisted_recovery set state = 'COMPLETED' where account_id = cast(? as uuid)", m.id());
        HttpResponse<String> used = phone.postJson("/api/recover/options", tokenBody(token), german);
        assertThat(used.statusCode()).isEqualTo(410);
        assertThat(used.body()).contains("Dieser Link wurde bereits verwendet: Er funktioniert nur einmal.");
        // English readers still get English.
        assertThat(phone.get("/recover/" + token).body()).contains("This link was already used: it works once.");
    }

    @Test
    void aSharedDeviceAnExpiredLinkAndUnknownLinksAreRefusedWithA4xxPage() throws Exception {
        Member m = member("recovered-shared");
        assertThat(start(staff.agent, m.id(), "Phone stolen", "NATIONAL_ID_CARD", true).statusCode()).isEqualTo(200);
        String recovery = latestRecovery(m.id());
        String token = token(capAgent.postForm("/operator/recovery/approve", "id=" + recovery));

        // The counter's computer (marked shared) never gets the person's passkey.
        Browser counter = new Browser();
        HttpCookie shared = new HttpCookie("latchkey_shared", "1");
        shared.setPath("/");
        shared.setVersion(0);
        counter.cookies.getCookieStore().add(URI.create(Browser.BASE_URL), shared);
        HttpResponse<String> refused = counter.get("/recover/" + token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Open this link on your own phone").doesNotContain("recover-create");
        assertThat(counter.postJson("/api/recover/options", tokenBody(token)).statusCode()).isEqualTo(403);
        assertThat(Database.string("select state from ins_assisted_recovery where id = cast(? as uuid)", recovery))
                .as("a refusal claims nothing").isEqualTo("LINK_ISSUED");

        // Its time over: refused.
        Database.execute("update ins_assisted_recovery set expires_at = current_timestamp - interval '1' minute"
                + " where id = cast(? as uuid)", recovery);
        HttpResponse<String> expired = new Browser().get("/recover/" + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
        assertThat(Database.count("select count(*) from ins_staff_action where subject = ? and action = 'RECOVERY_REFUSED'"
                + " and detail_words like '%op.audit.refused.shared%'", m.id())).isPositive();

        assertThat(new Browser().get("/recover/ABCDEFGHJKMNPQRSTVWXYZ0123").statusCode()).isEqualTo(404);
        assertThat(new Browser().get("/recover/not-a-token").statusCode()).isEqualTo(404);
        assertThat(new Browser().postJson("/api/recover/options", tokenBody("x")).statusCode()).isEqualTo(404);
        assertThat(new Browser().get("/api/recover/options").statusCode()).isEqualTo(405);
    }

    @Test
    void badInputGetsA4xxWithAClearMessageAndWritesNothing() throws Exception {
        Member m = member("recovered-bad-input");
        long before = Database.tableSize("ins_assisted_recovery");
        HttpResponse<String> noReason = start(staff.agent, m.id(), "  ", "PASSPORT", true);
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Enter why the person needs a recovery");
        HttpResponse<String> unchecked = start(staff.agent, m.id(), "Lost phone", "PASSPORT", false);
        assertThat(unchecked.statusCode()).isEqualTo(422);
        // The page says it from its messages, escaped as Thymeleaf escapes every th:text (' becomes &#39;).
        assertThat(unchecked.body()).contains("checked the person&#39;s ID in person").contains("Lost phone");
        assertThat(start(staff.agent, m.id(), "Lost phone", "LIBRARY_CARD", true).statusCode()).isEqualTo(422);
        assertThat(start(staff.agent, "not-an-id", "Lost phone", "PASSPORT", true).statusCode()).isEqualTo(422);
        assertThat(start(staff.agent, "00000000-0000-0000-0000-000000000000", "Lost phone", "PASSPORT", true)
                .statusCode()).isEqualTo(404);
        assertThat(start(staff.agent, m.id(), "x".repeat(501), "PASSPORT", true).statusCode()).isEqualTo(422);
        assertThat(staff.agent.postForm("/operator/recovery/approve", "id=nonsense").statusCode()).isEqualTo(404);
        assertThat(Database.tableSize("ins_assisted_recovery")).isEqualTo(before);
        assertThat(Database.count("select count(*) from idn_mail_outbox where recipient = ? and subject like '%recovery%'",
                m.email())).as("no notice queued").isZero();
    }

    @Test
    void onlyAgentsAndAdminsMayRecoverAndNobodyRecoversAStaffAccountOrTheirOwnAtTheCounter() throws Exception {
        Member m = member("recovered-roles");
        for (Browser refused : new Browser[] {staff.member, staff.operator}) {
            HttpResponse<String> page = refused.get("/operator/recovery");
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).contains("admin or branch agent");
            assertThat(start(refused, m.id(), "Lost phone", "PASSPORT", true).statusCode()).isEqualTo(403);
        }
        assertThat(new Browser().get("/operator/recovery").statusCode()).isBetween(302, 401);
        assertThat(Database.count("select count(*) from ins_assisted_recovery where account_id = cast(? as uuid)", m.id()))
                .isZero();
        // The agent sees the recovery pages, not the admin's.
        assertThat(StaffConsoleIT.ok(staff.agent, "/operator")).contains("href=\"/operator/recovery\"")
                .doesNotContain("/operator/audit");
        assertThat(staff.agent.get("/operator/audit").statusCode()).isEqualTo(403);
        assertThat(StaffConsoleIT.ok(staff.admin, "/operator/recovery")).contains("Assisted recoveries");
        assertThat(StaffConsoleIT.ok(staff.operator, "/operator")).doesNotContain("/operator/recovery");
        // An agent's account page has the start form; an operator's has not.
        assertThat(StaffConsoleIT.ok(staff.agent, "/operator/accounts/view?id=" + m.id())).contains("recovery-form");
        assertThat(StaffConsoleIT.ok(staff.operator, "/operator/accounts/view?id=" + m.id())).doesNotContain("recovery-form");

        String adminsId = Database.string("select cast(id as varchar(36)) from idn_account where email = ?", StaffAccounts.ADMIN);
        HttpResponse<String> staffAccount = start(staff.agent, adminsId, "Lost phone", "PASSPORT", true);
        assertThat(staffAccount.statusCode()).isEqualTo(403);
        assertThat(staffAccount.body()).contains("only an admin may start its recovery");
        String agentsId = Database.string("select cast(id as varchar(36)) from idn_account where email = ?", StaffAccounts.AGENT);
        assertThat(start(staff.agent, agentsId, "Lost phone", "PASSPORT", true).statusCode()).isEqualTo(403);
        assertThat(Database.count("select count(*) from ins_assisted_recovery where account_id in (cast(? as uuid),"
                + " cast(? as uuid))", adminsId, agentsId)).isZero();
    }

    @Test
    void anAgentsHourlyCapHoldsUnderParallelStarts() throws Exception {
        Member m = member("recovered-cap");
        int cap = 10;
        int tries = cap + 4;
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            String reason = "Parallel start " + i;
            calls.add(() -> start(capAgent, m.id(), reason, "DRIVING_LICENCE", true));
        }
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(answers.stream().filter(r -> r.statusCode() == 200).count()).isEqualTo(cap);
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).hasSize(tries - cap);
        assertThat(refused.get(0).headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.get(0).body()).contains("the most one agent may");
        assertThat(Database.count("select count(*) from ins_assisted_recovery r join idn_account a on a.id = r.agent_id"
                + " where a.email = ?", CAP_AGENT)).isEqualTo(cap);
        assertThat(Database.count("select count(*) from ins_staff_action where actor_email = ? and action = 'RECOVERY_REFUSED'"
                + " and detail_words like 'op.audit.refused.tooMany%'", CAP_AGENT)).isEqualTo(tries - cap);
        // Another agent is not held back by this one's cap.
        assertThat(start(staff.agent, m.id(), "Lost phone", "PASSPORT", true).statusCode()).isEqualTo(200);
    }
}
