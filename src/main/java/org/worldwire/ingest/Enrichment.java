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
        return new Enrichment(LanguageIdentifier::load, Geotagger::load);
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

    @Nullable String language(String title, String text, @Nullable String prior) {
        // A few hundred characters settle the language; the detector's cost grows with every n-gram it reads.
        String sample = text.length() > 600 ? text.substring(0, 600) : text;
        return loading().languages().join().identify(title + "\n" + sample, prior);
    }

    GeoTags places(String title, String text, @Nullable String sourceCountry) {
        return loading().geotagger().join().tag(title, text, sourceCountry);
    }
}
