package org.worldwire.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Article;
import org.worldwire.model.Source;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.FeedValidators;
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
 * Every port over one PostgreSQL database that many processes share: pollers, workers and web nodes, on as many
 * machines. What keeps them correct together is the database, never a lock in one JVM: unique constraints keep one
 * article per canonical URL and per source and guid, and one pending entry likewise, so two workers completing the
 * same entry store it once; every write is one transaction (an enqueue with its poll, a completion with the
 * removal of its entry, a placement with its recount), so a killed process leaves nothing half done; story
 * placements lock the stories they touch; and article inserts take turns, so ids become visible in increasing
 * order and a reader that resumes after an id (the live stream) never skips one committed late.
 *
 * <p>Rows mean what they mean in SQLite (times in epoch milliseconds, codes comma-separated, JSON text), mapped by
 * the same code. Connections come from a HikariCP pool; a dropped connection (a restarted server) is replaced, and
 * work that never reached its commit is tried again.
 */
public final class PostgresStore implements Store {
    /** Pool size when the caller does not say: a worker's pipeline threads and a web node's readers share it. */
    public static final int DEFAULT_CONNECTIONS = 8;
    /** The advisory lock article inserts take turns on (the one-key space, apart from the stories' two-key locks). */
    private static final long ARTICLE_ORDER_LOCK = 0x5757_0000_0000_0001L;
    private static final int ATTEMPTS = 4;
    /** The database server's clock in epoch milliseconds: leases are judged by it, the same for every machine. */
    private static final String DB_NOW = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";

    private final HikariDataSource pool;
    private final InstantSource clock;
    private final Transactor tx = new Transactor() {
        @Override public <T> T read(Work<T> work) { return PostgresStore.this.read(work); }
        @Override public <T> T write(Work<T> work) { return PostgresStore.this.write(work); }
    };
    private final StoryStore storyView = new JdbcStories(tx, Dialect.POSTGRESQL);

