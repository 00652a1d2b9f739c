package org.worldwire.store.sqlite;

import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.store.StoriesContractTest;
import org.worldwire.store.Store;

/** The stories contract on a SQLite file. */
class SqliteStoriesTest extends StoriesContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store open(InstantSource clock) {
        return SqliteStore.open(dir.resolve("ww.db"), clock);
    }
}
