package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
        Browser browser = AltServer.browser();
        HttpResponse<String> open = browser.get("/metrics?scope=application", "Accept", "text/plain");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!open.body().contains("latchkey_mail_queue_pending") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            open = browser.get("/metrics?scope=application", "Accept", "text/plain");
        }
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("latchkey_mail_queue_pending", "latchkey_mail_queue_dead");
    }
}
