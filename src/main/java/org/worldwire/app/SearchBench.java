package org.worldwire.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.worldwire.model.Article;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.SearchQuery.Facet;
import org.worldwire.search.SearchQuery.Filters;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.sim.SearchCorpus;

/**
 * Search at scale: builds (or reuses) an index of a generated year of world news, then offers a fixed mix of
 * real-looking queries at fixed rates, open loop (each query has an intended send time, and its latency counts from
 * then, so a stalled server is charged for the queries waiting behind it), and prints queries/s and p50/p99 per
 * rate, with the index's size on disk, the heap used and the time the build took.
 */
public final class SearchBench {
    private SearchBench() {}

    /** What to run. */
    public record Spec(Path dir, int articles, long seed, int sources, List<Integer> rates, Duration perRate, int threads) {}

    /** Newest article time of the corpus: a fixed day, so that a reused index and its queries agree. */
    static final Instant END = Instant.parse("2026-11-30T00:00:00Z");

    public static void run(Spec spec, PrintStream out) {
        SearchCorpus corpus = new SearchCorpus(spec.seed(), END, spec.sources());
        try (LuceneSearchIndex index = LuceneSearchIndex.open(spec.dir(), () -> END)) {
            long have = index.size();
            if (have < spec.articles()) {
                build(index, corpus, have, spec.articles(), spec.threads(), out);
            } else {
                out.printf(Locale.ROOT, "index: reusing %,d articles in %s%n", have, spec.dir());
            }
            index.refresh();
            out.printf(Locale.ROOT, "index size on disk: %.0f MB (%,d articles)%n", bytes(spec.dir()) / 1e6, index.size());
            List<SearchQuery> mix = mix(corpus, spec.articles(), spec.seed());
            // JIT and caches first: a few seconds at a modest rate, not counted
            offer(index, mix, 200, Duration.ofSeconds(5), spec.threads());
            heap(out, "heap used after warm-up");
            cost(index, mix, out);
            out.println("query mix: 30% one word, 25% two words, 15% phrase, 15% with a filter (country, language or last 30 days),"
                    + " 15% with all facets; news order, 20 hits, highlighted");
            for (int rate : spec.rates()) {
                Result r = offer(index, mix, rate, spec.perRate(), spec.threads());
                out.printf(Locale.ROOT, "offered %,d q/s for %ds: answered %,.0f q/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d queries)%n",
                        rate, spec.perRate().toSeconds(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.count());
            }
            heap(out, "heap used at the end");
        }
    }

    private static void build(LuceneSearchIndex index, SearchCorpus corpus, long from, int to, int threads, PrintStream out) {
        long t0 = System.nanoTime();
        AtomicLong next = new AtomicLong(from);
        AtomicLong done = new AtomicLong(from);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (long i; (i = next.getAndIncrement()) < to; ) {
                        index.index(corpus.article(i));
                        done.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) progress(out, done.get(), to, t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing");
        }
        progress(out, to, to, t0);
        index.commit();
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%nindexed %,d articles in %.0f s (%,.0f articles/s), committed%n", to - from, s, (to - from) / s);
    }

    private static void progress(PrintStream out, long done, long total, long t0) {
        int width = 40;
        int filled = (int) (width * done / Math.max(1, total));
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "\rindexing [%s%s] %,d/%,d  %.0f s", "#".repeat(filled), " ".repeat(width - filled), done, total, s);
        out.flush();
    }

