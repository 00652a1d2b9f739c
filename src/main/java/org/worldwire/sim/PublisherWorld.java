package org.worldwire.sim;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.worldwire.sim.FeedWriter.GuidStyle;
import org.worldwire.sim.Lexicon.Language;

/**
 * A world of simulated news publishers served from one loopback HTTP server, with the true publication time of
 * every article kept so that benchmarks can measure delay.
 *
 * <p>Paths: {@code /p/{n}/} is publisher n's home page (with feed autodiscovery), {@code /p/{n}/feed.xml},
 * {@code atom.xml}, {@code rdf.xml} or {@code feed.json} its feed (only the one of its {@link FeedFormat}),
 * {@code /p/{n}/articles/{seq}-{slug}.html} an article; {@code /world.opml} lists all feeds, {@code /truth.jsonl}
 * streams the truth log, {@code /robots.txt} allows everything.
 *
 * <p>What is published is news as the world makes it ({@link Newsroom}): events reported by several publishers in
 * their own words and languages over hours, agency copies reprinted by others with small edits, and unrelated
 * one-off stories; the truth log says which event each article reports and which original a copy reprints.
 *
 * <p>Publishing runs on one clock thread as a single Poisson process whose rate is the sum of the publishers'
 * rates; each event picks a publisher in proportion to its rate, which is the same as independent Poisson
 * processes per publisher. Rates can change at any time ({@link #setRateMultiplier}, {@link #setRate}).
 *
 * <p>Feeds honour {@code If-None-Match} (which wins, as RFC 9110 says) and {@code If-Modified-Since} with 304,
 * send gzip when asked, and carry weak ETags (they name the content, whatever the encoding). Article pages are
 * rendered once, on first request, and kept; at most {@link SimConfig#maxCachedArticles()} are kept world-wide and
 * older ones answer 410 Gone. The truth of every article is kept for the life of the world.
 */
