package org.worldwire.search.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.JsonpDeserializer;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.TotalHitsRelation;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.model.Article;
import org.worldwire.search.SearchHit;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.SearchResult;
import org.worldwire.search.SearchSyntax;
import org.worldwire.search.SearchUnavailableException;

/**
 * Articles in an OpenSearch index, shared by every worker and web node of a scaled-out installation; answers
 * {@link SearchQuery} as the Lucene index does (same syntax, filters, facets, highlighting and cursor paging).
 *
 * <p>The index is created with its mapping ({@link IndexMapping}) when it is missing. {@link #open} does not need the
 * node to be up: while it is unreachable every call throws {@link SearchUnavailableException} after at most the
 * configured connect or request timeout, and the first call after it is back creates the index if needed. An index of
 * another mapping version is refused with an {@link IllegalStateException} (rebuild it from the store).
 *
 * <p>Visibility: the index refreshes once a second by itself (OpenSearch's default), as the port promises;
 * {@link #refresh()} forces it. Thread-safe: the client is, and the only state here is set once.
 */
public final class OpenSearchSearchIndex implements SearchIndex {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchSearchIndex.class);
    /**
     * News order: recency adds {@code NEWS_WEIGHT * NEWS_PIVOT / (NEWS_PIVOT + age)} to the text score, the values of
     * the Lucene index (a day-old article keeps half the boost), so both rank news alike.
     */
    static final Duration NEWS_PIVOT = Duration.ofHours(24);
    static final float NEWS_WEIGHT = 6f;
    /** Facet values returned per facet (SearchResult's promise). */
    private static final int FACET_VALUES = 50;
    /** Totals are exact up to this many matches, a lower bound above (SearchResult's promise). */
    private static final int EXACT_TOTAL = 10_000;
    /** Hits highlighted per page: passages are for people, a program asking for many ids needs none. */
    private static final int SNIPPETS = 50;
    /** Highlight at most this much of a text, as the Lucene index does. */
    private static final int HIGHLIGHT_CHARS = 20_000;

    private final OpenSearchConfig config;
    private final InstantSource clock;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchClient client;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean indexReady;
    /**
     * The field suffixes (languages) present in the index, so that queries name only their fields: what this process
     * indexed, and what the index held at the last count, at most {@link #LANGUAGES_TTL} ago, so that the first
     * article in a new language another node indexed is found as soon as the port promises. The count is a size-0
     * aggregation that OpenSearch's request cache answers until the next refresh. Never shrinks. Replaced whole,
     * never changed in place.
     */
    private volatile Set<String> present = Set.of();
    private volatile long presentCountedAt = Long.MIN_VALUE;
    private static final Duration LANGUAGES_TTL = Duration.ofSeconds(1);

    private OpenSearchSearchIndex(OpenSearchConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        HttpHost host = new HttpHost(config.url().getScheme(), config.url().getHost(),
                config.url().getPort() > 0 ? config.url().getPort() : 9200);
        Timeout connect = Timeout.of(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Timeout answer = Timeout.of(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        this.transport = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(b -> b.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(answer).build())
                        .setMaxConnTotal(64).setMaxConnPerRoute(64)
                        .build()))
                // a request waiting for a pooled connection (more than 64 at once) gives up as a connection attempt would
                .setRequestConfigCallback(b -> b.setConnectionRequestTimeout(connect).setResponseTimeout(answer))
                .build();
        this.client = new OpenSearchClient(transport);
    }

    /**
     * An index at {@code config}; creates it with its mapping when the node answers and it is missing. Never fails
     * because the node is down (calls fail until it is up); {@code clock} is "now" for the news ranking.
     *
     * @throws IllegalStateException when the index exists with another mapping version
     */
    public static OpenSearchSearchIndex open(OpenSearchConfig config, InstantSource clock) {
        var index = new OpenSearchSearchIndex(config, clock);
        try {
            index.ensureIndex();
        } catch (SearchUnavailableException e) {
            log.warn("opensearch unavailable at open url={} index={} error={}", config.url(), config.index(), e.getMessage());
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    /** The configuration it was opened with. */
    public OpenSearchConfig config() {
        return config;
    }

    private void ensureIndex() {
        if (indexReady) return;
        synchronized (this) {
            if (indexReady) return;
            String name = config.index();
            boolean exists = call("checking the index", () -> client.indices().exists(e -> e.index(name)).value());
            if (!exists) {
                try {
                    Map<String, Object> body = IndexMapping.createIndexBody(config.shards(), config.replicas());
                    IndexSettings settings = parse(body.get("settings"), IndexSettings._DESERIALIZER);
                    TypeMapping mappings = parse(body.get("mappings"), TypeMapping._DESERIALIZER);
                    call("creating the index", () -> client.indices().create(c -> c.index(name).settings(settings).mappings(mappings)));
                    log.info("opensearch index created index={} shards={} replicas={}", name, config.shards(), config.replicas());
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the index mapping does not serialise", e);
                } catch (IllegalStateException e) {
                    // another node created it meanwhile: fine, it has the mapping of the same code (checked below)
                    if (!e.getMessage().contains("resource_already_exists_exception")) throw e;
                }
            }
            var mapping = call("reading the index mapping", () -> client.indices().getMapping(g -> g.index(name)));
            var meta = mapping.result().values().iterator().next().mappings().meta();
            JsonData version = meta == null ? null : meta.get(IndexMapping.META_VERSION);
            if (version == null || version.to(Integer.class) != IndexMapping.VERSION) {
                throw new IllegalStateException("the OpenSearch index '" + name + "' has mapping version " + version
                        + ", this version of Worldwire needs " + IndexMapping.VERSION
                        + ": delete the index (or configure another) and re-index from the store");
            }
            indexReady = true;
        }
    }

    /** A JSON tree of ours as the client's typed request object. */
    private <T> T parse(Object tree, JsonpDeserializer<T> deserializer) throws JsonProcessingException {
        JsonpMapper mapper = transport.jsonpMapper();
        try (JsonParser parser = mapper.jsonProvider().createParser(new StringReader(json.writeValueAsString(tree)))) {
            return deserializer.deserialize(parser, mapper);
        }
    }

    private Set<String> suffixes(SearchQuery.Filters filters) {
        if (filters.language() != null) return Set.of(IndexMapping.suffix(filters.language()));
        long now = System.nanoTime();
        if (presentCountedAt == Long.MIN_VALUE || now - presentCountedAt > LANGUAGES_TTL.toNanos()) {
            presentCountedAt = now; // one count at a time is enough, even if several searches come at once
            SearchResponse<Void> r = call("counting languages", () -> client.search(s -> s.index(config.index()).size(0)
                    .aggregations("analysis", a -> a.terms(t -> t.field("analysis").size(200))), Void.class));
            var agg = r.aggregations().get("analysis");
            if (agg != null && agg.isSterms()) {
                List<String> found = agg.sterms().buckets().array().stream().map(StringTermsBucket::key).toList();
                present(found);
            }
        }
        return present;
    }

    private void present(Iterable<String> suffixes) {
        Set<String> now = present;
        Set<String> more = null;
        for (String s : suffixes) {
            if (!now.contains(s)) {
                if (more == null) more = new TreeSet<>(now);
                more.add(s);
            }
        }
        if (more != null) {
            synchronized (this) {
                more.addAll(present);
                present = Set.copyOf(more);
            }
        }
    }

    @Override
    public void index(Article article) {
        ensureIndex();
        present(List.of(IndexMapping.suffix(article.language())));
        call("indexing article " + article.id(), () -> client.index(i -> i.index(config.index())
                .id(Long.toString(article.id())).document(document(article))));
    }

    /** One {@code _bulk} request for all of them; fails naming the first article OpenSearch refused. */
    @Override
    public void indexAll(List<Article> articles) {
        if (articles.isEmpty()) return;
        ensureIndex();
        List<BulkOperation> ops = new ArrayList<>(articles.size());
        for (Article a : articles) {
            Map<String, Object> doc = document(a);
            ops.add(BulkOperation.of(o -> o.index(i -> i.id(Long.toString(a.id())).document(doc))));
        }
        present(articles.stream().map(a -> IndexMapping.suffix(a.language())).distinct().toList());
        BulkResponse response = call("indexing " + articles.size() + " articles",
                () -> client.bulk(b -> b.index(config.index()).operations(ops)));
        if (response.errors()) {
            int failed = 0;
            BulkResponseItem first = null;
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    failed++;
                    if (first == null) first = item;
                }
            }
            if (first != null) {
                String reason = first.error().type() + ": " + first.error().reason();
                if (first.status() == 429 || first.status() >= 500) {
                    throw new SearchUnavailableException(failed + " of " + articles.size()
                            + " articles not indexed, OpenSearch is overloaded or failing (article " + first.id() + ": " + reason + ")", null);
                }
                throw new IllegalStateException(failed + " of " + articles.size() + " articles not indexed; article "
                        + first.id() + ": " + reason);
            }
        }
    }

    /** What an article is in the index: ids and filters as keywords, title and text in its language's fields. */
    private static Map<String, Object> document(Article a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", a.id());
        doc.put("source", Long.toString(a.sourceId()));
        if (a.language() != null) doc.put("language", a.language());
        if (!a.countries().isEmpty()) doc.put("country", a.countries());
        doc.put("time", a.shownTime().toEpochMilli()); // the time readers see, which filters and orders
        String suffix = IndexMapping.suffix(a.language());
        doc.put("analysis", suffix);
        doc.put("title_" + suffix, a.title());
        doc.put("text_" + suffix, a.paragraphs().isEmpty() && a.summary() != null ? a.summary() : a.text());
        return doc;
    }

    @Override
    public SearchResult search(SearchQuery q) {
        SearchSyntax.Node parsed = SearchSyntax.parse(q.text()); // syntax errors before any request
        String fingerprint = Cursor.fingerprint(q);
        Cursor after = q.cursor() == null ? null : Cursor.decode(q.cursor(), q);
        long origin = after != null ? after.originMillis() : clock.instant().toEpochMilli();
        ensureIndex();

        Query text = new QueryTranslation(suffixes(q.filters())).of(parsed);
        List<Query> filters = filters(q.filters());
        Query query = Query.of(qb -> qb.bool(b -> {
            b.must(text).filter(filters);
            if (q.order() == SearchQuery.Order.NEWS) {
                b.should(s -> s.distanceFeature(d -> d.field("time")
                        .origin(JsonData.of(Instant.ofEpochMilli(origin).toString()))
                        .pivot(NEWS_PIVOT.toMillis() + "ms")
                        .boost(NEWS_WEIGHT)));
            }
            return b;
        }));
        List<SortOptions> sort = q.order() == SearchQuery.Order.NEWEST
                ? List.of(sortBy("time"), sortBy("id"))
                : List.of(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))), sortBy("id"));

        SearchRequest.Builder request = new SearchRequest.Builder()
                .index(config.index())
                .query(query)
                .sort(sort)
                .size(q.limit() + 1) // one more than shown: whether there is a next page
                .source(s -> s.fetch(false))
                .trackTotalHits(t -> t.count(EXACT_TOTAL))
                .trackScores(q.order() == SearchQuery.Order.NEWEST ? null : true);
        if (after != null) request.searchAfter(after.searchAfter());
        if (q.highlight()) request.docvalueFields(f -> f.field("analysis")); // which fields to highlight, below
        for (SearchQuery.Facet f : q.facets()) {
            request.aggregations(facetField(f), a -> a.terms(t -> t.field(facetField(f)).size(FACET_VALUES)));
        }
        SearchRequest built = request.build();
        SearchResponse<Void> response = call("searching", () -> client.search(built, Void.class));

        List<Hit<Void>> page = response.hits().hits();
        boolean more = page.size() > q.limit();
        if (more) page = page.subList(0, q.limit());
        Map<String, String> snippets = q.highlight() ? snippets(text, page) : Map.of();
        List<SearchHit> hits = new ArrayList<>(page.size());
        Hit<Void> last = null;
        for (Hit<Void> h : page) {
            long id = Long.parseLong(h.id());
            float score = h.score() == null || h.score().isNaN() ? 0f : h.score().floatValue();
            hits.add(new SearchHit(id, score, snippets.getOrDefault(h.id(), "")));
            last = h;
        }
        var total = response.hits().total();
        long count = total == null ? hits.size() : total.value();
        boolean exact = total == null || total.relation() == TotalHitsRelation.Eq;

        Map<SearchQuery.Facet, List<SearchResult.FacetCount>> facets = new EnumMap<>(SearchQuery.Facet.class);
        for (SearchQuery.Facet f : q.facets()) {
            var agg = response.aggregations().get(facetField(f));
            List<SearchResult.FacetCount> counts = new ArrayList<>();
            if (agg != null && agg.isSterms()) {
                for (StringTermsBucket b : agg.sterms().buckets().array()) counts.add(new SearchResult.FacetCount(b.key(), b.docCount()));
            }
            facets.put(f, List.copyOf(counts));
        }

        String next = null;
        if (more && last != null && last.sort().size() == 2) {
            next = new Cursor(fingerprint, q.order() == SearchQuery.Order.NEWS ? origin : 0, last.sort().getFirst(),
                    last.sort().get(1).longValue()).encode();
        }
        return new SearchResult(hits, count, exact, facets, next);
    }

    private static SortOptions sortBy(String field) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(SortOrder.Desc)));
    }

    private static String facetField(SearchQuery.Facet f) {
        return switch (f) {
            case COUNTRY -> "country";
            case LANGUAGE -> "language";
            case SOURCE -> "source";
        };
    }

    private static List<Query> filters(SearchQuery.Filters f) {
        List<Query> out = new ArrayList<>();
        if (f.country() != null) out.add(term("country", f.country()));
        if (f.language() != null) out.add(term("language", f.language()));
        if (f.sourceId() != null) out.add(term("source", Long.toString(f.sourceId())));
        if (f.from() != null || f.to() != null) {
            out.add(Query.of(q -> q.range(r -> {
                r.field("time");
                if (f.from() != null) r.gte(JsonData.of(f.from().toEpochMilli()));
                if (f.to() != null) r.lt(JsonData.of(f.to().toEpochMilli()));
                return r;
            })));
        }
        return out;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    /**
     * Passages for the first {@link #SNIPPETS} hits, by id, in a second request. Highlighting in the search itself
     * would run over every language's text field for every hit ({@code text_*}: fifty fields), which took several
     * times the search's own time; here only the fields of the languages on the page are highlighted, the text query
     * telling what to mark. A hit replaced or deleted in between simply has no passage.
     */
    private Map<String, String> snippets(Query text, List<Hit<Void>> page) {
        List<String> ids = new ArrayList<>();
        Set<String> fields = new TreeSet<>();
        for (Hit<Void> h : page.subList(0, Math.min(page.size(), SNIPPETS))) {
            ids.add(h.id());
            JsonData analysis = h.fields().get("analysis"); // doc values come as a list
            for (String suffix : analysis == null ? new String[] {IndexMapping.suffix(null)} : analysis.to(String[].class)) {
                fields.add("text_" + suffix);
                if (IndexMapping.hasPlain(suffix)) fields.add("text_" + suffix + ".plain");
            }
        }
        if (ids.isEmpty() || text.isMatchAll()) return Map.of();
        SearchRequest request = new SearchRequest.Builder()
                .index(config.index())
                .query(qb -> qb.ids(i -> i.values(ids)))
                .size(ids.size())
                .source(sc -> sc.fetch(false))
                .highlight(h -> {
                    for (String f : fields) h.fields(f, x -> x);
                    return h.highlightQuery(text)
                            .preTags("<mark>").postTags("</mark>")
                            .encoder(HighlighterEncoder.Html)
                            .requireFieldMatch(false)
                            .numberOfFragments(2)
                            .fragmentSize(160)
                            .noMatchSize(0)
                            .maxAnalyzerOffset(HIGHLIGHT_CHARS);
                })
                .build();
        SearchResponse<Void> response = call("highlighting", () -> client.search(request, Void.class));
        Map<String, String> out = new HashMap<>();
        for (Hit<Void> h : response.hits().hits()) {
            String snippet = snippet(h.highlight());
            if (!snippet.isEmpty()) out.put(h.id(), snippet);
        }
        return out;
    }

    /**
     * The passages of the field with the most matches: the article's language field marks every form of a word
     * ("elections" for election), its plain sub-field the exact and accent-folded ones.
     */
    private static String snippet(Map<String, List<String>> highlight) {
        List<String> best = List.of();
        int bestMarks = 0;
        for (var e : highlight.entrySet()) {
            int marks = 0;
            for (String fragment : e.getValue()) marks += count(fragment, "<mark>");
            if (marks > bestMarks || marks == bestMarks && marks > 0 && !e.getKey().endsWith(".plain")) {
                best = e.getValue();
                bestMarks = marks;
            }
        }
        return String.join(" … ", best);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) n++;
        return n;
    }

    @Override
    public long size() {
        ensureIndex();
        return call("counting articles", () -> client.count(c -> c.index(config.index())).count());
    }

    @Override
    public void refresh() {
        ensureIndex();
        call("refreshing the index", () -> client.indices().refresh(r -> r.index(config.index())));
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            log.warn("closing the opensearch client failed error={}", e.toString());
        }
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    /**
     * Runs one request. No answer (refused, timed out, reset) or an overloaded or failing node (429, 5xx) is
     * {@link SearchUnavailableException}; any other refusal is a bug of ours and an {@link IllegalStateException}.
     */
    private <T> T call(String what, Call<T> c) {
        try {
            return c.run();
        } catch (OpenSearchException e) {
            if (e.status() == 429 || e.status() >= 500) {
                throw new SearchUnavailableException("search is unavailable: OpenSearch at " + config.url() + " failed "
                        + what + " (status " + e.status() + ": " + e.getMessage() + ")", e);
            }
            throw new IllegalStateException("OpenSearch refused " + what + " (status " + e.status() + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SearchUnavailableException("search is unavailable: OpenSearch at " + config.url() + " did not answer "
                    + what + " (" + e + ")", e);
        }
    }

    @Override
    public String toString() {
        return "OpenSearchSearchIndex[" + config.url() + "/" + config.index() + "]";
    }
}
