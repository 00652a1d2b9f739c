package org.worldwire.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.worldwire.search.SearchIndex;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.StoreException;
import org.worldwire.store.postgres.PostgresStore;
import org.worldwire.store.postgres.PostgresUrl;
import org.worldwire.store.sqlite.SqliteStore;

/**
 * {@code worldwire migrate}: copies an embedded installation (the SQLite database of a data directory) into a
 * PostgreSQL database, then re-indexes the articles into the target search cluster.
 *
 * <p>Every table both schemas hold is copied row by row with its ids (sources, articles, their countries, pending
 * entries, source health and host outages, settings with the admin credentials, stories), referenced tables first;
 * leases are not, they belong to running processes. Rows already present (by primary key or any unique key) are
 * left as they are, so a migration that was cut short can simply be run again. The id sequences are then moved past
 * the highest copied id, so rows added later do not collide. Both schemas are brought up to date first, by the
 * stores' own migrations. Stop the embedded server first: rows it writes meanwhile may be missed.
 */
public final class Migration {
    private static final int BATCH = 500;
    /** Tables a running process owns: a lease names a process of the old installation. */
    private static final Set<String> SKIPPED = Set.of("flyway_schema_history", "leases");

    /** What was copied: per table, the rows read and the rows inserted (fewer when a re-run found them present). */
    public record Report(Map<String, Copied> tables, long indexed) {}

    public record Copied(long read, long inserted) {}

    private Migration() {}

