package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Metrics at /metrics: closed by default (the first test server), open where the
 * deployment says so (the second server sets LATCHKEY_METRICS_AUTHENTICATION=false), with the
 * application's own metrics in it.
 */
class MetricsIT {

    @Test
    void metricsAskForCredentialsByDefault() {
        HttpResponse<String> closed = new Browser().get("/metrics");
        assertThat(closed.statusCode()).isIn(401, 403);
        assertThat(closed.body()).doesNotContain("latchkey_");
    }

    @Test
    void anOpenedEndpointShowsTheMailQueueGauges() throws Exception {
        AltServer.browser(); // waits until the second server is ready
        HttpResponse<String> open = scrape();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!open.body().contains("latchkey_mail_queue_pending") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            open = scrape();
        }
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("latchkey_mail_queue_pending", "latchkey_mail_queue_dead");
    }

    /** As a Prometheus scraper asks: plain text (the test browser's Accept: text/html gets a 406). */
    private static HttpResponse<String> scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(AltServer.BASE_URL + "/metrics?scope=application"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
