package org.worldwire.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.worldwire.events.LocalEventBus;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.sqlite.SqliteStore;

/** Where an uncached article page spends its time, single-threaded: store lookups, related search, rendering. */
public final class RenderCost {
    private RenderCost() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("worldwire-rendercost");
        try (SqliteStore store = SqliteStore.open(dir.resolve("w.db"), InstantSource.system());
                LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("index"))) {
            Source s = store.sources().add(new Source(0, "http://127.0.0.1:9/f", "S", null, "FR", "en", DisplayPolicy.EXCERPT));
            for (int i = 0; i < 2000; i++) {
                List<String> ps = new ArrayList<>();
                for (int p = 0; p < 8; p++) ps.add("Paragraph " + p + " of report " + i + ": officials said the situation was developing.");
                Article a = new Article(0, s.id(), "http://127.0.0.1:9/n" + i, "g" + i,
                        "Report " + i + ": leaders meet as talks on trade and climate continue", null, Instant.now(), Instant.now(),
                        ps, null, null, "en", List.of("FR"), List.of("FR"));
                index.index(store.articles().addIfNew(a).orElseThrow());
            }
            index.refresh();
            Site site = new Site(WebConfig.defaults(), store.sources(), store.articles(), store.stories(), index, RegionDirectory.builtIn(),
                    InstantSource.system(), new Assets());
            Pages pages = new Pages(site, new Templates(), new ResponseCache());
            new WebApp(WebConfig.defaults(), store.sources(), store.articles(), store.stories(), index, new LocalEventBus(),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            List<Article> all = store.articles().list(ArticleQuery.latest(1000));
            for (int round = 0; round < 3; round++) {
                long find = 0, search = 0, page = 0;
                for (Article a : all) {
                    long t0 = System.nanoTime();
                    store.articles().find(a.id());
                    long t1 = System.nanoTime();
                    index.search(new SearchQuery("report OR leaders OR meet OR talks OR trade OR climate OR continue",
                            SearchQuery.Order.RELEVANCE, SearchQuery.Filters.NONE, java.util.Set.of(), null, 15, true));
                    long t2 = System.nanoTime();
                    pages.articlePage(a, Consent.UNDECIDED);
                    long t3 = System.nanoTime();
                    find += t1 - t0;
                    search += t2 - t1;
                    page += t3 - t2;
                }
                int n = all.size();
                System.out.printf(Locale.ROOT, "round %d: find %.3f ms  related search %.3f ms  article view (incl. related) %.3f ms%n",
                        round, find / 1e6 / n, search / 1e6 / n, page / 1e6 / n);
            }
        }
    }
}
