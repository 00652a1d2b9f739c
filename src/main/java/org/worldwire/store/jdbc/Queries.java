package org.worldwire.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Article;
import org.worldwire.model.Source;
import org.worldwire.model.Story;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.FeedValidators;
import org.worldwire.store.IngestQueue;
import org.worldwire.store.PollRecord;
import org.worldwire.store.SourceHealth;
import org.worldwire.store.StoryQuery;

/** Statements whose SQL both databases accept as written, so each filter means the same in both. */
public final class Queries {
    private Queries() {}

    /** How an adapter inserts one article (its dialect's insert that ignores a duplicate). */
    @FunctionalInterface
    public interface ArticleInsert {
        Optional<Article> insert(Connection c, Article a) throws SQLException;
    }

    /** Removes the batch's pending entries and inserts their articles, on one connection inside the caller's transaction. */
    public static List<IngestQueue.Completed> completeAll(Connection c, List<IngestQueue.Completion> batch,
            ArticleInsert insert) throws SQLException {
        int[] removed;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_entries WHERE id = ?")) {
            for (var done : batch) {
                ps.setLong(1, done.pendingId());
                ps.addBatch();
            }
            removed = ps.executeBatch();
        }
        List<IngestQueue.Completed> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Article a = batch.get(i).article();
            Optional<Article> stored = insert.insert(c, a);
            if (stored.isPresent()) {
                out.add(new IngestQueue.Completed.Stored(stored.get()));
            } else if (removed[i] == 0) {
                // The entry was gone already: someone completed it, so the article it made is the one stored
                // under the same URL (or source and guid)
                Optional<Article> earlier = articleLike(c, a);
                out.add(earlier.isPresent() ? new IngestQueue.Completed.Redelivered(earlier.get())
                        : new IngestQueue.Completed.Duplicate());
            } else {
                out.add(new IngestQueue.Completed.Duplicate());
            }
        }
        return out;
    }

    /** The stored article that an insert of {@code a} collided with. */
    private static Optional<Article> articleLike(Connection c, Article a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM articles WHERE url = ? OR (source_id = ? AND guid = ?) ORDER BY id LIMIT 1")) {
            ps.setString(1, a.url());
            ps.setLong(2, a.sourceId());
            ps.setString(3, a.guid());
            List<Article> found = Rows.articles(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
        }
    }

    public static List<Article> articles(Connection c, ArticleQuery q) throws SQLException {
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
        try (PreparedStatement ps = prepare(c, sql.toString(), args)) {
            return Rows.articles(ps);
        }
    }

    /** Stories matching the query (merged ones excluded), most recently updated first. */
    public static List<Story> stories(Connection c, StoryQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT s.* FROM stories s WHERE s.merged_into IS NULL");
        List<Object> args = new ArrayList<>();
        if (q.country() != null) {
            sql.append(" AND s.id IN (SELECT story_id FROM story_countries WHERE country = ?)");
            args.add(q.country());
        }
        if (q.language() != null) {
            sql.append(" AND (',' || s.languages || ',') LIKE ?");
            args.add("%," + q.language() + ",%");
        }
        if (q.since() != null) {
            sql.append(" AND s.last_update >= ?");
            args.add(q.since().toEpochMilli());
        }
        if (q.before() != null) {
            long t = q.before().lastUpdate().toEpochMilli();
            sql.append(" AND (s.last_update < ? OR (s.last_update = ? AND s.id < ?))");
            args.add(t);
            args.add(t);
            args.add(q.before().id());
        }
        sql.append(" ORDER BY s.last_update DESC, s.id DESC LIMIT ?");
        args.add(q.limit());
        try (PreparedStatement ps = prepare(c, sql.toString(), args)) {
            List<Story> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(Rows.story(rs));
            }
            return out;
        }
    }

    /** The source with this feed URL. */
    public static Optional<Source> sourceById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.source(rs)) : Optional.empty();
            }
        }
    }

    public static Optional<Article> articleById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.article(rs)) : Optional.empty();
            }
        }
    }

    /** Articles with an id above {@code afterId}, oldest first. */
    public static List<Article> articlesAfter(Connection c, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            return Rows.articles(ps);
        }
    }

    /** Pending entries with an id above {@code afterId}, oldest first. */
    public static List<org.worldwire.store.PendingEntry> pendingAfter(Connection c, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM pending_entries WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            List<org.worldwire.store.PendingEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(Rows.pendingEntry(rs));
            }
            return out;
        }
    }

    /** Articles discovered since {@code since} per country they are mainly about. */
    public static java.util.Map<String, Integer> primaryCountriesSince(Connection c, java.time.Instant since) throws SQLException {
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
    }

    public static Optional<Source> sourceByUrl(Connection c, @Nullable String feedUrl) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources WHERE feed_url = ?")) {
            ps.setString(1, feedUrl);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Rows.source(rs)) : Optional.empty();
            }
        }
    }

    /** Every source, by id. */
    public static List<Source> allSources(Connection c) throws SQLException {
        List<Source> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM sources ORDER BY id")) {
            while (rs.next()) out.add(Rows.source(rs));
        }
        return out;
    }

    /** Removes a source's row; its articles stay. */
    public static boolean removeSource(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sources WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    /** The validators of the source's last successful fetch. */
    public static FeedValidators validators(Connection c, long sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT etag, last_modified FROM sources WHERE id = ?")) {
            ps.setLong(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new FeedValidators(rs.getString(1), rs.getString(2)) : FeedValidators.NONE;
            }
        }
    }

    /** Remembers one poll on the source's row: validators and a cleared error count on success, the error on failure. */
    public static void recordPoll(Connection c, long sourceId, PollRecord poll) throws SQLException {
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
                Rows.setNullableInt(ps, 3, poll.httpStatus());
                ps.setBoolean(4, v != null);
                ps.setString(5, v == null ? null : v.etag());
                ps.setBoolean(6, v != null);
                ps.setString(7, v == null ? null : v.lastModified());
                ps.setLong(8, sourceId);
            } else {
                ps.setLong(1, at);
                Rows.setNullableInt(ps, 2, poll.httpStatus());
                ps.setString(3, poll.error());
                ps.setString(4, Rows.truncate(poll.errorMessage(), 500));
                ps.setLong(5, sourceId);
            }
            ps.executeUpdate();
        }
    }

    /** Records, or with {@code outage} null clears, the outage of the host the given sources live on. */
    public static void recordHostOutage(Connection c, java.util.Collection<Long> sourceIds, org.worldwire.store.@org.jspecify.annotations.Nullable HostOutage outage)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sources SET host_down_since = ?, host_error = ?, host_next_attempt = ? WHERE id = ?")) {
            for (long id : sourceIds) {
                if (outage == null) {
                    ps.setNull(1, java.sql.Types.BIGINT);
                    ps.setNull(2, java.sql.Types.VARCHAR);
                    ps.setNull(3, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(1, outage.since().toEpochMilli());
                    ps.setString(2, Rows.truncate(outage.reason(), 500));
                    ps.setLong(3, outage.nextAttempt().toEpochMilli());
                }
                ps.setLong(4, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Health of every source, with the articles stored from it in all and since {@code dayAgoMillis}. */
    public static List<SourceHealth> health(Connection c, long dayAgoMillis) throws SQLException {
        List<SourceHealth> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.*,
                       (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id) AS total,
                       (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id AND a.stored >= ?) AS last_day
                FROM sources s ORDER BY s.id""")) {
            ps.setLong(1, dayAgoMillis);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(Rows.health(rs));
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
