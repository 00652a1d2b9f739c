package org.worldwire.cluster;

/**
 * Inverse document frequency learned from the stream itself: how many reports held each term, in a fixed table of
 * hashed counters (a collision merges two rare terms' counts, which barely moves either weight). Counts are halved
 * every {@link #HALF_LIFE_DOCS} reports, so the weights follow what the news talks about now and no counter grows
 * without bound.
 */
final class Idf {
    private static final int BITS = 21;
    private static final int MASK = (1 << BITS) - 1;
    static final int HALF_LIFE_DOCS = 200_000;
    private final int[] df = new int[1 << BITS];
    private int docs;

    /** Counts one report's distinct terms. */
    void add(Features f) {
        count(f.text);
        count(f.entities);
        count(f.numbers);
        count(f.countries);
        if (++docs >= HALF_LIFE_DOCS) {
            for (int i = 0; i < df.length; i++) df[i] >>= 1;
            docs >>= 1;
        }
    }

    private void count(Features.Vector v) {
        for (long t : v.terms()) df[slot(t)]++;
    }

    /**
     * {@code ln((N + 1) / (df + 0.5))}, never below 0: a term in every report weighs nothing (stop words need no
     * list, in any language), one never seen weighs most.
     */
    float of(long term) {
        if (logDocsFor != docs) {
            logDocs = (float) Math.log(docs + 1.0);
            logDocsFor = docs;
        }
        int d = df[slot(term)];
        float v = logDocs - (d < LOG_HALF.length ? LOG_HALF[d] : (float) Math.log(d + 0.5));
        return v > 0 ? v : 0f;
    }

    /** {@code ln(df + 0.5)} for small df: IDF is looked up for every term of every comparison. */
    private static final float[] LOG_HALF = new float[1 << 16];

    static {
        for (int d = 0; d < LOG_HALF.length; d++) LOG_HALF[d] = (float) Math.log(d + 0.5);
    }

    private float logDocs;
    private int logDocsFor = -1;

    int docs() {
        return docs;
    }

    private static int slot(long t) {
        return (int) (t ^ (t >>> 32)) & MASK;
    }
}
