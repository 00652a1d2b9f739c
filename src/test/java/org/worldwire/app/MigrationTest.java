package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Source;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.NewEntry;
import org.worldwire.store.PollRecord;
import org.worldwire.store.SourceHealth;
import org.worldwire.store.postgres.PostgresServer;
import org.worldwire.store.postgres.PostgresStore;
import org.worldwire.store.sqlite.SqliteStore;

/** Issue 12: {@code worldwire migrate} from an embedded data directory into a real PostgreSQL. */
@Tag("postgres")
class MigrationTest {
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void copiesEverythingWithItsIdsAndARerunCopiesNothingTwice(@TempDir Path data) {
        InstantSource clock = InstantSource.fixed(NOW);
        long keptSource, articleId;
        try (SqliteStore embedded = SqliteStore.open(data.resolve("worldwire.db"), clock)) {
            embedded.sources().add(new Source(0, "http://127.0.0.1:1/removed.xml", "Removed", null, null, null, DisplayPolicy.EXCERPT));
            Source kept = embedded.sources().add(new Source(0, "http://127.0.0.1:1/feed.xml", "Kept", "http://127.0.0.1:1/",
                    "fr", "fr", DisplayPolicy.FULL_TEXT));
            embedded.sources().remove(1); // ids with a gap: the copy keeps 2, it does not renumber
            keptSource = kept.id();
            embedded.sources().recordPoll(kept.id(), new PollRecord(NOW, 500, 0, "http_error", "HTTP 500", null));
            var pending = embedded.queue().enqueue(kept.id(), List.of(entry("a"), entry("b")), NOW,
                    new PollRecord(NOW, 200, 2, null, null, null));
            Optional<Article> stored = embedded.queue().complete(pending.get(0).id(), article(kept.id(), "a"));
            articleId = stored.orElseThrow().id();
            embedded.settings().put("admin.password", "hash-of-the-operator-password");
        }
        PostgresServer pg = PostgresServer.shared();
        String db = pg.createDatabase(); // empty: migrate brings the schema itself
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Migration.Report first = Migration.run(data, pg.url(db), null, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(first.tables().get("sources")).isEqualTo(new Migration.Copied(1, 1));
            assertThat(first.tables().get("articles")).isEqualTo(new Migration.Copied(1, 1));
            assertThat(first.tables().get("pending_entries")).isEqualTo(new Migration.Copied(1, 1));
            assertThat(first.tables()).containsKey("settings").doesNotContainKey("leases");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("articles").contains("1/1").contains("ETA");

            try (PostgresStore target = PostgresStore.open(pg.url(db), clock)) {
                Source kept = target.sources().find(keptSource).orElseThrow();
                assertThat(kept.title()).isEqualTo("Kept");
                assertThat(kept.displayPolicy()).isEqualTo(DisplayPolicy.FULL_TEXT);
                SourceHealth health = target.sources().health().getFirst();
                assertThat(health.toString()).contains("HTTP 500");
                Article a = target.articles().find(articleId).orElseThrow();
                assertThat(a.title()).isEqualTo("Title a");
                assertThat(a.paragraphs()).containsExactly("Text of a.");
                assertThat(target.queue().pending(0, 10)).singleElement()
                        .satisfies(p -> assertThat(p.url()).isEqualTo("http://127.0.0.1:1/b"));
                assertThat(target.settings().get("admin.password")).contains("hash-of-the-operator-password");
                // the id sequences moved past the copied ids: a source added now does not collide
                Source added = target.sources().add(new Source(0, "http://127.0.0.1:1/new.xml", "New", null, null, null,
                        DisplayPolicy.EXCERPT));
                assertThat(added.id()).isGreaterThan(keptSource);
            }

            Migration.Report again = Migration.run(data, pg.url(db), "lucene", new PrintStream(new ByteArrayOutputStream()));
            assertThat(again.tables().get("sources")).isEqualTo(new Migration.Copied(1, 0));
            assertThat(again.tables().get("articles")).isEqualTo(new Migration.Copied(1, 0));
            try (PostgresStore target = PostgresStore.open(pg.url(db), clock)) {
                assertThat(target.articles().list(ArticleQuery.latest(10))).hasSize(1);
                assertThat(target.sources().all()).hasSize(2);
            }
        } finally {
            pg.dropDatabase(db);
        }
    }

    @Test
    void reindexesEveryArticleOfTheTargetStore(@TempDir Path data, @TempDir Path index) {
        PostgresServer pg = PostgresServer.shared();
        String db = pg.createMigratedDatabase();
        try (PostgresStore store = PostgresStore.open(pg.url(db), InstantSource.fixed(NOW));
                LuceneSearchIndex lucene = LuceneSearchIndex.open(index)) {
            Source s = store.sources().add(new Source(0, "http://127.0.0.1:1/feed.xml", "S", null, null, null, DisplayPolicy.EXCERPT));
            for (String k : List.of("harbour", "glacier", "orchard")) store.articles().addIfNew(article(s.id(), k));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(Migration.reindex(store.articles(), lucene, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(3);
            lucene.refresh();
            assertThat(lucene.search(SearchQuery.of("glacier")).hits()).hasSize(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("indexing").contains("3/3");
        } finally {
            pg.dropDatabase(db);
        }
    }

    @Test
    void refusesWhatItCannotMigrateWithTheReason(@TempDir Path empty) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertThatThrownBy(() -> Migration.run(empty, "postgres://u@127.0.0.1:1/db", null, quiet))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no embedded installation at " + empty);
        assertThatThrownBy(() -> Migration.run(empty, "sqlite", null, quiet)).isInstanceOf(IllegalArgumentException.class);
    }

    static NewEntry entry(String key) {
        return new NewEntry("http://127.0.0.1:1/" + key, key, feedEntry(key));
    }

    static FeedEntry feedEntry(String key) {
        String link = "http://127.0.0.1:1/" + key;
        return new FeedEntry(key, link, "Title " + key, "Summary of " + key, null, NOW, null, null, List.of(), List.of());
    }

    static Article article(long sourceId, String key) {
        return new Article(0, sourceId, "http://127.0.0.1:1/" + key, key, "Title " + key, null, NOW, NOW,
                List.of("Text of " + key + "."), null, null, "en", List.of(), List.of());
    }
}
