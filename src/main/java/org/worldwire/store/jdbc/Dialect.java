package org.worldwire.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;

/** Where the SQL of the two databases differs, for the statements the adapters share. */
public enum Dialect {
    /** One writer at a time by construction: nothing to lock. */
    SQLITE {
        @Override
        public String insertIgnoring(String intoAndRows) {
            return "INSERT OR IGNORE INTO " + intoAndRows;
        }

        @Override
        public void lockStories(Connection c, Collection<Long> storyIds) {}
    },
    /** Many writers in many processes: serialise the work on one story with transaction-scoped advisory locks. */
    POSTGRESQL {
        @Override
        public String insertIgnoring(String intoAndRows) {
            return "INSERT INTO " + intoAndRows + " ON CONFLICT DO NOTHING";
        }

        @Override
        public void lockStories(Connection c, Collection<Long> storyIds) throws SQLException {
            // Sorted, so two transactions that touch the same stories take their locks in the same order and never
            // wait on each other in a circle. Two stories whose ids fold to one key only wait a little longer.
            TreeSet<Integer> keys = new TreeSet<>();
            for (long id : storyIds) keys.add(Long.hashCode(id));
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                for (int key : keys) {
                    ps.setInt(1, STORY_LOCKS);
                    ps.setInt(2, key);
                    ps.executeQuery().close();
                }
            }
        }
    };

    /** The first key of the advisory locks on stories, a name of their own among the database's locks. */
    public static final int STORY_LOCKS = 0x5757_0001;

    /** An INSERT (the text after INTO: table, columns, VALUES or SELECT) that skips rows a unique key already holds. */
    public abstract String insertIgnoring(String intoAndRows);

    /** Makes the current transaction the only one working on these stories until it ends. */
    public abstract void lockStories(Connection c, Collection<Long> storyIds) throws SQLException;
}
