package org.worldwire.web;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.search.SearchHit;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.SearchQuery;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.SourceStore;
import org.worldwire.store.StoryStore;
import org.worldwire.web.Views.Chrome;
import org.worldwire.web.Views.CountryLink;
import org.worldwire.web.Views.Item;
import org.worldwire.web.Views.Link;

/** The site's read model over the ports: looks up sources, shapes articles into views, finds sections. */
final class Site {
    private static final long SOURCE_RELOAD_NANOS = 5_000_000_000L;
    private static final Source UNKNOWN_SOURCE = Source.of("about:unknown");

    final WebConfig config;
    final SourceStore sources;
    final ArticleStore articles;
    final StoryStore stories;
    final SearchIndex search;
    final RegionDirectory regions;
    final InstantSource clock;
    final Assets assets;
    private final List<Link> regionLinks;
    private volatile Map<Long, Source> sourceById = Map.of();
    private volatile long sourcesLoadedAt = Long.MIN_VALUE / 2;

    Site(WebConfig config, SourceStore sources, ArticleStore articles, StoryStore stories, SearchIndex search,
            RegionDirectory regions, InstantSource clock, Assets assets) {
        this.config = config;
        this.sources = sources;
        this.articles = articles;
        this.stories = stories;
        this.search = search;
        this.regions = regions;
        this.clock = clock;
        this.assets = assets;
        this.regionLinks = regions.regions().stream().map(r -> new Link(r, regionPath(r))).toList();
    }

    // ---- sources -------------------------------------------------------------------------------------

    /** The source of an id, from a copy reloaded every few seconds and whenever an unknown id turns up. */
    Optional<Source> source(long id) {
        Source s = sourceById.get(id);
        if (s == null && System.nanoTime() - sourcesLoadedAt > 200_000_000L) {
            reloadSources();
            s = sourceById.get(id);
        } else if (System.nanoTime() - sourcesLoadedAt > SOURCE_RELOAD_NANOS) {
            reloadSources();
        }
        return Optional.ofNullable(s);
    }

    List<Source> allSources() {
        reloadSources();
        return List.copyOf(sourceById.values());
    }

    private synchronized void reloadSources() {
        Map<Long, Source> m = new ConcurrentHashMap<>();
        for (Source s : sources.all()) m.put(s.id(), s);
        sourceById = m;
        sourcesLoadedAt = System.nanoTime();
    }

    Source sourceOrUnknown(long id) {
        return source(id).orElse(UNKNOWN_SOURCE);
    }

    // ---- paths ---------------------------------------------------------------------------------------

    static String articlePath(Article a) {
        return "/article/" + a.id() + "-" + Text.slug(a.title());
    }

    static String storyPath(long id) {
        return "/story/" + id;
    }

    static String sourcePath(long id) {
        return "/source/" + id;
    }

    static String countryPath(String iso2) {
        return "/country/" + iso2.toLowerCase(Locale.ROOT);
    }

    static String regionPath(String region) {
        return "/region/" + RegionDirectory.slug(region);
    }

    String abs(String path) {
        return config.baseUrl() + path;
    }

    // ---- views ---------------------------------------------------------------------------------------

    Chrome chrome(Consent consent, String path) {
        return new Chrome(config.siteName(), config.tagline(), consent, assets.cssHref(), assets.jsHref(), path,
                regionLinks);
    }

    /**
     * The sections an article is filed under: the countries it is about, else those it mentions, else its source's.
     * A story that names a country in passing does not land in that country's section.
     */
    List<String> countriesOf(Article a, Source s) {
        Set<String> all = new LinkedHashSet<>();
        for (String c : a.primaryCountries()) addCountry(all, c);
        if (all.isEmpty()) for (String c : a.countries()) addCountry(all, c);
        if (all.isEmpty() && s.country() != null) addCountry(all, s.country());
        return List.copyOf(all);
    }

    private static void addCountry(Set<String> into, String code) {
        String c = Text.iso2(code);
        if (c != null) into.add(c);
    }

    Item item(Article a, Instant now, boolean withExcerpt) {
        Source s = sourceOrUnknown(a.sourceId());
        String country = Text.iso2(s.country());
        Instant t = a.shownTime();
        String excerpt = withExcerpt ? Text.excerpt(a.paragraphs(), a.summary(), 220) : null;
        if (excerpt != null && excerpt.isEmpty()) excerpt = null;
        return new Item(a.id(), articlePath(a), a.title(), Text.langTag(a.language()), s.id(), s.title(),
                sourcePath(s.id()), country, country == null ? "" : Text.flag(country),
                country == null ? "" : Text.countryName(country), Text.iso(t), Text.exact(t), Text.relative(t, now),
                excerpt, String.join(" ", countriesOf(a, s)));
    }

    List<Item> items(List<Article> list, boolean withExcerpt) {
        Instant now = clock.instant();
        return list.stream().map(a -> item(a, now, withExcerpt)).toList();
    }

    boolean fullText(Article a) {
        return sourceOrUnknown(a.sourceId()).displayPolicy() == DisplayPolicy.FULL_TEXT;
    }

    /** Paragraphs the source's display policy lets us show: all of them, or an excerpt. */
    List<String> shownParagraphs(Article a) {
        if (fullText(a)) return a.paragraphs();
        String ex = Text.excerpt(a.paragraphs(), a.summary(), config.excerptLength());
        return ex.isEmpty() ? List.of() : List.of(ex);
    }

