package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Device 2's handoff routes need no session, so anyone can call them: one client address trying
 * link after unknown link is stopped with a 429 (and a Retry-After) and stops growing the audit
 * log, while a real link still opens from another address. On the second server, which trusts
 * loopback as a proxy, so X-Forwarded-For picks the client address (as a load balancer would).
 */
class HandoffUnknownLinkLimitIT {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The client-address allowance of identity's abuse limits: 5 free failures plus 45 for shared networks. */
    private static final int FREE_UNKNOWN_LINKS = 50;

    @Test
    void oneAddressGuessingLinksIsStoppedAndNoLongerGrowsTheAuditLog() {
        String guesser = AltServer.clientAddress();
        Browser flood = AltServer.browser().withHeader("X-Forwarded-For", guesser);
        long before = unknownLinkRows();
        int firstRefused = -1;
        int refused = 0;
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> r = i % 2 == 0 ? flood.get("/handoff/" + randomToken())
                    : flood.postJson("/api/handoff/options", "{\"token\":\"" + randomToken() + "\"}");
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.headers().firstValue("Retry-After")).as("429 says when to come back")
                        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
                if (firstRefused < 0) {
                    firstRefused = i;
                }
                if (i % 2 == 0) {
                    assertThat(r.body()).as("a readable page").contains("<h1").contains("Wait")
                            .doesNotContain("Exception");
                } else {
                    assertThat(r.body()).contains("TOO_MANY_UNKNOWN_LINKS");
                }
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
            }
        }
        assertThat(firstRefused).as("the first refusal comes right after the free allowance")
                .isBetween(FREE_UNKNOWN_LINKS, FREE_UNKNOWN_LINKS + 3);
        assertThat(refused).isGreaterThanOrEqualTo(60);
        assertThat(unknownLinkRows() - before).as("audit rows for 120 unknown links from one address")
                .isLessThanOrEqualTo(FREE_UNKNOWN_LINKS + 5);
        assertThat(AltServer.count("select count(*) from ndg_handoff_event where type = 'REFUSED_CLIENT_LIMIT'"
                + " and occurred_at > current_timestamp - interval '10' minute")).isPositive();

        // A real link still opens from another address. (Whether the guesser's own next request is
        // still refused depends on how long its growing wait has run by then: not asserted.)
        String token = randomToken();
        AltServer.execute("insert into ndg_handoff (id, account_id, session_id, token_hash, state, code_attempts,"
                        + " created_at, expires_at) values (?, ?, ?, ?, 'OPEN', 0, current_timestamp,"
                        + " current_timestamp + interval '5' minute)",
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), sha256(token));
        HttpResponse<String> other = AltServer.browser().withHeader("X-Forwarded-For", "198.51.200.9")
                .get("/handoff/" + token);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(other.body()).contains("Create a passkey on this device");
    }

    @Test
    void malformedLinksAreRefusedWithoutWritingAnything() {
        String client = "192.0.2." + (1 + RANDOM.nextInt(250));
        Browser browser = AltServer.browser().withHeader("X-Forwarded-For", client);
        long before = unknownLinkRows();
        for (String bad : new String[] {"not-a-token", "0123456789ABCDEFGHJ", "0123456789ABCDEFGHJKL",
                "0123456789ABCDEFGHJI", "%3Cscript%3E", ""}) {
            HttpResponse<String> page = browser.get("/handoff/" + bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(404);
            assertThat(page.body()).contains("We do not know this link");
            assertThat(browser.postJson("/api/handoff/options", "{\"token\":\"" + bad + "\"}").statusCode())
                    .isEqualTo(404);
        }
        assertThat(unknownLinkRows()).as("no audit row for a token that cannot be one").isEqualTo(before);
        assertThat(AltServer.count("select count(*) from idn_throttle where throttle_key like ?", "%:client:" + client))
                .as("nor a throttle row").isZero();
    }

    private static long unknownLinkRows() {
        return AltServer.count("select count(*) from ndg_handoff_event where handoff_id is null");
    }

    private static String randomToken() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
