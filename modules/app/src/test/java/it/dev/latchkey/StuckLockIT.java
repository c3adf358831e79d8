package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * One row lock that nobody releases (a stuck transaction elsewhere, an operator's open psql session)
 * must not hang the requests that need that row: the database gives up after its lock timeout, and
 * the user gets a 503 with Retry-After and a readable answer instead of a request that never ends,
 * a 500 or a 403. Once the lock is gone, the same browser carries on signed in.
 */
class StuckLockIT {

    @Test
    void aRequestBehindAStuckRowLockGetsA503WithRetryAfterAndTheSessionSurvives() throws Exception {
        Browser browser = new Browser();
        String email = Journeys.uniqueEmail("stuck-lock");
        Journeys.signUp(browser, new Authenticator(), email);
        assertThat(browser.signedIn()).isTrue();

        // The next request refreshes the session's last-seen time: an update of the locked row.
        // (Until the address is confirmed by its code, it is the account's pending address.)
        Database.execute("update idn_session set last_seen_at = current_timestamp - interval '5' minute"
                + " where account_id = (select id from idn_account where pending_email = ?)", email);
        try (AutoCloseable lock = Database.holdLocks("select id from idn_session where account_id ="
                + " (select id from idn_account where pending_email = ?) for update", email)) {
            HttpResponse<String> page = browser.get("/account/security");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("[1-9][0-9]*"));
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(page.body()).contains("try again").doesNotContain("Exception").doesNotContain("SQL");

            long challenges = Database.tableSize("cred_challenge");
            HttpResponse<String> api = browser.postJson("/api/signin/options", "{\"mediation\":\"modal\"}");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
            assertThat(api.body()).contains("\"status\":503").contains("DATABASE_UNAVAILABLE").doesNotContain("Exception");
            assertThat(Database.tableSize("cred_challenge")).as("a refused request does nothing, not even anonymously")
                    .isEqualTo(challenges);
        }

        assertThat(browser.signedIn()).as("the session outlives the lock").isTrue();
        assertThat(browser.get("/account/security").body()).contains(email);
    }
}
