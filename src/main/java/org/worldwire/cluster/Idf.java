package org.worldwire.cluster;

import java.util.HashMap;

/**
 * Inverse document frequency learned from the stream itself: how many reports held each term, in a fixed table of
 * hashed counters (a collision merges two rare terms' counts, which barely moves either weight). Counts are halved
 * every {@link #HALF_LIFE_DOCS} reports, so the weights follow what the news talks about now and no counter grows
 * without bound.
 *
 * <p>A word is weighed against the reports of its own language: in a stream that is one tenth Arabic, an Arabic
 * stop word is in one report in ten, and against all reports it would look as telling as a rare English word. Names,
 * numbers and countries cross languages and are weighed against all reports ({@link #all()}).
 */
final class Idf {
    private static final int BITS = 21;
    private static final int MASK = (1 << BITS) - 1;
    static final int HALF_LIFE_DOCS = 200_000;
    /** Languages counted apart at most; reports in any further language are weighed against all reports. */
    static final int MAX_LANGUAGES = 64;
    /**
     * 16-bit counters (4 MB instead of 8 of the server's heap): they saturate at 65,535 reports, where a term in a
     * third of a half-life's reports weighs next to nothing anyway.
     */
    private final char[] df = new char[1 << BITS];
    private final Scale all = new Scale();
    private final HashMap<String, Scale> byLanguage = new HashMap<>();

    /**
     * IDF against one set of reports: {@code ln((N + 1) / (df + 0.5))}, never below 0, where N is how many reports
     * of that set were counted. A term in every report weighs nothing (stop words need no list, in any language), one
     * never seen weighs most.
     */
    final class Scale {
        private int docs;
        private float logDocs;
        private int logDocsFor = -1;

        float of(long term) {
            if (logDocsFor != docs) {
                logDocs = (float) Math.log(docs + 1.0);
                logDocsFor = docs;
            }
            int d = df[slot(term)];
            float v = logDocs - (d < LOG_HALF.length ? LOG_HALF[d] : (float) Math.log(d + 0.5));
            return v > 0 ? v : 0f;
        }

        int docs() {
            return docs;
        }

        /**
         * Whether a term is in at most one report in a hundred of this set besides the one just counted: rarer than
         * the largest event of a day is in the day's news, so a word of the language it is not.
         */
        boolean rare(long term) {
            return df[slot(term)] - 1 <= docs / 100;
        }
    }

    /** Counts one report's distinct terms, its words in {@code language} ("" when unknown). */
    void add(Features f, String language) {
        count(f.text);
        count(f.entities);
        count(f.numbers);
        count(f.countries);
        count(f.candidates);
        all.docs++;
        Scale own = words(language);
        if (own != all) own.docs++;
        if (all.docs >= HALF_LIFE_DOCS) {
            for (int i = 0; i < df.length; i++) df[i] = (char) (df[i] >> 1);
            all.docs >>= 1;
            for (Scale s : byLanguage.values()) s.docs >>= 1;
        }
    }

    /** The scale for words of {@code language}: its own reports, or all reports when it is unknown or one too many. */
    Scale words(String language) {
        if (language.isEmpty()) return all;
        Scale s = byLanguage.get(language);
        if (s == null) {
            if (byLanguage.size() >= MAX_LANGUAGES) return all;
            s = new Scale();
            byLanguage.put(language, s);
        }
        return s;
    }

    /** The scale for names, numbers and countries. */
    Scale all() {
        return all;
    }

    private void count(Features.Vector v) {
        for (long t : v.terms()) {
            int slot = slot(t);
            if (df[slot] != Character.MAX_VALUE) df[slot]++;
        }
    }

    /** {@code ln(df + 0.5)} for small df: IDF is looked up for every term of every comparison. */
    private static final float[] LOG_HALF = new float[1 << 16];

    static {
        for (int d = 0; d < LOG_HALF.length; d++) LOG_HALF[d] = (float) Math.log(d + 0.5);
    }

    int docs() {
        return all.docs;
    }

    private static int slot(long t) {
        return (int) (t ^ (t >>> 32)) & MASK;
    }
}
