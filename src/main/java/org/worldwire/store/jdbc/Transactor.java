package org.worldwire.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How an adapter lends out connections: {@link #write} runs its work as one transaction (committed when the work
 * returns, rolled back when it throws), {@link #read} on a connection in auto-commit. Both wrap a
 * {@link SQLException} in a {@link org.worldwire.store.StoreException} that says what went wrong.
 */
public interface Transactor {
    <T> T read(Work<T> work);

    <T> T write(Work<T> work);

    /** Work on one connection. A write's work may run again when the database asks for a retry, so it only touches the database. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }
}
