package org.worldwire.app;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.stream.Collectors;
import org.worldwire.cluster.StoryArticle;
import org.worldwire.cluster.StoryAssignment;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.sim.StoryScore;
import org.worldwire.sim.StoryStream;

/**
 * {@code bench stories}: feeds a simulated stream of articles in time order to the story clusterer, one {@code add}
 * at a time as the pipeline does, and scores its copy folding and its stories against the simulator's truth. The
 * stories scored are the final ones: a merge reported by a later article moves every article of the merged story.
 * Only the clusterer's calls are timed; generating the stream is not.
 */
public final class StoriesBench {
    /**
     * What one run measured.
     *
     * @param msPer1000First mean milliseconds per 1,000 articles over the first window (10,000 articles, or half a
     *     shorter stream)
     * @param msPer1000Last the same over the last window
     * @param peakHeapBytes the highest heap use seen, sampled after every 1,000 articles (garbage included)
     * @param liveHeapAfterFirstBytes heap in use after a collection at the end of the first window
     * @param liveHeapAtEndBytes heap in use after a collection at the end
     * @param originals the originals the copy detector remembers at the end
     * @param copyDetectorBytes the bytes of the copy detector's arrays at the end
     * @param liveStories the stories still open at the end
     */
    public record Result(int articles, long events, double simulatedHours, StoryScore.Copies copies,
            StoryScore.Clusters clusters, double articlesPerSecond, double clustererSeconds, double generatorSeconds,
            double msPer1000First, double msPer1000Last, int window, long peakHeapBytes, long liveHeapAfterFirstBytes,
            long liveHeapAtEndBytes, long maxHeapBytes, String collectors, int originals, long copyDetectorBytes, int liveStories) {}

    private StoriesBench() {}

