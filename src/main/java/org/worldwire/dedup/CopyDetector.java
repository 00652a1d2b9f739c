package org.worldwire.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * Finds the earlier report an arriving article is a copy of: agency copy republished with a new headline, other
 * boilerplate, a trimmed or an extended ending, a few edited words. Stateful: it remembers the original reports of
 * a recent time window. Not thread-safe: callers serialise {@link #check}.
 *
 * <p>How: the body is cut into overlapping word 5-grams (shingles) and a fixed eighth of them is kept, chosen by
 * the shingle's hash (hash-mod sampling, Broder 1997), so two texts keep the same sample of the shingles they share.
 * An inverted index maps each sampled shingle to the recent originals holding it. An article is a copy of the
 * earlier original with which it shares the largest fraction of the smaller sample (containment
 * {@code |A ∩ B| / min(|A|, |B|)}), when that fraction reaches {@link Settings#minContainment}: a trimmed ending
 * or an extended one leaves the shorter text contained in the longer. SimHash over title and text
 * ({@link ContentFingerprint}) cannot do this: a new headline or a trimmed half moves too many bits.
 *
 * <p>Only originals are indexed, so a copy of a copy is found as a copy of the original report, and reprints do
 * not crowd the posting lists. A shingle held by more than {@link Settings#maxPostings} recent originals is site
 * furniture (a copyright line, a newsletter plea) and is skipped. Translations share no word 5-grams, so they are
 * never copies. A text too short to sample (a headline-only feed item) only matches an exact repeat of its title
 * and text.
 *
 * <p>Bounded: the index is kept in generations of {@code window / 6} of time, {@code maxArticles / 6} articles or
 * {@code maxHeldPostings / 6} postings; a generation is dropped whole once its newest article is older than the
 * window, and at most seven are live.
 * Time per article is constant: at most {@link #MAX_SAMPLES} samples (from the start of the body, so trimmed
 * copies keep the same sample), each looked up in at most seven generations with capped posting lists.
 * Time comes from the articles (the latest seen is "now"); the detector never reads a clock.
 */
public final class CopyDetector {
    /** Words per shingle: long enough that two independent reports rarely share one outside quotations. */
    static final int SHINGLE = 5;
    /** One shingle in {@code SAMPLE_MOD} is kept (a power of two): some 60 of a 500-word report, plenty to tell a copy. */
    static final int SAMPLE_MOD = 8;
    /** Samples kept per article at most: about the first 1,000 words, which is enough evidence for a decision. */
    public static final int MAX_SAMPLES = 128;
    /** Below this many samples the text is too short for containment; only exact repeats count. */
    static final int MIN_SAMPLES = 5;
    private static final int GENERATIONS = 6;
    private static final int MAX_LIVE_GENERATIONS = GENERATIONS + 1;

    /**
     * @param window how long an original can be copied from: older ones are forgotten
     * @param maxArticles a hard cap on the originals remembered, whatever the window
     * @param minContainment the share of the shorter text's sampled shingles that must be in the longer one
     * @param minCoverage the share of the longer text's sampled shingles that must be shared: keeps a round-up page
     *     quoting a whole short report from being called its copy
     * @param maxPostings a shingle in more recent originals than this is boilerplate and ignored
     * @param maxHeldPostings a hard cap on the (shingle, original) postings held, whatever the originals' length: what
     *     memory grows with, about 14 bytes a posting (see {@link CopyDetector#retainedBytes})
     */
    public record Settings(Duration window, int maxArticles, double minContainment, double minCoverage, int maxPostings,
            long maxHeldPostings) {
        /**
         * Three days: agencies' copy is reprinted within hours, rarely days later. Containment 0.6: one edited word
         * in twenty already changes a quarter of the shingles, while two different reports of one event share a few
         * percent (the quotations). Coverage 0.1: a copy trimmed to its first tenth is still called one.
         */
        public static final Settings DEFAULTS = new Settings(Duration.ofDays(3), 100_000, 0.6, 0.1, 64,
                100_000L * MAX_SAMPLES);

        public Settings {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
            if (maxArticles < GENERATIONS) throw new IllegalArgumentException("maxArticles must be at least " + GENERATIONS);
            if (!(minContainment > 0 && minContainment <= 1)) throw new IllegalArgumentException("minContainment must be in (0, 1]");
            if (!(minCoverage >= 0 && minCoverage <= 1)) throw new IllegalArgumentException("minCoverage must be in [0, 1]");
            if (maxPostings < 1) throw new IllegalArgumentException("maxPostings must be positive");
            if (maxHeldPostings < (long) GENERATIONS * MAX_SAMPLES) {
                throw new IllegalArgumentException("maxHeldPostings must be at least " + GENERATIONS * MAX_SAMPLES);
            }
        }
    }

    private final Settings settings;
    private final long generationSpanMillis;
    private final int generationCapacity;
    private final long generationPostings;
    private final ArrayDeque<Generation> generations = new ArrayDeque<>();
    private long latestMillis = Long.MIN_VALUE;
    private int nextSeq = 1;

    // scratch, reused per article
    private final Shingler shingler = new Shingler();
    private final CandidateCounts counts = new CandidateCounts();

    public CopyDetector() {
        this(Settings.DEFAULTS);
    }

    public CopyDetector(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.generationSpanMillis = Math.max(1, settings.window().toMillis() / GENERATIONS);
        this.generationCapacity = Math.max(1, settings.maxArticles() / GENERATIONS);
        this.generationPostings = settings.maxHeldPostings() / GENERATIONS;
    }

    /**
     * Decides whether an arriving article is a copy of a remembered original, and remembers it as an original when
     * it is not.
     *
     * @param id the caller's id of the article, positive
     * @param time when it arrived
     * @return the id of the original it copies, or 0 when it is an original
     */
    public long check(long id, Instant time, String title, String text) {
        long original = find(title, text, time);
        if (original == 0) remember(id, time);
        return original;
    }

    /**
     * Rebuilds state from an article decided earlier, without deciding anew: an original is remembered, a copy
     * (copyOf not 0) only advances time.
     */
    public void restore(long id, Instant time, String title, String text, long copyOf) {
        shingler.sample(title, text);
        advance(time);
        if (copyOf == 0) remember(id, time);
    }

    /** How many originals are remembered now. */
    public int remembered() {
        int n = 0;
        for (Generation g : generations) n += g.articles;
        return n;
    }

    /** How many (shingle, article) postings are held now: what memory grows with. */
    public long postings() {
        long n = 0;
        for (Generation g : generations) n += g.nodes;
        return n;
    }

    /** The bytes of the arrays that hold what is remembered (each with a 16-byte header). */
    public long retainedBytes() {
        long n = 0;
        for (Generation g : generations) n += g.retainedBytes();
        return n;
    }

    // ---------------------------------------------------------------------------------------------------------

    private long find(String title, String text, Instant time) {
        Objects.requireNonNull(time, "time");
        shingler.sample(title, text);
        advance(time);
        long[] samples = shingler.samples;
        int n = shingler.count;
        counts.clear();
        int usable = 0;
        for (int i = 0; i < n; i++) {
            long key = samples[i];
            int df = 0;
            for (Generation g : generations) df += g.count(key);
            if (df > settings.maxPostings()) continue; // boilerplate
            usable++;
            for (Generation g : generations) g.forEachPosting(key, counts);
        }
        if (usable == 0) return 0;
        boolean exactOnly = shingler.exactOnly;
        long best = 0;
        double bestScore = 0;
        int bestSeq = Integer.MAX_VALUE;
        for (int c = 0; c < counts.size; c++) {
            int seq = counts.seqs[c];
            int shared = counts.counts[c];
            Generation g = generationOf(seq);
            if (g == null) continue;
            int idx = seq - g.firstSeq;
            int theirs = g.sampleCounts[idx];
            boolean theyExactOnly = theirs < 0;
            if (exactOnly || theyExactOnly) {
                // short texts: only the exact key, which both must be
                if (!(exactOnly && theyExactOnly)) continue;
                if (bestScore < 1 || seq < bestSeq) { best = g.ids[idx]; bestScore = 1; bestSeq = seq; }
                continue;
            }
            int min = Math.min(usable, theirs), max = Math.max(usable, theirs);
            double containment = (double) shared / min;
            if (containment < settings.minContainment() || (double) shared / max < settings.minCoverage()) continue;
            // the closest original wins; among equals the earliest, the report others copied
            if (containment > bestScore || (containment == bestScore && seq < bestSeq)) {
                best = g.ids[idx];
                bestScore = containment;
                bestSeq = seq;
            }
        }
        return best;
    }

    /** Indexes the samples last computed by {@link #shingler} under {@code id}. */
    private void remember(long id, Instant time) {
        Generation g = generations.peekLast();
        long now = time.toEpochMilli();
        if (g == null || g.articles >= generationCapacity || g.nodes >= generationPostings
                || now - g.startMillis >= generationSpanMillis) {
            if (g != null) g.freeze(); // no original is posted to it again
            g = new Generation(nextSeq, now);
            generations.addLast(g);
            while (generations.size() > MAX_LIVE_GENERATIONS) generations.removeFirst();
        }
        int seq = nextSeq++;
        int stored = shingler.exactOnly ? -1 : shingler.count;
        g.addArticle(id, stored, now);
        for (int i = 0; i < shingler.count; i++) {
            long key = shingler.samples[i];
            int df = 0;
            for (Generation h : generations) df += h.count(key);
            g.post(key, seq, df < settings.maxPostings());
        }
    }

    private void advance(Instant time) {
        long now = time.toEpochMilli();
        if (now > latestMillis) latestMillis = now;
        long horizon = latestMillis - settings.window().toMillis();
        while (!generations.isEmpty() && generations.peekFirst().newestMillis < horizon) generations.removeFirst();
    }

    private Generation generationOf(int seq) {
        for (Generation g : generations) {
            if (seq >= g.firstSeq && seq < g.firstSeq + g.articles) return g;
        }
        return null;
    }

    /**
     * One slice of time: an inverted index from sampled shingle to the sequence numbers of the originals holding it,
     * dropped whole when it expires. While it takes new originals it is an open-addressing table of chained nodes
     * (newest first); once a newer generation takes them it is {@link #freeze frozen} into flat arrays a sixth of
     * that size, so that six of the seven live generations cost little and a heap remembers that many more originals.
     */
    private static final class Generation {
        /** The entry of a holder that counts towards a key's frequency but was not posted (the key was boilerplate). */
        private static final char UNPOSTED = Character.MAX_VALUE;
        private static final long[] NO_LONGS = {};
        private static final int[] NO_INTS = {};
        private static final char[] NO_CHARS = {};

        final int firstSeq;
        final long startMillis;
        long newestMillis;
        int articles;
        long[] ids = new long[64];
        /** Per article: how many samples it has, or -1 when it is indexed only by its exact key. */
        int[] sampleCounts = new int[64];

        // open addressing: key -> first node, and how many originals of this generation hold the key
        long[] keys = new long[1024];
        int[] heads = new int[1024];
        int[] keyCounts = new int[1024];
        int keysUsed;
        // nodes: seq and next node (0 ends a chain; node 0 is unused); their count stays the postings once frozen
        int[] nodeSeq = new int[1024];
        int[] nodeNext = new int[1024];
        int nodes;

        // frozen (the table and the nodes above are then empty): one entry per (key, holder), grouped in buckets by
        // the key's top bits; an entry keeps 32 other bits of the key and the holder's seq less firstSeq
        boolean frozen;
        int[] bucketStart = NO_INTS;
        int[] entryKey = NO_INTS;
        char[] entrySeq = NO_CHARS;
        int bucketShift;

        Generation(int firstSeq, long startMillis) {
            this.firstSeq = firstSeq;
            this.startMillis = startMillis;
            this.newestMillis = startMillis;
        }

        void addArticle(long id, int samples, long millis) {
            if (articles == ids.length) {
                ids = Arrays.copyOf(ids, articles * 2);
                sampleCounts = Arrays.copyOf(sampleCounts, articles * 2);
            }
            ids[articles] = id;
            sampleCounts[articles] = samples;
            articles++;
            if (millis > newestMillis) newestMillis = millis;
        }

        int count(long key) {
            if (frozen) {
                int bucket = (int) (key >>> bucketShift), k = entryKeyOf(key), n = 0;
                for (int e = bucketStart[bucket], end = bucketStart[bucket + 1]; e < end; e++) {
                    if (entryKey[e] == k) n++;
                }
                return n;
            }
            int slot = find(key);
            return slot < 0 ? 0 : keyCounts[slot];
        }

        void forEachPosting(long key, CandidateCounts out) {
            if (frozen) {
                int bucket = (int) (key >>> bucketShift), k = entryKeyOf(key);
                for (int e = bucketStart[bucket], end = bucketStart[bucket + 1]; e < end; e++) {
                    if (entryKey[e] == k && entrySeq[e] != UNPOSTED) out.add(firstSeq + entrySeq[e]);
                }
                return;
            }
            int slot = find(key);
            if (slot < 0) return;
            for (int n = heads[slot]; n != 0; n = nodeNext[n]) out.add(nodeSeq[n]);
        }

        /**
         * Turns the table into flat arrays: about 7 bytes per (key, holder) against 40 to 80 in the table (a slot of
         * 16 bytes in a table at most half full and grown by doubling, and a node of 8 in arrays grown by doubling).
         * A lookup compares 32 more of the key's bits within its bucket: another key there matches by chance about
         * once in four billion comparisons, and then adds one shared sample to one candidate. A generation of more
         * originals than a {@code char} can number stays as it is.
         */
        void freeze() {
            if (frozen || articles >= UNPOSTED) return;
            int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, keysUsed / 4)));
            bucketShift = 64 - bits;
            int[] start = new int[(1 << bits) + 1];
            int entries = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == 0) continue;
                start[(int) (keys[i] >>> bucketShift) + 1] += keyCounts[i];
                entries += keyCounts[i];
            }
            for (int b = 1; b < start.length; b++) start[b] += start[b - 1];
            int[] next = Arrays.copyOf(start, start.length - 1);
            int[] ek = new int[entries];
            char[] es = new char[entries];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == 0) continue;
                int bucket = (int) (keys[i] >>> bucketShift), k = entryKeyOf(keys[i]), posted = 0;
                for (int n = heads[i]; n != 0; n = nodeNext[n], posted++) {
                    ek[next[bucket]] = k;
                    es[next[bucket]++] = (char) (nodeSeq[n] - firstSeq);
                }
                for (int u = posted; u < keyCounts[i]; u++) {
                    ek[next[bucket]] = k;
                    es[next[bucket]++] = UNPOSTED;
                }
            }
            bucketStart = start;
            entryKey = ek;
            entrySeq = es;
            keys = NO_LONGS;
            heads = keyCounts = nodeSeq = nodeNext = NO_INTS;
            frozen = true;
            ids = Arrays.copyOf(ids, articles);
            sampleCounts = Arrays.copyOf(sampleCounts, articles);
        }

        /** Bits 3 to 34 of the key: samples have their low 3 bits 0, and the bucket takes the top bits. */
        private static int entryKeyOf(long key) {
            return (int) (key >>> 3);
        }

        long retainedBytes() {
            return array(ids.length, 8) + array(sampleCounts.length, 4) + array(keys.length, 8) + array(heads.length, 4)
                    + array(keyCounts.length, 4) + array(nodeSeq.length, 4) + array(nodeNext.length, 4)
                    + array(bucketStart.length, 4) + array(entryKey.length, 4) + array(entrySeq.length, 2);
        }

        private static long array(int length, int elementBytes) {
            return 16 + (long) length * elementBytes;
        }

        /** Counts the key for this article and, unless it is boilerplate already, posts it. */
        void post(long key, int seq, boolean withPosting) {
            if ((keysUsed + 1) * 2 > keys.length) growKeys();
            int slot = slotFor(key);
            if (keys[slot] == 0) {
                keys[slot] = key;
                keysUsed++;
            }
            keyCounts[slot]++;
            if (!withPosting) return;
            if (nodes + 1 >= nodeSeq.length) {
                nodeSeq = Arrays.copyOf(nodeSeq, nodeSeq.length * 2);
                nodeNext = Arrays.copyOf(nodeNext, nodeNext.length * 2);
            }
            int node = ++nodes;
            nodeSeq[node] = seq;
            nodeNext[node] = heads[slot];
            heads[slot] = node;
        }

        private int find(long key) {
            int mask = keys.length - 1;
            for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) return i;
                if (k == 0) return -1;
            }
        }

        private int slotFor(long key) {
            int mask = keys.length - 1;
            int i = spread(key) & mask;
            while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
            return i;
        }

        private void growKeys() {
            long[] oldKeys = keys;
            int[] oldHeads = heads, oldCounts = keyCounts;
            keys = new long[oldKeys.length * 2];
            heads = new int[keys.length];
            keyCounts = new int[keys.length];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] == 0) continue;
                int slot = slotFor(oldKeys[i]);
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
                keyCounts[slot] = oldCounts[i];
            }
        }

        private static int spread(long key) {
            return (int) (key ^ (key >>> 29));
        }
    }

    /** Shared-sample counts per candidate, for one query: a small open-addressing table cleared by its used list. */
    private static final class CandidateCounts {
        int[] table = new int[1024]; // seq + 1 at the slot, 0 = empty
        int[] slotCount = new int[1024];
        int[] seqs = new int[64];
        int[] counts = new int[64];
        int[] slotOf = new int[64];
        int size;

        void clear() {
            for (int i = 0; i < size; i++) {
                table[slotOf[i]] = 0;
            }
            size = 0;
        }

        void add(int seq) {
            if ((size + 1) * 2 > table.length) grow();
            int mask = table.length - 1;
            int i = (seq * 0x9E3779B9) >>> 7 & mask;
            while (true) {
                int v = table[i];
                if (v == 0) break;
                if (v == seq + 1) {
                    counts[slotCount[i]]++;
                    return;
                }
                i = (i + 1) & mask;
            }
            if (size == seqs.length) {
                seqs = Arrays.copyOf(seqs, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
                slotOf = Arrays.copyOf(slotOf, size * 2);
            }
            table[i] = seq + 1;
            slotCount[i] = size;
            seqs[size] = seq;
            counts[size] = 1;
            slotOf[size] = i;
            size++;
        }

        private void grow() {
            table = new int[table.length * 2];
            slotCount = new int[table.length];
            int mask = table.length - 1;
            for (int c = 0; c < size; c++) {
                int i = (seqs[c] * 0x9E3779B9) >>> 7 & mask;
                while (table[i] != 0) i = (i + 1) & mask;
                table[i] = seqs[c] + 1;
                slotCount[i] = c;
                slotOf[c] = i;
            }
        }
    }

    /**
     * Words to sampled shingles. Words are runs of letters and digits, lower-cased; scripts written without spaces
     * have each character taken as a word. The body alone is sampled (a new headline changes nothing); when the body
     * is too short, one exact key of title and body stands in for the samples.
     */
    static final class Shingler {
        final long[] samples = new long[MAX_SAMPLES];
        int count;
        boolean exactOnly;
        private final long[] window = new long[SHINGLE];
        private int words;
        private long exact;

        void sample(String title, String text) {
            count = 0;
            words = 0;
            exact = 0x243F6A8885A308D3L;
            scan(text, true);
            // dedupe: a repeated paragraph must not count twice
            Arrays.sort(samples, 0, count);
            int u = 0;
            for (int i = 0; i < count; i++) {
                if (u == 0 || samples[u - 1] != samples[i]) samples[u++] = samples[i];
            }
            count = u;
            exactOnly = count < MIN_SAMPLES;
            if (exactOnly) {
                long body = exact;
                words = 0;
                exact = 0x13198A2E03707344L;
                scan(title, false);
                long key = fmix(exact * 31 + body);
                samples[0] = key == 0 ? 1 : key;
                count = words == 0 && body == 0x243F6A8885A308D3L ? 0 : 1;
            }
        }

        private void scan(String s, boolean shingle) {
            int n = s.length();
            long h = 0;
            boolean inWord = false;
            for (int i = 0; i < n; ) {
                if (shingle && count == MAX_SAMPLES) return;
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (cp < 0x80) {
                    boolean letter = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
                    if (letter || (cp >= '0' && cp <= '9')) {
                        if (!inWord) { h = 0xCBF29CE484222325L; inWord = true; }
                        h = (h ^ (letter ? cp | 0x20 : cp)) * 0x100000001B3L;
                        continue;
                    }
                } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                    if (isUnspaced(cp)) {
                        if (inWord) word(h, shingle);
                        inWord = false;
                        word((0xCBF29CE484222325L ^ cp) * 0x100000001B3L, shingle);
                    } else {
                        if (!inWord) { h = 0xCBF29CE484222325L; inWord = true; }
                        h = (h ^ Character.toLowerCase(cp)) * 0x100000001B3L;
                    }
                    continue;
                }
                if (inWord) word(h, shingle);
                inWord = false;
            }
            if (inWord) word(h, shingle);
        }

        private void word(long raw, boolean shingle) {
            long w = fmix(raw);
            exact = exact * 0x9E3779B97F4A7C15L + w;
            window[words % SHINGLE] = w;
            words++;
            if (!shingle || words < SHINGLE || count == MAX_SAMPLES) return;
            long s = 0;
            for (int k = SHINGLE; k >= 1; k--) s = s * 0x9E3779B97F4A7C15L + window[(words - k) % SHINGLE];
            s = fmix(s);
            if ((s & (SAMPLE_MOD - 1)) == 0 && s != 0) samples[count++] = s;
        }

        private static boolean isUnspaced(int cp) {
            if (cp < 0x0E00) return false;
            return switch (Character.UnicodeScript.of(cp)) {
                case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
                default -> false;
            };
        }
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
