package it.dev.latchkey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Holds the integration tests back until every test server's application answers
 * {@code /health/ready} with 200. Liberty's start goal returns when the server is up; on a loaded
 * machine the application (and its migrations) has been seen to follow minutes later, and the first
 * tests then met 404s. Registered through {@code META-INF/services}; it does nothing outside a
 * failsafe run (surefire sets no {@code latchkey.it.base-url}).
 */
public final class ServersReady implements TestExecutionListener {

    /** As long as the slowest start seen on a machine shared by several builds (load 40), with room. */
    private static final Duration LIMIT = Duration.ofMinutes(8);

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        String main = System.getProperty("latchkey.it.base-url");
        if (main == null) {
            return;
        }
        List<String> servers = new ArrayList<>(List.of(main));
        String alt = System.getProperty("latchkey.it.alt.base-url");
        if (alt != null) {
            servers.add(alt);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        for (String server : servers) {
            awaitReady(http, server, deadline);
        }
    }

    private static void awaitReady(HttpClient http, String base, long deadline) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(10)).build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> answer = http.send(ready, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + answer.statusCode();
            } catch (java.io.IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // The tests then fail with their own messages; this says why they all do.
        System.err.println("ServersReady: " + base + " was not ready after " + LIMIT.toMinutes() + " minutes (" + last + ")");
    }
}
