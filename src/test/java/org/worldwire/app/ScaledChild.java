package org.worldwire.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One process of a scaled-out installation, as {@code serve --role … --store … --kafka … --search …} starts it (the
 * same {@link Deployment#resolve} of the same flags), with what the tests and the benchmark need besides: the
 * simulated world's configuration (loopback allowed, polls every few hundred ms instead of the operator's default of a
 * minute or more), a Kafka topic prefix and the poller lease. Prints {@code READY port=N} once it answers; SIGTERM
 * closes it as the CLI's shutdown hook does.
 *
 * <p>Arguments: {@code DATA_DIR ROLE STORE KAFKA SEARCH KAFKA_PREFIX LEASE_MS}.
 */
public final class ScaledChild {
    private ScaledChild() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 7) {
            System.err.println("usage: ScaledChild DATA_DIR ROLE STORE KAFKA SEARCH KAFKA_PREFIX LEASE_MS");
            System.exit(2);
        }
        Map<String, String> flags = new HashMap<>();
        flags.put(Deployment.Key.ROLE.property(), args[1]);
        flags.put(Deployment.Key.STORE.property(), args[2]);
        flags.put(Deployment.Key.KAFKA.property(), args[3]);
        flags.put(Deployment.Key.SEARCH.property(), args[4]);
        Deployment deployment = Deployment.resolve(flags, Map.of(), null).withKafkaPrefix(args[5])
                .withPollerLease(Duration.ofMillis(Long.parseLong(args[6])));
        Worldwire app = Worldwire.start(ScaledOutTest.config(Path.of(args[0]), deployment));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println("READY port=" + app.port() + " role=" + args[1]);
        System.out.flush();
        stopped.await();
    }
}
