package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node whose database goes away: it starts while PostgreSQL is unreachable, and later loses it
 * while serving. Meanwhile every request that needs the database gets a 503 with Retry-After (a
 * readable page, or problem JSON under /api), never a 500 or a 403; readiness says DOWN, liveness
 * stays UP because nothing needs restarting; and once the database is back the node serves again,
 * without a restart. The database is cut off by a TCP forwarder between this node and PostgreSQL.
 */
class DatabaseOutageIT {

    private static TcpForwarder link;
    private static LibertyInstance node;

    @BeforeAll
    static void startNodeWhileTheDatabaseIsUnreachable() throws Exception {
        if (!LibertyInstance.postgres()) {
            System.err.println("DatabaseOutageIT skipped: " + LibertyInstance.SKIP_MESSAGE);
            return;
        }
        link = new TcpForwarder(LibertyInstance.extraPort(1), LibertyInstance.env("PG_HOST", "localhost"),
                Integer.parseInt(LibertyInstance.env("PG_PORT", "5432")));
        node = new LibertyInstance("latchkey-it-outage", LibertyInstance.extraPort(0), LibertyInstance.extraPort(1),
                Browser.BASE_URL).start();
        node.awaitApplication(Duration.ofSeconds(600));
    }

    @BeforeEach
    void onlyOnPostgres() {
        assumeTrue(LibertyInstance.postgres(), "DatabaseOutageIT skipped: " + LibertyInstance.SKIP_MESSAGE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (link != null) {
            link.close();
        }
    }

    @Test
    void aNodeStartedWithoutItsDatabaseAnswers503UntilTheDatabaseReturnsThenServesWithoutARestart() throws Exception {
        Browser user = new Browser();
        String email = Journeys.uniqueEmail("outage");
        Journeys.signUp(user, new Authenticator(), email);
        Browser viaNode = user.viaNode(node.baseUrl());

        assertUnavailable(viaNode);

        link.restore();
        node.awaitStatus("/health/ready", 200, Duration.ofSeconds(300));
        assertThat(new Browser(node.baseUrl()).get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> page = viaNode.get("/account/security");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains(email);

        // The database goes away again while the node serves (its pooled connections break).
        link.cut();
        assertUnavailable(viaNode);

        link.restore();
        node.awaitStatus("/health/ready", 200, Duration.ofSeconds(300));
        assertThat(viaNode.get("/account/security").body()).contains(email);
        assertThat(Journeys.signInOptions(new Browser(node.baseUrl()).withOrigin(Browser.BASE_URL), "modal"))
                .contains("challenge");
    }

    private static void assertUnavailable(Browser viaNode) {
        HttpResponse<String> ready = new Browser(node.baseUrl()).get("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        HttpResponse<String> live = new Browser(node.baseUrl()).get("/health/live");
        assertThat(live.statusCode()).as("nothing to restart: the node recovers by itself. " + live.body()).isEqualTo(200);

        HttpResponse<String> page = viaNode.get("/account/security");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("[1-9][0-9]*"));
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("try again").doesNotContain("Exception");

        HttpResponse<String> api = viaNode.postJson("/api/signin/options", "{\"mediation\":\"modal\"}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body()).contains("\"status\":503").contains("DATABASE_UNAVAILABLE");

        // A German reader gets the 503 in German: its words come from the message bundle, which needs no database.
        HttpResponse<String> german = viaNode.get("/account/security", "Accept-Language", "de");
        assertThat(german.statusCode()).as(german.body()).isEqualTo(503);
        assertThat(german.body()).contains("<html lang=\"de\"", "Latchkey ist kurz nicht erreichbar",
                "Wir erreichen unsere Datenbank gerade nicht.").doesNotContain("briefly unavailable");
        HttpResponse<String> germanApi = viaNode.postJson("/api/signin/options", "{\"mediation\":\"modal\"}",
                "Accept-Language", "de");
        assertThat(germanApi.statusCode()).isEqualTo(503);
        assertThat(germanApi.body()).contains("Latchkey erreicht seine Datenbank gerade nicht.");

        HttpResponse<String> anonymous = new Browser(node.baseUrl()).withOrigin(Browser.BASE_URL)
                .postJson("/api/signin/options", "{\"mediation\":\"modal\"}");
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(503);
    }
}
