package it.dev.latchkey;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test plumbing: one more Latchkey instance on the PostgreSQL database the build's servers share, as a
 * second node behind the same load balancer. It is a copy of the packaged-WAR server the build
 * created (latchkey-it-alt: same runtime, WAR and server.xml) with its own bootstrap properties, run in
 * the foreground ({@code server run}) as a child of the test JVM so that a test can kill it outright.
 *
 * <p>Ports: the three after the build's policy server, i.e. {@code it.http.port} + 3, + 4 and + 5
 * (9384-9386 by default).
 */
final class LibertyInstance implements AutoCloseable {

    static final File WLP = new File(System.getProperty("latchkey.it.wlp", "target/liberty/wlp"));

    /** Whether this run uses PostgreSQL: the multi-instance and database-fault tests need it. */
    static boolean postgres() {
        return "postgres".equals(System.getenv("DB_KIND"));
    }

    static final String SKIP_MESSAGE = "needs PostgreSQL (DB_KIND=postgres and PG_*, as in .ci/run): several "
            + "instances share one database, and the embedded H2 file belongs to one server";

    /** The n-th extra port (0, 1, 2) after the build's three servers. */
    static int extraPort(int n) {
        return URI.create(Browser.BASE_URL).getPort() + 3 + n;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private final String name;
    private final int httpPort;
    private final Path dir;
    private Process process;

    /**
     * @param pgPort the PostgreSQL port this instance connects to (a {@link TcpForwarder} to cut it off)
     * @param origin the public origin passkeys are bound to: the one of the build's main server, as
     *               every node behind one load balancer has the same
     */
    LibertyInstance(String name, int httpPort, int pgPort, String origin) {
        this.name = name;
        this.httpPort = httpPort;
        Path servers = WLP.toPath().resolve("usr/servers");
        Path template = servers.resolve("latchkey-it-alt");
        this.dir = servers.resolve(name);
        try {
            deleteTree(dir);
            try (Stream<Path> files = Files.walk(template)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path relative = template.relativize(from);
                    String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                    if (first.equals("workarea") || first.equals("logs") || relative.toString().startsWith("apps/expanded")
                            || relative.toString().equals("bootstrap.properties")) {
                        continue;
                    }
                    Path to = dir.resolve(relative.toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Map<String, String> settings = new java.util.LinkedHashMap<>();
            settings.put("com.ibm.ws.logging.console.format", "simple");
            settings.put("http.port", Integer.toString(httpPort));
            settings.put("db.kind", "postgres");
            settings.put("pg.host", env("PG_HOST", "localhost"));
            settings.put("pg.port", Integer.toString(pgPort));
            settings.put("pg.db", env("PG_DB", "latchkey"));
            settings.put("pg.user", env("PG_USER", "latchkey"));
            settings.put("pg.password", env("PG_PASSWORD", ""));
            settings.put("latchkey.rp.origins", origin);
            settings.put("latchkey.smtp.host", "localhost");
            settings.put("latchkey.smtp.port", System.getProperty("latchkey.it.smtp.port", "3925"));
            StringBuilder text = new StringBuilder();
            settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(dir.resolve("bootstrap.properties"), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create server " + name, e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Starts the server (clean) without waiting for it. */
    LibertyInstance start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new File(WLP, "bin/server").getPath(), "run", name, "--clean")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        // The bootstrap properties above say which database; nothing inherited may override them.
        Map<String, String> environment = builder.environment();
        for (String key : new String[] {"DB_KIND", "PG_HOST", "PG_PORT", "PG_DB", "PG_USER", "PG_PASSWORD", "HTTP_PORT"}) {
            environment.remove(key);
        }
        process = builder.start();
        return this;
    }

    /**
     * Waits until the application answers (any status but 404: the health endpoints answer before the
     * application has started, and Liberty says 404 for it until then), within the timeout.
     */
    void awaitApplication(Duration timeout) throws InterruptedException {
        awaitStatus("/signin", null, timeout);
    }

    /** Waits until {@code path} answers {@code status}; fails after the timeout. */
    void awaitStatus(String path, Integer status, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError("server " + name + " exited; see " + dir.resolve("console.log"));
            }
            try {
                last = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == null ? last != 404 : last == status) {
                    return;
                }
            } catch (IOException notYetListening) {
                // connection refused while the server starts
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server " + name + ": " + path + " did not answer " + (status == null ? "but 404" : status)
                + " within " + timeout + " (last status " + last + "); see " + dir.resolve("console.log"));
    }

    /** Kills the server's JVM outright (SIGKILL), as a crash or an OOM killer would: no shutdown hooks run. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        java.util.List<ProcessHandle> jvms = process.toHandle().descendants().toList();
        jvms.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
