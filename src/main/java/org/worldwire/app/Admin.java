package org.worldwire.app;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.store.SourceHealth;
import org.worldwire.store.SourceStore;
import org.worldwire.store.sqlite.SqliteStore;

/**
 * Operator tasks on a data directory without starting ingest: the command line's view. A running server on
 * the same directory notices the changes within seconds.
 */
public final class Admin implements AutoCloseable {
    private final SqliteStore store;

    private Admin(SqliteStore store) {
        this.store = store;
    }

    public static Admin open(Path dataDir) {
        return new Admin(SqliteStore.open(dataDir.resolve("worldwire.db"), InstantSource.system()));
    }

    public SourceStore sources() {
        return store.sources();
    }

    public List<SourceHealth> health() {
        return store.sources().health();
    }

    /**
     * Adds a feed by URL.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL or a code is malformed
     */
    public Source addSource(String feedUrl, @Nullable String title, @Nullable String country, @Nullable String language,
            DisplayPolicy policy) {
        return store.sources().add(validated(feedUrl, title, country, language, policy));
    }

    static Source validated(String feedUrl, @Nullable String title, @Nullable String country, @Nullable String language,
            DisplayPolicy policy) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(feedUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + feedUrl);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("a feed URL must be an absolute http or https URL: " + feedUrl);
        }
        if (country != null && !country.matches("(?i)[a-z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as FR, was " + country);
        }
        if (language != null && !language.matches("(?i)[a-z]{2,3}(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("language must be a language tag such as fr or pt-BR, was " + language);
        }
        return new Source(0, uri.toString(), title == null ? uri.toString() : title, null, country, language, policy);
    }

    @Override
    public void close() {
        store.close();
    }
}
