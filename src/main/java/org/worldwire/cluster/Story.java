package org.worldwire.cluster;

import org.jspecify.annotations.Nullable;

/**
 * A live story: the centroids of its reports per group, its lead, its times. Once cold it is released to a stub
 * (ids and times only), which copies of its reports still find.
 */
final class Story {
    /** Text centroids are kept for at most this many languages; reports in further ones add names and numbers. */
    static final int MAX_LANGUAGES = 4;
    // shared by every story without them: a cold story's stub is kept as long as the originals that lead to it
    private static final String[] NO_LANGUAGES = {};
    private static final Centroid[] NO_TEXTS = {};
    static final long[] NOT_INDEXED = {};

    final long id;
    long firstMillis, lastMillis;
    int articles, reports;
    long leadId;
    @Nullable Features lead;
    @Nullable String leadLanguage;

    String[] languages = NO_LANGUAGES;
    Centroid[] texts = NO_TEXTS;
    @Nullable Centroid entities, numbers, countries;

    /** Terms under which the candidate index lists this story. */
    long[] indexed = NOT_INDEXED;
    /** Set when merged into another story: copies of its reports go there. */
    @Nullable Story mergedInto;
    boolean live;

    // scratch for candidate retrieval
    int stamp;
    int hits;

    Story(long id, long millis) {
        this.id = id;
        this.firstMillis = millis;
        this.lastMillis = millis;
    }

    Story survivor() {
        Story s = this;
        while (s.mergedInto != null) s = s.mergedInto;
        return s;
    }

    /** The text centroid of a language, or null when no report of the story is in it. */
    @Nullable Centroid text(String language) {
        for (int i = 0; i < languages.length; i++) {
            if (languages[i].equals(language)) return texts[i];
        }
        return null;
    }

    @Nullable Centroid textForUpdate(String language, int limit) {
        Centroid c = text(language);
        if (c != null || languages.length == MAX_LANGUAGES) return c;
        int n = languages.length;
        languages = java.util.Arrays.copyOf(languages, n + 1);
        texts = java.util.Arrays.copyOf(texts, n + 1);
        languages[n] = language;
        texts[n] = new Centroid(limit);
        return texts[n];
    }

    void touch(long millis) {
        if (millis > lastMillis) lastMillis = millis;
        if (millis < firstMillis) firstMillis = millis;
    }

    /** Drops what only a live story needs. */
    void release() {
        live = false;
        lead = null;
        texts = NO_TEXTS;
        languages = NO_LANGUAGES;
        entities = numbers = countries = null;
        indexed = NOT_INDEXED;
    }
}
