package org.worldwire.ingest;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.worldwire.enrich.GeoTags;
import org.worldwire.enrich.Geotagger;
import org.worldwire.enrich.LanguageIdentifier;

/** The enrich stage: language and countries of an article, with its source's declarations as priors. */
public final class Enrichment {
    private final CompletableFuture<LanguageIdentifier> languages;
    private final CompletableFuture<Geotagger> geotagger;

    public Enrichment(LanguageIdentifier languages, Geotagger geotagger) {
        this(CompletableFuture.completedFuture(languages), CompletableFuture.completedFuture(geotagger));
    }

    private Enrichment(CompletableFuture<LanguageIdentifier> languages, CompletableFuture<Geotagger> geotagger) {
        this.languages = languages;
        this.geotagger = geotagger;
    }

    public static Enrichment load() {
        return new Enrichment(LanguageIdentifier.load(), Geotagger.load());
    }

    /**
     * Starts loading the language profiles and the gazetteer (about two seconds) on their own threads and returns at
     * once: the server can serve while they load, and the first article waits for them.
     */
    public static Enrichment loadInBackground() {
        CompletableFuture<LanguageIdentifier> languages = CompletableFuture.supplyAsync(LanguageIdentifier::load, Enrichment::daemon);
        CompletableFuture<Geotagger> geotagger = CompletableFuture.supplyAsync(Geotagger::load, Enrichment::daemon);
        return new Enrichment(languages, geotagger);
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "enrichment-load");
        t.setDaemon(true);
        t.start();
    }

    @Nullable String language(String title, String text, @Nullable String prior) {
        // A few hundred characters settle the language; the detector's cost grows with every n-gram it reads.
        String sample = text.length() > 600 ? text.substring(0, 600) : text;
        return languages.join().identify(title + "\n" + sample, prior);
    }

    GeoTags places(String title, String text, @Nullable String sourceCountry) {
        return geotagger.join().tag(title, text, sourceCountry);
    }
}
