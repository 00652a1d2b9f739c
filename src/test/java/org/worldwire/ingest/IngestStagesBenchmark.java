package org.worldwire.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.worldwire.cluster.StoryArticle;
import org.worldwire.cluster.StoryAssignment;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.dedup.CopyDetector;
import org.worldwire.enrich.GeoTags;
import org.worldwire.enrich.Geotagger;
import org.worldwire.enrich.LanguageIdentifier;
import org.worldwire.extract.ArticleExtractor;
import org.worldwire.model.Article;
import org.worldwire.model.ArticleContent;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Source;
import org.worldwire.model.Story;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.store.NewEntry;
import org.worldwire.store.PendingEntry;
import org.worldwire.store.PollRecord;
import org.worldwire.store.sqlite.SqliteStore;

/**
 * Time per article of each stage of the article pipeline, one article per operation, over articles the publisher
 * simulator publishes and serves ({@link SimulatedArticles}). Each stage is called through the API and with the
 * arguments {@link ArticlePipeline}, {@link Enrichment} and {@link StoryPlacement} use, on the adapters the one-box
 * server wires ({@code app.Worldwire}): SQLite in a temporary file, Lucene in a temporary directory with its own
 * background refresh and commit schedule. Single thread: a figure of {@code t} µs is {@code 1e6 / t} articles a
 * second on one core for that stage.
 *
 * <p>The forked JVM gets the launcher's default heap and collector (bench/stages.sh passes the launcher's flags);
 * run {@code bench/stages.sh}, or after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main IngestStagesBenchmark}.
 *
 * <p>The corpus is cycled. Stateful stages (clustering, copy detection) see each further pass of it eight days
 * later, so that earlier passes are cold stories and forgotten originals instead of exact copies; their live state
 * is therefore about one pass of the corpus (see {@code articles}), smaller than a server's after days of news.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx100m", "-XX:+UseG1GC", "-XX:+UseCompactObjectHeaders", "--enable-native-access=ALL-UNNAMED"})
public class IngestStagesBenchmark {
    /** Beyond the clusterer's 7-day maximum story age and the copy detector's 3-day window. */
    private static final Duration PASS_SHIFT = Duration.ofDays(8);
    private static final long SEED = 42;

    /**
     * The corpus size, shared by every state below. Each benchmark method takes exactly one state: JMH makes a new
     * instance of a thread-scoped state for each place it is injected, so states do not take one another.
     */
    @State(Scope.Thread)
    public abstract static class Corpus {
        /** Articles in the corpus; the stateful stages' live state is about this many articles. */
        @Param("1500")
        public int articles;
        @Param("40")
        public int publishers;
    }

    /**
     * CPU time of the benchmark thread per operation over the measured iterations, printed at the end of the trial
     * as {@code cpu-per-article <method> <µs>}. On a shared machine the average time grows with the load (the thread
     * waits for a core); its CPU time hardly does. Counted from the first operation of an iteration to its end, so
     * the setup of an iteration is left out. Work the stage leaves to other threads (Lucene's refresh, commit and
     * merges) is not in it.
     */
    @State(Scope.Thread)
    public static class CpuTime {
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
        private boolean measuring;
        private boolean started;
        private long start;
        private long ops;
        private long iterationOps;
        private long nanos;

        @Setup(Level.Iteration)
        public void begin(IterationParams iteration) {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
            started = false;
            iterationOps = 0;
        }

        /** Called first thing in each operation. */
        void tick() {
            if (!started) {
                start = THREADS.getCurrentThreadCpuTime();
                started = true;
            }
            iterationOps++;
        }

        @TearDown(Level.Iteration)
        public void end() {
            if (measuring && started) {
                nanos += THREADS.getCurrentThreadCpuTime() - start;
                ops += iterationOps;
            }
        }

        @TearDown(Level.Trial)
        public void report(BenchmarkParams benchmark) {
            String method = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
            if (ops > 0) System.out.printf(java.util.Locale.ROOT, "cpu-per-article %s %.1f%n", method, nanos / 1e3 / ops);
        }
    }

    /** The simulated articles as fetched pages: the input of extraction. */
    @State(Scope.Thread)
    public static class Pages extends Corpus {
        List<SimulatedArticles.Item> items;
        private int next;

        @Setup(Level.Trial)
        public void read() {
            items = SimulatedArticles.make(articles, publishers, SEED);
        }

        SimulatedArticles.Item next() {
            SimulatedArticles.Item item = items.get(next);
            next = next + 1 == items.size() ? 0 : next + 1;
            return item;
        }
    }

    /** The corpus extracted and composed, for the enrich stage. */
    @State(Scope.Thread)
    public static class Enriching extends Corpus {
        Composed c;

        @Setup(Level.Trial)
        public void compose() {
            c = Composed.make(articles, publishers);
        }
    }

    /** The clusterer and, for the copy-detection figure alone, a copy detector of its own. */
    @State(Scope.Thread)
    public static class Clustering extends Corpus {
        Arrivals arrivals;
        StoryClusterer clusterer;
        CopyDetector copies;

        @Setup(Level.Trial)
        public void open() {
            arrivals = new Arrivals(Composed.make(articles, publishers));
            clusterer = new StoryClusterer();
            copies = new CopyDetector();
        }
    }

    /** The search index the server opens, in a temporary directory; its refresh and commit run on their own thread. */
    @State(Scope.Thread)
    public static class Indexing extends Corpus {
        Composed c;
        Path dir;
        LuceneSearchIndex index;
        private long nextId = 1;

        @Setup(Level.Trial)
        public void open() throws IOException {
            c = Composed.make(articles, publishers);
            dir = Files.createTempDirectory("worldwire-bench-index-");
            index = LuceneSearchIndex.open(dir);
        }

        Article next() {
            return c.composed.get(c.nextIndex()).withId(nextId++);
        }

        @TearDown(Level.Trial)
        public void close() {
            index.close();
            deleteTree(dir);
        }
    }

    /**
     * The SQLite store the server opens, in a temporary file, with the corpus's sources added. Pending entries are
     * recorded before each iteration (not measured), enough for it, so that an operation completes one.
     */
    @State(Scope.Thread)
    public static class Storing extends Corpus {
        /** A recorded pending entry and the article the pipeline completes it with. */
        record Ready(int index, PendingEntry pending, Article article) {}

        /** Where the pipeline's clusterer placed each article of one pass, as indexes into the corpus. */
        record Placement(int story, int copyOf, int[] merged, int lead) {}

        Composed c;
        Path dir;
        SqliteStore store;
        long[] sourceIds;
        Placement[] placements;
        private final ArrayDeque<Ready> ready = new ArrayDeque<>();
        private long[] storedIds;
        private int next;
        private int pass;
        private long unique;
        private int taken;
        private int inlineRefills;

        @Setup(Level.Trial)
        public void open() throws IOException {
            c = Composed.make(articles, publishers);
            dir = Files.createTempDirectory("worldwire-bench-store-");
            store = SqliteStore.open(dir.resolve("worldwire.db"), InstantSource.system());
            long maxSource = c.items.stream().mapToLong(i -> i.source().id()).max().orElse(0);
            sourceIds = new long[(int) maxSource + 1];
            for (SimulatedArticles.Item item : c.items) {
                Source s = item.source();
                if (sourceIds[(int) s.id()] == 0) {
                    sourceIds[(int) s.id()] = store.sources().add(new Source(0, s.feedUrl(), s.title(), s.siteUrl(),
                            s.country(), s.language(), s.displayPolicy())).id();
                }
            }
            // The story of each article as the clusterer decides on one pass, so that recording it is realistic
            // (joins, copies and merges, not a new story each time).
            StoryClusterer clusterer = new StoryClusterer();
            placements = new Placement[c.composed.size()];
            for (int i = 0; i < placements.length; i++) {
                StoryAssignment s = clusterer.add(StoryPlacement.input(c.composed.get(i).withId(i + 1)));
                placements[i] = new Placement((int) s.storyId() - 1, (int) s.copyOf() - 1,
                        s.merged().stream().mapToInt(id -> (int) (long) id - 1).toArray(), (int) s.leadArticleId() - 1);
            }
            storedIds = new long[placements.length];
        }

        @Setup(Level.Iteration)
        public void recordPending() {
            int want = Math.max(10_000, 3 * taken);
            taken = 0;
            refill(want - ready.size());
        }

        Ready take() {
            if (ready.isEmpty()) {
                inlineRefills++;
                refill(1_000);
            }
            taken++;
            return ready.poll();
        }

        private void refill(int count) {
            for (int k = 0; k < count; k++) {
                int i = next;
                if (++next == c.composed.size()) {
                    next = 0;
                    pass++;
                }
                SimulatedArticles.Item item = c.items.get(i);
                Article article = c.composed.get(i);
                // each pass under new URLs and guids, or the store would rightly refuse them as stored already
                String url = pass == 0 ? item.url() : item.url() + (item.url().contains("?") ? "&" : "?") + "pass=" + pass;
                String guid = pass == 0 ? item.guid() : item.guid() + "#" + pass;
                long sourceId = sourceIds[(int) item.source().id()];
                List<PendingEntry> recorded = store.queue().enqueue(sourceId, List.of(new NewEntry(url, guid, item.entry())),
                        item.discovered(), new PollRecord(item.discovered(), 200, 1, null, null, null));
                if (recorded.size() != 1) throw new IllegalStateException("entry not recorded: " + url);
                ready.add(new Ready(i, recorded.get(0), new Article(0, sourceId, url, guid, article.title(),
                        article.byline(), article.published(), article.discovered(), article.paragraphs(),
                        article.summary(), article.leadImage(), article.language(), article.countries(),
                        article.primaryCountries())));
            }
        }

        /** The next corpus entry under a URL never seen, as a poll finds it. */
        NewEntry fresh(SimulatedArticles.Item item) {
            long n = ++unique;
            String url = item.url() + (item.url().contains("?") ? "&" : "?") + "new=" + n;
            return new NewEntry(url, item.guid() + "#new" + n, item.entry());
        }

        @TearDown(Level.Trial)
        public void close() {
            if (inlineRefills > 0) System.err.println("pending entries recorded inside the measurement " + inlineRefills + " times");
            store.close();
            deleteTree(dir);
        }
    }

    /**
     * The corpus taken through extraction and enrichment once, as {@code ArticlePipeline.compose} does: the input of
     * enrichment (the drafts) and of the later stages (the articles, not stored yet).
     */
    static final class Composed {
        /** What compose hands to the enrich stage. */
        record Draft(String title, String text, @Nullable String languagePrior, @Nullable String sourceCountry) {}

        final Enrichment enrichment = new Enrichment(LanguageIdentifier.load(), Geotagger.load());
        /** The corpus without its pages, which only extraction needs. */
        final List<SimulatedArticles.Item> items = new ArrayList<>();
        final List<Draft> drafts = new ArrayList<>();
        final List<Article> composed = new ArrayList<>();
        private int next;

        static Composed make(int articles, int publishers) {
            Composed c = new Composed();
            for (SimulatedArticles.Item item : SimulatedArticles.make(articles, publishers, SEED)) {
                ArticleContent content = ArticleExtractor.extract(item.page(), item.finalUrl(), item.contentType());
                c.composeLikeThePipeline(item, content);
                c.items.add(new SimulatedArticles.Item(item.source(), item.url(), item.guid(), item.entry(),
                        item.discovered(), new byte[0], item.finalUrl(), item.contentType()));
            }
            return c;
        }

        int nextIndex() {
            int i = next;
            next = next + 1 == drafts.size() ? 0 : next + 1;
            return i;
        }

        /** A copy of {@code ArticlePipeline.compose} (private there), with the page read. */
        private void composeLikeThePipeline(SimulatedArticles.Item item, ArticleContent content) {
            FeedEntry e = item.entry();
            Source source = item.source();
            String feedText = content.paragraphs().isEmpty()
                    ? ArticlePipeline.plainText(e.content() != null ? e.content() : e.summary()) : "";
            List<String> paragraphs = !content.paragraphs().isEmpty() ? content.paragraphs()
                    : feedText.isEmpty() ? List.of() : List.of(feedText);
            String title = ArticlePipeline.firstNonBlank(ArticlePipeline.plainText(e.title()), content.title(), item.url());
            String byline = ArticlePipeline.firstNonBlank(e.author(), content.authors().isEmpty() ? null : String.join(", ", content.authors()));
            Instant published = e.published() != null ? e.published()
                    : content.published() != null ? content.published() : e.updated();
            String summary = ArticlePipeline.firstNonBlank(ArticlePipeline.plainText(e.summary()), content.description(),
                    paragraphs.isEmpty() ? null : paragraphs.get(0));
            if (summary != null && summary.length() > 400) summary = summary.substring(0, 400).strip() + "…";
            String leadImage = content.leadImage() != null ? content.leadImage()
                    : e.enclosures().stream().filter(x -> x.type() != null && x.type().startsWith("image/"))
                            .map(x -> x.url()).findFirst().orElse(null);
            String text = String.join("\n", paragraphs);
            String languagePrior = content.language() != null ? content.language() : source.language();
            String language = enrichment.language(title, text, languagePrior);
            GeoTags places = enrichment.places(title, text, source.country());
            drafts.add(new Draft(title, text, languagePrior, source.country()));
            composed.add(new Article(0, source.id(), item.url(), item.guid(), title, byline, published,
                    item.discovered(), paragraphs, summary, leadImage, language, places.countries(), places.primary()));
        }
    }

    /** Arrivals for the stateful stages: the corpus again and again, each pass {@link #PASS_SHIFT} later, new ids. */
    static final class Arrivals {
        private final List<StoryArticle> base = new ArrayList<>();
        private int next;
        private int pass;
        private long nextId = 1;

        Arrivals(Composed c) {
            for (Article article : c.composed) base.add(StoryPlacement.input(article.withId(1)));
        }

        StoryArticle next() {
            StoryArticle s = base.get(next);
            Instant time = pass == 0 ? s.time() : s.time().plus(PASS_SHIFT.multipliedBy(pass));
            if (++next == base.size()) {
                next = 0;
                pass++;
            }
            return new StoryArticle(nextId++, s.sourceId(), time, s.language(), s.title(), s.text(), s.countries());
        }
    }

    // ------------------------------------------------------------------------------------------------- stages

    /** Extraction: ArticlePipeline.fetchAndExtract on a fetched page. */
    @Benchmark
    public ArticleContent extract(Pages p, CpuTime cpu) {
        cpu.tick();
        SimulatedArticles.Item item = p.next();
        return ArticleExtractor.extract(item.page(), item.finalUrl(), item.contentType());
    }

    /** Language identification: Enrichment.language as compose calls it. */
    @Benchmark
    public @Nullable String language(Enriching e, CpuTime cpu) {
        cpu.tick();
        Composed.Draft d = e.c.drafts.get(e.c.nextIndex());
        return e.c.enrichment.language(d.title(), d.text(), d.languagePrior());
    }

    /** Geotagging: Enrichment.places as compose calls it. */
    @Benchmark
    public GeoTags geotag(Enriching e, CpuTime cpu) {
        cpu.tick();
        Composed.Draft d = e.c.drafts.get(e.c.nextIndex());
        return e.c.enrichment.places(d.title(), d.text(), d.sourceCountry());
    }

    /** Story clustering, copy detection included: what StoryPlacement asks of the clusterer. */
    @Benchmark
    public StoryAssignment cluster(Clustering c, CpuTime cpu) {
        cpu.tick();
        return c.clusterer.add(c.arrivals.next());
    }

    /** Copy detection alone: the part of {@link #cluster} the copy detector takes. */
    @Benchmark
    public long copyCheck(Clustering c, CpuTime cpu) {
        cpu.tick();
        StoryArticle s = c.arrivals.next();
        return c.copies.check(s.id(), s.time(), s.title(), s.text());
    }

    /** Indexing: ArticlePipeline's index.index of the stored article. */
    @Benchmark
    public Article index(Indexing i, CpuTime cpu) {
        cpu.tick();
        Article article = i.next();
        i.index.index(article);
        return article;
    }

    /** Storing the pending entry: RefreshSource's enqueue for a poll that found one new entry. */
    @Benchmark
    public List<PendingEntry> storeEntry(Storing s, CpuTime cpu) {
        cpu.tick();
        SimulatedArticles.Item item = s.c.items.get(s.c.nextIndex());
        return s.store.queue().enqueue(s.sourceIds[(int) item.source().id()], List.of(s.fresh(item)),
                item.discovered(), new PollRecord(item.discovered(), 200, 1, null, null, null));
    }

    /** Storing the article: ArticlePipeline's queue.complete (insert, pending entry removed, one transaction). */
    @Benchmark
    public Optional<Article> storeArticle(Storing s, CpuTime cpu) {
        cpu.tick();
        Storing.Ready r = s.take();
        return s.store.queue().complete(r.pending().id(), r.article());
    }

    /** Storing the article and then its story: queue.complete, then StoryPlacement's stories.place. */
    @Benchmark
    public Story storeArticleAndStory(Storing s, CpuTime cpu) {
        cpu.tick();
        Storing.Ready r = s.take();
        long id = s.store.queue().complete(r.pending().id(), r.article()).orElseThrow().id();
        s.storedIds[r.index()] = id;
        Storing.Placement p = s.placements[r.index()];
        List<Long> merged = new ArrayList<>(p.merged().length);
        for (int m : p.merged()) merged.add(s.storedIds[m]);
        return s.store.stories().place(id, s.storedIds[p.story()], p.copyOf() < 0 ? 0 : s.storedIds[p.copyOf()], merged,
                s.storedIds[p.lead()]);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
