package org.worldwire.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.worldwire.enrich.GeoTags;
import org.worldwire.enrich.Geotagger;
import org.worldwire.enrich.LanguageIdentifier;

/** The enrich stage: language and countries of an article, with its source's declarations as priors. */
public final class Enrichment {
    private final Supplier<LanguageIdentifier> languageLoader;
    private final Supplier<Geotagger> geotaggerLoader;
    private volatile @Nullable CompletableFuture<LanguageIdentifier> languages;
    private volatile @Nullable CompletableFuture<Geotagger> geotagger;

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
    public synchronized void preload() {
        if (languages != null) return;
        geotagger = CompletableFuture.supplyAsync(geotaggerLoader, Enrichment::daemon);
        languages = CompletableFuture.supplyAsync(languageLoader, Enrichment::daemon);
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "enrichment-load");
        t.setDaemon(true);
        t.start();
    }

    private LanguageIdentifier languages() {
        CompletableFuture<LanguageIdentifier> f = languages;
        if (f == null) {
            preload();
            f = java.util.Objects.requireNonNull(languages);
        }
        return f.join();
    }

    private Geotagger geotagger() {
        CompletableFuture<Geotagger> f = geotagger;
        if (f == null) {
            preload();
            f = java.util.Objects.requireNonNull(geotagger);
        }
        return f.join();
    }

    @Nullable String language(String title, String text, @Nullable String prior) {
        // A few hundred characters settle the language; the detector's cost grows with every n-gram it reads.
        String sample = text.length() > 600 ? text.substring(0, 600) : text;
        return languages().identify(title + "\n" + sample, prior);
    }

    GeoTags places(String title, String text, @Nullable String sourceCountry) {
        return geotagger().tag(title, text, sourceCountry);
    }
}
