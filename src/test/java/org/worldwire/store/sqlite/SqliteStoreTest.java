package org.worldwire.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.Store;
import org.worldwire.store.StoreContractTest;

/** The store contract on a SQLite file, and what only the embedded store has to do: upgrade older files. */
class SqliteStoreTest extends StoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store open(InstantSource clock) {
        return SqliteStore.open(dir.resolve("ww.db"), clock);
    }

    @Override
    protected Store reopen(InstantSource clock) {
        return SqliteStore.open(dir.resolve("ww.db"), clock);
    }

    @Test
    void articlesStoredBeforeSectionsKnewPrimaryCountriesGetThemOnUpgrade() throws Exception {
        store.close();
        Path db = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + db;
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/sqlite").target("3")
                .load().migrate();
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO sources (id, feed_url, title, added_at) VALUES (1, 'https://example.org/feed', 'E', 0)");
            st.executeUpdate("""
                    INSERT INTO articles (id, source_id, url, guid, title, discovered, stored, paragraphs, countries,
                        primary_countries) VALUES (7, 1, 'https://example.org/a', 'a', 'T', 0, 0, '[]', 'TR,AZ,US', 'TR,AZ')""");
            st.executeUpdate("INSERT INTO article_countries (article_id, country) VALUES (7, 'TR'), (7, 'AZ'), (7, 'US')");
        }
        store = SqliteStore.open(db, InstantSource.fixed(NOW));
        assertThat(store.articles().list(ArticleQuery.latest(10).about("AZ"))).extracting(Article::id).containsExactly(7L);
        assertThat(store.articles().list(ArticleQuery.latest(10).about("TR"))).extracting(Article::id).containsExactly(7L);
        assertThat(store.articles().list(ArticleQuery.latest(10).about("US"))).isEmpty();
    }

    @Test
    void aLeaseTheHolderStoppedRenewingPassesToTheNextAfterItsTime() {
        // Embedded, the store's clock judges the expiry: move it instead of waiting.
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        store.close();
        store = SqliteStore.open(dir.resolve("ww.db"), now::get);
        assertThat(store.leases().tryAcquire("poller", "first", Duration.ofSeconds(30))).isTrue();
        now.set(NOW.plusSeconds(29));
        assertThat(store.leases().tryAcquire("poller", "second", Duration.ofSeconds(30))).isFalse();
        now.set(NOW.plusSeconds(30));
        assertThat(store.leases().holder("poller")).isEmpty();
        assertThat(store.leases().tryAcquire("poller", "second", Duration.ofSeconds(30))).isTrue();
        assertThat(store.leases().tryAcquire("poller", "first", Duration.ofSeconds(30))).isFalse();
        assertThat(store.leases().holder("poller")).contains("second");
    }

    @Test
    void theSchemaVersionThatSkipsFlywayIsTheNewestMigration() throws Exception {
        // A database at SCHEMA_VERSION opens without Flyway: were a newer migration added without raising it, a current
        // file would silently miss that migration.
        var dirUrl = SqliteStore.class.getClassLoader().getResource("db/sqlite");
        int newest;
        try (var files = java.nio.file.Files.list(Path.of(dirUrl.toURI()))) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertThat(SqliteStore.SCHEMA_VERSION).isEqualTo(newest);
    }

    @Test
    void aFileWithAFailedMigrationGoesThroughFlywayAgain() throws Exception {
        store.close();
        Path db = dir.resolve("ww.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '7'");
        }
        // Flyway refuses a history with a failed migration: the shortcut must not hide that.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqliteStore.open(db, InstantSource.fixed(NOW)))
                .isInstanceOf(org.worldwire.store.StoreException.class);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.executeUpdate("UPDATE flyway_schema_history SET success = 1 WHERE version = '7'");
        }
        store = SqliteStore.open(db, InstantSource.fixed(NOW));
        assertThat(store.sources().all()).isEmpty();
    }
}