public final class PublisherWorld implements AutoCloseable {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int MAX_SLOW_REQUESTS = 256;
    /** Share of new stories that are unrelated one-offs rather than events several publishers report. */
    private static final double ONE_OFF_SHARE = 0.3;
    private static final String TRACKING = "?utm_source=rss&utm_medium=feed&utm_campaign=news";
    private static final ZoneOffset[] ZONES = {
        ZoneOffset.UTC, ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-5), ZoneOffset.ofHours(3),
        ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(8)
    };

    private final SimConfig config;
    private final Javalin server;
    private final URI baseUrl;
    private final List<Publisher> publishers;
    private final Site[] sites;
    private final ConcurrentHashMap<String, Publication> truth = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong storyIds = new AtomicLong();
    private final ConcurrentLinkedQueue<Page> cacheOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger cached = new AtomicInteger();
    private final Newsroom<SimArticle> newsroom;
    private final List<Consumer<SimArticle>> listeners = new CopyOnWriteArrayList<>();
    private final Semaphore slowPermits = new Semaphore(MAX_SLOW_REQUESTS);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object rateLock = new Object();
    private final double[] rates;
    private volatile PoissonSchedule rateTable;
    private volatile double multiplier;
    private final SplittableRandom clockRandom;
    /** For {@link #publishNow()}, which any thread may call; guarded by itself. */
    private final SplittableRandom pickRandom;
    private final Thread clock;

    private PublisherWorld(SimConfig config) throws IOException {
        this.config = config;
        this.multiplier = config.autoPublish() ? 1.0 : 0.0;
        // Jetty rather than the JDK's own server: on a loaded 2-core machine the JDK server's single dispatcher
        // managed about a tenth of Jetty's requests per second with 32 keep-alive clients.
        this.server = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.useVirtualThreads = true;
            // Feeds and pages are compressed once and kept; Javalin's per-response compression would redo it.
            c.http.disableCompression();
        });
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST, HandlerType.PUT,
                HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS)) {
            server.addHttpHandler(method, "/", this::handle);
            server.addHttpHandler(method, "/<path>", this::handle);
        }
        try {
            server.start(config.bindAddress(), config.port());
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        if (host.equals("0.0.0.0")) host = "127.0.0.1";
        this.baseUrl = URI.create("http://" + host + ":" + server.port() + "/");
        SplittableRandom world = new SplittableRandom(config.seed());
        this.clockRandom = world.split();
        this.pickRandom = world.split();
        int n = config.publishers();
        FaultKind[] faults = dealFaults(world.split(), n, config.faultyShare());
        this.rates = new double[n];
        this.sites = new Site[n];
        List<Publisher> list = new ArrayList<>(n);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            SplittableRandom r = world.split();
            Lexicon.Locale locale = Lexicon.LOCALES.get(r.nextInt(Lexicon.LOCALES.size()));
            String pattern = locale.nameFormats().get(r.nextInt(locale.nameFormats().size()));
            String name = String.format(java.util.Locale.ROOT, pattern, locale.homeCity());
            if (!names.add(name)) name = name + " " + (i + 1);
            double u = r.nextDouble();
            FeedFormat format = u < 0.5 ? FeedFormat.RSS2 : u < 0.75 ? FeedFormat.ATOM
                    : u < 0.85 ? FeedFormat.RSS1_RDF : FeedFormat.JSON_FEED;
            double sigma = config.rateSkew();
            double rate = config.meanRatePerMinute() * Math.exp(sigma * gaussian(r) - sigma * sigma / 2);
            URI home = baseUrl.resolve("p/" + i + "/");
            Publisher p = new Publisher(i, name, home, home.resolve(format.fileName()), locale.country(),
                    locale.language(), format, faults[i], rate);
            list.add(p);
            rates[i] = rate;
            sites[i] = new Site(p, Lexicon.language(locale.language()), r);
        }
        this.publishers = List.copyOf(list);
        this.rateTable = PoissonSchedule.of(rates, 0);
        // A small ring of originals to reprint: copies follow their original closely, as wire copy does. Events
        // unfold on a clock of articles (an hour per thousand), so a world publishing a few articles a minute and
        // one publishing hundreds a second both show events with many reports.
        this.newsroom = new Newsroom<>(config.syndicatedShare(), ONE_OFF_SHARE, 32, java.time.Duration.ofMillis(3_600));
        backfill(Instant.now());
        // The clock runs even when publishing starts paused, so that setRateMultiplier can start it later.
        this.clock = Thread.ofPlatform().daemon().name("worldwire-sim-clock").start(this::runClock);
    }

    /** Starts a world and its server; close it to stop both. */
    public static PublisherWorld start(SimConfig config) {
        try {
            return new PublisherWorld(config);
        } catch (IOException e) {
            throw new UncheckedIOException("simulator: cannot listen on " + config.bindAddress() + ":" + config.port()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    public SimConfig config() {
        return config;
    }

    /** The server root, ending in a slash, e.g. {@code http://127.0.0.1:41234/}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.port();
    }

    public List<Publisher> publishers() {
        return publishers;
    }

    public Publisher publisher(int index) {
        return publishers.get(index);
    }

    /** Publishes a new article at publisher {@code publisher} now, whatever its rate or fault. */
    public SimArticle publishNow(int publisher) {
        if (publisher < 0 || publisher >= sites.length) {
            throw new IllegalArgumentException("no publisher " + publisher + " (the world has " + sites.length + ")");
        }
        return publish(sites[publisher], null, null).article();
    }

    /** Publishes at a healthy publisher drawn uniformly, so the article is fetchable; for benchmarks. */
    public SimArticle publishNow() {
        SplittableRandom r;
        synchronized (pickRandom) {
            r = pickRandom.split();
        }
        for (int attempt = 0; attempt < 64; attempt++) {
            Site s = sites[r.nextInt(sites.length)];
            if (!s.publisher.faulty()) return publish(s, null, null).article();
        }
        for (Site s : sites) if (!s.publisher.faulty()) return publish(s, null, null).article();
        return publish(sites[r.nextInt(sites.length)], null, null).article();
    }

    /** Every article published so far (backlog included), by canonical URL. A live, unmodifiable view. */
    public Map<String, Publication> truth() {
        return Collections.unmodifiableMap(truth);
    }

    /** The true publication time of an article, by its canonical URL or its feed link (tracking query ignored). */
    public Optional<Instant> trueTime(String url) {
        Publication p = truth.get(url);
        if (p == null) {
            int cut = url.indexOf('?');
            if (cut < 0) cut = url.indexOf('#');
            if (cut >= 0) p = truth.get(url.substring(0, cut));
        }
        return Optional.ofNullable(p).map(Publication::publishedAt);
    }

    /** Articles published so far, backlog included. */
    public long publishedCount() {
        return published.get();
    }

    /**
     * Writes the truth log as JSON lines: {@code {"url":…,"guid":…,"publisher":…,"publishedAt":…,"title":…,
     * "language":…,"placeCountry":…,"storyId":…,"event":…,"copyOf":…}}, oldest first. {@code event} is shared by
     * every report and copy of one event; {@code copyOf} is the URL of the original a copy reprints, or null.
     */
    public void writeTruth(Writer out) throws IOException {
        List<Publication> all = new ArrayList<>(truth.values());
        all.sort(java.util.Comparator.comparing(Publication::publishedAt));
        for (Publication p : all) out.write(truthLine(p));
        out.flush();
    }

    /** Called after each publication (not for the backlog), on the publishing thread; keep it quick. */
    public void addListener(Consumer<SimArticle> listener) {
        listeners.add(listener);
    }

    /**
     * Scales every publisher's rate: 0 pauses the clock, 1 is the configured rates, 100 a hundred times faster.
     * A world started with {@code autoPublish=false} starts at 0.
     */
    public void setRateMultiplier(double m) {
        if (!(m >= 0) || Double.isInfinite(m)) throw new IllegalArgumentException("rate multiplier must be >= 0, got " + m);
        synchronized (rateLock) {
            multiplier = m;
            rateTable = PoissonSchedule.of(rates, rateTable.version() + 1);
        }
        wakeClock();
    }

    public double rateMultiplier() {
        return multiplier;
    }

    /** Sets one publisher's own rate in articles per minute (before the multiplier). */
    public void setRate(int publisher, double perMinute) {
        if (!(perMinute >= 0) || Double.isInfinite(perMinute)) {
            throw new IllegalArgumentException("rate must be >= 0, got " + perMinute);
        }
        synchronized (rateLock) {
            rates[publisher] = perMinute;
            rateTable = PoissonSchedule.of(rates, rateTable.version() + 1);
        }
        wakeClock();
    }

    /** Sets the multiplier so that the whole world publishes {@code perSecond} articles per second on average. */
    public void setTotalRatePerSecond(double perSecond) {
        double base = rateTable.totalPerMinute() / 60.0;
        if (base <= 0) throw new IllegalStateException("every publisher has rate 0; set rates first");
        setRateMultiplier(perSecond / base);
    }

    /** Mean articles per second the whole world publishes now. */
    public double totalRatePerSecond() {
        return rateTable.totalPerMinute() / 60.0 * multiplier;
    }

    /**
     * The world's feeds as OPML 2.0. Each outline has {@code type="rss" text title xmlUrl htmlUrl language}, the
     * {@code ww:country} and {@code ww:language} attributes in the {@value #OPML_NAMESPACE} namespace, and
     * {@code category="/country/xx,/language/yy"} for readers that know only OPML 2.0.
     */
    public String opml() {
        StringBuilder b = new StringBuilder(200 + publishers.size() * 300);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\" xmlns:ww=\"")
                .append(OPML_NAMESPACE).append("\">\n<head><title>Worldwire simulated publishers</title></head>\n<body>\n");
        for (Publisher p : publishers) {
            String name = Text.escapeXml(p.name());
            b.append("<outline type=\"rss\" text=\"").append(name).append("\" title=\"").append(name)
                    .append("\" xmlUrl=\"").append(p.feedUrl()).append("\" htmlUrl=\"").append(p.homeUrl())
                    .append("\" language=\"").append(p.language()).append("\" category=\"/country/")
                    .append(p.country().toLowerCase(java.util.Locale.ROOT)).append(",/language/").append(p.language())
                    .append("\" ww:country=\"").append(p.country()).append("\" ww:language=\"").append(p.language())
                    .append("\"/>\n");
        }
        return b.append("</body>\n</opml>\n").toString();
    }

    /** The namespace of the country and language attributes in {@link #opml()}, the one Worldwire's OPML reads. */
    public static final String OPML_NAMESPACE = "https://worldwire.org/opml";

    @Override
    public void close() {
        if (closed.getCount() == 0) return;
        closed.countDown();
        wakeClock();
        server.stop();
        try {
            clock.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- publishing

    private static FaultKind[] dealFaults(SplittableRandom r, int n, double share) {
        FaultKind[] faults = new FaultKind[n];
        java.util.Arrays.fill(faults, FaultKind.NONE);
        int faulty = (int) Math.round(share * n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int k = 0; k < faulty; k++) faults[order[k]] = FaultKind.FAULTS[k % FaultKind.FAULTS.length];
        return faults;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** One backlog article: when, where, and (once decided) what. */
    private record Slot(Instant at, int site, int index) {}

    /** A published article and, when it is an original, what others need to reprint it. */
    private record Out(SimArticle article, Newsroom.@Nullable Original<SimArticle> original) {}

    /**
     * Publishes every publisher's backlog. What each backlog article is (which event, which report of it) is decided
     * in one pass in true time order, so that events unfold in time whatever the number of publishers and the world
     * is the same for a seed; the text is then written per site, on every core for big worlds. Backlog articles are
     * never copies.
     */
    @SuppressWarnings("unchecked")
    private void backfill(Instant now) {
        int n = config.initialArticles();
        if (n == 0) return;
        List<Slot> slots = new ArrayList<>(sites.length * n);
        Instant[][] times = new Instant[sites.length][n];
        for (int s = 0; s < sites.length; s++) {
            Site site = sites[s];
            double perMinute = site.publisher.ratePerMinute() > 0 ? site.publisher.ratePerMinute() : 0.1;
            Instant t = now;
            for (int i = n - 1; i >= 0; i--) {
                double gapMinutes = -Math.log(1 - site.random.nextDouble()) / perMinute;
                t = t.minusMillis(Math.max(1_000L, (long) (gapMinutes * 60_000)));
                times[s][i] = t.truncatedTo(ChronoUnit.MILLIS);
            }
            for (int i = 0; i < n; i++) slots.add(new Slot(times[s][i], s, i));
        }
        slots.sort(java.util.Comparator.comparing(Slot::at).thenComparingInt(Slot::site));
        Newsroom.Plan<SimArticle>[][] plans = new Newsroom.Plan[sites.length][n];
        for (Slot slot : slots) {
            Publisher p = sites[slot.site()].publisher;
            // Sequence numbers of the backlog are 1..n, in time order per site.
            plans[slot.site()][slot.index()] = newsroom.plan(p.index(), p.country(), p.language(), slot.at(),
                    planRandom(p, slot.index() + 1), false);
        }
        Out[][] outs = new Out[sites.length][n];
        java.util.function.IntConsumer write = s -> {
            for (int i = 0; i < n; i++) outs[s][i] = publish(sites[s], times[s][i], plans[s][i]);
        };
        if (sites.length >= 256) {
            java.util.stream.IntStream.range(0, sites.length).parallel().forEach(write);
        } else {
            for (int s = 0; s < sites.length; s++) write.accept(s);
        }
        for (Slot slot : slots) {
            Out out = outs[slot.site()][slot.index()];
            if (out.original() != null) newsroom.remember(out.article().language(), out.original());
        }
    }

    private SplittableRandom articleRandom(Publisher p, long seq) {
        return new SplittableRandom(config.seed() * 31 + p.index() * 1_000_003L + seq);
    }

    private SplittableRandom planRandom(Publisher p, long seq) {
        return articleRandom(p, seq).split();
    }

    /**
     * Publishes one article now, or at {@code backdated} for the backlog (no listeners told then, and the caller
     * offers originals for reprinting in time order). {@code planned} is what it is, or null to ask the newsroom.
     */
    private Out publish(Site site, @Nullable Instant backdated, Newsroom.@Nullable Plan<SimArticle> planned) {
        Publisher p = site.publisher;
        boolean notify = backdated == null;
        SimArticle article;
        Page page;
        Newsroom.Original<SimArticle> original = null;
        synchronized (site) {
            long seq = ++site.lastSequence;
            SplittableRandom r = articleRandom(p, seq);
            // The clock is read under the lock so that the recorded time is when the feed can first show it.
            Instant when = backdated == null ? Instant.now() : backdated;
            Newsroom.Plan<SimArticle> plan = planned != null ? planned
                    : newsroom.plan(p.index(), p.country(), p.language(), when, planRandom(p, seq), backdated == null);
            Text.Story story;
            long storyId;
            URI copyOf = null;
            NewsEvent event = null;
            int reportNo = 0;
            switch (plan) {
                case Newsroom.Copy<SimArticle> c -> {
                    Newsroom.Original<SimArticle> o = c.original();
                    story = Reports.copy(o.story(), o.event(), o.reportNo(), p.name(), site.language, r);
                    storyId = o.key().storyId();
                    copyOf = o.key().url();
                }
                case Newsroom.Report<SimArticle> report -> {
                    event = report.event();
                    reportNo = report.reportNo();
                    story = Reports.report(event, reportNo, site.language, r);
                    storyId = storyIds.incrementAndGet();
                }
                case Newsroom.OneOff<SimArticle> oneOff -> {
                    event = oneOff.event();
                    story = Reports.report(event, 0, site.language, r);
                    storyId = storyIds.incrementAndGet();
                }
            }
            URI url = p.homeUrl().resolve("articles/" + seq + "-" + Text.slug(story.title()) + ".html");
            URI link = site.tracking ? URI.create(url + TRACKING) : url;
            article = new SimArticle(p.index(), seq, url, link, FeedWriter.guid(site.guidStyle, p, seq, url),
                    story.title(), story.author(), when, story.summary(), story.paragraphs(), p.language(),
                    story.place().country(), story.place().name(p.language()), storyId, plan.eventId(), copyOf);
            // Copies are not offered for copying again: a story has one origin.
            if (copyOf == null) {
                original = new Newsroom.Original<>(article, p.index(), story, event, reportNo, plan.eventId(),
                        Newsroom.copyWeight(Newsroom.agency(p.index()), plan));
            }
            page = new Page(article);
            site.window.addFirst(page);
            site.pages.put(seq, page);
            // The window is what the feed and the home page show; a page that leaves it is still served, as a
            // publisher's archive is, until the world-wide page cache lets it go.
            while (site.window.size() > config.feedSize() * 2) site.window.removeLast();
            site.version++;
            site.lastModified = when;
            site.rendered = null;
        }
        truth.put(article.url().toString(), Publication.of(article));
        published.incrementAndGet();
        if (notify && original != null) newsroom.remember(p.language(), original);
        cacheOrder.add(page);
        if (cached.incrementAndGet() > config.maxCachedArticles()) {
            Page old = cacheOrder.poll();
            if (old != null) {
                SimArticle gone = old.article;
                old.evict();
                sites[gone.publisher()].pages.remove(gone.sequence());
                cached.decrementAndGet();
            }
        }
        if (notify) {
            for (Consumer<SimArticle> l : listeners) {
                try {
                    l.accept(article);
                } catch (RuntimeException e) {
                    // A listener's failure must not stop publication.
                }
            }
        }
        return new Out(article, original);
    }

    private void wakeClock() {
        Thread c = clock;
        // Null only while the constructor has not started it yet.
        if (c != null) LockSupport.unpark(c);
    }

    private void runClock() {
        long next = System.nanoTime();
        long seenVersion = -1;
        double seenMultiplier = -1;
        while (closed.getCount() > 0) {
            PoissonSchedule table = rateTable;
            double m = multiplier;
            double perMinute = table.totalPerMinute() * m;
            if (perMinute <= 0) {
                LockSupport.parkNanos(1_000_000_000L);
                next = System.nanoTime();
                continue;
            }
            if (table.version() != seenVersion || m != seenMultiplier) {
                // Memoryless: after a rate change, the next event is drawn afresh from now.
                seenVersion = table.version();
                seenMultiplier = m;
                next = System.nanoTime();
            }
            next += PoissonSchedule.gapNanos(clockRandom, perMinute);
            long now = System.nanoTime();
            // Far behind (a paused process, a GC storm): do not fire a burst to catch up.
            if (next < now - 1_000_000_000L) next = now;
            boolean changed = false;
            while ((now = System.nanoTime()) < next && closed.getCount() > 0) {
                LockSupport.parkNanos(next - now);
                if (rateTable != table || multiplier != m) {
                    changed = true;
                    break;
                }
            }
            if (changed || closed.getCount() == 0) continue;
            try {
                publish(sites[table.pick(clockRandom.nextDouble())], null, null);
            } catch (RuntimeException e) {
                // Keep the clock alive whatever one publication did.
            }
        }
    }

    // ---------------------------------------------------------------- state

    /** One publisher's mutable state; guarded by its own monitor. */
    private final class Site {
        final Publisher publisher;
        final Language language;
        final SplittableRandom random;
        final int template;
        final ZoneOffset zone;
        final GuidStyle guidStyle;
        final boolean tracking;
        final String cacheControl;
        final Deque<Page> window = new ArrayDeque<>();
        final ConcurrentHashMap<Long, Page> pages = new ConcurrentHashMap<>();
        long lastSequence;
        long version;
        Instant lastModified = Instant.EPOCH;
        volatile @Nullable Rendered rendered;

        Site(Publisher publisher, Language language, SplittableRandom random) {
            this.publisher = publisher;
            this.language = language;
            this.random = random;
            this.template = random.nextInt(ArticleHtml.TEMPLATES);
            this.zone = ZONES[random.nextInt(ZONES.length)];
            this.guidStyle = GuidStyle.values()[random.nextInt(GuidStyle.values().length)];
            this.tracking = random.nextInt(4) == 0;
            this.cacheControl = random.nextInt(3) == 0 ? "public, max-age=60" : "no-cache";
        }

        /**
         * The feed of the current version, rendered at most once per version in the common case. Rendering runs
         * outside the lock so that publishing never waits for it; each item's markup is kept with its page.
         */
        Rendered rendered() {
            Rendered r = rendered;
            if (r != null) return r;
            List<Page> pages = new ArrayList<>(config.feedSize());
            long v;
            Instant modified;
            synchronized (this) {
                r = rendered;
                if (r != null) return r;
                Iterator<Page> it = window.iterator();
                while (it.hasNext() && pages.size() < config.feedSize()) pages.add(it.next());
                v = version;
                modified = lastModified;
            }
            List<SimArticle> items = new ArrayList<>(pages.size());
            java.util.IdentityHashMap<SimArticle, Page> byArticle = new java.util.IdentityHashMap<>();
            for (Page pg : pages) {
                SimArticle a = pg.article;
                items.add(a);
                byArticle.put(a, pg);
            }
            String tagline = ArticleHtml.tagline(publisher);
            String feed = FeedWriter.write(publisher, tagline, items, modified, zone, config.hubUrl(), a -> {
                Page pg = byArticle.get(a);
                String m = pg == null ? null : pg.itemMarkup;
                if (m == null) {
                    m = FeedWriter.item(publisher, a, zone, guidStyle);
                    if (pg != null) pg.itemMarkup = m;
                }
                return m;
            });
            if (publisher.fault() == FaultKind.MALFORMED) feed = malform(feed);
            r = new Rendered(encode(feed, publisher), "W/\"" + publisher.index() + "-" + v + "\"",
                    modified.truncatedTo(ChronoUnit.SECONDS), items, tagline);
            synchronized (this) {
                if (version == v) rendered = r;
            }
            return r;
        }

        byte[] home() {
            Rendered r = rendered();
            byte[] home = r.home;
            if (home == null) {
                home = ArticleHtml.home(publisher, language, r.tagline, r.items, publisher.format().fileName())
                        .getBytes(StandardCharsets.UTF_8);
                r.home = home;
            }
            return home;
        }

        List<SimArticle> relatedTo(SimArticle a) {
            List<SimArticle> out = new ArrayList<>(4);
            synchronized (this) {
                for (Page p : window) {
                    if (p.article.sequence() != a.sequence() && out.size() < 4) out.add(p.article);
                }
            }
            return out;
        }
    }

    /** One version of a feed; the compressed copy and the home page are made on first demand. */
    private static final class Rendered {
        final byte[] feed;
        final String etag;
        final Instant lastModified;
        final List<SimArticle> items;
        final String tagline;
        volatile byte @Nullable [] feedGzip;
        volatile byte @Nullable [] home;

        Rendered(byte[] feed, String etag, Instant lastModified, List<SimArticle> items, String tagline) {
            this.feed = feed;
            this.etag = etag;
            this.lastModified = lastModified;
            this.items = items;
            this.tagline = tagline;
        }

        byte[] feedGzip() {
            byte[] gz = feedGzip;
            if (gz == null) {
                gz = gzip(feed);
                feedGzip = gz;
            }
            return gz;
        }
    }

    /**
     * One article page; its HTML is rendered on first request, kept compressed only (readers ask for gzip; the rest get
     * it decompressed), and dropped when the world-wide cache is full. Once rendered, the article keeps only what the
     * feed shows: at 800 articles/s, 100,000 pages with their bodies three times over (text, HTML and gzip) filled a
     * 1.5 GB heap in 45 s and stalled the world in back-to-back full collections.
     */
    private static final class Page {
        volatile SimArticle article;
        volatile byte @Nullable [] htmlGzip;
        volatile @Nullable String itemMarkup;
        volatile boolean evicted;

        Page(SimArticle article) {
            this.article = article;
        }

        void rendered(byte[] gzipped) {
            htmlGzip = gzipped;
            article = article.withoutParagraphs();
        }

        void evict() {
            evicted = true;
            htmlGzip = null;
            itemMarkup = null;
            article = article.withoutParagraphs();
        }
    }

    private static String malform(String feed) {
        // An unescaped ampersand in the first title and a document cut short: two classic breakages.
        String broken = feed.replaceFirst("<title>", "<title>Q&A: ").replaceFirst("\"title\":\"", "\"title\":\"Q\"A ");
        return broken.substring(0, Math.max(1, broken.length() * 2 / 3));
    }

    private static byte[] encode(String text, Publisher p) {
        if (p.fault() != FaultKind.WRONG_CHARSET) return text.getBytes(StandardCharsets.UTF_8);
        return text.getBytes(legacyCharset(p.language()));
    }

    /** The legacy charset a {@link FaultKind#WRONG_CHARSET} source really writes in. */
    static Charset legacyCharset(String language) {
        return switch (language) {
            case "ru" -> Charset.forName("windows-1251");
            case "ar" -> Charset.forName("windows-1256");
            case "zh" -> Charset.forName("GBK");
            default -> Charset.forName("windows-1252");
        };
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        // Fastest level: feeds are recompressed on every change and loopback bandwidth is free.
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(Context ex) {
        try {
            String method = ex.req().getMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.header("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            route(ex, ex.req().getRequestURI());
        } catch (IOException e) {
            // The client went away: nothing to answer, the server goes on.
        } catch (RuntimeException e) {
            try {
                send(ex, 500, "text/plain; charset=utf-8", "simulator error: " + e + "\n");
            } catch (IOException | RuntimeException ignored) {
                // Headers were already out; the connection closes and the client sees a short response.
            }
        }
    }

    private void route(Context ex, String path) throws IOException {
        switch (path) {
            case "/" -> send(ex, 200, "text/html; charset=utf-8", index());
            case "/robots.txt" -> send(ex, 200, "text/plain; charset=utf-8", "User-agent: *\nAllow: /\n");
            case "/world.opml" -> send(ex, 200, "text/x-opml; charset=utf-8", opml());
            case "/truth.jsonl" -> sendTruth(ex);
            default -> {
                if (!path.startsWith("/p/")) {
                    send(ex, 404, "text/plain; charset=utf-8", "not found\n");
                    return;
                }
                int slash = path.indexOf('/', 3);
                int n = parseIndex(slash < 0 ? path.substring(3) : path.substring(3, slash));
                if (n < 0 || n >= sites.length) {
                    send(ex, 404, "text/plain; charset=utf-8", "no such publisher\n");
                    return;
                }
                Site site = sites[n];
                String rest = slash < 0 ? "" : path.substring(slash + 1);
                if (rest.isEmpty()) {
                    if (slash < 0) {
                        ex.header("Location", site.publisher.homeUrl().toString());
                        send(ex, 301, "text/plain; charset=utf-8", "moved\n");
                    } else {
                        send(ex, 200, "text/html; charset=utf-8", site.home(), null);
                    }
                } else if (rest.equals(site.publisher.format().fileName())) {
                    serveFeed(ex, site);
                } else if (rest.startsWith("articles/")) {
                    serveArticle(ex, site, rest.substring("articles/".length()));
                } else {
                    send(ex, 404, "text/plain; charset=utf-8", "not found\n");
                }
            }
        }
    }

    private static int parseIndex(String s) {
        if (s.isEmpty() || s.length() > 9) return -1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return -1;
        return Integer.parseInt(s);
    }

    private void serveFeed(Context ex, Site site) throws IOException {
        Publisher p = site.publisher;
        switch (p.fault()) {
            case HTTP_500 -> {
                send(ex, 500, "text/html; charset=utf-8", "<h1>500 Internal Server Error</h1>\n");
                return;
            }
            case RATE_LIMITED -> {
                ex.header("Retry-After", "120");
                send(ex, 429, "text/plain; charset=utf-8", "too many requests\n");
                return;
            }
            case TIMEOUT -> {
                if (!slowPermits.tryAcquire()) {
                    // Bounded: beyond this many hanging requests, fail fast rather than pile up.
                    send(ex, 503, "text/plain; charset=utf-8", "busy\n");
                    return;
                }
                try {
                    if (closed.await(config.slowDelay().toMillis(), TimeUnit.MILLISECONDS)) return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    slowPermits.release();
                }
            }
            default -> { }
        }
        Rendered r = site.rendered();
        ex.header("ETag", r.etag);
        ex.header("Last-Modified", HTTP_DATE.format(r.lastModified));
        ex.header("Cache-Control", site.cacheControl);
        if (notModified(ex.header("If-None-Match"), ex.header("If-Modified-Since"), r)) {
            ex.status(304);
            return;
        }
        // A WRONG_CHARSET source says utf-8 here too: that is its fault.
        send(ex, 200, p.format().mediaType() + "; charset=utf-8", r.feed,
                acceptsGzip(ex.header("Accept-Encoding")) ? r.feedGzip() : null);
        ex.header("Vary", "Accept-Encoding");
    }

    private static boolean notModified(@Nullable String inm, @Nullable String ims, Rendered r) {
        if (inm != null) {
            // Weak comparison (RFC 9110 8.8.3.2): W/ prefixes do not matter.
            String ours = r.etag.startsWith("W/") ? r.etag.substring(2) : r.etag;
            for (String tag : inm.split(",")) {
                String t = tag.strip();
                if (t.equals("*")) return true;
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals(ours)) return true;
            }
            return false;
        }
        if (ims != null) {
            try {
                Instant since = ZonedDateTime.parse(ims.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !r.lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private void serveArticle(Context ex, Site site, String name) throws IOException {
        if (site.publisher.fault() == FaultKind.ARTICLE_404) {
            send(ex, 404, "text/html; charset=utf-8", "<h1>Page not found</h1>\n");
            return;
        }
        int dash = name.indexOf('-');
        long seq = -1;
        if (dash > 0 && name.endsWith(".html")) {
            try {
                seq = Long.parseLong(name.substring(0, dash));
            } catch (NumberFormatException e) {
                seq = -1;
            }
        }
        Page page = seq > 0 ? site.pages.get(seq) : null;
        if (page == null) {
            boolean existed = seq > 0 && seq <= site.lastSequence;
            send(ex, existed ? 410 : 404, "text/html; charset=utf-8",
                    existed ? "<h1>Gone</h1>\n" : "<h1>Page not found</h1>\n");
            return;
        }
        byte[] gz = page.htmlGzip;
        SimArticle a = page.article;
        // Rendered by another request meanwhile: the article just read may be stripped already, and then its page is
        // there (rendered() stores the page before it strips the article).
        if (gz == null) gz = page.htmlGzip;
        byte[] html = null;
        if (gz == null) {
            if (page.evicted) {
                send(ex, 410, "text/html; charset=utf-8", "<h1>Gone</h1>\n");
                return;
            }
            boolean wrong = site.publisher.fault() == FaultKind.WRONG_CHARSET;
            String text = ArticleHtml.article(site.publisher, site.language, site.template, a, site.relatedTo(a),
                    "utf-8");
            html = wrong ? text.getBytes(legacyCharset(a.language())) : text.getBytes(StandardCharsets.UTF_8);
            gz = gzip(html);
            page.rendered(gz);
        }
        if (html == null && !acceptsGzip(ex.header("Accept-Encoding"))) html = gunzip(gz);
        ex.header("Vary", "Accept-Encoding");
        ex.header("Last-Modified", HTTP_DATE.format(a.publishedAt()));
        ex.header("Cache-Control", "public, max-age=300");
        send(ex, 200, "text/html; charset=utf-8", html == null ? new byte[0] : html, gz);
    }

    private void sendTruth(Context ex) throws IOException {
        StringBuilder b = new StringBuilder();
        List<Publication> all = new ArrayList<>(truth.values());
        all.sort(java.util.Comparator.comparing(Publication::publishedAt));
        for (Publication p : all) b.append(truthLine(p));
        send(ex, 200, "application/x-ndjson; charset=utf-8", b.toString());
    }

    static String truthLine(Publication p) {
        return "{\"url\":\"" + Text.escapeJson(p.url()) + "\",\"guid\":\"" + Text.escapeJson(p.guid())
                + "\",\"publisher\":" + p.publisher() + ",\"publishedAt\":\"" + p.publishedAt()
                + "\",\"title\":\"" + Text.escapeJson(p.title()) + "\",\"language\":\"" + p.language()
                + "\",\"placeCountry\":\"" + p.placeCountry() + "\",\"storyId\":" + p.storyId()
                + ",\"event\":" + p.event() + ",\"copyOf\":"
                + (p.copyOf() == null ? "null" : "\"" + Text.escapeJson(p.copyOf()) + "\"") + "}\n";
    }

    private String index() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Worldwire simulated publishers</title></head><body><h1>Simulated publishers</h1>"
                + "<p><a href=\"/world.opml\">OPML</a> · <a href=\"/truth.jsonl\">truth log</a></p><ul>\n");
        for (Publisher p : publishers) {
            b.append("<li><a href=\"").append(p.homeUrl()).append("\">").append(Text.escapeXml(p.name()))
                    .append("</a> (").append(p.country()).append(", ").append(p.language()).append(", ")
                    .append(p.format()).append(p.faulty() ? ", " + p.fault() : "").append(") <a href=\"")
                    .append(p.feedUrl()).append("\">feed</a></li>\n");
        }
        return b.append("</ul></body></html>\n").toString();
    }

    private static void send(Context ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static void send(Context ex, int status, String type, byte[] body, byte @Nullable [] gzipped)
            throws IOException {
        ex.status(status);
        ex.contentType(type);
        byte[] out = body;
        if (gzipped != null) {
            ex.header("Vary", "Accept-Encoding");
            if (acceptsGzip(ex.header("Accept-Encoding"))) {
                ex.header("Content-Encoding", "gzip");
                out = gzipped;
            }
        }
        ex.res().setContentLength(out.length);
        // Jetty sends no body to a HEAD request, whatever is written.
        if (out.length > 0) ex.result(out);
    }

    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] bits = part.strip().split(";");
            String coding = bits[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) continue;
            for (int i = 1; i < bits.length; i++) {
                String q = bits[i].strip().toLowerCase(java.util.Locale.ROOT);
                if (q.startsWith("q=")) {
                    try {
                        if (Double.parseDouble(q.substring(2)) == 0) return false;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }
}
