package org.worldwire.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Source;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.FeedValidators;
import org.worldwire.store.HostOutage;
import org.worldwire.store.IngestQueue;
import org.worldwire.store.NewEntry;
import org.worldwire.store.PendingEntry;
import org.worldwire.store.PollRecord;
import org.worldwire.store.SettingsStore;
import org.worldwire.store.SourceHealth;
import org.worldwire.store.SourceStore;
import org.worldwire.store.StoreException;

/**
 * Sources, articles and the ingest queue in one SQLite file. One writer connection behind a lock (SQLite
 * allows one writer at a time anyway) and a small pool of readers; WAL mode lets readers run beside the
 * writer. Every write is one transaction, so a killed process leaves the file consistent.
 */
public final class SqliteStore implements AutoCloseable {
    private static final int READERS = 4;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final String jdbcUrl;
    private final InstantSource clock;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    private SqliteStore(String jdbcUrl, InstantSource clock) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        this.clock = clock;
        this.writer = connect(false);
        for (int i = 0; i < READERS; i++) readers.add(connect(true));
    }

    /** Opens (creating and migrating when needed) the database file. */
    public static SqliteStore open(Path file, InstantSource clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory for " + file + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/sqlite")
                    .load()
                    .migrate();
        } catch (org.flywaydb.core.api.FlywayException e) {
            // Flyway's own message buries the cause (read-only directory, full disk) under migration details.
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            String m = String.valueOf(root.getMessage());
            String why = m.contains("SQLITE_FULL") ? "the disk is full"
                    : m.contains("READONLY") || m.contains("CANTOPEN") || m.contains("readonly") ? "the data directory is not writable"
                    : "the database cannot be opened or migrated";
            throw new StoreException(why + " (" + file + "): " + m, e);
        }
        try {
            return new SqliteStore(url, clock);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode survives a killed process; only a power cut may lose the last commits.
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setBusyTimeout(10_000);
        cfg.enforceForeignKeys(true);
        cfg.setReadOnly(readOnly);
        return DriverManager.getConnection(jdbcUrl, cfg.toProperties());
    }


    /** The sources port over this database. */
    public SourceStore sources() {
        return sourceView;
    }

    /** The articles port over this database. */
    public ArticleStore articles() {
        return articleView;
    }

    /** The ingest queue over this database. */
    public IngestQueue queue() {
        return queueView;
    }

    private final SourceStore sourceView = new SourceStore() {
        @Override public Source add(Source s) { return addSource(s); }
        @Override public Optional<Source> find(long id) { return findSource(id); }
        @Override public Optional<Source> findByFeedUrl(String url) { return findSourceByFeedUrl(url); }
        @Override public List<Source> all() { return allSources(); }
        @Override public boolean remove(long id) { return removeSource(id); }
        @Override public FeedValidators validators(long id) { return SqliteStore.this.validators(id); }
        @Override public void recordPoll(long id, PollRecord poll) { SqliteStore.this.recordPoll(id, poll); }
        @Override public void recordHostOutage(java.util.Collection<Long> ids, @Nullable HostOutage o) { SqliteStore.this.recordHostOutage(ids, o); }
        @Override public List<SourceHealth> health() { return SqliteStore.this.health(); }
    };

    private final ArticleStore articleView = new ArticleStore() {
        @Override public Optional<Article> addIfNew(Article a) { return SqliteStore.this.addIfNew(a); }
        @Override public boolean isKnown(long sourceId, String guid, String url) { return SqliteStore.this.isKnown(sourceId, guid, url); }
        @Override public Optional<Article> find(long id) { return findArticle(id); }
        @Override public List<Article> list(ArticleQuery q) { return SqliteStore.this.list(q); }
        @Override public List<Article> after(long afterId, int limit) { return SqliteStore.this.after(afterId, limit); }
        @Override public long count() { return articleCount(); }
        @Override public java.util.Map<String, Integer> countriesSince(Instant since) { return SqliteStore.this.countriesSince(since); }
    };

    /** The settings port over this database. */
    public SettingsStore settings() {
        return settingsView;
    }

    private final SettingsStore settingsView = new SettingsStore() {
        @Override public Optional<String> get(String key) { return getSetting(key); }
        @Override public void put(String key, String value) { putSetting(key, value, true); }
        @Override public boolean putIfAbsent(String key, String value) { return putSetting(key, value, false); }
    };

    private Optional<String> getSetting(String key) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private boolean putSetting(String key, String value, boolean replace) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement(replace
                    ? "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                    : "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private final IngestQueue queueView = new IngestQueue() {
        @Override public List<PendingEntry> enqueue(long sourceId, List<NewEntry> e, Instant at, PollRecord poll) { return SqliteStore.this.enqueue(sourceId, e, at, poll); }
        @Override public List<PendingEntry> pending(long afterId, int limit) { return SqliteStore.this.pending(afterId, limit); }
        @Override public Optional<Article> complete(long pendingId, Article a) { return SqliteStore.this.complete(pendingId, a); }
        @Override public long pendingCount() { return SqliteStore.this.pendingCount(); }
    };

    // ---------------------------------------------------------------- sources

    public Source addSource(Source source) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sources (feed_url, title, site_url, country, language, display_policy, added_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_url) DO NOTHING""")) {
                ps.setString(1, source.feedUrl());
                ps.setString(2, source.title());
                ps.setString(3, source.siteUrl());
                ps.setString(4, source.country());
                ps.setString(5, source.language());
                ps.setString(6, source.displayPolicy().name());
                ps.setLong(7, clock.millis());
                ps.executeUpdate();
            }
            return sourceByUrl(c, source.feedUrl()).orElseThrow();
        });
    }

    public Optional<Source> findSource(long id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(source(rs)) : Optional.empty();
                }
            }
        });
    }

    public Optional<Source> findSourceByFeedUrl(String feedUrl) {
        return read(c -> sourceByUrl(c, feedUrl));
    }

    private static Optional<Source> sourceByUrl(Connection c, String feedUrl) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources WHERE feed_url = ?")) {
            ps.setString(1, feedUrl);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(source(rs)) : Optional.empty();
            }
        }
    }

    public List<Source> allSources() {
        return read(c -> {
            List<Source> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM sources ORDER BY id")) {
                while (rs.next()) out.add(source(rs));
            }
            return out;
        });
    }

    public boolean removeSource(long id) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sources WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public FeedValidators validators(long sourceId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT etag, last_modified FROM sources WHERE id = ?")) {
                ps.setLong(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new FeedValidators(rs.getString(1), rs.getString(2)) : FeedValidators.NONE;
                }
            }
        });
    }

    public void recordPoll(long sourceId, PollRecord poll) {
        write(c -> {
            recordPoll(c, sourceId, poll);
            return null;
        });
    }

    private static void recordPoll(Connection c, long sourceId, PollRecord poll) throws SQLException {
        boolean ok = poll.error() == null;
        String sql = ok
                ? """
                  UPDATE sources SET last_poll = ?, last_success = ?, last_status = ?, consecutive_errors = 0,
                      etag = CASE WHEN ? THEN ? ELSE etag END, last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
                      host_down_since = NULL, host_error = NULL, host_next_attempt = NULL
                  WHERE id = ?"""
                : """
                  UPDATE sources SET last_poll = ?, last_status = ?, last_error = ?, last_error_message = ?,
                      consecutive_errors = consecutive_errors + 1
                  WHERE id = ?""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            long at = poll.at().toEpochMilli();
            if (ok) {
                FeedValidators v = poll.validators();
                ps.setLong(1, at);
                ps.setLong(2, at);
                setNullableInt(ps, 3, poll.httpStatus());
                ps.setBoolean(4, v != null);
                ps.setString(5, v == null ? null : v.etag());
                ps.setBoolean(6, v != null);
                ps.setString(7, v == null ? null : v.lastModified());
                ps.setLong(8, sourceId);
            } else {
                ps.setLong(1, at);
                setNullableInt(ps, 2, poll.httpStatus());
                ps.setString(3, poll.error());
                ps.setString(4, truncate(poll.errorMessage(), 500));
                ps.setLong(5, sourceId);
            }
            ps.executeUpdate();
        }
    }

    public void recordHostOutage(java.util.Collection<Long> sourceIds, @Nullable HostOutage outage) {
        if (sourceIds.isEmpty()) return;
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sources SET host_down_since = ?, host_error = ?, host_next_attempt = ? WHERE id = ?")) {
                for (long id : sourceIds) {
                    if (outage == null) {
                        ps.setNull(1, java.sql.Types.INTEGER);
                        ps.setNull(2, java.sql.Types.VARCHAR);
                        ps.setNull(3, java.sql.Types.INTEGER);
                    } else {
                        ps.setLong(1, outage.since().toEpochMilli());
                        ps.setString(2, truncate(outage.reason(), 500));
                        ps.setLong(3, outage.nextAttempt().toEpochMilli());
                    }
                    ps.setLong(4, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<SourceHealth> health() {
        long dayAgo = clock.instant().minus(Duration.ofDays(1)).toEpochMilli();
        return read(c -> {
            List<SourceHealth> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.*,
                           (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id) AS total,
                           (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id AND a.stored >= ?) AS last_day
                    FROM sources s ORDER BY s.id""")) {
                ps.setLong(1, dayAgo);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SourceHealth(source(rs), instant(rs, "last_poll"), instant(rs, "last_success"),
                                rs.getString("last_error"), rs.getString("last_error_message"),
                                rs.getInt("consecutive_errors"), rs.getLong("total"), rs.getLong("last_day"),
                                hostOutage(rs)));
                    }
                }
            }
            return out;
        });
    }

    private static @Nullable HostOutage hostOutage(ResultSet rs) throws SQLException {
        Instant since = instant(rs, "host_down_since");
        Instant next = instant(rs, "host_next_attempt");
        String reason = rs.getString("host_error");
        return since == null || next == null || reason == null ? null : new HostOutage(since, reason, next);
    }

    private static Source source(ResultSet rs) throws SQLException {
        DisplayPolicy policy;
        try {
            policy = DisplayPolicy.valueOf(rs.getString("display_policy"));
        } catch (IllegalArgumentException e) {
            policy = DisplayPolicy.EXCERPT;
        }
        return new Source(rs.getLong("id"), rs.getString("feed_url"), rs.getString("title"), rs.getString("site_url"),
                rs.getString("country"), rs.getString("language"), policy);
    }

    // ---------------------------------------------------------------- articles

    public Optional<Article> addIfNew(Article article) {
        return write(c -> insertArticle(c, article));
    }

    private Optional<Article> insertArticle(Connection c, Article a) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO articles (source_id, url, guid, title, byline, published, discovered, stored, paragraphs,
                                      summary, lead_image, language, countries, primary_countries)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, a.sourceId());
            ps.setString(2, a.url());
            ps.setString(3, a.guid());
            ps.setString(4, a.title());
            ps.setString(5, a.byline());
            setNullableLong(ps, 6, a.published() == null ? null : a.published().toEpochMilli());
            ps.setLong(7, a.discovered().toEpochMilli());
            ps.setLong(8, clock.millis());
            ps.setString(9, json(a.paragraphs()));
            ps.setString(10, a.summary());
            ps.setString(11, a.leadImage());
            ps.setString(12, a.language());
            ps.setString(13, String.join(",", a.countries()));
            ps.setString(14, String.join(",", a.primaryCountries()));
            if (ps.executeUpdate() == 0) return Optional.empty();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertCountries(c, "article_countries", id, a.countries());
        insertCountries(c, "article_primary_countries", id, a.primaryCountries());
        return Optional.of(a.withId(id));
    }

    private static void insertCountries(Connection c, String table, long id, List<String> countries) throws SQLException {
        if (countries.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO " + table + " (article_id, country) VALUES (?, ?)")) {
            for (String country : countries) {
                ps.setLong(1, id);
                ps.setString(2, country);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public boolean isKnown(long sourceId, String guid, String url) {
        return read(c -> known(c, sourceId, guid, url, false));
    }

    private static boolean known(Connection c, long sourceId, String guid, String url, boolean includePending)
            throws SQLException {
        // One indexed lookup per question: SQLite does not always turn an OR across columns into index use.
        if (exists(c, "SELECT 1 FROM articles WHERE url = ?", url, null)) return true;
        if (exists(c, "SELECT 1 FROM articles WHERE source_id = ? AND guid = ?", sourceId, guid)) return true;
        if (!includePending) return false;
        return exists(c, "SELECT 1 FROM pending_entries WHERE url = ?", url, null)
                || exists(c, "SELECT 1 FROM pending_entries WHERE source_id = ? AND guid = ?", sourceId, guid);
    }

    private static boolean exists(Connection c, String sql, Object first, @Nullable Object second) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, first);
            if (second != null) ps.setObject(2, second);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Optional<Article> findArticle(long id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(article(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<Article> list(ArticleQuery q) {
        StringBuilder sql = new StringBuilder("SELECT a.* FROM articles a");
        List<Object> args = new ArrayList<>();
        if (q.country() != null) {
            // An article with no countries of its own counts for its source's country; a section takes the countries
            // an article is about, or those it mentions when it was stored without that distinction.
            sql.append(q.aboutCountry()
                    ? " WHERE (a.id IN (SELECT article_id FROM article_primary_countries WHERE country = ?)"
                            + " OR (a.primary_countries = '' AND a.id IN (SELECT article_id FROM article_countries WHERE country = ?))"
                    : " WHERE (a.id IN (SELECT article_id FROM article_countries WHERE country = ?)");
            sql.append(" OR (a.countries = '' AND a.source_id IN (SELECT id FROM sources WHERE country = ?)))");
            args.add(q.country());
            if (q.aboutCountry()) args.add(q.country());
            args.add(q.country());
        } else {
            sql.append(" WHERE 1 = 1");
        }
        if (q.sourceId() != null) {
            sql.append(" AND a.source_id = ?");
            args.add(q.sourceId());
        }
        if (q.language() != null) {
            sql.append(" AND a.language = ?");
            args.add(q.language());
        }
        if (q.sinceDiscovered() != null) {
            sql.append(" AND a.discovered >= ?");
            args.add(q.sinceDiscovered().toEpochMilli());
        }
        if (q.beforeId() != null) {
            sql.append(" AND a.id < ?");
            args.add(q.beforeId());
        }
        sql.append(" ORDER BY a.id DESC LIMIT ?");
        args.add(q.limit());
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                List<Article> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(article(rs));
                }
                return out;
            }
        });
    }

    public List<Article> after(long afterId, int limit) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit);
                List<Article> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(article(rs));
                }
                return out;
            }
        });
    }

    public java.util.Map<String, Integer> countriesSince(Instant since) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT ac.country, COUNT(*) FROM article_primary_countries ac JOIN articles a ON a.id = ac.article_id
                    WHERE a.discovered >= ? GROUP BY ac.country""")) {
                ps.setLong(1, since.toEpochMilli());
                java.util.Map<String, Integer> out = new java.util.TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
                }
                return out;
            }
        });
    }

    public long articleCount() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM articles")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private static Article article(ResultSet rs) throws SQLException {
        return new Article(rs.getLong("id"), rs.getLong("source_id"), rs.getString("url"), rs.getString("guid"),
                rs.getString("title"), rs.getString("byline"), instant(rs, "published"),
                Instant.ofEpochMilli(rs.getLong("discovered")), strings(rs.getString("paragraphs")),
                rs.getString("summary"), rs.getString("lead_image"), rs.getString("language"),
                codes(rs.getString("countries")), codes(rs.getString("primary_countries")));
    }

    // ---------------------------------------------------------------- ingest queue

    public List<PendingEntry> enqueue(long sourceId, List<NewEntry> entries, Instant discovered, PollRecord poll) {
        return write(c -> {
            List<PendingEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pending_entries (source_id, url, guid, entry, discovered) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (NewEntry e : entries) {
                    if (known(c, sourceId, e.guid(), e.url(), true)) continue;
                    ps.setLong(1, sourceId);
                    ps.setString(2, e.url());
                    ps.setString(3, e.guid());
                    ps.setString(4, json(e.entry()));
                    ps.setLong(5, discovered.toEpochMilli());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        out.add(new PendingEntry(keys.getLong(1), sourceId, e.url(), e.guid(), e.entry(), discovered));
                    }
                }
            }
            recordPoll(c, sourceId, poll);
            return out;
        });
    }

    public List<PendingEntry> pending(long afterId, int limit) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM pending_entries WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit);
                List<PendingEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FeedEntry entry;
                        try {
                            entry = JSON.readValue(rs.getString("entry"), FeedEntry.class);
                        } catch (JsonProcessingException e) {
                            throw new StoreException("unreadable pending entry " + rs.getLong("id"), e);
                        }
                        out.add(new PendingEntry(rs.getLong("id"), rs.getLong("source_id"), rs.getString("url"),
                                rs.getString("guid"), entry, Instant.ofEpochMilli(rs.getLong("discovered"))));
                    }
                }
                return out;
            }
        });
    }

    public Optional<Article> complete(long pendingId, Article article) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_entries WHERE id = ?")) {
                ps.setLong(1, pendingId);
                ps.executeUpdate();
            }
            return insertArticle(c, article);
        });
    }

    public long pendingCount() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pending_entries")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(describe(e), e);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T read(Work<T> work) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(describe(e), e);
        } finally {
            readers.add(c);
        }
    }

    private static String describe(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_FULL")) return "the disk is full: " + m;
        if (m.contains("SQLITE_READONLY") || m.contains("SQLITE_CANTOPEN")) return "the data directory is not writable: " + m;
        return "database error: " + m;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static List<String> strings(@Nullable String json) {
        if (json == null || json.isEmpty()) return List.of();
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of(json);
        }
    }

    private static List<String> codes(@Nullable String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setNullableLong(PreparedStatement ps, int i, @Nullable Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setLong(i, v);
    }

    private static void setNullableInt(PreparedStatement ps, int i, @Nullable Integer v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setInt(i, v);
    }

    private static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            writer.close();
            for (Connection c : readers) c.close();
        } catch (SQLException e) {
            throw new StoreException("closing the database: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }
}
