package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile and broken ceremonies: each gets a 4xx with a readable message, stores nothing and
 * signs nobody in. Never a 500.
 */
class CeremonyAttackIT {

    private Browser victim;
    private Authenticator authenticator;
    private String email;

    @BeforeEach
    void registeredUserSignedOut() {
        victim = new Browser();
        authenticator = new Authenticator();
        email = Journeys.uniqueEmail("target");
        Journeys.signUp(victim, authenticator, email);
        HttpResponse<String> signOut = victim.postForm("/signout", "");
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(302);
        assertThat(victim.signedIn()).isFalse();
    }

    @Test
    void aReplayedAssertionIsRefused() {
        String assertion = authenticator.get(Journeys.signInOptions(victim, "modal"));
        assertThat(Journeys.signIn(victim, assertion).statusCode()).isEqualTo(200);
        victim.postForm("/signout", "");

        Snapshot before = Snapshot.take(email);
        HttpResponse<String> replay = Journeys.signIn(victim, assertion);
        assertRejected(replay, 400, "UNKNOWN_CHALLENGE", before, victim);
    }

    /**
     * The challenge is spent inside the sign-in's own transaction: the same assertion finished six
     * times at once signs in once, and every other finish is refused with the challenge spent (the
     * second delete waits for the first transaction and then finds no row). With DB_KIND=postgres
     * half of them go to the second server on the same database, as two instances behind one load
     * balancer; it has another origin, so there it can only spend the challenge, never sign in.
     */
    @Test
    void oneAssertionFinishedInParallelSignsInAtMostOnceAcrossInstances() throws Exception {
        boolean twoServers = "postgres".equals(System.getenv("DB_KIND"));
        String assertion = authenticator.get(Journeys.signInOptions(victim, "modal"));
        Browser other = victim;
        if (twoServers) {
            other = AltServer.browser();
            for (java.net.HttpCookie cookie : victim.cookies.getCookieStore().getCookies()) {
                other.cookies.getCookieStore().add(java.net.URI.create(AltServer.BASE_URL), cookie);
            }
        }
        String account = "(select id from idn_account where pending_email = ? or email = ?)";
        long sessionsBefore = Database.count("select count(*) from idn_session where account_id = " + account, email, email);
        long signInsBefore = Database.count("select count(*) from idn_sign_in_event where succeeded and account_id = "
                + account, email, email);
        List<java.util.concurrent.Callable<HttpResponse<String>>> finishes = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Browser server = i % 2 == 0 ? victim : other;
            finishes.add(() -> Journeys.signIn(server, assertion));
        }
        List<HttpResponse<String>> answers = CapsAndFairnessIT.all(finishes);

