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
import org.worldwire.model.Story;
import org.worldwire.search.SearchIndex;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.SourceStore;
import org.worldwire.store.StoryQuery;
import org.worldwire.store.StoryStore;
import org.worldwire.web.Views.Chrome;
import org.worldwire.web.Views.CountryLink;
import org.worldwire.web.Views.Item;
import org.worldwire.web.Views.CountryGroup;
import org.worldwire.web.Views.Link;
import org.worldwire.web.Views.Report;
import org.worldwire.web.Views.StoryEntry;
import org.worldwire.web.Views.StoryPage;
import org.worldwire.web.Views.TimelineRow;

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
        return articlePath(a.id(), Text.slug(a.title()));
    }

    static String articlePath(long id, String slug) {
        return "/article/" + id + "-" + slug;
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
        return new Chrome(config.siteName(), config.tagline(), consent, assets.cssHref(), assets.jsHref(), assets.iconHref(), path,
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

    /** Countries the given stories are about, weighted by their independent sources, most first. */
    List<CountryLink> countriesOfStories(List<Story> stories, int max) {
        Map<String, Integer> counts = new HashMap<>();
        for (Story st : stories) {
            for (String c : st.countries()) counts.merge(c, st.sources(), Integer::sum);
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

    /** Stories last updated within this many hours compete for the top of a page. */
    private static final int TOP_WINDOW_HOURS = 48;
    /** A story's prominence halves with every this many hours of age; see {@link Story#rank}. */
    static final double RANK_HALF_LIFE_HOURS = 6;
    private static final int TOP_CANDIDATES = 600;

    /**
     * The stories to lead a page with, most prominent first: recent stories ranked by independent sources and
     * age, then, when the last two days were quiet, the latest older ones.
     *
     * @param country only stories about this country, or null
     * @param region only stories about a country of this set, or null
     */
    List<Story> topStories(@Nullable String country, @Nullable Set<String> region, int limit) {
        return topStories(country, region, null, limit);
    }

    /** {@link #topStories(String, Set, int)} reported in one language, when {@code language} is not null. */
    List<Story> topStories(@Nullable String country, @Nullable Set<String> region, @Nullable String language, int limit) {
        Instant now = clock.instant();
        StoryQuery q = StoryQuery.latest(TOP_CANDIDATES).updatedSince(now.minus(java.time.Duration.ofHours(TOP_WINDOW_HOURS)));
        if (country != null) q = q.about(country);
        if (language != null) q = q.inLanguage(language);
        List<Story> candidates = new ArrayList<>(inRegion(stories.list(q), region));
        candidates.sort(java.util.Comparator.comparingDouble((Story s) -> -s.rank(now, RANK_HALF_LIFE_HOURS))
                .thenComparing(Story::id, java.util.Comparator.reverseOrder()));
        List<Story> out = new ArrayList<>(candidates.subList(0, Math.min(limit, candidates.size())));
        if (out.size() < limit) {
            StoryQuery older = StoryQuery.latest(Math.min(1000, limit * (region == null ? 1 : 10)));
            if (country != null) older = older.about(country);
            if (language != null) older = older.inLanguage(language);
            Set<Long> have = new java.util.HashSet<>();
            for (Story st : out) have.add(st.id());
            for (Story st : inRegion(stories.list(older), region)) {
                if (out.size() == limit) break;
                if (have.add(st.id())) out.add(st);
            }
        }
        return out;
    }

    private static List<Story> inRegion(List<Story> list, @Nullable Set<String> region) {
        if (region == null) return list;
        return list.stream().filter(st -> st.countries().stream().anyMatch(region::contains)).toList();
    }

    StoryEntry storyEntry(Story st, Instant now) {
        Article lead = articles.find(st.leadArticleId()).orElse(null);
        Item leadItem = lead == null ? null : item(lead, now, false);
        if (leadItem == null) {
            leadItem = new Item(st.leadArticleId(), storyPath(st.id()), st.title(), null, 0, "", "", null, "", "",
                    Text.iso(st.lastUpdate()), Text.exact(st.lastUpdate()), Text.relative(st.lastUpdate(), now), null, "");
        }
        return new StoryEntry(st.id(), storyPath(st.id()), st.title(), st.summary(), leadItem, st.sources(),
                st.sourceCountries(), coverage(st.sources(), st.sourceCountries()), String.join(" ", st.countries()));
    }

    static String coverage(int sources, int countries) {
        return sources + (sources == 1 ? " source" : " sources")
                + (countries == 0 ? "" : ", " + countries + (countries == 1 ? " country" : " countries"));
    }

    List<StoryEntry> storyEntries(List<Story> list) {
        Instant now = clock.instant();
        return list.stream().map(st -> storyEntry(st, now)).toList();
    }

    /** A story's full coverage: reports grouped by their source's country, copies under their report, a timeline. */
    StoryPage storyPage(Story st, List<Article> all) {
        Instant now = clock.instant();
        Map<Long, List<Article>> copiesOf = new HashMap<>();
        List<Article> reports = new ArrayList<>();
        Set<Long> ids = new java.util.HashSet<>();
        for (Article a : all) ids.add(a.id());
        for (Article a : all) {
            // a copy whose original is not in the story (it moved in a merge) is shown as a report of its own
            if (a.isCopy() && ids.contains(a.copyOf())) copiesOf.computeIfAbsent(a.copyOf(), k -> new ArrayList<>()).add(a);
            else reports.add(a);
        }
        Map<String, List<Report>> byCountry = new java.util.TreeMap<>();
        for (Article r : reports) {
            String cc = Text.iso2(sourceOrUnknown(r.sourceId()).country());
            List<Item> copies = copiesOf.getOrDefault(r.id(), List.of()).stream().map(c -> item(c, now, false)).toList();
            byCountry.computeIfAbsent(cc == null ? "" : cc, k -> new ArrayList<>()).add(new Report(item(r, now, true), copies));
        }
        List<CountryGroup> groups = new ArrayList<>();
        byCountry.forEach((cc, list) -> groups.add(cc.isEmpty()
                ? new CountryGroup(null, "Sources elsewhere", "", list)
                : new CountryGroup(cc, Text.countryName(cc), Text.flag(cc), list)));
        // the country with most reports first; "elsewhere" last
        groups.sort(java.util.Comparator.comparing((CountryGroup g) -> g.iso2() == null)
                .thenComparing(g -> -g.reports().size()).thenComparing(CountryGroup::name));
        List<TimelineRow> timeline = new ArrayList<>();
        List<Article> byTime = new ArrayList<>(all);
        byTime.sort(java.util.Comparator.comparing(Article::discovered).thenComparing(Article::id));
        Instant first = byTime.isEmpty() ? st.firstSeen() : byTime.getFirst().discovered();
        for (Article a : byTime) {
            Source s = sourceOrUnknown(a.sourceId());
            timeline.add(new TimelineRow(Text.iso(a.discovered()), Text.exact(a.discovered()),
                    timeline.isEmpty() ? "first" : offset(java.time.Duration.between(first, a.discovered())), s.title(), sourcePath(s.id()),
                    articlePath(a), a.title(), a.isCopy()));
        }
        int copies = all.size() - reports.size();
        List<CountryLink> about = st.countries().stream().map(c -> countryLink(c, 0)).toList();
        return new StoryPage(storyEntry(st, now), Text.iso(st.firstSeen()), Text.exact(st.firstSeen()),
                Text.relative(st.firstSeen(), now), groups, timeline,
                copies, about);
    }

    static String offset(java.time.Duration d) {
        long m = d.toMinutes();
        if (m < 1) return "+<1 min";
        if (m < 60) return "+" + m + " min";
        long h = d.toHours();
        if (h < 48) return "+" + h + " h " + (m % 60) + " min";
        return "+" + d.toDays() + " days";
    }

    /** The lead reports of the stories, in their order, each titled as its story. */
    List<Article> leads(List<Story> list) {
        List<Article> out = new ArrayList<>(list.size());
        for (Story st : list) {
            articles.find(st.leadArticleId()).ifPresent(a -> out.add(a.storyId() == st.id() ? a : a.inStory(st.id(), a.copyOf())));
        }
        return out;
    }

    /** Other reports of the article's story (copies left out), newest first. */
    List<Article> otherReports(Article a, int max) {
        if (a.storyId() == 0) return List.of();
        List<Article> all = stories.articles(a.storyId(), 200);
        List<Article> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < max; i--) {
            Article x = all.get(i);
            if (x.id() != a.id() && !x.isCopy() && x.copyOf() != a.id()) out.add(x);
        }
        return out;
    }

    void close() {
        // nothing of its own to release: the stores and the index belong to the application
    }
}