    private PostgresStore(HikariDataSource pool, InstantSource clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Opens the database at {@code url} with {@value #DEFAULT_CONNECTIONS} connections at most; see {@link #open(String, int, InstantSource)}. */
    public static PostgresStore open(String url, InstantSource clock) {
        return open(url, DEFAULT_CONNECTIONS, clock);
    }

    /**
     * Connects to the database and brings its schema up to date. Processes starting at once are safe: Flyway
     * migrates under a database lock, and a schema already current is left as it is.
     *
     * @param url {@code postgres://user:password@host:port/db} or {@code jdbc:postgresql://host:port/db?user=…}
     * @param maxConnections the most connections this process holds open, at least 1
     * @throws IllegalArgumentException when the URL is malformed
     * @throws StoreException when the server cannot be reached, refuses the login, or the schema cannot be migrated
     */
    public static PostgresStore open(String url, int maxConnections, InstantSource clock) {
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        PostgresUrl target = PostgresUrl.parse(url);
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("worldwire-postgres");
        cfg.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) cfg.setUsername(target.user());
        if (target.password() != null) cfg.setPassword(target.password());
        cfg.setMaximumPoolSize(maxConnections);
        cfg.setMinimumIdle(Math.min(2, maxConnections));
        cfg.setConnectionTimeout(10_000);
        cfg.addDataSourceProperty("ApplicationName", "worldwire");
        cfg.addDataSourceProperty("tcpKeepAlive", "true");
        cfg.addDataSourceProperty("connectTimeout", "10");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            SQLException cause = sqlCause(e);
            throw new StoreException("cannot open PostgreSQL at " + target + ": "
                    + (cause != null ? describe(cause) : String.valueOf(e.getMessage())), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/postgres").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            SQLException cause = sqlCause(e);
            throw new StoreException("the PostgreSQL database at " + target + " cannot be migrated: "
                    + (cause != null ? describe(cause) : String.valueOf(e.getMessage())), e);
        }
        return new PostgresStore(pool, clock);
    }

    @Override
    public SourceStore sources() {
        return sourceView;
    }

    @Override
    public ArticleStore articles() {
        return articleView;
    }

    @Override
    public IngestQueue queue() {
        return queueView;
    }

    @Override
    public SettingsStore settings() {
        return settingsView;
    }

    @Override
    public StoryStore stories() {
        return storyView;
    }

    /** Leases judged by the database server's clock, so pollers on machines whose clocks disagree still agree. */
    @Override
    public LeaseStore leases() {
        return leaseView;
    }

    private final SourceStore sourceView = new SourceStore() {
        @Override public Source add(Source s) { return addSource(s); }
        @Override public Optional<Source> find(long id) { return findSource(id); }
        @Override public Optional<Source> findByFeedUrl(String url) { return read(c -> Queries.sourceByUrl(c, text(url))); }
        @Override public List<Source> all() { return allSources(); }
        @Override public boolean remove(long id) { return removeSource(id); }
        @Override public FeedValidators validators(long id) { return PostgresStore.this.validators(id); }
        @Override public void recordPoll(long id, PollRecord poll) { write(c -> { Queries.recordPoll(c, id, clean(poll)); return null; }); }
        @Override public List<SourceHealth> health() { return PostgresStore.this.health(); }
        @Override public void recordHostOutage(java.util.Collection<Long> ids, org.worldwire.store.@Nullable HostOutage o) {
            if (!ids.isEmpty()) write(c -> { Queries.recordHostOutage(c, ids, o); return null; });
        }
    };

    private final ArticleStore articleView = new ArticleStore() {
        @Override public Optional<Article> addIfNew(Article a) { return write(c -> insertArticle(c, a)); }
        @Override public boolean isKnown(long sourceId, String guid, String url) { return read(c -> articleKnown(c, sourceId, text(guid), text(url))); }
        @Override public Optional<Article> find(long id) { return findArticle(id); }
        @Override public List<Article> list(ArticleQuery q) { return read(c -> Queries.articles(c, q)); }
        @Override public List<Article> after(long afterId, int limit) { return PostgresStore.this.after(afterId, limit); }
        @Override public long count() { return countOf("articles"); }
        @Override public Map<String, Integer> countriesSince(Instant since) { return PostgresStore.this.countriesSince(since); }
    };

    private final IngestQueue queueView = new IngestQueue() {
        @Override public List<PendingEntry> enqueue(long sourceId, List<NewEntry> e, Instant at, PollRecord poll) { return PostgresStore.this.enqueue(sourceId, e, at, poll); }
        @Override public List<PendingEntry> pending(long afterId, int limit) { return PostgresStore.this.pending(afterId, limit); }
        @Override public List<Completed> completeAll(List<Completion> batch) { return PostgresStore.this.completeAll(batch); }
        @Override public long pendingCount() { return countOf("pending_entries"); }
    };

    private final SettingsStore settingsView = new SettingsStore() {
        @Override public Optional<String> get(String key) { return getSetting(key); }
        @Override public void put(String key, String value) { putSetting(key, value, true); }
        @Override public boolean putIfAbsent(String key, String value) { return putSetting(key, value, false); }
    };

    private final LeaseStore leaseView = new LeaseStore() {
        @Override public boolean tryAcquire(String role, String holder, Duration ttl) { return PostgresStore.this.tryAcquire(role, holder, ttl); }
        @Override public boolean release(String role, String holder) { return PostgresStore.this.release(role, holder); }
        @Override public Optional<String> holder(String role) { return PostgresStore.this.holder(role); }
    };

    // ---------------------------------------------------------------- sources

    private Source addSource(Source source) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sources (feed_url, title, site_url, country, language, display_policy, added_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_url) DO NOTHING""")) {
                ps.setString(1, text(source.feedUrl()));
                ps.setString(2, text(source.title()));
                ps.setString(3, text(source.siteUrl()));
                ps.setString(4, text(source.country()));
                ps.setString(5, text(source.language()));
                ps.setString(6, source.displayPolicy().name());
                ps.setLong(7, clock.millis());
                ps.executeUpdate();
            }
            return Queries.sourceByUrl(c, text(source.feedUrl())).orElseThrow();
        });
    }

    private Optional<Source> findSource(long id) {
        return read(c -> Queries.sourceById(c, id));
    }

    private List<Source> allSources() {
        return read(Queries::allSources);
    }

    private boolean removeSource(long id) {
        return write(c -> Queries.removeSource(c, id));
    }

    private FeedValidators validators(long sourceId) {
        return read(c -> Queries.validators(c, sourceId));
    }

    private List<SourceHealth> health() {
        long dayAgo = clock.instant().minus(Duration.ofDays(1)).toEpochMilli();
        return read(c -> Queries.health(c, dayAgo));
    }

    // ---------------------------------------------------------------- articles

    private Optional<Article> insertArticle(Connection c, Article a) throws SQLException {
        // Take turns from here to the commit: an id is drawn and made visible before the next insert draws one, so
        // no reader sees id n+1 while n is still uncommitted (and then skips n for good). Duplicates wait too,
        // which is cheap: the turn lasts one insert and a commit.
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, ARTICLE_ORDER_LOCK);
            lock.executeQuery().close();
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO articles (source_id, url, guid, title, byline, published, discovered, stored, paragraphs,
                                      summary, lead_image, language, countries, primary_countries)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")) {
            ps.setLong(1, a.sourceId());
            ps.setString(2, text(a.url()));
            ps.setString(3, text(a.guid()));
            ps.setString(4, text(a.title()));
            ps.setString(5, text(a.byline()));
            Rows.setNullableLong(ps, 6, a.published() == null ? null : a.published().toEpochMilli());
            ps.setLong(7, a.discovered().toEpochMilli());
            ps.setLong(8, clock.millis());
            ps.setString(9, Rows.json(a.paragraphs()));
            ps.setString(10, text(a.summary()));
            ps.setString(11, text(a.leadImage()));
            ps.setString(12, text(a.language()));
            ps.setString(13, text(String.join(",", a.countries())));
            ps.setString(14, text(String.join(",", a.primaryCountries())));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                id = rs.getLong(1);
            }
        }
        insertCountries(c, "article_countries", id, a.countries());
        insertCountries(c, "article_primary_countries", id, a.primaryCountries());
        return Optional.of(a.withId(id));
    }

    private static void insertCountries(Connection c, String table, long id, List<String> countries) throws SQLException {
        if (countries.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + table + " (article_id, country) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (String country : countries) {
                ps.setLong(1, id);
                ps.setString(2, text(country));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static boolean articleKnown(Connection c, long sourceId, @Nullable String guid, @Nullable String url)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM articles WHERE url = ?)
                    OR EXISTS (SELECT 1 FROM articles WHERE source_id = ? AND guid = ?)""")) {
            ps.setString(1, url);
            ps.setLong(2, sourceId);
            ps.setString(3, guid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Optional<Article> findArticle(long id) {
        return read(c -> Queries.articleById(c, id));
    }

    private List<Article> after(long afterId, int limit) {
        return read(c -> Queries.articlesAfter(c, afterId, limit));
    }

    private Map<String, Integer> countriesSince(Instant since) {
        return read(c -> Queries.primaryCountriesSince(c, since));
    }

    private long countOf(String table) {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    // ---------------------------------------------------------------- ingest queue

    private List<PendingEntry> enqueue(long sourceId, List<NewEntry> entries, Instant discovered, PollRecord poll) {
        return write(c -> {
            List<PendingEntry> out = new ArrayList<>();
            // The unique keys on url and on (source_id, guid) skip what is pending already, even when another
            // process enqueues the same entry at this moment; stored articles are looked up first.
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO pending_entries (source_id, url, guid, entry, discovered) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING RETURNING id""")) {
                for (NewEntry e : entries) {
                    String url = text(e.url()), guid = text(e.guid());
                    if (articleKnown(c, sourceId, guid, url)) continue;
                    ps.setLong(1, sourceId);
                    ps.setString(2, url);
                    ps.setString(3, guid);
                    ps.setString(4, Rows.json(e.entry()));
                    ps.setLong(5, discovered.toEpochMilli());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) out.add(new PendingEntry(rs.getLong(1), sourceId, url, guid, e.entry(), discovered));
                    }
                }
            }
            Queries.recordPoll(c, sourceId, clean(poll));
            return out;
        });
    }

    private List<PendingEntry> pending(long afterId, int limit) {
        return read(c -> Queries.pendingAfter(c, afterId, limit));
    }

    private List<IngestQueue.Completed> completeAll(List<IngestQueue.Completion> batch) {
        // Two workers completing one entry: the second's DELETE waits for the first's commit, and its insert then
        // meets the stored article's unique URL and stores nothing.
        return write(c -> Queries.completeAll(c, batch, this::insertArticle));
    }

    // ---------------------------------------------------------------- settings

    private Optional<String> getSetting(String key) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, text(key));
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
                ps.setString(1, text(key));
                ps.setString(2, text(value));
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ---------------------------------------------------------------- leases

    private boolean tryAcquire(String role, String holder, Duration ttl) {
        LeaseStore.check(role, holder, ttl);
        return write(c -> {
            // One statement: the row lock of the upsert decides between two processes asking at once.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO leases (role, holder, expires) VALUES (?, ?, "
                    + DB_NOW + " + ?) ON CONFLICT (role) DO UPDATE SET holder = excluded.holder, expires = excluded.expires"
                    + " WHERE leases.holder = excluded.holder OR leases.expires <= " + DB_NOW)) {
                ps.setString(1, text(role));
                ps.setString(2, text(holder));
                ps.setLong(3, ttl.toMillis());
                return ps.executeUpdate() > 0;
            }
        });
    }

    private boolean release(String role, String holder) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM leases WHERE role = ? AND holder = ?")) {
                ps.setString(1, text(role));
                ps.setString(2, text(holder));
                return ps.executeUpdate() > 0;
            }
        });
    }

    private Optional<String> holder(String role) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT holder FROM leases WHERE role = ? AND expires > " + DB_NOW)) {
                ps.setString(1, text(role));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    // ---------------------------------------------------------------- plumbing

    private <T> T write(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            boolean committing = false;
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    committing = true;
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                // A lost connection at the commit may have committed: only work that never got there runs again.
                if (attempt < ATTEMPTS && (conflict(e) || (!committing && connectionLost(e)))) {
                    pause(attempt);
                    continue;
                }
                throw new StoreException(describe(e), e);
            }
        }
    }

    private <T> T read(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && connectionLost(e)) {
                    pause(attempt);
                    continue;
                }
                throw new StoreException(describe(e), e);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the server rolls back what it had
        }
    }

    /** The database chose this transaction to fail so that another could go on; running it again is the cure. */
    private static boolean conflict(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** The connection broke or the server is restarting: another connection may well work. */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a database call", e);
        }
    }

    private static @Nullable SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) return s;
        }
        return null;
    }

    /** What went wrong, in words an operator can act on. */
    static String describe(SQLException e) {
        String m = String.valueOf(e.getMessage());
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) return "cannot reach the PostgreSQL server: " + m;
        if (state.startsWith("28")) return "PostgreSQL refused the user or password: " + m;
        if (state.equals("3D000")) return "the database does not exist: " + m;
        if (state.equals("53100")) return "the database server's disk is full: " + m;
        if (state.equals("53300")) return "the PostgreSQL server has no connection to spare (max_connections): " + m;
        if (state.equals("25006")) return "the database is read-only (a standby?): " + m;
        if (state.startsWith("57P")) return "the PostgreSQL server is shutting down or restarting: " + m;
        return "database error: " + m;
    }

    /** PostgreSQL's text cannot hold U+0000, which a broken feed can carry: drop it rather than refuse the row. */
    private static @Nullable String text(@Nullable String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    private static PollRecord clean(PollRecord p) {
        FeedValidators v = p.validators();
        return new PollRecord(p.at(), p.httpStatus(), p.newArticles(), text(p.error()), text(p.errorMessage()),
                v == null ? null : new FeedValidators(text(v.etag()), text(v.lastModified())));
    }

    /** Closes the pool; the data stays in the database. */
    @Override
    public void close() {
        pool.close();
    }
}
