package org.worldwire.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.worldwire.model.Article;
import org.worldwire.model.Source;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.FeedValidators;
import org.worldwire.store.HostOutage;
import org.worldwire.store.IngestQueue;
import org.worldwire.store.LeaseStore;
import org.worldwire.store.NewEntry;
import org.worldwire.store.PendingEntry;
import org.worldwire.store.PollRecord;
import org.worldwire.store.SettingsStore;
import org.worldwire.store.SourceHealth;
import org.worldwire.store.SourceStore;
import org.worldwire.store.Store;
import org.worldwire.store.StoreException;
import org.worldwire.store.StoryStore;
import org.worldwire.store.jdbc.Dialect;
import org.worldwire.store.jdbc.JdbcStories;
import org.worldwire.store.jdbc.Queries;
import org.worldwire.store.jdbc.Rows;
import org.worldwire.store.jdbc.Transactor;
import org.worldwire.store.jdbc.Transactor.Work;

/**
 * Sources, articles and the ingest queue in one SQLite file. One writer connection behind a lock (SQLite
 * allows one writer at a time anyway) and a small pool of readers; WAL mode lets readers run beside the
 * writer. Every write is one transaction, so a killed process leaves the file consistent.
 */
public final class SqliteStore implements Store {
    private static final int READERS = 4;

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
            if (!schemaCurrent(file, url)) Flyway.configure()
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

    /** The highest migration under {@code db/sqlite}; a test keeps it equal to the newest file there. */
    static final int SCHEMA_VERSION = 7;

