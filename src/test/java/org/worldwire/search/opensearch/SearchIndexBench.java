package org.worldwire.search.opensearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Article;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.sim.SearchCorpus;

/**
 * Indexing time and search latency of a search adapter over simulated articles (the generated news of
 * {@code bench search}, in ten languages): the articles go in through
 * {@link SearchIndex#indexAll} in batches, then a fixed set of queries drawn from the articles' own words (one and
 * two words, a phrase, a prefix, a country filter; news order, 20 highlighted hits) runs one at a time after a warm-up.
 * Prints one line per figure. Run by {@code bench/search-index.sh}, which says the arguments.
 *
 * <p>OpenSearch: a node of its own unless {@code --url} names one (started as the tests start theirs, with their
 * 384 MB heap but the full JIT; the time it took to answer is printed too), in a fresh index deleted after. Lucene: a temporary
 * directory, in this JVM.
 */
public final class SearchIndexBench {
    private SearchIndexBench() {}

    public static void main(String[] args) throws Exception {
        int articles = 10_000, batch = 1_000, queries = 500;
        String engine = "opensearch";
        String url = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--engine" -> engine = args[++i];
                case "--url" -> url = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (articles < 1 || batch < 1 || queries < 1) throw new IllegalArgumentException("counts must be >= 1");
        List<Article> corpus = corpus(articles);
        switch (engine) {
            case "opensearch" -> {
                OpenSearchNode.Server started = null;
                if (url == null) {
                    started = OpenSearchNode.start(false);
                    url = started.url();
                    System.out.printf(Locale.ROOT, "opensearch node answered after %d ms (384 MB heap)%n", started.startMillis());
                }
                String name = "bench-" + System.currentTimeMillis();
                try (var index = OpenSearchSearchIndex.open(OpenSearchConfig.of(url).withIndex(name), InstantSource.system())) {
                    run("opensearch", index, corpus, batch, queries);
                } finally {
                    deleteIndex(url, name);
                    if (started != null) started.close();
                }
            }
            case "lucene" -> {
                Path dir = Files.createTempDirectory("worldwire-bench-lucene-");
                try (var index = LuceneSearchIndex.open(dir)) {
                    run("lucene", index, corpus, batch, queries);
                } finally {
                    deleteTree(dir);
                }
            }
            default -> throw new IllegalArgumentException("--engine is opensearch or lucene, was " + engine);
        }
    }

    private static void run(String engine, SearchIndex index, List<Article> corpus, int batch, int queries) {
        long t0 = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += batch) {
            index.indexAll(corpus.subList(from, Math.min(corpus.size(), from + batch)));
        }
        long indexed = System.nanoTime();
        index.refresh();
        long refreshed = System.nanoTime();
        double indexMs = (indexed - t0) / 1e6;
        System.out.printf(Locale.ROOT, "%s indexAll: %,d articles in batches of %,d: %.0f ms (%,.0f articles/s), then refresh %.0f ms; size %,d%n",
                engine, corpus.size(), batch, indexMs, corpus.size() / (indexMs / 1000), (refreshed - indexed) / 1e6, index.size());

        List<SearchQuery> set = queries(corpus, queries);
        for (int i = 0; i < Math.min(100, set.size()); i++) index.search(set.get(i)); // warm-up
        long[] micros = new long[set.size()];
        long hits = 0;
        for (int i = 0; i < set.size(); i++) {
            long s = System.nanoTime();
            hits += index.search(set.get(i)).total();
            micros[i] = (System.nanoTime() - s) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "%s search: %d queries (news order, 20 highlighted hits, facets on a third): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f matches a query on average%n",
                engine, set.size(), pct(micros, 50), pct(micros, 90), pct(micros, 99), micros[micros.length - 1] / 1000.0,
                (double) hits / set.size());
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    /**
     * The articles of {@code bench search}'s generated year of news ({@link SearchCorpus}: ten languages, 5,000
     * sources of skewed output, a year of dates ending now, so news order sees fresh and old).
     */
    static List<Article> corpus(int n) {
        SearchCorpus corpus = new SearchCorpus(42, Instant.now(), 5_000);
        List<Article> out = new ArrayList<>(n);
        for (long i = 0; i < n; i++) out.add(corpus.article(i));
        return out;
    }

    /** Queries from the corpus's own title words, fixed by the seed: words, pairs, phrases, prefixes, a filter. */
    static List<SearchQuery> queries(List<Article> corpus, int n) {
        SplittableRandom r = new SplittableRandom(7);
        List<SearchQuery> out = new ArrayList<>(n);
        while (out.size() < n) {
            Article a = corpus.get(r.nextInt(corpus.size()));
            String[] words = Arrays.stream(a.title().split("[\\s\\p{Punct}«»“”„’]+")).filter(w -> w.length() >= 4).toArray(String[]::new);
            if (words.length < 2) continue;
            String w1 = words[r.nextInt(words.length)], w2 = words[r.nextInt(words.length)];
            String text = switch (out.size() % 5) {
                case 0 -> w1;
                case 1 -> w1 + " " + w2;
                case 2 -> "\"" + words[0] + " " + words[1] + "\"";
                case 3 -> w1.substring(0, Math.min(4, w1.length())) + "*";
                default -> w1 + " OR " + w2;
            };
            SearchQuery q = SearchQuery.of(text);
            if (out.size() % 3 == 0) q = q.withFacets(java.util.EnumSet.allOf(SearchQuery.Facet.class));
            if (out.size() % 7 == 0 && !a.countries().isEmpty()) {
                q = q.withFilters(new SearchQuery.Filters(a.countries().getFirst(), null, null, null, null));
            }
            out.add(q);
        }
        return out;
    }

    private static void deleteIndex(@Nullable String url, String name) {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/" + name))
                    .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            System.err.println("bench index " + name + " not deleted: " + e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
