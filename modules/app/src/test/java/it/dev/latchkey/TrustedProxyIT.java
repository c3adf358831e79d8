package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The default server trusts no proxy: a client that sends X-Forwarded-For itself neither changes
 * the address its failures are counted against nor escapes a limit on its real address.
 */
class TrustedProxyIT {

    private static final String LOOPBACK_KEYS = "throttle_key in ('RECOVERY_CODE:client:127.0.0.1',"
            + " 'RECOVERY_CODE:client:0:0:0:0:0:0:0:1', 'RECOVERY_CODE:client:::1')";

    /**
     * Addresses no other test sends: the tests behind the alt server's trusted proxy draw theirs from
     * 203.0.113.100 to .249 ({@link AltServer#clientAddress()}; they used to draw from .1 to .250, and
     * one drew .66, which this test sent, so its row was counted here and CI failed).
     */
    private static final String MADE_UP = "203.0.113.254";
    private static final String ANOTHER_MADE_UP = "203.0.113.253";

    @Test
    void aSpoofedForwardedForIsIgnoredByTheAbuseLimits() {
        Browser spoofer = new Browser().withHeader("X-Forwarded-For", MADE_UP);
        spoofer.get("/signin");
        assertThat(guess(spoofer).statusCode()).isEqualTo(422);
        assertThat(Database.count("select count(*) from idn_throttle where throttle_key like '%" + MADE_UP + "'"))
                .as("nothing is counted against the address the client made up").isZero();
        assertThat(Database.count("select count(*) from idn_throttle where " + LOOPBACK_KEYS))
                .as("the failure counts against the real (loopback) address").isOne();

        // The real address reaches its limit (50 failures in a row: the next must wait a second).
        long before = Database.count("select max(failures) from idn_throttle where " + LOOPBACK_KEYS);
        Database.execute("update idn_throttle set failures = 50, last_failure_at = current_timestamp where "
                + LOOPBACK_KEYS);
        try {
            Browser other = new Browser().withHeader("X-Forwarded-For", ANOTHER_MADE_UP);
            other.get("/signin");
            HttpResponse<String> limited = guess(other);
            assertThat(limited.statusCode()).as("a new made-up address does not escape the limit").isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        } finally {
            Database.execute("update idn_throttle set failures = ? where " + LOOPBACK_KEYS, before);
        }
    }

    private static HttpResponse<String> guess(Browser browser) {
        return browser.postForm("/signin/recovery",
                "email=" + Journeys.uniqueEmail("spoof").replace("@", "%40") + "&code=AAAA-BBBB-CCCC");
    }
}