    /**
     * Whether every migration up to {@link #SCHEMA_VERSION} is recorded as applied. Flyway itself takes about half a
     * second of every start (scanning the class path, parsing each script, validating), so a database that is up to
     * date is opened without it; a new file, an older schema or a failed migration goes through Flyway as before.
     */
    private static boolean schemaCurrent(Path file, String url) {
        if (!Files.isRegularFile(file)) return false;
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        try (Connection c = DriverManager.getConnection(url, cfg.toProperties());
                var st = c.createStatement();
                var rs = st.executeQuery("select count(*), sum(success), max(cast(version as integer)) from flyway_schema_history"
                        + " where version is not null")) {
            return rs.next() && rs.getInt(1) == SCHEMA_VERSION && rs.getInt(2) == SCHEMA_VERSION && rs.getInt(3) == SCHEMA_VERSION;
        } catch (SQLException e) {
            return false; // no history table, a locked or damaged file: Flyway says what is wrong
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
    @Override
    public SourceStore sources() {
        return sourceView;
    }

    /** The stories port over this database. */
    @Override
    public StoryStore stories() {
        return storyView;
    }

    private final StoryStore storyView = new JdbcStories(new Transactor() {
        @Override public <T> T read(Work<T> work) { return SqliteStore.this.read(work); }
        @Override public <T> T write(Work<T> work) { return SqliteStore.this.write(work); }
    }, Dialect.SQLITE);

    /** The leases port over this database: one process holds this file, so a lease only ever moves between its threads or its restarts. */
    @Override
    public LeaseStore leases() {
        return leaseView;
    }

    private final LeaseStore leaseView = new LeaseStore() {
        @Override public boolean tryAcquire(String role, String holder, Duration ttl) { return SqliteStore.this.tryAcquire(role, holder, ttl); }
        @Override public boolean release(String role, String holder) { return SqliteStore.this.release(role, holder); }
        @Override public Optional<String> holder(String role) { return SqliteStore.this.holder(role); }
    };

    /** The articles port over this database. */
    @Override
    public ArticleStore articles() {
        return articleView;
    }

    /** The ingest queue over this database. */
    @Override
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
    @Override
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
        @Override public List<Completed> completeAll(List<Completion> batch) { return SqliteStore.this.completeAll(batch); }
        @Override public long pendingCount() { return SqliteStore.this.pendingCount(); }
    };

    // ---------------------------------------------------------------- leases

    private boolean tryAcquire(String role, String holder, Duration ttl) {
        LeaseStore.check(role, holder, ttl);
        long now = clock.millis();
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO leases (role, holder, expires) VALUES (?, ?, ?)
                    ON CONFLICT (role) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
                    WHERE leases.holder = excluded.holder OR leases.expires <= ?""")) {
                ps.setString(1, role);
                ps.setString(2, holder);
                ps.setLong(3, now + ttl.toMillis());
                ps.setLong(4, now);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private boolean release(String role, String holder) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM leases WHERE role = ? AND holder = ?")) {
                ps.setString(1, role);
                ps.setString(2, holder);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private Optional<String> holder(String role) {
        long now = clock.millis();
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT holder FROM leases WHERE role = ? AND expires > ?")) {
                ps.setString(1, role);
                ps.setLong(2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

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
            return Queries.sourceByUrl(c, source.feedUrl()).orElseThrow();
        });
    }

    public Optional<Source> findSource(long id) {
        return read(c -> Queries.sourceById(c, id));
    }

    public Optional<Source> findSourceByFeedUrl(String feedUrl) {
        return read(c -> Queries.sourceByUrl(c, feedUrl));
    }

    public List<Source> allSources() {
        return read(Queries::allSources);
    }

    public boolean removeSource(long id) {
        return write(c -> Queries.removeSource(c, id));
    }

    public FeedValidators validators(long sourceId) {
        return read(c -> Queries.validators(c, sourceId));
    }

    public void recordPoll(long sourceId, PollRecord poll) {
        write(c -> {
            Queries.recordPoll(c, sourceId, poll);
            return null;
        });
    }

    public List<SourceHealth> health() {
        long dayAgo = clock.instant().minus(Duration.ofDays(1)).toEpochMilli();
        return read(c -> Queries.health(c, dayAgo));
    }

    public void recordHostOutage(java.util.Collection<Long> sourceIds, @Nullable HostOutage outage) {
        if (sourceIds.isEmpty()) return;
        write(c -> {
            Queries.recordHostOutage(c, sourceIds, outage);
            return null;
        });
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
            Rows.setNullableLong(ps, 6, a.published() == null ? null : a.published().toEpochMilli());
            ps.setLong(7, a.discovered().toEpochMilli());
            ps.setLong(8, clock.millis());
            ps.setString(9, Rows.json(a.paragraphs()));
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
        return read(c -> {
            try (var known = new Known(c)) {
                return known.test(sourceId, guid, url, false);
            }
        });
    }

    /**
     * Whether an entry is stored or queued already, by one indexed lookup per question (SQLite does not always turn an
     * OR across columns into index use). Each statement is prepared once, on first use, and serves a whole batch: a
     * poll's entries were four statements prepared and closed each.
     */
    private static final class Known implements AutoCloseable {
        private static final String[] SQL = {
            "SELECT 1 FROM articles WHERE url = ?",
            "SELECT 1 FROM articles WHERE source_id = ? AND guid = ?",
            "SELECT 1 FROM pending_entries WHERE url = ?",
            "SELECT 1 FROM pending_entries WHERE source_id = ? AND guid = ?"};
        private final Connection c;
        private final @Nullable PreparedStatement[] statements = new PreparedStatement[SQL.length];

        Known(Connection c) {
            this.c = c;
        }

        boolean test(long sourceId, String guid, String url, boolean includePending) throws SQLException {
            if (exists(0, url, null) || exists(1, sourceId, guid)) return true;
            return includePending && (exists(2, url, null) || exists(3, sourceId, guid));
        }

        private boolean exists(int which, Object first, @Nullable Object second) throws SQLException {
            PreparedStatement ps = statements[which];
            if (ps == null) statements[which] = ps = c.prepareStatement(SQL[which]);
            ps.setObject(1, first);
            // a statement reused keeps its last binding: a missing guid is bound as NULL (matching nothing), not left
            if (which % 2 == 1) ps.setObject(2, second);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }

        @Override
        public void close() throws SQLException {
            SQLException failed = null;
            for (PreparedStatement ps : statements) {
                if (ps == null) continue;
                try {
                    ps.close();
                } catch (SQLException e) {
                    if (failed == null) failed = e;
                }
            }
            if (failed != null) throw failed;
        }
    }

    public Optional<Article> findArticle(long id) {
        return read(c -> Queries.articleById(c, id));
    }

    public List<Article> list(ArticleQuery q) {
        return read(c -> Queries.articles(c, q));
    }

    public List<Article> after(long afterId, int limit) {
        return read(c -> Queries.articlesAfter(c, afterId, limit));
    }

    public java.util.Map<String, Integer> countriesSince(Instant since) {
        return read(c -> Queries.primaryCountriesSince(c, since));
    }

    public long articleCount() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM articles")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    // ---------------------------------------------------------------- ingest queue

    public List<PendingEntry> enqueue(long sourceId, List<NewEntry> entries, Instant discovered, PollRecord poll) {
        return write(c -> {
            List<PendingEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pending_entries (source_id, url, guid, entry, discovered) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS); var known = new Known(c)) {
                for (NewEntry e : entries) {
                    if (known.test(sourceId, e.guid(), e.url(), true)) continue;
                    ps.setLong(1, sourceId);
                    ps.setString(2, e.url());
                    ps.setString(3, e.guid());
                    ps.setString(4, Rows.json(e.entry()));
                    ps.setLong(5, discovered.toEpochMilli());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        out.add(new PendingEntry(keys.getLong(1), sourceId, e.url(), e.guid(), e.entry(), discovered));
                    }
                }
            }
            Queries.recordPoll(c, sourceId, poll);
            return out;
        });
    }

    public List<PendingEntry> pending(long afterId, int limit) {
        return read(c -> Queries.pendingAfter(c, afterId, limit));
    }

    public List<IngestQueue.Completed> completeAll(List<IngestQueue.Completion> batch) {
        return write(c -> Queries.completeAll(c, batch, this::insertArticle));
    }

    public long pendingCount() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pending_entries")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    // ---------------------------------------------------------------- plumbing

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
