package org.worldwire.app;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.events.EventBus;
import org.worldwire.events.LocalEventBus;
import org.worldwire.events.kafka.KafkaConfig;
import org.worldwire.events.kafka.KafkaEventBus;
import org.worldwire.events.kafka.KafkaWorkQueue;
import org.worldwire.ingest.IngestConfig;
import org.worldwire.ingest.LocalWorkQueue;
import org.worldwire.ingest.WorkQueue;
import org.worldwire.model.Article;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.search.opensearch.OpenSearchConfig;
import org.worldwire.search.opensearch.OpenSearchSearchIndex;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.Store;
import org.worldwire.store.postgres.PostgresStore;
import org.worldwire.store.sqlite.SqliteStore;

/**
 * The one place that names the adapters behind the ports that hold state: one switch per port over the
 * {@link Deployment}. Everything else takes the ports.
 */
final class Engines {
    private static final Logger log = LoggerFactory.getLogger(Engines.class);

    private Engines() {}

    /** SQLite under the data directory, or the PostgreSQL database the URL names (migrated to the current schema). */
    static Store openStore(Deployment d, Path dataDir, InstantSource clock) {
        return d.sharedStore() ? PostgresStore.open(d.store(), clock) : SqliteStore.open(dataDir.resolve("worldwire.db"), clock);
    }

    /** Above this many articles missing from the index, it is filled in the background instead of before the port opens. */
    static final long CATCH_UP_IN_BACKGROUND = 2_000;

    /**
     * The search index: Lucene under the data directory, or the OpenSearch cluster. A Lucene index that lacks a few
     * articles (a crash before its last commit) catches up at once; one that lacks many (deleted, or rebuilt because
     * its layout changed with a new version) is filled in the background while the server serves, with its progress
     * logged: searches meanwhile find what is indexed so far.
     */
    static SearchIndex openSearch(Deployment d, Path dataDir, ArticleStore articles) {
        return openSearch(d, dataDir, () -> articles);
    }

    /**
     * {@link #openSearch(Deployment, Path, ArticleStore)} with the store asked for only once the index is open, so that
     * the two can open at once on two threads.
     */
    static SearchIndex openSearch(Deployment d, Path dataDir, java.util.function.Supplier<ArticleStore> store) {
        if (d.search().equals(Deployment.LUCENE)) {
            LuceneSearchIndex index = LuceneSearchIndex.open(dataDir.resolve("index"));
            try {
                ArticleStore articles = store.get();
                long total = articles.count();
                long missing = total - index.size();
                if (missing > CATCH_UP_IN_BACKGROUND) rebuildInBackground(index, articles, missing, total);
                else catchUp(index, articles);
            } catch (RuntimeException e) {
                index.close();
                throw e;
            }
            return index;
        }
        // opensearch://host:port names the node's HTTP address; the cluster is shared, so nothing catches up here:
        // workers index into it as they store (and migrate re-indexes an installation moved onto it)
        java.net.URI url = java.net.URI.create(d.search());
        return OpenSearchSearchIndex.open(OpenSearchConfig.of("http://" + url.getHost() + ":" + url.getPort()), InstantSource.system());
    }

    /**
     * For a process that serves but does not store (role web) with its own Lucene index: the index learns each
     * stored article from the events, and catches up once more after subscribing, for the articles stored between
     * the catch-up at open and the subscription. A shared search cluster needs none of this: workers index into it.
     */
    static void followStoredArticles(Deployment d, SearchIndex index, EventBus events, ArticleStore articles) {
        if (d.sharedSearch() || !(index instanceof LuceneSearchIndex lucene)) return;
        events.onArticle(index::index);
        catchUp(lucene, articles);
    }

    /** The in-process bus, or the Kafka events topic every process reads. */
    static EventBus openEvents(Deployment d) {
        KafkaConfig kafka = d.kafkaConfig();
        return kafka == null ? new LocalEventBus() : new KafkaEventBus(kafka);
    }

    /** The bounded in-process queue, or the Kafka entries topic the workers' consumer group shares. */
    static WorkQueue openWorkQueue(Deployment d, IngestConfig ingest) {
        KafkaConfig kafka = d.kafkaConfig();
        // A source's entries may run as many at once as its host's pages may be fetched at once, as on one machine.
        return kafka == null ? new LocalWorkQueue(ingest.queueCapacity()) : new KafkaWorkQueue(kafka, ingest.pagesPerHost());
    }

    private static void rebuildInBackground(LuceneSearchIndex index, ArticleStore articles, long missing, long total) {
        log.info("search index lacks articles={}: filling it in the background while serving", missing);
        Thread.ofPlatform().name("index-rebuild").daemon(true).priority(Thread.MIN_PRIORITY).start(() -> {
            long started = System.nanoTime();
            long[] n = {0}, lastLog = {started};
            try {
                indexEvery(articles, index, 500, page -> {
                    n[0] += page;
                    long now = System.nanoTime();
                    if (now - lastLog[0] > 10_000_000_000L) {
                        lastLog[0] = now;
                        double perSecond = n[0] / ((now - started) / 1e9);
                        log.info("search index rebuild indexed={} of={} per_second={} eta_s={}", n[0], total,
                                (long) perSecond, (long) (Math.max(0, total - n[0]) / Math.max(1, perSecond)));
                    }
                });
                index.commit();
                log.info("search index rebuilt articles={} s={}", n[0], (System.nanoTime() - started) / 1_000_000_000);
            } catch (RuntimeException e) {
                // the server closing its index under the rebuild ends it: the next start goes on from what was committed
                log.warn("search index rebuild stopped indexed={} error={}", n[0], e.toString());
            }
        });
    }

    /**
     * Indexes every stored article, a page at a time in id order (one bulk request a page on a search cluster), and
     * tells {@code indexedPage} the size of each page done.
     *
     * @return how many articles were indexed
     */
    static long indexEvery(ArticleStore articles, SearchIndex index, int pageSize, java.util.function.IntConsumer indexedPage) {
        long after = 0, n = 0;
        for (List<Article> page; !(page = articles.after(after, pageSize)).isEmpty(); ) {
            index.indexAll(page);
            after = page.getLast().id();
            n += page.size();
            indexedPage.accept(page.size());
        }
        return n;
    }

    /**
     * Articles a crash stored but did not commit to the index are indexed again: first those above the highest id
     * the last commit held, then, when the counts still differ, every article the index lacks. Workers index in the
     * order they finish, not in id order, so a commit can hold id 101 while 100, stored a moment earlier, was not
     * indexed yet when the process died.
     */
    static void catchUp(LuceneSearchIndex index, ArticleStore articles) {
        long after = index.committedMaxId();
        int n = 0;
        for (List<Article> page; !(page = articles.after(after, 500)).isEmpty(); ) {
            for (Article a : page) index.index(a);
            after = page.get(page.size() - 1).id();
            n += page.size();
        }
        if (index.size() != articles.count()) {
            index.refresh();
            after = 0;
            for (List<Article> page; !(page = articles.after(after, 500)).isEmpty(); ) {
                for (Article a : page) {
                    if (!index.contains(a.id())) {
                        index.index(a);
                        n++;
                    }
                }
                after = page.get(page.size() - 1).id();
            }
        }
        if (n > 0) {
            index.commit();
            log.info("re-indexed articles missing from the index count={}", n);
        }
    }
}