    /** The fixed query mix: words of the corpus's own headlines (the words readers search for are the news's). */
    static List<SearchQuery> mix(SearchCorpus corpus, int articles, long seed) {
        SplittableRandom r = new SplittableRandom(seed + 1);
        List<SearchQuery> out = new ArrayList<>();
        Instant monthAgo = END.minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.DAYS);
        while (out.size() < 2_000) {
            Article a = corpus.article(r.nextInt(articles));
            String[] words = Arrays.stream(a.title().split("[\\s\\p{Punct}：。，]+"))
                    .filter(w -> w.codePointCount(0, w.length()) >= 3 && !w.contains("\"")).toArray(String[]::new);
            if (words.length < 2) continue;
            int i = r.nextInt(words.length - 1);
            double kind = r.nextDouble();
            SearchQuery q;
            if (kind < 0.30) {
                q = SearchQuery.of(words[i]);
            } else if (kind < 0.55) {
                q = SearchQuery.of(words[i] + " " + words[r.nextInt(words.length)]);
            } else if (kind < 0.70) {
                q = SearchQuery.of("\"" + words[i] + " " + words[i + 1] + "\"");
            } else if (kind < 0.85) {
                Filters f = switch (r.nextInt(3)) {
                    case 0 -> new Filters(a.countries().getFirst(), null, null, null, null);
                    case 1 -> new Filters(null, a.language(), null, null, null);
                    default -> new Filters(null, null, null, monthAgo, null);
                };
                q = SearchQuery.of(words[i]).withFilters(f);
            } else {
                q = SearchQuery.of(words[i]).withFacets(EnumSet.allOf(Facet.class));
            }
            out.add(q);
        }
        return out;
    }

    /**
     * CPU time per query of each kind, one thread, one query after another: what a query costs whatever else runs
     * on the machine (on a shared machine the rates below also measure the neighbours).
     */
    static void cost(LuceneSearchIndex index, List<SearchQuery> mix, PrintStream out) {
        var bean = ManagementFactory.getThreadMXBean();
        java.util.Map<String, long[]> byKind = new java.util.TreeMap<>();
        for (boolean highlight : new boolean[] {true, false}) {
            for (SearchQuery q : mix) {
                SearchQuery asked = q.withHighlight(highlight);
                long c0 = bean.getCurrentThreadCpuTime();
                index.search(asked);
                long c1 = bean.getCurrentThreadCpuTime();
                long[] acc = byKind.computeIfAbsent(kind(asked), k -> new long[2]);
                acc[0] += c1 - c0;
                acc[1]++;
            }
        }
        StringBuilder b = new StringBuilder("CPU per query:");
        byKind.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %s %.2f ms", k, v[0] / 1e6 / v[1])));
        out.println(b);
    }

    private static String kind(SearchQuery q) {
        String k = !q.facets().isEmpty() ? "facets" : !q.filters().equals(Filters.NONE) ? "filter"
                : q.text().startsWith("\"") ? "phrase" : q.text().contains(" ") ? "two-words" : "one-word";
        return k + (q.highlight() ? "" : "(no highlight)");
    }

    record Result(long count, double perSecond, double p50Ms, double p99Ms, double maxMs) {}

    /** Offers the mix at {@code rate} queries/s for {@code duration}; latency from each query's intended start. */
    static Result offer(LuceneSearchIndex index, List<SearchQuery> mix, int rate, Duration duration, int threads) {
        int n = (int) (rate * duration.toMillis() / 1000);
        long[] latency = new long[n];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + 50_000_000L;
        long interval = 1_000_000_000L / rate;
        // Workers take the next query when its time has come, never earlier; a query whose time has passed waits in
        // no queue of ours but is charged from its intended time, which is what a reader waiting for it sees.
        AtomicLong lastEnd = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int k; (k = next.getAndIncrement()) < n; ) {
                        long intended = start + k * interval;
                        long wait = intended - System.nanoTime();
                        if (wait > 0) LockSupport.parkNanos(wait);
                        index.search(mix.get(k % mix.size()));
                        long end = System.nanoTime();
                        latency[k] = end - intended;
                        lastEnd.accumulateAndGet(end, Math::max);
                    }
                });
            }
        }
        Arrays.sort(latency);
        double seconds = (lastEnd.get() - start) / 1e9;
        return new Result(n, n / seconds, latency[n / 2] / 1e6, latency[(int) (n * 0.99)] / 1e6, latency[n - 1] / 1e6);
    }

    private static void heap(PrintStream out, String what) {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.printf(Locale.ROOT, "%s: %.0f MB (max %.0f MB)%n", what, heap.getUsed() / 1e6, heap.getMax() / 1e6);
    }

    private static long bytes(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file merged away meanwhile
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
