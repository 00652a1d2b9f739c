package org.worldwire.ingest;

import org.jspecify.annotations.Nullable;
import org.worldwire.enrich.GeoTags;
import org.worldwire.enrich.Geotagger;
import org.worldwire.enrich.LanguageIdentifier;

/** The enrich stage: language and countries of an article, with its source's declarations as priors. */
public final class Enrichment {
    private final LanguageIdentifier languages;
    private final Geotagger geotagger;

    public Enrichment(LanguageIdentifier languages, Geotagger geotagger) {
        this.languages = languages;
        this.geotagger = geotagger;
    }

    public static Enrichment load() {
        return new Enrichment(LanguageIdentifier.load(), Geotagger.load());
    }

    @Nullable String language(String title, String text, @Nullable String prior) {
        // A few hundred characters settle the language; the detector's cost grows with every n-gram it reads.
        String sample = text.length() > 600 ? text.substring(0, 600) : text;
        return languages.identify(title + "\n" + sample, prior);
    }

    GeoTags places(String title, String text, @Nullable String sourceCountry) {
        return geotagger.tag(title, text, sourceCountry);
    }
}