    /**
     * Runs the stream through a new {@link StoryClusterer}.
     *
     * @throws IllegalStateException when the clusterer answers with an id of no article it has seen
     */
    public static Result run(StoryStream.Spec spec) {
        int n = spec.articles();
        long[] goldEvent = new long[n];
        long[] truthCopyOf = new long[n];
        long[] story = new long[n];
        long[] predictedCopyOf = new long[n];
        int[] parent = new int[n + 1];
        for (int i = 0; i <= n; i++) parent[i] = i;
        int chunks = (n + 999) / 1_000;
        long[] chunkNanos = new long[chunks];
        int window = Math.min(10_000, Math.max(1_000, n / 2 / 1_000 * 1_000));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long peak = 0;
        long liveFirst = -1;
        long clusterNanos = 0;
        long t0 = System.nanoTime();
        // the caps the server takes from the same heap, so that the figures are the server's
        StoryClusterer clusterer = new StoryClusterer(Worldwire.storyMemory(Runtime.getRuntime().maxMemory()));
        StoryStream stream = StoryStream.of(spec);
        java.time.Instant first = null, last = null;
        java.util.Set<Long> events = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            StoryStream.Article a = stream.next();
            if (first == null) first = a.time();
            last = a.time();
            goldEvent[i] = a.eventId();
            truthCopyOf[i] = a.copyOfId();
            events.add(a.eventId());
            StoryArticle in = new StoryArticle(a.id(), a.sourceId(), a.time(), a.language(), a.title(), a.text(),
                    a.countries());
            long s = System.nanoTime();
            StoryAssignment out = clusterer.add(in);
            long took = System.nanoTime() - s;
            clusterNanos += took;
            chunkNanos[i / 1_000] += took;
            if (out.articleId() != a.id()) {
                throw new IllegalStateException("the clusterer answered for article " + out.articleId() + " when given " + a.id());
            }
            story[i] = checkId(out.storyId(), i, n, "story");
            predictedCopyOf[i] = out.copyOf() == 0 ? 0 : checkId(out.copyOf(), i, n, "copyOf");
            for (long merged : out.merged()) union(parent, (int) checkId(merged, i, n, "merged story"), (int) story[i]);
            if ((i + 1) % 1_000 == 0 || i == n - 1) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                if (i + 1 == Math.min(window, n)) liveFirst = liveHeap(memory);
            }
        }
        double total = (System.nanoTime() - t0) / 1e9;
        long liveEnd = liveHeap(memory);
        long[] predicted = new long[n];
        for (int i = 0; i < n; i++) predicted[i] = find(parent, (int) story[i]);
        double clusterSeconds = clusterNanos / 1e9;
        int windowChunks = window / 1_000;
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return new Result(n, events.size(), java.time.Duration.between(first, last).toSeconds() / 3_600.0,
                StoryScore.copies(truthCopyOf, predictedCopyOf), StoryScore.clusters(goldEvent, predicted),
                n / clusterSeconds, clusterSeconds, total - clusterSeconds,
                meanMs(chunkNanos, 0, windowChunks), meanMs(chunkNanos, Math.max(0, chunks - windowChunks), chunks),
                window, peak, liveFirst, liveEnd, Runtime.getRuntime().maxMemory(), collectors,
                clusterer.rememberedOriginals(), clusterer.copyDetectorBytes(), clusterer.activeStories());
    }

    /** The clusterer must answer with ids of articles it has seen; anything else is its bug, said plainly. */
    private static long checkId(long id, int index, int n, String what) {
        if (id < 1 || id > index + 1 || id > n) {
            throw new IllegalStateException("the clusterer gave article " + (index + 1) + " the " + what + " id " + id
                    + ", not the id of an article it has seen");
        }
        return id;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int from, int into) {
        int a = find(parent, from), b = find(parent, into);
        if (a != b) parent[a] = b;
    }

    private static double meanMs(long[] chunkNanos, int from, int to) {
        if (to <= from) return Double.NaN;
        long sum = 0;
        for (int i = from; i < to; i++) sum += chunkNanos[i];
        return sum / 1e6 / (to - from);
    }

    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The lines {@code bench stories} prints, the summary line last. */
    public static List<String> lines(Result r, long seed) {
        StoryScore.Copies c = r.copies();
        StoryScore.Clusters k = r.clusters();
        double mb = 1024 * 1024;
        return List.of(
                String.format("simulated stream: %,d articles over %.1f h, %,d events, seed %d", r.articles(),
                        r.simulatedHours(), r.events(), seed),
                String.format("copies:   truth %,d, predicted %,d, correct %,d: precision %.4f recall %.4f",
                        c.truth(), c.predicted(), c.correct(), c.precision(), c.recall()),
                String.format("stories:  gold %,d, predicted %,d clusters; pair counts tp %,d fp %,d fn %,d",
                        k.goldClusters(), k.predictedClusters(), k.tp(), k.fp(), k.fn()),
                String.format("pairwise P R F1  %.4f %.4f %.4f", k.pairwiseP(), k.pairwiseR(), k.pairwiseF1()),
                String.format("BCubed   P R F1  %.4f %.4f %.4f", k.bcubedP(), k.bcubedR(), k.bcubedF1()),
                String.format("speed:    %,.0f articles/s in the clusterer (%.2f s); generating the stream took %.2f s",
                        r.articlesPerSecond(), r.clustererSeconds(), r.generatorSeconds()),
                String.format("time per 1,000 articles: %.2f ms over the first %,d, %.2f ms over the last %,d (last/first %.2f)",
                        r.msPer1000First(), r.window(), r.msPer1000Last(), r.window(),
                        r.msPer1000Last() / r.msPer1000First()),
                String.format("heap:     peak used %.0f MB (sampled every 1,000 articles), live after GC %.1f MB at %,d and %.1f MB at the end; max %.0f MB; collectors %s",
                        r.peakHeapBytes() / mb, r.liveHeapAfterFirstBytes() / mb, r.window(), r.liveHeapAtEndBytes() / mb,
                        r.maxHeapBytes() / mb, r.collectors()),
                String.format("memory:   %,d live stories and %,d originals remembered at the end, the originals in %.1f MB of the copy detector's arrays (%,.0f bytes each)",
                        r.liveStories(), r.originals(), r.copyDetectorBytes() / mb,
                        (double) r.copyDetectorBytes() / Math.max(1, r.originals())),
                String.format("stories copy-p %.4f copy-r %.4f pairwise-f1 %.4f bcubed-f1 %.4f articles-per-s %.0f",
                        c.precision(), c.recall(), k.pairwiseF1(), k.bcubedF1(), r.articlesPerSecond()));
    }
}