    // ---- sections ------------------------------------------------------------------------------------

    /** Newest articles whose countries fall in the region, scanning at most {@code scan} recent articles. */
    List<Article> inRegion(String region, @Nullable String language, int limit, @Nullable Long beforeId, int scan) {
        Set<String> members = Set.copyOf(regions.countriesIn(region));
        List<Article> out = new ArrayList<>();
        Long cursor = beforeId;
        int seen = 0;
        while (out.size() < limit && seen < scan) {
            ArticleQuery q = new ArticleQuery(null, null, language, null, cursor, 200);
            List<Article> page = articles.list(q);
            if (page.isEmpty()) break;
            for (Article a : page) {
                seen++;
                Source s = sourceOrUnknown(a.sourceId());
                if (countriesOf(a, s).stream().anyMatch(members::contains)) {
                    out.add(a);
                    if (out.size() == limit) break;
                }
            }
            cursor = page.getLast().id();
            if (page.size() < 200) break;
        }
        return out;
    }

    /** Countries most mentioned by the latest articles, most first. */
    List<CountryLink> countriesInTheNews(List<Article> recent, int max) {
        Map<String, Integer> counts = new HashMap<>();
        for (Article a : recent) {
            for (String c : countriesOf(a, sourceOrUnknown(a.sourceId()))) counts.merge(c, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .map(e -> countryLink(e.getKey(), e.getValue()))
                .toList();
    }

    CountryLink countryLink(String iso2, int recent) {
        return new CountryLink(iso2, Text.countryName(iso2), Text.flag(iso2), countryPath(iso2), recent);
    }

    // ---- stories -------------------------------------------------------------------------------------

    /**
     * Other reports of the same story. There is no clustering yet: candidates come from a relevance search on
     * the headline, and a candidate counts when its headline shares at least half of its significant words with
     * this one (Jaccard ≥ 0.5 over words of three letters or more).
     */
    List<Article> sameStory(Article a, int max) {
        long now = System.nanoTime();
        Related cached = related.get(a.id());
        if (cached != null && now - cached.madeAt < RELATED_NANOS && cached.max >= max) {
            return cached.articles.subList(0, Math.min(max, cached.articles.size()));
        }
        List<Article> found = findSameStory(a, max);
        if (related.size() > 10_000) related.clear();
        related.put(a.id(), new Related(found, max, now));
        return found;
    }

    private record Related(List<Article> articles, int max, long madeAt) {}

    /**
     * For article pages: the other reports when already known, else none for now while one background
     * thread finds them, so a page view never waits on a search. Stale answers are shown until replaced.
     */
    List<Article> sameStoryNoWait(Article a, int max) {
        Related cached = related.get(a.id());
        boolean fresh = cached != null && System.nanoTime() - cached.madeAt < RELATED_NANOS && cached.max >= max;
        if (!fresh && relatedInFlight.add(a.id())) {
            try {
                relatedWorker.execute(() -> {
                    try {
                        sameStory(a, max);
                    } catch (RuntimeException e) {
                        // the store or index is closing or failing: the page shows no other reports this time
                    } finally {
                        relatedInFlight.remove(a.id());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                relatedInFlight.remove(a.id());
            }
        }
        return cached == null ? List.of() : cached.articles.subList(0, Math.min(max, cached.articles.size()));
    }

    private final Set<Long> relatedInFlight = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ThreadPoolExecutor relatedWorker = new java.util.concurrent.ThreadPoolExecutor(
            1, 1, 0, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(256),
            r -> Thread.ofPlatform().daemon().name("related-reports").unstarted(r),
            new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());

    /** True when the other reports of this article have been looked for (they may be none). */
    boolean relatedKnown(long articleId) {
        return related.containsKey(articleId);
    }

    void close() {
        relatedWorker.shutdownNow();
    }

    private static final long RELATED_NANOS = 30_000_000_000L;
    private final Map<Long, Related> related = new ConcurrentHashMap<>();

    private List<Article> findSameStory(Article a, int max) {
        Set<String> words = titleWords(a.title());
        if (words.isEmpty()) return List.of();
        List<SearchHit> hits;
        try {
            // any word may match (the index ANDs plain words); the headline overlap below does the judging
            hits = search.search(new SearchQuery(String.join(" OR ", words), SearchQuery.Order.RELEVANCE, null, null, null, Math.min(1000, max + 10)));
        } catch (RuntimeException e) {
            return List.of();
        }
        List<Article> out = new ArrayList<>();
        for (SearchHit h : hits) {
            if (h.articleId() == a.id()) continue;
            Optional<Article> other = articles.find(h.articleId());
            if (other.isPresent() && jaccard(words, titleWords(other.get().title())) >= 0.5) {
                out.add(other.get());
                if (out.size() == max) break;
            }
        }
        out.sort((x, y) -> Long.compare(y.id(), x.id()));
        return List.copyOf(out);
    }

    static Set<String> titleWords(String title) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.codePointCount(0, w.length()) >= 3) out.add(w);
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int common = 0;
        for (String w : a) if (b.contains(w)) common++;
        return (double) common / (a.size() + b.size() - common);
    }
}
