package org.worldwire.store.postgres;

import java.time.InstantSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.worldwire.store.Store;
import org.worldwire.store.StoreContractTest;

/** The store contract on a real PostgreSQL server, a fresh database per test. */
@Tag("postgres")
class PostgresStoreTest extends StoreContractTest {
    static PostgresServer server;
    String database;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
    }

    @Override
    protected Store open(InstantSource clock) {
        database = server.createMigratedDatabase();
        return PostgresStore.open(server.jdbcUrl(database), 4, clock);
    }

    @Override
    protected Store reopen(InstantSource clock) {
        return PostgresStore.open(server.jdbcUrl(database), 4, clock);
    }

    @Override
    protected void discard() {
        server.dropDatabase(database);
    }
}