        assertThat(answers).as("never a server error").extracting(HttpResponse::statusCode).isSubsetOf(200, 400);
        long accepted = answers.stream().filter(r -> r.statusCode() == 200).count();
        if (twoServers) {
            assertThat(accepted).as("sign-ins accepted").isLessThanOrEqualTo(1);
        } else {
            assertThat(accepted).as("sign-ins accepted").isEqualTo(1);
        }
        assertThat(answers.stream().filter(r -> r.statusCode() == 400))
                .allSatisfy(r -> assertThat(r.body()).containsAnyOf("\"reason\":\"UNKNOWN_CHALLENGE\"",
                        "\"reason\":\"VERIFICATION_FAILED\""));
        assertThat(answers.stream().filter(r -> r.body().contains("VERIFICATION_FAILED")).count())
                .as("refused for the other origin: only on the other server, at most the one that won the challenge")
                .isLessThanOrEqualTo(twoServers ? 1 : 0);
        assertThat(Database.count("select count(*) from idn_session where account_id = " + account, email, email))
                .as("sessions").isEqualTo(sessionsBefore + accepted);
        assertThat(Database.count("select count(*) from idn_sign_in_event where succeeded and account_id = " + account,
                email, email)).as("successful sign-ins logged").isEqualTo(signInsBefore + accepted);
        // Spent: the same assertion once more is refused.
        assertThat(Journeys.signIn(victim, assertion).body()).contains("\"reason\":\"UNKNOWN_CHALLENGE\"");
    }

    @Test
    void anAssertionMadeForAnotherOriginIsRefused() {
        String options = Journeys.signInOptions(victim, "modal");
        String phished = authenticator.at("https://latchkey.evil.example").get(options);
        Snapshot before = Snapshot.take(email);
        assertRejected(Journeys.signIn(victim, phished), 400, "VERIFICATION_FAILED", before, victim);
    }

    @Test
    void aRegistrationForAnotherRpIdCreatesNoAccount() {
        Browser browser = new Browser();
        String newEmail = Journeys.uniqueEmail("wrong-rp");
        String options = Journeys.signUpOptions(browser, newEmail, "Wrong RP");
        String response = new Authenticator().create(options, "evil.example");
        Snapshot before = Snapshot.take(newEmail);
        assertRejected(browser.postJson("/api/signup/finish", Journeys.finishBody(response)), 400, "VERIFICATION_FAILED", before, browser);
        assertThat(Database.count("select count(*) from idn_account where pending_email = ?", newEmail)).isZero();
    }

    @Test
    void aTamperedSignatureIsRefused() {
        ObjectNode assertion = Authenticator.parse(authenticator.get(Journeys.signInOptions(victim, "modal")));
        ObjectNode response = (ObjectNode) assertion.get("response");
        byte[] signature = Authenticator.unb64(response.get("signature").stringValue());
        signature[signature.length - 3] ^= 0x5a;
        response.put("signature", Authenticator.b64(signature));
        Snapshot before = Snapshot.take(email);
        assertRejected(Journeys.signIn(victim, assertion.toString()), 400, "VERIFICATION_FAILED", before, victim);
    }

    @Test
    void aChallengeIssuedToAnotherBrowserCannotBeUsed() {
        Browser attacker = new Browser();
        String victimsOptions = Journeys.signInOptions(victim, "modal");
        String assertion = authenticator.get(victimsOptions);
        Snapshot before = Snapshot.take(email);
        assertRejected(Journeys.signIn(attacker, assertion), 400, "WRONG_CEREMONY", before, attacker);
        // The challenge is spent too (single use, even on failure): the victim must start again.
        assertRejected(Journeys.signIn(victim, assertion), 400, "UNKNOWN_CHALLENGE", before, victim);
    }

    @Test
    void aSignUpChallengeCannotFinishASignIn() {
        Browser browser = new Browser();
        String signUpOptions = Journeys.signUpOptions(browser, Journeys.uniqueEmail("purpose"), "Purpose");
        ObjectNode assertion = Authenticator.parse(authenticator.get(Journeys.signInOptions(browser, "modal")));
        // Re-sign nothing: swap in a clientDataJSON carrying the sign-up challenge.
        String challenge = Authenticator.parse(signUpOptions).get("challenge").stringValue();
        ObjectNode response = (ObjectNode) assertion.get("response");
        ObjectNode clientData = Authenticator.parse(new String(Authenticator.unb64(response.get("clientDataJSON").stringValue())));
        clientData.put("challenge", challenge);
        response.put("clientDataJSON", Authenticator.b64(clientData.toString().getBytes()));
        Snapshot before = Snapshot.take(email);
        assertRejected(Journeys.signIn(browser, assertion.toString()), 400, "WRONG_CEREMONY", before, browser);
    }

    @Test
    void anIdThatDiffersFromRawIdIsRefused() {
        ObjectNode assertion = Authenticator.parse(authenticator.get(Journeys.signInOptions(victim, "modal")));
        assertion.put("id", Authenticator.b64(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        Snapshot before = Snapshot.take(email);
        assertRejected(Journeys.signIn(victim, assertion.toString()), 400, "MALFORMED", before, victim);
    }

    @Test
    void malformedAndTruncatedPayloadsAreBadRequestsNeverServerErrors() {
        String valid = authenticator.get(Journeys.signInOptions(victim, "modal"));
        List<Function<String, String>> breakers = List.of(
                v -> "",
                v -> "not json",
                v -> "[]",
                v -> "{}",
                v -> "null",
                v -> v.substring(0, v.length() / 2),
                v -> v.substring(0, v.length() - 1),
                v -> v.replace("\"public-key\"", "\"password\""),
                v -> v.replaceFirst("\"clientDataJSON\":\"[^\"]*\"", "\"clientDataJSON\":\"%%%not-base64%%%\""),
                v -> v.replaceFirst("\"clientDataJSON\":\"[^\"]*\"", "\"clientDataJSON\":\"e30\""),
                v -> v.replaceFirst("\"authenticatorData\":\"[^\"]*\"", "\"authenticatorData\":\"AAAA\""),
                v -> v.replaceFirst("\"signature\":\"[^\"]*\"", "\"signature\":12"),
                v -> v.replaceFirst("\"response\":\\{", "\"response\":{\"clientDataJSON\":null,"),
                v -> "{\"id\":\"" + "A".repeat(70_000) + "\"}");
        for (Function<String, String> breaker : breakers) {
            String payload = breaker.apply(valid);
            Snapshot before = Snapshot.take(email);
            HttpResponse<String> signIn = Journeys.signIn(victim, payload);
            assertThat(signIn.statusCode()).as("sign-in with %s", abbreviate(payload)).isBetween(400, 499);
            assertThat(signIn.body()).doesNotContain("Exception").doesNotContain("at dev.latchkey");
            before.assertUnchanged(email);
            HttpResponse<String> signUp = new Browser().postJson("/api/signup/finish", Journeys.finishBody(payload));
            assertThat(signUp.statusCode()).as("sign-up with %s", abbreviate(payload)).isBetween(400, 499);
            before.assertUnchanged(email);
        }
        assertThat(victim.signedIn()).isFalse();
        // The untouched original still works once: the broken attempts consumed only their own tries.
    }

    @Test
    void requestsWithoutTheCsrfTokenOrFromAForeignOriginAreForbidden() {
        Browser browser = new Browser();
        browser.get("/signin");
        HttpResponse<String> foreign = new Browser().withOrigin("https://evil.example")
                .postJson("/api/signin/options", "{}");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("FORBIDDEN_ORIGIN");
    }

    private static void assertRejected(HttpResponse<String> response, int status, String reason, Snapshot before,
                                       Browser browser) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"reason\":\"" + reason + "\"").contains("\"error\":\"");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("latchkey_session="));
        before.assertUnchanged(before.email);
        assertThat(browser.signedIn()).isFalse();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** What a rejected request must leave as it was. */
    record Snapshot(String email, long accounts, long passkeys, long sessions, long signCounts, long lastUses) {
        static Snapshot take(String email) {
            return new Snapshot(email,
                    Database.tableSize("idn_account"),
                    Database.tableSize("cred_passkey"),
                    Database.tableSize("idn_session"),
                    Database.count("select coalesce(sum(sign_count), 0) from cred_passkey"),
                    Database.count("select count(last_used_at) from cred_passkey"));
        }

        void assertUnchanged(String ignored) {
            Snapshot now = take(email);
            // Other test classes do not run concurrently (failsafe runs classes one after another).
            assertThat(now).as("database after a rejected request").isEqualTo(this);
        }
    }
}
