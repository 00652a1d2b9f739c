package org.worldwire.dedup;

/**
 * Two fingerprints of an article's words: {@code exactHash} is equal when title and text are the same words in the
 * same order (case, punctuation, whitespace and markup aside); {@code simhash} differs in few bits when the texts
 * are nearly the same (Charikar's SimHash over word 3-shingles, as Manku, Jain and Das Sarma used for web pages).
 * Agency copy republished with a changed headline, a byline or a paragraph more lands within a few bits.
 *
 * <p>Words are maximal runs of letters, digits and combining marks, lower-cased. Scripts written without spaces
 * (Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar) have each character taken as a word, so their shingles are
 * character 3-grams, which is what near-duplicate detection needs there.
 *
 * @param simhash 64-bit SimHash of the word 3-shingles of title and text
 * @param exactHash 64-bit hash of the normalised word sequence of title and text
 * @param shingles how many shingles went into the SimHash; below {@link #MIN_SHINGLES} it is too noisy to trust
 */
public record ContentFingerprint(long simhash, long exactHash, int shingles) {
    /**
     * Bit distance at or below which two long-enough texts count as the same article. Manku et al. use 3 for web
     * pages of thousands of features; news bodies are shorter (median about 500 words), so one edited word moves
     * more bits. On the 181 article bodies of the extraction benchmark ({@code FingerprintCalibration}), every
     * copy with 0.5 % of its words replaced, 93 % with 1 % and 81 % with 2 % stay within 8 bits, while no two
     * different articles came closer than 17. A wider distance would catch more edited copies but multiplies the
     * work of {@link NearDuplicateIndex}.
     */
    public static final int DEFAULT_MAX_DISTANCE = 8;

    /** Shorter texts (a headline alone, a teaser) only match exactly: a few shingles move many bits at once. */
    public static final int MIN_SHINGLES = 12;

    private static final int SHINGLE = 3;

    /** Fingerprints title and text together; either may be empty. */
    public static ContentFingerprint of(String title, String text) {
        Accumulator acc = new Accumulator();
        acc.words(title);
        acc.separator();
        acc.words(text);
        return acc.finish();
    }

    /** Number of differing bits between two 64-bit hashes. */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** {@link #nearDuplicate(ContentFingerprint, ContentFingerprint, int)} at {@link #DEFAULT_MAX_DISTANCE}. */
    public static boolean nearDuplicate(ContentFingerprint a, ContentFingerprint b) {
        return nearDuplicate(a, b, DEFAULT_MAX_DISTANCE);
    }

    /**
     * Whether two fingerprints are of the same article: the same words, or, when both texts are long enough for
     * SimHash to be stable, at most {@code maxDistance} bits apart. Two empty texts are not duplicates of each other:
     * they carry no evidence.
     */
    public static boolean nearDuplicate(ContentFingerprint a, ContentFingerprint b, int maxDistance) {
        if (a.shingles == 0 || b.shingles == 0) return false;
        if (a.exactHash == b.exactHash) return true;
        if (a.shingles < MIN_SHINGLES || b.shingles < MIN_SHINGLES) return false;
        return hamming(a.simhash, b.simhash) <= maxDistance;
    }

    /** Bit distance between the SimHashes of this and {@code other}. */
    public int distanceTo(ContentFingerprint other) {
        return hamming(simhash, other.simhash);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Streams words into shingles without building strings: one pass, a few longs of state. */
    private static final class Accumulator {
        /** How many shingles had each bit set; lanes below hold the counts not yet added here. */
        private final int[] ones = new int[64];
        /** Eight byte-wide counters per long, one per bit: 8 table adds per shingle instead of 64 branches. */
        private final long[] lanes = new long[8];
        private int inLanes;
        private final long[] window = new long[SHINGLE];
        private int wordsSeen;
        private int shingles;
        private long exact = 0x84222325CBF29CE4L;
        /** Words before a separator never share a shingle with words after it. */
        private int wordsInSegment;

        void words(String s) {
            int n = s.length();
            long h = 0;
            boolean inWord = false;
            for (int i = 0; i < n; ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (cp < 0x80) {
                    // ASCII fast path: most text of most feeds, and no Unicode tables needed
                    boolean letter = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
                    if (letter || (cp >= '0' && cp <= '9')) {
                        if (!inWord) { h = FNV_OFFSET; inWord = true; }
                        h = mixChar(h, letter ? cp | 0x20 : cp);
                    } else if (inWord) {
                        word(h);
                        inWord = false;
                    }
                } else if (isWordChar(cp)) {
                    if (isUnspacedScript(cp)) {
                        if (inWord) { word(h); inWord = false; }
                        word(mixChar(FNV_OFFSET, Character.toLowerCase(cp)));
                    } else {
                        if (!inWord) { h = FNV_OFFSET; inWord = true; }
                        h = mixChar(h, Character.toLowerCase(cp));
                    }
                } else if (inWord) {
                    word(h);
                    inWord = false;
                }
            }
            if (inWord) word(h);
        }

        void separator() {
            // A text shorter than a shingle still contributes one shingle of what it has.
            if (wordsInSegment > 0 && wordsInSegment < SHINGLE) emit(wordsInSegment);
            wordsInSegment = 0;
            exact = fmix(exact ^ 0x5EB5_EB5E_B5EB_5EB5L);
        }

        private void word(long rawHash) {
            long w = fmix(rawHash);
            exact = fmix(exact * 0x9E3779B97F4A7C15L + w);
            window[wordsSeen % SHINGLE] = w;
            wordsSeen++;
            wordsInSegment++;
            if (wordsInSegment >= SHINGLE) emit(SHINGLE);
        }

        /** Adds the shingle of the last {@code size} words. */
        private void emit(int size) {
            long s = 0;
            for (int k = size; k >= 1; k--) {
                s = s * 0x9E3779B97F4A7C15L + window[(wordsSeen - k) % SHINGLE];
            }
            s = fmix(s + size);
            for (int b = 0; b < 8; b++) {
                lanes[b] += SPREAD[(int) (s >>> (b * 8)) & 0xFF];
            }
            shingles++;
            if (++inLanes == 255) flushLanes(); // a byte lane holds at most 255
        }

        private void flushLanes() {
            for (int b = 0; b < 8; b++) {
                long lane = lanes[b];
                for (int k = 0; k < 8; k++) ones[b * 8 + k] += (int) ((lane >>> (k * 8)) & 0xFF);
                lanes[b] = 0;
            }
            inLanes = 0;
        }

        ContentFingerprint finish() {
            separator();
            flushLanes();
            long sim = 0;
            for (int bit = 0; bit < 64; bit++) {
                // a bit is set when more shingles had it set than not (SimHash's vote with weight 1)
                if (2 * ones[bit] > shingles) sim |= 1L << bit;
            }
            return new ContentFingerprint(sim, shingles == 0 ? 0 : exact, shingles);
        }
    }

    /** SPREAD[b] has, in byte lane k, bit k of b: adding it counts eight bits at once. */
    private static final long[] SPREAD = new long[256];

    static {
        for (int b = 0; b < 256; b++) {
            long v = 0;
            for (int k = 0; k < 8; k++) {
                if ((b & (1 << k)) != 0) v |= 1L << (k * 8);
            }
            SPREAD[b] = v;
        }
    }

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private static long mixChar(long h, int cp) {
        return (h ^ cp) * FNV_PRIME;
    }

    /** MurmurHash3's 64-bit finaliser: spreads FNV's weak low bits over all 64. */
    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isUnspacedScript(int cp) {
        if (cp < 0x0E00) return false;
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }
}
