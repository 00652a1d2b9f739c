package org.worldwire.opensearchnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * One OpenSearch node for tests and benchmarks, without a distribution: the server's jars on the class path (the
 * build copies them to {@code target/opensearch-node}, see pom.xml) and its two modules the project needs passed as
 * class-path plugins, as OpenSearch's own test framework does. Single node, loopback only, no security plugin.
 *
 * <pre>
 * java -Xms256m -Xmx384m -cp 'target/opensearch-node/classes:target/opensearch-node/lib/*' \
 *     org.worldwire.opensearchnode.OpenSearchNodeMain HOME HTTP_PORT TRANSPORT_PORT
 * </pre>
 *
 * HOME is created if missing and keeps the data (a second start on it finds the indexes again). Prints
 * {@code opensearch node started http=127.0.0.1:PORT ms=N} once it serves, and closes the node cleanly on SIGTERM.
 * It is no part of the application: nothing here is on the application's class path.
 */
public final class OpenSearchNodeMain {
    private OpenSearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: OpenSearchNodeMain HOME HTTP_PORT TRANSPORT_PORT");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Path home = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        int transportPort = Integer.parseInt(args[2]);
        Path config = home.resolve("config");
        Files.createDirectories(config);
        // Environment requires the file, empty is fine: every setting is given below.
        if (!Files.exists(config.resolve("opensearch.yml"))) Files.writeString(config.resolve("opensearch.yml"), "");
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("cluster.name", "worldwire")
                .put("node.name", "node-1")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                // A developer's disk may be fuller than the default watermarks like: no read-only indexes for that.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // Two shared cores: few threads.
                .put("node.processors", 2)
                .build();
        LogConfigurator.configureWithoutConfig(settings);
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> "node-1");
        Node node = new ClasspathNode(env, List.of(Netty4ModulePlugin.class, CommonAnalysisModulePlugin.class));
        node.start();
        System.out.println("opensearch node started http=127.0.0.1:" + httpPort + " ms=" + (System.nanoTime() - t0) / 1_000_000);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            closed.countDown();
        }, "opensearch-node-stop"));
        closed.await(); // the node's threads are daemons: keep the JVM alive until it is stopped
    }

    /** A node whose plugins come from the class path instead of a plugins directory. */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
            super(env, plugins.stream()
                    .map(p -> new PluginInfo(p.getName(), "class-path plugin", "NA", Version.CURRENT,
                            Runtime.version().feature() + "", p.getName(), null, List.of(), false))
                    .toList(), true);
        }
    }
}
