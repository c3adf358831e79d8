package it.dev.latchkey;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The second integration-test server, {@code latchkey-it-policy} (modules/app/pom.xml): a strict
 * registration policy as an intranet would set it. Direct attestation chaining to webauthn4j-test's
 * 3-tier root CA ({@code src/test/resources/attestation/}), user verification required,
 * cross-platform authenticators only, no synced passkeys, an AAGUID allow list of
 * {@link #APPROVED_KEY} and {@link #RECALLED_KEY}, a deny list of {@link #RECALLED_KEY}, and at most
 * {@link #PASSKEY_CAP} passkeys per account.
 *
 * <p>Self-contained on purpose (its own small HTTP client rather than a change to {@link Browser},
 * whose base URL is the default server's): other branches change Browser at the same time.
 */
final class PolicyServer {

    static final String BASE_URL = System.getProperty("latchkey.it.policy.base-url", "http://localhost:9383");
    static final UUID APPROVED_KEY = UUID.fromString("ee882879-721c-4913-9775-3dfcce97072a");
    static final UUID RECALLED_KEY = UUID.fromString("2fc0579f-8113-47ea-b116-bb5a8db9202a");
    static final UUID UNLISTED_KEY = UUID.fromString("cb69481e-8ff7-4039-93ec-0a2729a154a8");
    static final int PASSKEY_CAP = 3;

    private PolicyServer() {
    }

    /** One browser profile against the policy server: cookies, the CSRF token, an Origin header. */
    static final class Client {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET().header("Accept", "text/html"));
        }

        HttpResponse<String> postJson(String path, String json) {
            if (csrf().isEmpty()) {
                get("/signin");
            }
            return send(HttpRequest.newBuilder(URI.create(BASE_URL + path))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Origin", BASE_URL).header("X-CSRF-Token", csrf()));
        }

        private String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("latchkey_csrf"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("request to the policy server failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A count in the policy server's database: its own H2 file, or the same PostgreSQL database as
     * the default server when DB_KIND=postgres (as {@code .ci/run} sets it).
     */
    static long count(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database check failed: " + e.getMessage(), e);
        }
    }

    /** The first column of every row. */
    static List<Object> values(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("database query failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect() throws SQLException {
        if ("postgres".equals(System.getenv("DB_KIND"))) {
            String url = "jdbc:postgresql://" + env("PG_HOST", "localhost") + ":" + env("PG_PORT", "5432") + "/"
                    + env("PG_DB", "latchkey");
            return DriverManager.getConnection(url, env("PG_USER", "latchkey"), env("PG_PASSWORD", ""));
        }
        String path = System.getProperty("latchkey.it.policy.h2.path");
        return DriverManager.getConnection("jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE", "sa", "");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
