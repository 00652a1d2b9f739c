package org.worldwire.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the harnesses that start real engines (Kafka, OpenSearch) share: a free loopback port, a log's tail, cleanup. */
public final class EngineFiles {
    private static final Logger log = LoggerFactory.getLogger(EngineFiles.class);

    private EngineFiles() {}

    /** A loopback port nobody listens on right now. */
    public static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The last 40 lines of an engine's log, for the message of a start that failed. */
    public static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Deletes an engine's temporary directory; what cannot be deleted is logged, not thrown. */
    public static void deleteTree(Path root, String engine) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("{} directory not deleted dir={} reason={}", engine, root, e.toString());
        }
    }
}
