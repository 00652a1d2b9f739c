package org.worldwire.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.worldwire.enrich.GeoTags;
import org.worldwire.enrich.Geotagger;
import org.worldwire.enrich.LanguageIdentifier;

/** The enrich stage: language and countries of an article, with its source's declarations as priors. */
public final class Enrichment {
    private record Loading(CompletableFuture<LanguageIdentifier> languages, CompletableFuture<Geotagger> geotagger) {}

    private final Supplier<LanguageIdentifier> languageLoader;
    private final Supplier<Geotagger> geotaggerLoader;
    private volatile @Nullable Loading loading;
    /** Completed by {@link #stopWaiting}: from then on, a caller finds the data loaded or gives up at once. */
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    public Enrichment(LanguageIdentifier languages, Geotagger geotagger) {
        this(() -> languages, () -> geotagger);
        preload();
    }

    private Enrichment(Supplier<LanguageIdentifier> languageLoader, Supplier<Geotagger> geotaggerLoader) {
        this.languageLoader = languageLoader;
        this.geotaggerLoader = geotaggerLoader;
    }

    public static Enrichment load() {
        return new Enrichment(LanguageIdentifier.load(), Geotagger.load());
    }

    /**
     * Loads the language profiles and the gazetteer (about two seconds of CPU) only when {@link #preload} is called or
     * the first article needs them, so that a starting server can open its port first.
     */
    public static Enrichment deferred() {
        return deferred(LanguageIdentifier::load, Geotagger::load);
    }

    /** As {@link #deferred()}, with the loaders given: a test needs a load it can hold. */
    static Enrichment deferred(Supplier<LanguageIdentifier> languages, Supplier<Geotagger> geotagger) {
        return new Enrichment(languages, geotagger);
    }

    /** Starts loading on their own threads, if not started yet, and returns at once. */
    public void preload() {
        loading();
    }

    private Loading loading() {
        Loading l = loading;
        if (l != null) return l;
        synchronized (this) {
            l = loading;
            if (l == null) {
                loading = l = new Loading(CompletableFuture.supplyAsync(languageLoader, Enrichment::daemon),
                        CompletableFuture.supplyAsync(geotaggerLoader, Enrichment::daemon));
            }
            return l;
        }
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "enrichment-load");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Makes the callers that wait for the data to load, now or later, give up with {@link Unavailable}: a closing
     * pipeline parks their articles instead of waiting up to a second or two for a load that a start had just begun.
     */
    void stopWaiting() {
        stopped.complete(null);
    }

    /** The data is still loading and {@link #stopWaiting} was called. */
    static final class Unavailable extends RuntimeException {
        Unavailable() {
            super("language profiles or gazetteer not loaded yet", null, false, false);
        }
    }

    @Nullable String language(String title, String text, @Nullable String prior) {
        // A few hundred characters settle the language; the detector's cost grows with every n-gram it reads.
        String sample = text.length() > 600 ? text.substring(0, 600) : text;
        return loaded(loading().languages()).identify(title + "\n" + sample, prior);
    }

    GeoTags places(String title, String text, @Nullable String sourceCountry) {
        return loaded(loading().geotagger()).tag(title, text, sourceCountry);
    }

    private <T> T loaded(CompletableFuture<T> data) {
        if (!data.isDone()) CompletableFuture.anyOf(data, stopped).join();
        if (!data.isDone()) throw new Unavailable();
        return data.join();
    }
}
