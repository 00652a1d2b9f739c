package org.worldwire.cluster;

import java.util.Arrays;

/**
 * The sum of a story's reports for one group of terms, each report's vector scaled to unit length so that every
 * report counts the same, whatever its length. Bounded: beyond {@code 2 * limit} terms it keeps the {@code limit}
 * terms of highest weight (sum times IDF), so a story that runs for days costs no more than one of an hour.
 */
final class Centroid {
    private final int limit;
    private long[] keys;
    private float[] values;
    private int size;
    /** {@code ||c * idf||}, as of the last {@link #refreshNorm}. */
    private double norm;

    Centroid(int limit) {
        this.limit = limit;
        // small at first and grown by doubling: most stories keep one or two reports, and a table sized for the
        // limit from the start made a one-report story cost ten times its terms
        keys = new long[16];
        values = new float[16];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    double norm() {
        return norm;
    }

    /**
     * Adds a report's vector, scaled so that its TF-IDF vector has unit length: every report pulls the centroid
     * equally, by what is telling in it rather than by its stop words.
     */
    void add(Features.Vector v, Idf.Scale idf) {
        if (v.isEmpty()) return;
        float[] w = v.weights();
        long[] t = v.terms();
        double sq = 0;
        for (int i = 0; i < t.length; i++) {
            double x = w[i] * idf.of(t[i]);
            sq += x * x;
        }
        if (sq == 0) return;
        float scale = (float) (1 / Math.sqrt(sq));
        for (int i = 0; i < t.length; i++) put(t[i], w[i] * scale);
        if (size > 2 * limit) prune(idf);
        refreshNorm(idf);
    }

    /** Adds another story's centroid (when two stories merge). */
    void addAll(Centroid other, Idf.Scale idf) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != 0) put(other.keys[i], other.values[i]);
        }
        if (size > 2 * limit) prune(idf);
        refreshNorm(idf);
    }

    /**
     * Counts a report's terms by presence (one per report that has the term, whatever its frequency), for {@link
     * #overlap}.
     */
    void count(Features.Vector v, Idf.Scale idf) {
        if (v.isEmpty()) return;
        for (long t : v.terms()) put(t, 1f);
        if (size > 2 * limit) prune(idf);
    }

    /**
     * How much information an article and this presence-counted centroid share: the IDF of each term they both have,
     * times the share of the story's {@code reports} that have it, summed, and divided by the geometric mean of what
     * each side holds (the article's IDF sum, and the centroid's, each term times its share). Each side's amount is
     * taken as at least {@code floor}: a report whose only name is its city's does not match a story of the city as
     * fully as two reports that share the names of their own people. A story whose reports are about many things
     * holds much and matches each of them less, so it does not grow by chaining.
     */
    double overlap(long[] terms, float[] info, double infoSum, int reports, double floor) {
        if (size == 0 || reports <= 0 || infoSum <= 0) return 0;
        double shared = 0;
        for (int i = 0; i < terms.length; i++) {
            if (info[i] == 0) continue;
            float c = get(terms[i]);
            if (c != 0) shared += info[i] * Math.min(1.0, c / reports);
        }
        return shared / Math.sqrt(Math.max(infoSum, floor) * Math.max(this.info, floor));
    }

    /** For a presence-counted centroid: the IDF of its terms, each times the share of reports that have it. */
    private double info;

    /** Recomputes what {@link #overlap} divides by, after reports were counted in. */
    void refreshInfo(Idf.Scale idf, int reports) {
        double sum = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) sum += idf.of(keys[i]) * Math.min(1.0, values[i] / reports);
        }
        info = sum;
    }

    float get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) return 0f;
        }
    }

    /**
     * Cosine between a prepared query ({@code q[i] = tf_i * idf_i^2}, {@code qNorm = ||tf * idf||}) and this
     * centroid weighted by IDF.
     */
    double cosine(long[] terms, float[] q, double qNorm) {
        if (size == 0 || qNorm == 0 || norm == 0) return 0;
        double dot = 0;
        for (int i = 0; i < terms.length; i++) {
            if (q[i] == 0) continue;
            float c = get(terms[i]);
            if (c != 0) dot += c * q[i];
        }
        return dot / (qNorm * norm);
    }

    void refreshNorm(Idf.Scale idf) {
        double sq = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == 0) continue;
            double x = values[i] * idf.of(keys[i]);
            sq += x * x;
        }
        norm = Math.sqrt(sq);
    }

    /** Writes the up to {@code n} terms of highest weight into {@code out} from {@code at}; returns the new end. */
    int top(int n, Idf.Scale idf, long[] out, int at) {
        if (size == 0 || n <= 0) return at;
        // partial selection: n is ten or so, the centroid a few hundred terms
        long[] best = new long[n];
        double[] bestScore = new double[n];
        int found = 0, min = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == 0) continue;
            double sc = values[i] * idf.of(keys[i]);
            if (sc <= 0) continue;
            if (found < n) {
                best[found] = keys[i];
                bestScore[found++] = sc;
                if (found == n) min = argMin(bestScore);
            } else if (sc > bestScore[min]) {
                best[min] = keys[i];
                bestScore[min] = sc;
                min = argMin(bestScore);
            }
        }
        for (int k = 0; k < found; k++) out[at++] = best[k];
        return at;
    }

    private static int argMin(double[] a) {
        int m = 0;
        for (int k = 1; k < a.length; k++) if (a[k] < a[m]) m = k;
        return m;
    }

    private void put(long key, float value) {
        if ((size + 1) * 4 > keys.length * 3) rehash(keys.length * 2); // three quarters full: a third less memory than half
        int mask = keys.length - 1;
        int i = slot(key) & mask;
        while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
        }
        values[i] += value;
    }

    private void prune(Idf.Scale idf) {
        int m = 0;
        long[] k = new long[size];
        float[] v = new float[size];
        double[] s = new double[size];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == 0) continue;
            k[m] = keys[i];
            v[m] = values[i];
            s[m++] = values[i] * idf.of(keys[i]);
        }
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        double cut = sorted[m - limit];
        Arrays.fill(keys, 0);
        Arrays.fill(values, 0);
        size = 0;
        int kept = 0;
        for (int i = 0; i < m && kept < limit; i++) {
            if (s[i] >= cut) {
                put(k[i], v[i]);
                kept++;
            }
        }
    }

    private void rehash(int capacity) {
        long[] ok = keys;
        float[] ov = values;
        keys = new long[capacity];
        values = new float[capacity];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != 0) put(ok[i], ov[i]);
    }

    private static int slot(long key) {
        return (int) (key ^ (key >>> 32));
    }
}
