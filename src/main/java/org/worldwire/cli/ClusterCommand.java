package org.worldwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.worldwire.cluster.StoryArticle;
import org.worldwire.cluster.StoryAssignment;
import org.worldwire.app.Worldwire;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.enrich.Geotagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Clusters a stream of articles into stories, in file order, as the server would as they arrive. The file is read
 * line by line, never whole. Stories that merge later in the stream are resolved in the output at the end, so each
 * line names the story the article ends up in.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Cluster articles (JSON lines {id,date,lang,title,text[,url]}, in arrival order) into stories; "
                + "writes {id,cluster[,copyOf]} lines (copyOf: the line number of the original, counting articles from 1). Time per 1,000 articles and the peak heap go to stderr.")
final class ClusterCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, paramLabel = "ARTICLES.jsonl")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "PRED.jsonl")
    Path out;

    @Option(names = "--no-geotag", description = "Do not tag countries (faster start; countries then weigh nothing).")
    boolean noGeotag;

    @Option(names = "--join", paramLabel = "SCORE", description = "Join threshold (default: the clusterer's).")
    Double join;

    @Option(names = "--merge", paramLabel = "SCORE", description = "Merge threshold (default: the clusterer's).")
    Double merge;

    @Option(names = "--weights", hidden = true, split = ",", paramLabel = "T,E,N,C",
            description = "Weights of words, names, numbers and countries (for experiments).")
    double[] weights;

    @Option(names = "--every", defaultValue = "1000", paramLabel = "N", description = "Report time per N articles.")
    int every;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(in)) throw new IllegalArgumentException("cannot read " + in);
        if (every < 1) throw new IllegalArgumentException("--every must be positive");
        // the memory caps the server would take from this heap
        StoryClusterer.Settings settings = Worldwire.storyMemory(Runtime.getRuntime().maxMemory());
        if (join != null || merge != null) {
            double j = join != null ? join : settings.joinThreshold();
            double m = merge != null ? merge : Math.max(j, settings.mergeThreshold());
            settings = settings.withJoinThreshold(j, m);
        }
        if (weights != null) {
            if (weights.length != 4) throw new IllegalArgumentException("--weights takes four numbers");
            settings = new StoryClusterer.Settings(settings.joinThreshold(), settings.mergeThreshold(), weights[0], weights[1],
                    weights[2], weights[3], settings.halfLife(), settings.coldAfter(), settings.maxAge(),
                    settings.maxLiveStories(), settings.copies());
        }
        StoryClusterer clusterer = new StoryClusterer(settings);
        Geotagger geotagger = noGeotag ? null : Geotagger.load();
        var cpu = ManagementFactory.getThreadMXBean();

        Map<String, Long> sources = new HashMap<>();
        Map<Long, Long> mergedInto = new HashMap<>();
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        int articles = 0, bad = 0, lineNo = 0, copies = 0;
        long clusterNanos = 0, geoNanos = 0, windowClusterNanos = 0, windowWallStart = System.nanoTime();
        long firstWindowMicros = -1, lastWindowMicros = -1;
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode a;
                Instant date;
                try {
                    a = Json.MAPPER.readTree(line);
                    if (!a.hasNonNull("id")) throw new IllegalArgumentException("no id");
                    date = Instant.parse(a.path("date").asText(""));
                } catch (DateTimeParseException e) {
                    bad++;
                    System.err.println("cluster: line " + lineNo + " has no ISO instant in 'date', skipped");
                    continue;
                } catch (Exception e) {
                    bad++;
                    System.err.println("cluster: line " + lineNo + " is not an article ("
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "), skipped");
                    continue;
                }
                long id = ++articles;
                String title = a.path("title").asText(""), text = a.path("text").asText("");
                String lang = a.hasNonNull("lang") ? a.get("lang").asText() : null;
                // an article without a URL is its own source; hosts are numbered apart from article ids
                long source = a.hasNonNull("url")
                        ? sources.computeIfAbsent(host(a.get("url").asText()), h -> (1L << 40) + sources.size())
                        : id;
                List<String> countries = List.of();
                if (geotagger != null) {
                    long g0 = cpu.getCurrentThreadCpuTime();
                    countries = geotagger.tag(title, text, null).countries();
                    geoNanos += cpu.getCurrentThreadCpuTime() - g0;
                }
                long t0 = cpu.getCurrentThreadCpuTime();
                StoryAssignment s = clusterer.add(new StoryArticle(id, source, date, lang, title, text, countries));
                long dt = cpu.getCurrentThreadCpuTime() - t0;
                clusterNanos += dt;
                windowClusterNanos += dt;
                if (s.isCopy()) copies++;
                for (long m : s.merged()) mergedInto.put(m, s.storyId());
                var o = new LinkedHashMap<String, Object>();
                o.put("id", a.get("id"));
                o.put("cluster", s.storyId());
                if (s.isCopy()) o.put("copyOf", s.copyOf());
                w.write(Json.MAPPER.writeValueAsString(o));
                w.newLine();
                if (articles % every == 0) {
                    long wall = System.nanoTime() - windowWallStart;
                    long micros = windowClusterNanos / 1000;
                    if (firstWindowMicros < 0) firstWindowMicros = micros;
                    lastWindowMicros = micros;
                    System.err.printf("cluster: %,d articles: last %,d took %.1f ms clustering (CPU), %.1f ms all in (wall); "
                                    + "%,d live stories, %,d originals remembered%n",
                            articles, every, micros / 1000.0, wall / 1e6, clusterer.activeStories(), clusterer.rememberedOriginals());
                    windowClusterNanos = 0;
                    windowWallStart = System.nanoTime();
                }
            }
        }
        // second pass over the small output: stories merged later in the stream are named by their survivor
        try (BufferedReader r = Files.newBufferedReader(partial, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode o = Json.MAPPER.readTree(line);
                long story = o.get("cluster").asLong();
                for (Long next; (next = mergedInto.get(story)) != null; ) story = next;
                var res = new LinkedHashMap<String, Object>();
                res.put("id", o.get("id"));
                res.put("cluster", story);
                if (o.has("copyOf")) res.put("copyOf", o.get("copyOf").asLong());
                w.write(Json.MAPPER.writeValueAsString(res));
                w.newLine();
            }
        }
        Files.deleteIfExists(partial);
        double perSecond = clusterNanos == 0 ? 0 : articles / (clusterNanos / 1e9);
        System.err.printf("cluster: %,d articles (%d bad lines skipped), %,d copies, %,d merges; %.0f articles/s clustering "
                        + "on one core (CPU time, countries apart); geotagging %.0f articles/s; %speak heap %d MB%n",
                articles, bad, copies, mergedInto.size(), perSecond, geoNanos == 0 ? 0 : articles / (geoNanos / 1e9),
                firstWindowMicros < 0 ? "" : String.format("clustering time per %,d articles first %.1f ms, last %.1f ms; ",
                        every, firstWindowMicros / 1000.0, lastWindowMicros / 1000.0),
                peakHeapMb());
        return 0;
    }

    private static String host(String url) {
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? url : h.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }
}
