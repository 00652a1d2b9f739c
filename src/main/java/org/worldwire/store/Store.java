package org.worldwire.store;

/**
 * One database holding every port: what the application opens at start and closes at stop. Each adapter
 * (SQLite embedded, PostgreSQL shared) implements it; the ports it hands out stay usable until {@link #close}.
 */
public interface Store extends AutoCloseable {
    SourceStore sources();

    ArticleStore articles();

    IngestQueue queue();

    SettingsStore settings();

    StoryStore stories();

    LeaseStore leases();

    /** Releases the connections; the data stays. */
    @Override
    void close();
}
