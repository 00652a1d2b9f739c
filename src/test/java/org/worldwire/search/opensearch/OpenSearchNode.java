package org.worldwire.search.opensearch;

import org.worldwire.testing.EngineFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real OpenSearch node for the test run: {@code OpenSearchNodeMain} (src/opensearch-node) in its own JVM with a
 * small heap, on free loopback ports, in a temporary directory deleted after. Register it as a static
 * {@code @RegisterExtension} field; it starts before the first class that uses it (seconds, on two shared cores) and
 * is stopped when the whole run ends, so the OpenSearch test classes share one start; each uses its own index names.
 * Benchmarks start one with {@link #start(boolean)} and close it themselves.
 *
 * <p>Its jars are OpenSearch's own, copied by the build to {@code target/opensearch-node} (see pom.xml), so nothing
 * of the server is on the test class path. The node's output is {@code node.log} in its directory, and its tail is
 * shown when it fails to start.
 */
public final class OpenSearchNode implements BeforeAllCallback {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchNode.class);
    private static final Path NODE = Path.of("target", "opensearch-node");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenSearchNode.class);

    private @Nullable Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store closes what it holds (AutoCloseable) when the run ends.
        server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, k -> start(true), Server.class);
    }

    /** The node's HTTP address, {@code http://127.0.0.1:port}. */
    public String url() {
        if (server == null) throw new IllegalStateException("register OpenSearchNode with @RegisterExtension on a static field");
        return server.url();
    }

    /**
     * Starts a node and waits until it answers; {@link Server#close()} stops it and deletes its directory.
     *
     * @param quickStart compile with C1 only: the node answers in half the time (10 s instead of 20 s on two busy
     *     cores) and runs slower, which suits tests; a benchmark wants the full JIT
     */
    public static Server start(boolean quickStart) {
        Path classes = NODE.resolve("classes/org/worldwire/opensearchnode/OpenSearchNodeMain.class");
        if (!Files.isRegularFile(classes)) {
            throw new IllegalStateException("no OpenSearch node in " + NODE.toAbsolutePath()
                    + ": run the tests through Maven (process-test-classes builds it there)");
        }
        try {
            var s = new Server(Files.createTempDirectory("worldwire-opensearch-"), EngineFiles.freePort(), EngineFiles.freePort(), quickStart);
            s.launch();
            // Should the test JVM be stopped before the run ends, the node must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(s::kill, "opensearch-node-stop"));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting OpenSearch", e);
        }
    }

    /** The node process and its directory. */
    public static final class Server implements AutoCloseable {
        private final Path dir;
        private final int httpPort;
        private final int transportPort;
        private final boolean quickStart;
        private volatile @Nullable Process process;
        private long startMillis;

        private Server(Path dir, int httpPort, int transportPort, boolean quickStart) {
            this.dir = dir;
            this.httpPort = httpPort;
            this.transportPort = transportPort;
            this.quickStart = quickStart;
        }

        public String url() {
            return "http://127.0.0.1:" + httpPort;
        }

        /** How long the node took from launch to answering, in ms. */
        long startMillis() {
            return startMillis;
        }

        private void launch() throws IOException, InterruptedException {
            Path logFile = dir.resolve("node.log");
            long t0 = System.nanoTime();
            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(javaBin.toString(),
                    "-Xms384m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k",
                    "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED"));
            if (quickStart) command.add("-XX:TieredStopAtLevel=1");
            command.addAll(List.of("-cp", NODE.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator + NODE.resolve("lib").toAbsolutePath() + "/*",
                    "org.worldwire.opensearchnode.OpenSearchNodeMain",
                    dir.resolve("home").toString(), Integer.toString(httpPort), Integer.toString(transportPort)));
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=green&timeout=1s"))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = t0 + START_TIMEOUT.toNanos();
            while (true) {
                Process p = process;
                if (p == null || !p.isAlive()) {
                    throw new IllegalStateException("OpenSearch node exited with " + (p == null ? "?" : p.exitValue()) + ":\n" + EngineFiles.tail(logFile));
                }
                try {
                    HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"status\":\"green\"")) break;
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    kill();
                    throw new IllegalStateException("OpenSearch node not green within " + START_TIMEOUT + ":\n" + EngineFiles.tail(logFile));
                }
                Thread.sleep(100);
            }
            startMillis = (System.nanoTime() - t0) / 1_000_000;
            log.info("opensearch node started url={} ms={}", url(), startMillis);
        }

        void kill() {
            Process p = process;
            if (p == null) return;
            p.destroy(); // SIGTERM: the node closes its indexes
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }

        @Override
        public void close() {
            kill();
            EngineFiles.deleteTree(dir, "opensearch node");
        }
    }

}
