package org.worldwire.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * This process's CPU time by part of the server, from its threads' names: the JIT compilers and the collector
 * are threads of the JVM that no Java API reports, and in a benchmark of a minute they took half of the server's
 * CPU, which a split by pipeline stage alone never showed. Read from Linux's {@code /proc/self/task}; elsewhere
 * the split is empty.
 */
final class ThreadCpu {
    /** The parts, in the order printed. */
    static final List<String> PARTS = List.of("page stages", "commit", "index upkeep", "fetch and poll", "JIT", "GC",
            "other");

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux reports thread times in clock ticks of 1/100 s on every architecture the JDK runs on. */
    private static final double SECONDS_PER_TICK = 0.01;

    private ThreadCpu() {}

    /**
     * The part a thread's work belongs to. Page stages (extraction, language, places) and the commit (store, index,
     * story) run on the pipeline's named platform threads; fetching, polling and feed parsing on virtual threads,
     * which run on the carrier pool's threads and the HTTP client's.
     */
    static String part(String threadName) {
        if (threadName.startsWith("ingest-cpu")) return "page stages";
        if (threadName.startsWith("ingest-commit")) return "commit";
        // Linux keeps the first 15 characters of a name: "lucene-maintenance" reads "lucene-maintena".
        if (threadName.startsWith("lucene-mainten") || threadName.startsWith("Lucene Merge")) return "index upkeep";
        if (threadName.startsWith("ForkJoinPool") || threadName.startsWith("HttpClient") || threadName.equals("poller")
                || threadName.startsWith("fetch-")) {
            return "fetch and poll";
        }
        if (threadName.contains("CompilerThre")) return "JIT";
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) return "GC";
        return "other";
    }

    /** One thread's part and CPU ticks so far. */
    record Sample(String part, long ticks) {}

    /** The threads alive now, by thread id; empty where {@code /proc} is not there. */
    static Map<String, Sample> snapshot() {
        Map<String, Sample> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    out.put(task.getFileName().toString(), new Sample(part(name), ticks(Files.readString(task.resolve("stat")))));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read: it counts as ended
                }
            });
        } catch (IOException | UnsupportedOperationException e) {
            out.clear();
        }
        return out;
    }

    /** User plus system time of one {@code stat} line: fields 14 and 15, counted after the name in parentheses. */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * CPU seconds each part used between two snapshots, by {@link #PARTS}; a thread that ended meanwhile (a Lucene
     * merge thread, mostly) is missing from the second, so what the process used beyond the parts' sum is given as
     * "ended threads".
     */
    static Map<String, Double> between(Map<String, Sample> before, Map<String, Sample> after, double processSeconds) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String p : PARTS) out.put(p, 0.0);
        double sum = 0;
        for (var e : after.entrySet()) {
            Sample was = before.get(e.getKey());
            double s = (e.getValue().ticks() - (was == null ? 0 : was.ticks())) * SECONDS_PER_TICK;
            out.merge(e.getValue().part(), s, Double::sum);
            sum += s;
        }
        out.put("ended threads", Math.max(0, processSeconds - sum));
        return out;
    }
}
