package org.worldwire.events.kafka;

import org.worldwire.testing.EngineFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka broker for the test run: a KRaft node that is broker and controller at once, in its own JVM with a
 * small heap, on free loopback ports, in a temporary directory deleted after. Register it as a static
 * {@code @RegisterExtension} field; it starts before the first class that uses it and is killed when the whole run
 * ends, so the Kafka test classes pay its start (seconds, on two shared cores) once between them. A test that
 * {@link #kill kills} it {@link #restart restarts} it before it returns.
 *
 * <p>Its jars are Kafka's own, with Kafka's own dependency versions, copied by the build to
 * {@code target/kafka-broker} (the antrun execution in pom.xml), so nothing of the broker is on the test classpath.
 * The storage is formatted first (the StorageTool), then {@code kafka.Kafka server.properties} runs; the broker's log
 * is {@code broker.log} in its directory and its tail is shown when it fails to start.
 */
public final class KafkaBroker implements BeforeAllCallback {
    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Path LIB = Path.of("target", "kafka-broker");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBroker.class);

    private @Nullable Node node;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store closes what it holds (AutoCloseable) when the run ends.
        node = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Node.class, k -> Node.start(), Node.class);
    }

    /**
     * A broker outside JUnit, for a benchmark's main: started now, stopped (and its directory deleted) by {@link #stop}
     * or, failing that, when the JVM exits.
     */
    public static KafkaBroker startStandalone() {
        KafkaBroker b = new KafkaBroker();
        b.node = Node.start();
        return b;
    }

    /** Stops a {@link #startStandalone standalone} broker and deletes its directory. */
    public void stop() {
        node().close();
    }

    /** {@code 127.0.0.1:port} of the broker's client listener; the same across restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + node().port;
    }

    /** A config for this broker with the given topic prefix, 12 partitions and a short connect timeout. */
    public KafkaConfig config(String topicPrefix) {
        return KafkaConfig.of(bootstrapServers()).withTopicPrefix(topicPrefix).withConnectTimeout(Duration.ofSeconds(20));
    }

    /** Stops the broker as a crash would (SIGKILL): what it acknowledged must survive in its log directory. */
    public void kill() throws InterruptedException {
        node().kill();
    }

    /**
     * Freezes the broker (SIGSTOP), as a broker stuck in a long pause would be: connections stay open and requests go
     * unanswered. {@link #resume} it before the test returns.
     */
    void pause() throws IOException, InterruptedException {
        node().signal("STOP");
    }

    /** Lets a {@link #pause paused} broker go on (SIGCONT). */
    void resume() throws IOException, InterruptedException {
        node().signal("CONT");
    }

    /** Starts the broker again on the same ports and data after {@link #kill}. */
    public void restart() throws IOException, InterruptedException {
        node().kill();
        node().launch();
    }

    private Node node() {
        if (node == null) throw new IllegalStateException("register KafkaBroker with @RegisterExtension on a static field");
        return node;
    }

    /** The broker process and its directory. */
    private static final class Node implements AutoCloseable {
        private final Path dir;
        private final int port;
        private final int controllerPort;
        private volatile @Nullable Process process;

        private Node(Path dir, int port, int controllerPort) {
            this.dir = dir;
            this.port = port;
            this.controllerPort = controllerPort;
        }

        static Node start() {
            if (!Files.isDirectory(LIB) || !hasKafkaJar()) {
                throw new IllegalStateException("no Kafka broker jars in " + LIB.toAbsolutePath()
                        + ": run the tests through Maven (process-test-classes copies them there)");
            }
            try {
                var node = new Node(Files.createTempDirectory("worldwire-kafka-"), EngineFiles.freePort(), EngineFiles.freePort());
                Files.writeString(node.dir.resolve("server.properties"), node.properties(), StandardCharsets.UTF_8);
                node.format();
                node.launch();
                // Should the test JVM be stopped before the run ends, the broker must not outlive it.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    Process p = node.process;
                    if (p != null) p.destroyForcibly();
                }, "kafka-broker-stop"));
                return node;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Kafka", e);
            }
        }

        @Override
        public void close() {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            EngineFiles.deleteTree(dir, "kafka broker");
        }

        void kill() throws InterruptedException {
            if (process == null) return;
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
            process = null;
        }

        void signal(String name) throws IOException, InterruptedException {
            Process p = process;
            if (p == null) throw new IllegalStateException("the Kafka broker is not running");
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
            if (kill.waitFor() != 0) throw new IllegalStateException("kill -" + name + " failed for the Kafka broker");
        }

        private String properties() {
            Path data = dir.resolve("data");
            return String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + data,
                    // One broker: every internal topic has one copy, and is small.
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    // Tests create their topics with the Admin client, as the adapters do.
                    "auto.create.topics.enable=false",
                    // A new group starts at once instead of waiting 3 s for more members.
                    "group.initial.rebalance.delay.ms=0",
                    // Two shared cores: few threads.
                    "num.network.threads=1",
                    "num.io.threads=2",
                    "background.threads=2",
                    "num.recovery.threads.per.data.dir=1",
                    "log.cleaner.threads=1",
                    "");
        }

        private void format() throws IOException, InterruptedException {
            String clusterId = base64Uuid();
            // "=" joined: a base64 id may begin with '-', which would read as an option
            Process p = java("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId,
                    "--config=" + dir.resolve("server.properties"))
                    .redirectOutput(dir.resolve("format.log").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Kafka storage format failed:\n" + EngineFiles.tail(dir.resolve("format.log")));
            }
        }

        private void launch() throws IOException, InterruptedException {
            Path logFile = dir.resolve("broker.log");
            Files.deleteIfExists(logFile);
            long t0 = System.nanoTime();
            process = java("kafka.Kafka", dir.resolve("server.properties").toString())
                    .redirectOutput(logFile.toFile()).start();
            long deadline = t0 + START_TIMEOUT.toNanos();
            long read = 0;
            String carry = "";
            while (true) {
                if (Files.exists(logFile) && Files.size(logFile) > read) { // only what was added since the last look
                    try (var ch = Files.newByteChannel(logFile)) {
                        var buf = java.nio.ByteBuffer.allocate((int) (ch.size() - read));
                        ch.position(read).read(buf);
                        read += buf.position();
                        String text = carry + new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
                        if (text.contains("Kafka Server started")) break;
                        carry = text.substring(Math.max(0, text.length() - 40));
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ":\n" + EngineFiles.tail(logFile));
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Kafka broker not started within " + START_TIMEOUT + ":\n" + EngineFiles.tail(logFile));
                }
                Thread.sleep(50);
            }
            log.info("kafka broker started servers=127.0.0.1:{} ms={}", port, (System.nanoTime() - t0) / 1_000_000);
        }

        private ProcessBuilder java(String mainClass, String... args) {
            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            var command = new java.util.ArrayList<>(List.of(javaBin.toString(),
                    "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                    "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-cp", LIB.toAbsolutePath() + "/*", mainClass));
            command.addAll(List.of(args));
            return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        }
    }

    private static boolean hasKafkaJar() {
        try (Stream<Path> files = Files.list(LIB)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The cluster id format of KRaft: a UUID as unpadded URL-safe base64 (what StorageTool random-uuid prints). */
    private static String base64Uuid() {
        UUID u = UUID.randomUUID();
        var buf = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

}
