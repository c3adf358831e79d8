package it.dev.latchkey;

/**
 * The second test server ({@code latchkey-it-alt}, see modules/app/pom.xml): both fallbacks off,
 * sign-up by invitation with {@link #OPERATOR} as the operator, loopback as a trusted proxy and
 * 198.51.100.0/24 as a shared network. On H2 it has its own database file; with
 * DB_KIND=postgres it shares the first server's database, like two instances behind one load balancer.
 */
final class AltServer {

    static final String BASE_URL = System.getProperty("latchkey.it.alt.base-url", "http://localhost:9382");
    static final String OPERATOR = "operator@alt.example";
    static final String SHARED_NETWORK_ADDRESS = "198.51.100.7";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final String H2_PATH = System.getProperty("latchkey.it.alt.h2.path");

    private AltServer() {
    }

    /**
     * A made-up client address for a test behind this server's trusted proxy, one per test run: 203.0.113.100
     * to .249 (a documentation range). Tests that name a fixed address take it below .100 (a flood
     * from 203.0.113.9, say) or from .250 up (TrustedProxyIT), so a drawn one never meets theirs.
     */
    static String clientAddress() {
        return "203.0.113." + (100 + RANDOM.nextInt(150));
    }

    private static volatile boolean ready;

    /**
     * A browser for this server, once its application answers: the plugin's start returns when
     * the server is up, and on a loaded machine the application has been seen to follow more than
     * half a minute later (the first server has had the other tests' time to get there).
     */
    static Browser browser() {
        if (!ready) {
            awaitReady();
        }
        return new Browser(BASE_URL);
    }

    private static synchronized void awaitReady() {
        // Up to 6 minutes: on a machine shared by several builds (load 40) the application was seen taking 4.
        long deadline = System.nanoTime() + 360_000_000_000L;
        while (!ready && System.nanoTime() < deadline) {
            try {
                ready = new Browser(BASE_URL).get("/health/ready").statusCode() == 200;
            } catch (IllegalStateException e) {
                // not listening yet
            }
            if (!ready) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!ready) {
            throw new IllegalStateException("the second test server did not become ready at " + BASE_URL);
        }
    }

    static Authenticator authenticator() {
        return new Authenticator(BASE_URL);
    }

    static long count(String sql, Object... params) {
        return Database.countOn(H2_PATH, sql, params);
    }

    static String rowsAsText(String sql, Object... params) {
        return Database.rowsAsTextOn(H2_PATH, sql, params);
    }

    static int execute(String sql, Object... params) {
        return Database.executeOn(H2_PATH, sql, params);
    }
}
