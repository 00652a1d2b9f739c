package org.worldwire.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.worldwire.app.Config;
import org.worldwire.app.Demo;
import org.worldwire.app.Deployment;
import org.worldwire.app.Role;
import org.worldwire.app.Worldwire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the server: poll sources, ingest articles, serve the site, the API and the live stream.",
        footer = {"", "Memory: ./worldwire also takes --max-memory SIZE (or WORLDWIRE_MAX_MEMORY),",
                "the JVM's resident budget, 300m by default; the heap gets SIZE less 200 MB."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--port", defaultValue = "8080", description = "port of the site and API; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "interface to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--base-url", description = "the URL readers reach the site at (default: http://localhost:PORT)")
    String baseUrl;

    // Named --seed so that picocli derives --no-seed as its negation: declared as "--no-seed" with a default of true,
    // the flag set the default again and seeded the bundled sources anyway.
    @Option(names = "--seed", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "seed an empty database with the bundled world-news sources; --no-seed starts empty (default: on; off with --demo)")
    boolean seed;

    @Option(names = "--demo", description = "run the publisher simulator in-process on loopback and watch it: a live site without internet")
    boolean demo;

    @Option(names = "--allow-private-networks", description = "fetch feeds and pages on loopback and private addresses, "
            + "for sources on this machine or your own network (default: off, or on with " + Config.ALLOW_PRIVATE_NETWORKS_ENV
            + "=1); link-local and cloud metadata addresses stay refused")
    boolean allowPrivateNetworks;

    @Option(names = "--demo-publishers", defaultValue = "40", description = "simulated publishers with --demo (default: ${DEFAULT-VALUE})")
    int demoPublishers;

    /** The deployment flags given, by key: picocli and the quick parse both put them here. */
    final java.util.Map<Deployment.Key, String> deployment = new java.util.EnumMap<>(Deployment.Key.class);

    @Option(names = "--store", paramLabel = "sqlite|postgres://USER:PASS@HOST:PORT/DB",
            description = "where sources and articles live: sqlite under --data, or a PostgreSQL database shared by"
                    + " processes (or WORLDWIRE_STORE, or store= in --config; default: sqlite)")
    void store(String v) {
        deployment.put(Deployment.Key.STORE, v);
    }

    @Option(names = "--kafka", paramLabel = "local|HOST:PORT[,HOST:PORT…]",
            description = "work queue and events: in this process, or the Kafka cluster at these bootstrap servers"
                    + " (or WORLDWIRE_KAFKA, or kafka= in --config; default: local)")
    void kafka(String v) {
        deployment.put(Deployment.Key.KAFKA, v);
    }

    @Option(names = "--search", paramLabel = "lucene|opensearch://HOST:PORT",
            description = "search index: lucene under --data, or an OpenSearch cluster (or WORLDWIRE_SEARCH, or"
                    + " search= in --config; default: lucene)")
    void search(String v) {
        deployment.put(Deployment.Key.SEARCH, v);
    }

    @Option(names = "--role", paramLabel = "all|poller|worker|web",
            description = "what this process does; all but 'all' need a postgres store and Kafka (or WORLDWIRE_ROLE,"
                    + " or role= in --config; default: all)")
    void role(String v) {
        deployment.put(Deployment.Key.ROLE, v);
    }

    @Option(names = "--kafka-prefix", paramLabel = "PREFIX",
            description = "prepended to the Kafka topics and consumer group, so installations can share a cluster (or"
                    + " WORLDWIRE_KAFKA_PREFIX, or kafka-prefix= in --config; default: worldwire.)")
    void kafkaPrefix(String v) {
        deployment.put(Deployment.Key.KAFKA_PREFIX, v);
    }

    @Option(names = "--poller-lease", paramLabel = "SECONDS",
            description = "how long the poller's lease lasts unrenewed: how soon a standby poller takes over from one"
                    + " that died (or WORLDWIRE_POLLER_LEASE, or poller-lease= in --config; default: 15)")
    void pollerLease(String v) {
        deployment.put(Deployment.Key.POLLER_LEASE, v);
    }

    @Option(names = "--config", paramLabel = "FILE",
            description = "Java properties file with store=, kafka=, search=, role=, kafka-prefix=, poller-lease=; flags"
                    + " and WORLDWIRE_* variables win over it")
    java.nio.file.Path configFile;

    /**
     * The options of serve as {@link #parseQuickly} knows them, by name: whether each takes a value. A test checks that
     * they are exactly the ones picocli's model of this command holds.
     */
    static final java.util.Map<String, Boolean> QUICK_OPTIONS = quickOptions();

    private static java.util.Map<String, Boolean> quickOptions() {
        java.util.Map<String, Boolean> o = new java.util.HashMap<>(java.util.Map.of("--data", true, "--port", true,
                "--host", true, "--base-url", true, "--seed", false, "--no-seed", false, "--demo", false,
                "--allow-private-networks", false, "--demo-publishers", true, "--config", true));
        for (Deployment.Key k : Deployment.Key.values()) o.put(k.flag(), true);
        return java.util.Map.copyOf(o);
    }

    /**
     * Serve's options read without picocli, or null when they hold anything but each of {@link #QUICK_OPTIONS} at most
     * once with a plain value ({@code --help}, an unknown option, a number that is not one, a repeat): picocli then
     * reads them and says what is wrong. Picocli builds its model of a command by reflection, from classes too old for
     * the JVM's AOT cache to hold (Java 5 class files): 0.3 s of each server start, before anything else could begin.
     * The defaults are those of the annotations above, which a test checks against picocli's parse.
     */
    static @org.jspecify.annotations.Nullable ServeCommand parseQuickly(java.util.List<String> args) {
        ServeCommand c = new ServeCommand();
        c.data = new DataDirOption();
        c.data.dataDir = java.nio.file.Path.of("data");
        c.port = 8080;
        c.host = "0.0.0.0";
        c.seed = true;
        c.demoPublishers = 40;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i), value = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Boolean takesValue = QUICK_OPTIONS.get(name);
            if (takesValue == null) return null;
            if (!seen.add(name.equals("--no-seed") ? "--seed" : name)) return null;
            if (!takesValue) {
                if (value != null) return null;
            } else if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("-")) return null;
                value = args.get(++i);
            }
            switch (name) {
                case "--data" -> c.data.dataDir = pathOrNull(value);
                case "--port" -> c.port = plainInt(value);
                case "--host" -> c.host = value;
                case "--base-url" -> c.baseUrl = value;
                case "--seed" -> c.seed = true;
                case "--no-seed" -> c.seed = false;
                case "--demo" -> c.demo = true;
                case "--allow-private-networks" -> c.allowPrivateNetworks = true;
                case "--demo-publishers" -> c.demoPublishers = plainInt(value);
                case "--config" -> c.configFile = pathOrNull(value);
                default -> c.deployment.put(deploymentKey(name), value);
            }
            if (c.port == Integer.MIN_VALUE || c.demoPublishers == Integer.MIN_VALUE || c.data.dataDir == null
                    || (name.equals("--config") && c.configFile == null)) {
                return null;
            }
        }
        return c;
    }

    private static java.nio.file.@org.jspecify.annotations.Nullable Path pathOrNull(String s) {
        try {
            return java.nio.file.Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** A decimal int as picocli reads one, or Integer.MIN_VALUE for anything else (picocli then says what is wrong). */
    private static int plainInt(String s) {
        if (!s.matches("-?[0-9]{1,9}")) return Integer.MIN_VALUE;
        return Integer.parseInt(s);
    }

    private static Deployment.Key deploymentKey(String flag) {
        for (Deployment.Key k : Deployment.Key.values()) if (k.flag().equals(flag)) return k;
        throw new IllegalStateException("not a deployment flag: " + flag); // QUICK_OPTIONS holds no other
    }

    /** The deployment flags given on the command line, by property name: flag > environment > config file > default. */
    java.util.Map<String, String> deploymentFlags() {
        java.util.Map<String, String> flags = new java.util.HashMap<>();
        deployment.forEach((k, v) -> flags.put(k.property(), v));
        return flags;
    }

    @Override
    public Integer call() throws Exception {
        org.worldwire.web.WebApp.preload(); // on the other core while the engines open
        Deployment deployment = Deployment.resolve(deploymentFlags(), System.getenv(), configFile);
        if (demo && deployment.role() != Role.ALL) {
            throw new IllegalArgumentException("--demo runs the whole system in one process: it takes role all, not "
                    + deployment.role().key());
        }
        Config config = Config.defaults().withDataDir(data.dataDir).withHost(host).withPort(port)
                .withSeedSources(seed && !demo).withDeployment(deployment);
        if (allowPrivateNetworks || Config.allowPrivateNetworks(System.getenv())) config = config.allowingPrivateNetworks();
        if (baseUrl != null) config = config.withWeb(config.web().withBaseUrl(baseUrl));
        else if (port != 0) config = config.withWeb(config.web().withBaseUrl("http://localhost:" + port));
        if (demo) config = Demo.configure(config);
        Worldwire app = Worldwire.start(config);
        // The simulated world starts after the server is up: readers and health checks need not wait for it.
        Demo demoWorld = null;
        if (demo) {
            try {
                demoWorld = Demo.start(demoPublishers);
                demoWorld.subscribe(app);
            } catch (RuntimeException e) {
                if (demoWorld != null) demoWorld.close();
                app.close();
                throw e;
            }
        }
        Demo world = demoWorld;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            if (world != null) {
                // The simulated publishers hold no data of ours: give them a moment to close their sockets, no more.
                Thread closing = Thread.ofVirtual().start(world::close);
                try {
                    closing.join(java.time.Duration.ofMillis(100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stopped.countDown();
        }, "shutdown"));
        System.out.println("worldwire " + (deployment.role() == Role.ALL ? "serving" : deployment.role().key() + " answering")
                + " http://localhost:" + app.port() + "/" + (deployment.role().serves() ? "" : "health")
                + " (" + (deployment.equals(Deployment.EMBEDDED) ? "data in " + data.dataDir : deployment.describe()) + ")");
        stopped.await();
        return 0;
    }
}