    /**
     * @param from a data directory of the embedded default (holding {@code worldwire.db})
     * @param to a PostgreSQL URL, {@code postgres://user:pass@host:port/db}
     * @param search where to re-index the articles: null or {@value Deployment#LUCENE} for no re-indexing (a Lucene
     *     index under each process's data directory catches up from the store when it starts), or an OpenSearch URL
     * @param progress where the progress bars go (stderr)
     * @throws IllegalArgumentException for a directory without a database, a bad URL, or a search this build lacks
     * @throws StoreException when a database cannot be opened or a row cannot be written
     */
    public static Report run(Path from, String to, @Nullable String search, PrintStream progress) {
        Path db = from.resolve("worldwire.db");
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException("no embedded installation at " + from + ": " + db.getFileName() + " is missing");
        }
        Deployment target = Deployment.EMBEDDED.withStore(to);
        if (!target.sharedStore()) throw new IllegalArgumentException("--to must be a PostgreSQL URL (postgres://…), was '" + to + "'");
        if (search != null) target = target.withSearch(search);
        InstantSource clock = InstantSource.system();
        SqliteStore.open(db, clock).close(); // brings an older installation's schema up to date
        try (PostgresStore store = PostgresStore.open(to, clock)) {
            // The search cluster is reached before anything is copied: a wrong address fails in seconds, not after.
            SearchIndex index = target.sharedSearch() ? Engines.openSearch(target, from, store.articles()) : null;
            try {
                Map<String, Copied> copied = copy(db, PostgresUrl.parse(to), progress);
                long indexed = index == null ? 0 : reindex(store.articles(), index, progress);
                return new Report(copied, indexed);
            } finally {
                if (index != null) index.close();
            }
        }
    }

    /** Indexes every article of {@code articles} into {@code index}, in id order, with a progress bar. */
    static long reindex(ArticleStore articles, SearchIndex index, PrintStream out) {
        Progress bar = new Progress(out, "indexing", articles.count());
        long n = Engines.indexEvery(articles, index, BATCH, bar::advance);
        bar.finish();
        return n;
    }

    private static Map<String, Copied> copy(Path sqlite, PostgresUrl to, PrintStream out) {
        Properties login = new Properties();
        if (to.user() != null) login.setProperty("user", to.user());
        if (to.password() != null) login.setProperty("password", to.password());
        try (Connection src = DriverManager.getConnection("jdbc:sqlite:" + sqlite.toAbsolutePath());
                Connection dst = DriverManager.getConnection(to.jdbcUrl(), login)) {
            dst.setAutoCommit(false);
            Map<String, Map<String, String>> targetColumns = targetColumns(dst);
            Set<String> sourceTables = sourceTables(src);
            List<String> tables = new ArrayList<>();
            for (String t : referencedFirst(dst, targetColumns.keySet())) {
                if (sourceTables.contains(t) && !SKIPPED.contains(t)) tables.add(t);
            }
            Map<String, Copied> copied = new LinkedHashMap<>();
            for (String table : tables) {
                copied.put(table, copyTable(src, dst, table, targetColumns.get(table), out));
            }
            for (String table : tables) {
                if (targetColumns.get(table).containsKey("id")) moveSequence(dst, table);
            }
            dst.commit();
            return copied;
        } catch (SQLException e) {
            throw new StoreException("migration to " + to + " failed: " + e.getMessage(), e);
        }
    }

    private static Copied copyTable(Connection src, Connection dst, String table, Map<String, String> types,
            PrintStream out) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) columns.add(rs.getString("name").toLowerCase(Locale.ROOT));
        }
        for (String c : columns) {
            if (!types.containsKey(c)) {
                throw new SQLException("column " + table + "." + c + " of the SQLite database has no place in PostgreSQL;"
                        + " is the target database from another version of worldwire?");
            }
        }
        long total;
        try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            rs.next();
            total = rs.getLong(1);
        }
        String list = String.join(", ", columns.stream().map(Migration::quote).toList());
        String insert = "INSERT INTO " + quote(table) + " (" + list + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ") ON CONFLICT DO NOTHING";
        Progress bar = new Progress(out, table, total);
        long read = 0, inserted = 0;
        try (Statement s = src.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + list + " FROM " + quote(table));
                PreparedStatement ins = dst.prepareStatement(insert)) {
            int pending = 0;
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) bind(ins, i + 1, rs, types.get(columns.get(i)));
                ins.addBatch();
                read++;
                if (++pending == BATCH) {
                    inserted += flush(ins, dst);
                    bar.advance(pending);
                    pending = 0;
                }
            }
            if (pending > 0) {
                inserted += flush(ins, dst);
                bar.advance(pending);
            }
        }
        bar.finish();
        return new Copied(read, inserted);
    }

    private static long flush(PreparedStatement ins, Connection dst) throws SQLException {
        long n = 0;
        for (int c : ins.executeBatch()) n += Math.max(c, 0);
        dst.commit();
        return n;
    }

    /** Binds SQLite's value (integer, real, text or blob, typed loosely) as the PostgreSQL column's type. */
    private static void bind(PreparedStatement ins, int i, ResultSet rs, String pgType) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) {
            ins.setNull(i, Types.NULL);
            return;
        }
        switch (pgType) {
            case "bigint" -> ins.setLong(i, rs.getLong(i));
            case "integer", "smallint" -> ins.setInt(i, rs.getInt(i));
            case "boolean" -> ins.setBoolean(i, rs.getLong(i) != 0);
            case "double precision", "real", "numeric" -> ins.setDouble(i, rs.getDouble(i));
            case "bytea" -> ins.setBytes(i, rs.getBytes(i));
            case "json", "jsonb" -> ins.setObject(i, rs.getString(i), Types.OTHER);
            default -> ins.setString(i, rs.getString(i));
        }
    }

    /** Moves an identity column's sequence past the highest id, so the next row PostgreSQL numbers is new. */
    private static void moveSequence(Connection dst, String table) throws SQLException {
        String sequence;
        try (PreparedStatement p = dst.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                sequence = rs.next() ? rs.getString(1) : null;
            }
        }
        if (sequence == null) return; // ids assigned by the application (stories)
        try (PreparedStatement p = dst.prepareStatement(
                "SELECT setval(?, GREATEST((SELECT COALESCE(MAX(id), 0) FROM " + quote(table) + "), 1))")) {
            p.setString(1, sequence);
            p.executeQuery().close();
        }
    }

    /** Per table of the target schema, its columns and their types. */
    private static Map<String, Map<String, String>> targetColumns(Connection dst) throws SQLException {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        try (Statement s = dst.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position""")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return tables;
    }

    private static Set<String> sourceTables(Connection src) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement s = src.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    /** The tables in an order where each comes after the tables its foreign keys reference. */
    private static List<String> referencedFirst(Connection dst, Set<String> tables) throws SQLException {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        for (String t : tables) references.put(t, new LinkedHashSet<>());
        try (Statement s = dst.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT tc.table_name, ccu.table_name FROM information_schema.table_constraints tc
                JOIN information_schema.constraint_column_usage ccu
                  ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
                WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()""")) {
            while (rs.next()) {
                Set<String> r = references.get(rs.getString(1));
                if (r != null && !rs.getString(1).equals(rs.getString(2))) r.add(rs.getString(2));
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < references.size()) {
            int before = ordered.size();
            for (var e : references.entrySet()) {
                if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue().stream().filter(references::containsKey).toList())) {
                    ordered.add(e.getKey());
                }
            }
            if (ordered.size() == before) throw new SQLException("foreign keys form a cycle among " + references.keySet());
        }
        return ordered;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
