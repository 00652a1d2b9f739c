package org.worldwire.enrich;

import com.optimaize.langdetect.profiles.LanguageProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The Optimaize language detector's n-gram probabilities and scoring, in a few primitive arrays.
 *
 * <p>Optimaize keeps one {@code double[]} with a slot for every language per n-gram (113,000 arrays of 65 entries,
 * about 60 MB of heap), though most n-grams occur in a handful of languages. Here an n-gram of one to three chars is
 * packed into a {@code long}, found by open addressing, and points at a run of (language, probability) pairs that
 * holds only the languages that know it: about a tenth of the bytes. The scoring is Optimaize's own (Nakatani
 * Shuyo's naive Bayes with the short-text variant, the same constants, the same seeded sampling), and the languages
 * are in the order Optimaize gives them, so the results are the same to the last bit; {@code LanguageIdentifierTest}
 * compares both on sentences in many languages. Immutable; {@link #probabilities} is thread-safe.
 *
 * <p>A text is cut into n-grams as Optimaize's standard extractor ({@code NgramExtractors.standard()}) cuts it, in
 * the same order, but packed straight into longs: the extractor made a {@code String} of every n-gram (some 1,800
 * for the 600 chars the identifier reads, a tenth of all the bytes ingest allocated) only to look each one up.
 */
final class NgramTable {
    // The detector's constants (LanguageDetectorImpl and LanguageDetectorBuilder of Optimaize 0.6).
    private static final double ALPHA = 0.5;
    private static final double ALPHA_WIDTH = 0.05;
    private static final int ITERATION_LIMIT = 1000;
    private static final double CONV_THRESHOLD = 0.99999;
    private static final int BASE_FREQ = 10000;
    private static final int N_TRIAL = 7;
    private static final long SEED = 41L;
    private static final double PROBABILITY_THRESHOLD = 0.1;

    /** One language's share of a text. */
    record Score(String language, double probability) {}

    /** The n-gram lengths, as the standard extractor has them. */
    private static final int MAX_GRAM = 3;
    /** The standard extractor's padding, added before and after a text that does not start or end with it. */
    private static final char PADDING = ' ';

    private final String[] languages;
    private final int shortText;
    /** Open addressing: a packed n-gram per slot (0 = empty), and the index of its run in {@link #start}. */
    private final long[] keys;
    private final int[] runs;
    private final int mask;
    /** Run {@code r} is entries {@code start[r]} to {@code start[r + 1]} of {@link #language} and {@link #probability}. */
    private final int[] start;
    private final byte[] language;
    private final double[] probability;

    private NgramTable(String[] languages, int shortText, long[] keys, int[] runs, int[] start, byte[] language,
            double[] probability) {
        this.languages = languages;
        this.shortText = shortText;
        this.keys = keys;
        this.runs = runs;
        this.mask = keys.length - 1;
        this.start = start;
        this.language = language;
        this.probability = probability;
    }

    /** A source of profiles that hands each one over and forgets it, so only one is in memory at a time. */
    interface Profiles {
        void forEach(Consumer<LanguageProfile> each) throws java.io.IOException;
    }

    /**
     * Reads the profiles one at a time into the table.
     *
     * @param shortText texts of at most this many chars are scored on all their n-grams once (Optimaize's
     *     {@code shortTextAlgorithm}); longer ones by seven seeded samplings
     * @param languageOf the code to report for a profile
     */
    static NgramTable build(Profiles profiles, int shortText, java.util.function.Function<LanguageProfile, String> languageOf)
            throws java.io.IOException {
        var names = new ArrayList<String>();
        var hashes = new ArrayList<Integer>();
        var ids = new KeyIds();
        var entryRun = new IntList();
        var entryLanguage = new IntList();
        var entryProbability = new DoubleList();
        profiles.forEach(profile -> {
            int lang = names.size();
            if (lang > 127) throw new IllegalArgumentException("enrich: more than 128 language profiles");
            names.add(languageOf.apply(profile));
            hashes.add(profile.hashCode());
            for (int n = 1; n <= MAX_GRAM; n++) {
                if (!profile.getGramLengths().contains(n))
                    throw new IllegalArgumentException("enrich: profile " + profile.getLocale() + " has no " + n + "-grams");
                long occurrences = profile.getNumGramOccurrences(n);
                for (Map.Entry<String, Integer> gram : profile.iterateGrams(n)) {
                    long key = pack(gram.getKey());
                    if (key == 0) continue; // longer than three chars: the extractor never asks for it
                    entryRun.add(ids.idOf(key));
                    entryLanguage.add(lang);
                    entryProbability.add(gram.getValue().doubleValue() / occurrences);
                }
            }
        });
        if (names.isEmpty()) throw new IllegalArgumentException("enrich: no language profiles");

        // Optimaize's builder keeps the profiles in a HashSet, and the order it iterates them is the order of the
        // languages in every sum the scoring makes. The same HashSet, filled in the same order with stand-ins that
        // hash alike, gives that order without keeping the profiles.
        var set = new HashSet<StandIn>();
        for (int i = 0; i < names.size(); i++) set.add(new StandIn(hashes.get(i), i));
        int[] position = new int[names.size()];
        String[] ordered = new String[names.size()];
        int p = 0;
        for (StandIn s : set) {
            position[s.index()] = p;
            ordered[p++] = names.get(s.index());
        }

        // Group the entries by n-gram (a counting sort), in language order within each run.
        int count = ids.size();
        int[] start = new int[count + 1];
        for (int i = 0; i < entryRun.size; i++) start[entryRun.at(i) + 1]++;
        for (int r = 0; r < count; r++) start[r + 1] += start[r];
        int[] fill = Arrays.copyOf(start, count);
        byte[] language = new byte[entryRun.size];
        double[] probability = new double[entryRun.size];
        for (int i = 0; i < entryRun.size; i++) {
            int at = fill[entryRun.at(i)]++;
            language[at] = (byte) position[entryLanguage.at(i)];
            probability[at] = entryProbability.at(i);
        }
        return new NgramTable(ordered, shortText, ids.keys, ids.runs, start, language, probability);
    }

    private record StandIn(int hash, int index) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StandIn s && s.index == index;
        }
    }

    /** Bytes of the table's arrays, for the record of where memory goes. */
    long bytes() {
        return 8L * keys.length + 4L * runs.length + 4L * start.length + language.length + 8L * probability.length;
    }

    /** The languages it tells, in its scoring order. */
    List<String> languages() {
        return List.of(languages);
    }

    int ngrams() {
        return start.length - 1;
    }

    /**
     * The languages of a text with a probability of at least 0.1, the likeliest first; empty when the text has no
     * n-gram the profiles know of.
     */
    List<Score> probabilities(CharSequence text) {
        double[] p = detect(text);
        if (p == null) return List.of();
        var out = new ArrayList<Score>(4);
        for (int j = 0; j < p.length; j++) if (p[j] >= PROBABILITY_THRESHOLD) out.add(new Score(languages[j], p[j]));
        out.sort((a, b) -> Double.compare(b.probability(), a.probability())); // stable: ties keep language order
        return out;
    }

    /**
     * Whether the first of the seven samplings of a longer text converges on {@code language}: then
     * {@link #probabilities} ranks it at least 0.14 (a seventh of a trial's sum of 1), every other language below 0.87,
     * and a caller that keeps a declared language at 0.1 unless another reaches 0.9 keeps it without the other six
     * trials. False for a text short enough to be scored whole, for a language not in the table, and when the first
     * trial ends undecided or elsewhere; the caller then runs all seven, the first again among them.
     */
    boolean firstTrialSettles(CharSequence text, String language) {
        if (text.length() <= shortText) return false;
        int wanted = -1;
        for (int j = 0; j < languages.length && wanted < 0; j++) if (languages[j].equals(language)) wanted = j;
        if (wanted < 0) return false;
        long[] grams = new long[MAX_GRAM * (text.length() + 2)];
        int count = grams(text, grams);
        if (count == 0) return false;
        double[] prob = uniform();
        return sample(prob, grams, count, new Random(SEED)) < 0 && prob[wanted] > CONV_THRESHOLD;
    }

    private double @Nullable [] detect(CharSequence text) {
        long[] grams = new long[MAX_GRAM * (text.length() + 2)];
        int count = grams(text, grams);
        if (count == 0) return null;
        if (text.length() <= shortText) {
            // Each distinct n-gram once, with its count, in the order it first occurs (the extractor's LinkedHashMap).
            int[] counts = new int[count];
            int distinct = countDistinct(grams, count, counts);
            double[] prob = uniform();
            for (int g = 0; g < distinct; g++) {
                update(prob, grams[g], counts[g], ALPHA);
                if (normalize(prob) > CONV_THRESHOLD) break; // before every probability underflows to 0
            }
            normalize(prob);
            return prob;
        }
        double[] sum = new double[languages.length];
        var random = new Random(SEED);
        for (int t = 0; t < N_TRIAL; t++) {
            double[] prob = uniform();
            double scale = sample(prob, grams, count, random);
            if (scale < 0) scale = 1;
            for (int j = 0; j < sum.length; j++) sum[j] += prob[j] * scale / N_TRIAL;
        }
        return sum;
    }

    /**
     * One seeded sampling of the text's n-grams into {@code prob}: -1 when it converged (then {@code prob} is
     * normalised), else the scale at which Optimaize sums it, since a trial that runs out of iterations ends between
     * normalisations.
     */
    private double sample(double[] prob, long[] grams, int count, Random random) {
        double alpha = ALPHA + random.nextGaussian() * ALPHA_WIDTH;
        int unscaled = 0; // updates since the last normalisation, each short of the factor weight (see update)
        for (int i = 0; i < ITERATION_LIMIT; i++) {
            if (update(prob, grams[random.nextInt(count)], 1, alpha)) unscaled++;
            if (i % 5 == 0) {
                unscaled = 0;
                if (normalize(prob) > CONV_THRESHOLD) return -1;
            }
        }
        return unscaled == 0 ? 1 : Math.pow(alpha / BASE_FREQ, unscaled);
    }

    private double[] uniform() {
        double[] prob = new double[languages.length];
        Arrays.fill(prob, 1.0 / languages.length);
        return prob;
    }

    /**
     * Multiplies each language's probability by (weight + its probability of the n-gram), {@code count} times. Every
     * language gets at least the factor {@code weight}, so only the languages that know the n-gram are touched, by
     * (weight + p) / weight: the same distribution once normalised, without a pass over every language per n-gram.
     * The probabilities grow instead of shrinking; the callers normalise often enough (every n-gram or every fifth)
     * that they stay far from overflow.
     */
    private boolean update(double[] prob, long gram, int count, double alpha) {
        int run = run(gram);
        if (run < 0) return false;
        double weight = alpha / BASE_FREQ;
        for (int e = start[run], end = start[run + 1]; e < end; e++) {
            double f = 1 + probability[e] / weight;
            int lang = language[e];
            for (int k = 0; k < count; k++) prob[lang] *= f;
            if (prob[lang] > 1e200) normalize(prob); // an n-gram counted many times in a short text
        }
        return true;
    }

    /** Scales to a sum of 1 (summing in language order, as Optimaize does) and returns the largest. */
    private static double normalize(double[] prob) {
        double max = 0, sum = 0;
        for (double v : prob) sum += v;
        for (int i = 0; i < prob.length; i++) {
            double v = prob[i] / sum;
            if (max < v) max = v;
            prob[i] = v;
        }
        return max;
    }

    private int run(long key) {
        if (key == 0) return -1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) return runs[slot];
            if (k == 0) return -1;
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    /**
     * The text's n-grams as the standard extractor makes them, packed as {@link #pack} packs them: the text padded
     * with a space at either end that lacks one, then every 1-gram but a space, every 2-gram, and every 3-gram
     * whose middle is no space ({@code StandardNgramFilter}), by length and then by position.
     *
     * @param out room for {@code 3 * (text.length() + 2)} n-grams
     * @return how many n-grams were written
     */
    static int grams(CharSequence text, long[] out) {
        int len = text.length();
        if (len == 0) return 0;
        // The padded text once in an array: the n-grams read each char up to three times.
        int shift = text.charAt(0) != PADDING ? 1 : 0;
        char[] c = new char[len + shift + (text.charAt(len - 1) != PADDING ? 1 : 0)];
        for (int i = 0; i < len; i++) c[i + shift] = text.charAt(i);
        c[0] = c[c.length - 1] = PADDING; // the padding added, or the text's own
        int w = 0;
        for (int n = 1; n <= MAX_GRAM; n++) {
            for (int pos = 0; pos + n <= c.length; pos++) {
                // The filter drops a 1-gram of a space and a 3-gram with a space in the middle.
                if (n != 2 && c[pos + n / 2] == PADDING) continue;
                long k = (long) n << 48;
                for (int i = 0; i < n; i++) k |= (long) c[pos + i] << (16 * i);
                out[w++] = k;
            }
        }
        return w;
    }

    /**
     * Moves each distinct n-gram of {@code grams[0, count)} to the front, in the order it first occurs, with its count
     * at the same index of {@code counts}.
     *
     * @return how many distinct n-grams there are
     */
    private static int countDistinct(long[] grams, int count, int[] counts) {
        int size = Integer.highestOneBit(count) * 4; // at most half full
        long[] seen = new long[size];
        int[] index = new int[size];
        int mask = size - 1, distinct = 0;
        for (int g = 0; g < count; g++) {
            long key = grams[g];
            int slot = slot(key, mask);
            while (seen[slot] != 0 && seen[slot] != key) slot = (slot + 1) & mask;
            if (seen[slot] == 0) {
                seen[slot] = key;
                index[slot] = distinct;
                grams[distinct++] = key;
            }
            counts[index[slot]]++;
        }
        return distinct;
    }

    /** One to three chars in a long, with the length on top so that "a" and "a\0" differ; 0 for anything else. */
    static long pack(String gram) {
        int n = gram.length();
        if (n < 1 || n > 3) return 0;
        long k = (long) n << 48;
        for (int i = 0; i < n; i++) k |= (long) gram.charAt(i) << (16 * i);
        return k;
    }

    /** The growing open-addressing table of packed n-grams, numbering them as they first come. */
    private static final class KeyIds {
        long[] keys = new long[1 << 14];
        int[] runs = new int[1 << 14];
        private int size;

        int idOf(long key) {
            int mask = keys.length - 1;
            int slot = slot(key, mask);
            while (keys[slot] != 0) {
                if (keys[slot] == key) return runs[slot];
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            runs[slot] = size;
            if (++size * 2 > keys.length) grow(); // at most half full: probes stay short
            return size - 1;
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRuns = runs;
            keys = new long[oldKeys.length * 2];
            runs = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] == 0) continue;
                int slot = slot(oldKeys[i], mask);
                while (keys[slot] != 0) slot = (slot + 1) & mask;
                keys[slot] = oldKeys[i];
                runs[slot] = oldRuns[i];
            }
        }
    }

    private static final class IntList {
        int[] values = new int[1 << 16];
        int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int at(int i) {
            return values[i];
        }
    }

    private static final class DoubleList {
        double[] values = new double[1 << 16];
        int size;

        void add(double v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        double at(int i) {
            return values[i];
        }
    }
}
