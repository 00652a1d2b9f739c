package org.worldwire.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.worldwire.model.Article;
import org.worldwire.search.SearchQuery.Facet;
import org.worldwire.search.SearchQuery.Filters;
import org.worldwire.search.SearchQuery.Order;
import org.worldwire.search.SearchResult.FacetCount;

/**
 * What every {@link SearchIndex} promises, on a small corpus in several languages and scripts: the query syntax,
 * language analysis (inflections, accents, CJK, Arabic), filters, the three orders, facet counts, highlighting with
 * everything escaped, cursor paging, and clear errors. Adapter-neutral: it compares sets and orders, never scores.
 * An adapter's test extends it and says how to make an empty index.
 */
public abstract class SearchIndexContract {
    /** An empty index; the contract closes it. News order must measure ages from the real clock. */
    protected abstract SearchIndex newIndex();

    /** Now, to the hour, so that ages are whole hours and the corpus is fresh whenever the test runs. */
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);

    protected SearchIndex index;

    protected static Article article(long id, long source, String lang, List<String> countries, String title, String text,
            long hoursAgo) {
        Instant t = NOW.minus(Duration.ofHours(hoursAgo));
        return new Article(id, source, "https://example.org/" + id, "g" + id, title, null, t, t, List.of(text), null, null,
                lang, countries, countries);
    }

    /** The corpus: id, source, language, countries, title, text, age in hours. */
    protected static final List<Article> CORPUS = List.of(
            article(1, 1, "en", List.of("US"), "Flood warning issued for the river delta",
                    "Heavy rain caused a flood in the delta. Ministers met on Tuesday.", 1),
            article(2, 2, "en", List.of("GB"), "Storm batters the coast",
                    "A storm with strong winds hit the coast; no flood was reported.", 5),
            article(3, 1, "en", List.of("US", "JP"), "Prime minister visits Tokyo",
                    "The prime minister met leaders in Tokyo to discuss trade.", 24 * 30),
            article(4, 3, "en", List.of("AU"), "Minister resigns after scandal",
                    "The sports minister resigned, officials <reacted> & said \"nothing\".", 48),
            article(5, 4, "fr", List.of("FR"), "Le ministre de l'Économie annonce des mesures",
                    "Les ministres se sont réunis à Paris. Des inondations touchent le sud.", 2),
            article(6, 5, "de", List.of("DE"), "Hochwasser in Köln",
                    "Das Hochwasser erreichte die Altstadt. Der Bürgermeister warnte die Bewohner.", 3),
            article(7, 6, "es", List.of("ES"), "Tormenta en Valencia",
                    "Una tormenta dejó inundaciones en Valencia y Murcia.", 10),
            article(8, 7, "zh", List.of("CN"), "北京大学发布气候报告",
                    "北京大学的研究人员发布了关于气候变化的报告。", 6),
            article(9, 8, "ar", List.of("EG"), "قمة المناخ في القاهرة",
                    "اجتمع القادة في القاهرة لمناقشة تغير المناخ.", 12),
            article(10, 2, "en", List.of("US", "MX"), "World cup final tonight",
                    "Fans gather for the world cup final. Sport is everywhere.", 1),
            article(11, 3, "en", List.of("NZ"), "Strong tremor in Wellington",
                    "An earthquake struck. The earthquake was strong.", 24 * 30),
            article(12, 1, "en", List.of("CL"), "Markets today",
                    "Markets were calm; an earthquake was felt far away.", 1));

    @BeforeEach
    void fill() {
        index = newIndex();
        index.indexAll(CORPUS);
        index.refresh();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private SearchResult search(SearchQuery q) {
        return index.search(q);
    }

    protected Set<Long> ids(String text) {
        return ids(SearchQuery.of(text).withLimit(100));
    }

    protected Set<Long> ids(SearchQuery q) {
        Set<Long> out = new HashSet<>();
        for (SearchHit h : search(q).hits()) out.add(h.articleId());
        return out;
    }

    protected List<Long> ranked(SearchQuery q) {
        return search(q).hits().stream().map(SearchHit::articleId).toList();
    }

    @Test
    void everyWordMustMatchInTitleOrText() {
        assertThat(ids("flood")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("FLOOD delta")).containsExactly(1L);
        assertThat(ids("flood tokyo")).isEmpty();
        assertThat(ids("")).hasSize(CORPUS.size());
        assertThat(search(SearchQuery.of("")).total()).isEqualTo(CORPUS.size());
    }

    @Test
    void phrasesOrNotGroupsTitleAndPrefix() {
        assertThat(ids("\"prime minister\"")).containsExactly(3L);
        assertThat(ids("\"minister prime\"")).isEmpty();
        assertThat(ids("storm OR tormenta")).containsExactlyInAnyOrder(2L, 7L);
        assertThat(ids("flood -storm")).containsExactly(1L);
        assertThat(ids("cup -\"world cup\"")).isEmpty();
        assertThat(ids("-flood")).hasSize(CORPUS.size() - 2).doesNotContain(1L, 2L);
        assertThat(ids("(storm OR flood) coast")).containsExactly(2L);
        assertThat(ids("title:flood")).containsExactly(1L);
        assertThat(ids("title:\"prime minister\"")).containsExactly(3L);
        assertThat(ids("title:tuesday")).isEmpty();
        assertThat(ids("earthq*")).containsExactlyInAnyOrder(11L, 12L);
        assertThat(ids("minist*")).contains(1L, 3L, 4L, 5L);
    }

    @Test
    void languageAnalysisFindsInflectionsAccentsAndOtherScripts() {
        assertThat(ids("ministers")).as("English stemming").contains(3L, 4L);
        assertThat(ids("minister")).as("English stemming").contains(1L);
        assertThat(ids("ministre")).as("French plural").contains(5L);
        assertThat(ids("koln")).as("accents folded").containsExactly(6L);
        assertThat(ids("économie")).containsExactly(5L);
        assertThat(ids("economie")).containsExactly(5L);
        assertThat(ids("burgermeister")).containsExactly(6L);
        assertThat(ids("北京大学")).as("CJK without spaces").containsExactly(8L);
        assertThat(ids("研究人员")).containsExactly(8L);
        assertThat(ids("القاهرة")).as("Arabic").containsExactly(9L);
        assertThat(ids("inondations")).containsExactly(5L);
    }

    @Test
    void filtersNarrowWithoutChangingWhatMatches() {
        SearchQuery all = SearchQuery.of("").withLimit(100);
        assertThat(ids(all.withFilters(new Filters("US", null, null, null, null)))).containsExactlyInAnyOrder(1L, 3L, 10L);
        assertThat(ids(all.withFilters(new Filters(null, "fr", null, null, null)))).containsExactly(5L);
        assertThat(ids(all.withFilters(new Filters(null, null, 1L, null, null)))).containsExactlyInAnyOrder(1L, 3L, 12L);
        assertThat(ids(SearchQuery.of("minister").withFilters(new Filters("US", "en", 1L, null, null)))).containsExactlyInAnyOrder(1L, 3L);
        // from is inclusive, to exclusive: the last six hours, then the hour before that
        Instant sixHoursAgo = NOW.minus(Duration.ofHours(6));
        assertThat(ids(all.withFilters(new Filters(null, null, null, sixHoursAgo, null))))
                .containsExactlyInAnyOrder(1L, 2L, 5L, 6L, 8L, 10L, 12L);
        assertThat(ids(all.withFilters(new Filters(null, null, null, NOW.minus(Duration.ofHours(12)), sixHoursAgo))))
                .containsExactlyInAnyOrder(7L, 9L);
        assertThat(ids(all.withFilters(new Filters(null, null, null, null, NOW.minus(Duration.ofDays(29))))))
                .containsExactlyInAnyOrder(3L, 11L);
    }

    @Test
    void newestOrderIsByTimeThenId() {
        assertThat(ranked(SearchQuery.of("").withOrder(Order.NEWEST).withLimit(100)))
                .containsExactly(12L, 10L, 1L, 5L, 6L, 2L, 8L, 7L, 9L, 4L, 11L, 3L);
    }

    @Test
    void relevanceRanksTheBetterMatchFirst() {
        assertThat(ranked(SearchQuery.of("flood").withOrder(Order.RELEVANCE))).containsExactly(1L, 2L);
        assertThat(ranked(SearchQuery.of("earthquake").withOrder(Order.RELEVANCE))).containsExactly(11L, 12L);
    }

    @Test
    void newsOrderLetsAFreshReportOutrankAMonthOldBetterMatch() {
        assertThat(ranked(SearchQuery.of("earthquake"))).containsExactly(12L, 11L);
        // equally good matches: the newer first
        assertThat(ranked(SearchQuery.of("minister").withOrder(Order.NEWS)).indexOf(4L))
                .isLessThan(ranked(SearchQuery.of("minister").withOrder(Order.NEWS)).indexOf(3L));
        List<Long> blank = ranked(SearchQuery.of(""));
        assertThat(blank).as("a blank query in news order is by age").hasSize(CORPUS.size());
        assertThat(blank.subList(0, 3)).containsExactlyInAnyOrder(1L, 10L, 12L);
        assertThat(blank.subList(CORPUS.size() - 2, CORPUS.size())).containsExactlyInAnyOrder(3L, 11L);
    }

    @Test
    void facetsCountEveryMatchNotJustThePage() {
        SearchResult r = search(SearchQuery.of("").withLimit(1).withFacets(Set.of(Facet.COUNTRY, Facet.LANGUAGE, Facet.SOURCE)));
        assertThat(r.hits()).hasSize(1);
        assertThat(r.total()).isEqualTo(CORPUS.size());
        assertThat(r.facets().get(Facet.LANGUAGE)).startsWith(new FacetCount("en", 7))
                .containsExactlyInAnyOrder(new FacetCount("en", 7), new FacetCount("fr", 1), new FacetCount("de", 1),
                        new FacetCount("es", 1), new FacetCount("zh", 1), new FacetCount("ar", 1));
        assertThat(r.facets().get(Facet.COUNTRY)).startsWith(new FacetCount("US", 3)).contains(new FacetCount("JP", 1),
                new FacetCount("MX", 1)).hasSize(12);
        assertThat(r.facets().get(Facet.SOURCE)).startsWith(new FacetCount("1", 3)).contains(new FacetCount("2", 2),
                new FacetCount("3", 2), new FacetCount("8", 1)).hasSize(8);
        SearchResult flood = search(SearchQuery.of("flood OR storm").withFacets(Set.of(Facet.COUNTRY)));
        assertThat(flood.facets()).containsOnlyKeys(Facet.COUNTRY);
        assertThat(flood.facets().get(Facet.COUNTRY)).containsExactly(new FacetCount("GB", 1), new FacetCount("US", 1));
        assertThat(search(SearchQuery.of("flood")).facets()).isEmpty();
    }

    @Test
    void highlightsMarkTheMatchesAndEscapeEverythingElse() {
        SearchHit hit = search(SearchQuery.of("resigned")).hits().getFirst();
        assertThat(hit.articleId()).isEqualTo(4L);
        assertThat(hit.snippetHtml()).contains("<mark>resigned</mark>").contains("&lt;reacted&gt;").contains("&amp;")
                .doesNotContain("<reacted>");
        assertThat(search(SearchQuery.of("ministers")).hits()).filteredOn(h -> h.articleId() == 4)
                .first().extracting(SearchHit::snippetHtml).asString().contains("<mark>minister</mark>");
        String html = search(SearchQuery.of("officials")).hits().getFirst().snippetHtml();
        assertThat(html.replaceAll("</?mark>", "")).doesNotContain("<").doesNotContain(">");
        assertThat(search(SearchQuery.of("resigned").withHighlight(false)).hits().getFirst().snippetHtml()).isEmpty();
    }

    @Test
    void cursorsPageThroughEveryOrderWithoutRepeatsOrGaps() {
        for (Order order : Order.values()) {
            for (String text : List.of("", "minister OR flood OR storm OR earthquake OR cup")) {
                SearchQuery q = SearchQuery.of(text).withOrder(order).withLimit(100);
                List<Long> oneShot = ranked(q);
                List<Long> paged = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    SearchResult page = search(q.withLimit(3).withCursor(cursor));
                    assertThat(page.hits().size()).isLessThanOrEqualTo(3);
                    page.hits().forEach(h -> paged.add(h.articleId()));
                    cursor = page.nextCursor();
                    pages++;
                    assertThat(pages).isLessThan(20);
                } while (cursor != null);
                assertThat(paged).as(order + " '" + text + "'").doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(oneShot);
                if (order == Order.NEWEST) assertThat(paged).containsExactlyElementsOf(oneShot);
            }
        }
        SearchResult all = search(SearchQuery.of("").withLimit(CORPUS.size()));
        assertThat(all.nextCursor()).as("no next page after the last hit").isNull();
    }

    @Test
    void syntaxErrorsAndForeignCursorsAreClearErrors() {
        assertThatThrownBy(() -> search(SearchQuery.of("\"prime minister"))).isInstanceOf(SearchSyntaxException.class)
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> search(SearchQuery.of("flood OR"))).isInstanceOf(SearchSyntaxException.class);
        assertThatThrownBy(() -> search(SearchQuery.of("flood").withCursor("not-a-cursor")))
                .isInstanceOf(SearchSyntaxException.class);
        String cursor = search(SearchQuery.of("").withLimit(2)).nextCursor();
        assertThat(cursor).isNotNull();
        assertThatThrownBy(() -> search(SearchQuery.of("flood").withCursor(cursor))).isInstanceOf(SearchSyntaxException.class);
        assertThatThrownBy(() -> search(SearchQuery.of("").withOrder(Order.NEWEST).withLimit(2).withCursor(cursor)))
                .isInstanceOf(SearchSyntaxException.class);
        assertThat(search(SearchQuery.of("").withLimit(2).withCursor(cursor)).hits()).hasSize(2);
    }

    @Test
    void wordsThatLookLikeSyntaxAreWords() {
        assertThat(ids("\"nothing\"")).containsExactly(4L);
        assertThat(ids("the")).as("a stop word alone finds nothing in English, and no error").doesNotContain(1L);
    }

    @Test
    void reindexingAnArticleReplacesIt() {
        Article first = CORPUS.getFirst();
        index.index(new Article(first.id(), first.sourceId(), first.url(), first.guid(), "Drought warning", null,
                first.published(), first.discovered(), List.of("No rain at all."), null, null, "en", first.countries(),
                first.primaryCountries()));
        index.refresh();
        assertThat(index.size()).isEqualTo(CORPUS.size());
        assertThat(ids("flood")).containsExactly(2L);
        assertThat(ids("drought")).containsExactly(1L);
    }
}
