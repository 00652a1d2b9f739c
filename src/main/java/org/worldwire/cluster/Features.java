package org.worldwire.cluster;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/**
 * What an article says, as four sparse term vectors: its words, its named entities, its numbers and its countries.
 * Terms are 64-bit hashes (no strings kept), weighted by sublinear term frequency {@code 1 + ln tf}; inverse
 * document frequency is applied at comparison time ({@link Idf}), so vectors made early in a stream do not carry
 * the noisy IDF of its first minutes.
 *
 * <p>Words are maximal runs of letters and digits, lower-cased and stripped of diacritics (México and Mexico are one
 * word); scripts written without spaces (Chinese, Japanese, Thai…) are cut into overlapping pairs of characters,
 * the usual unit of retrieval for them, as single characters say little. The headline's words count twice: it is
 * the densest summary of the event.
 *
 * <p>Entities are what stays the same across languages: names. A capitalised word is part of a name unless the same
 * word also appears in lower case in the article (so "The" and "Police" opening a sentence, and the words of a Title
 * Case headline, are not names), and a run of such words is also taken whole ("Raj Chohan" as well as "Raj" and
 * "Chohan"). All-capital words of two letters or more (NATO, UN) are names. Scripts without capitals (Arabic,
 * Hebrew…) cannot mark their names, so each of their words of three letters or more is a name candidate; IDF then
 * tells the rare ones, which are mostly names, from the common ones, which weigh nothing. A name is kept as a
 * transliteration key ({@link #nameKey}) so that Putin, Путин and بوتين are one name. Numbers are tokens with a
 * digit, with thousands separators removed (a comma, a point or a no-break space) and a decimal comma read as a
 * point, so "7,1" in a Spanish report is "7.1" in an English one.
 */
final class Features {
    /** One group of terms: hashes sorted ascending, each with its {@code 1 + ln tf} weight. */
    record Vector(long[] terms, float[] weights) {
        static final Vector EMPTY = new Vector(new long[0], new float[0]);

        int size() {
            return terms.length;
        }

        boolean isEmpty() {
            return terms.length == 0;
        }
    }

    final Vector text, entities, numbers, countries;
    /**
     * Name candidates from scripts without capitals (their keys), and at the same index the word each was written
     * as: a candidate is a name only while its word is rare in its language ({@link #names}).
     */
    final Vector candidates;
    final long[] candidateWords;

    Features(Vector text, Vector entities, Vector numbers, Vector countries) {
        this(text, entities, numbers, countries, Vector.EMPTY, new long[0]);
    }

    Features(Vector text, Vector entities, Vector numbers, Vector countries, Vector candidates, long[] candidateWords) {
        this.text = text;
        this.entities = entities;
        this.numbers = numbers;
        this.countries = countries;
        this.candidates = candidates;
        this.candidateWords = candidateWords;
    }

    /**
     * The names, with those candidates whose word {@code rare} accepts: a word in many of its language's reports is
     * a word of the language, not the name of someone in the news.
     */
    Vector names(java.util.function.LongPredicate rare) {
        if (candidates.isEmpty()) return entities;
        long[] ct = candidates.terms();
        float[] cw = candidates.weights();
        long[] et = entities.terms();
        float[] ew = entities.weights();
        long[] t = new long[et.length + ct.length];
        float[] w = new float[t.length];
        int i = 0, j = 0, n = 0;
        while (i < et.length || j < ct.length) {
            if (j < ct.length && !rare.test(candidateWords[j])) {
                j++;
            } else if (j == ct.length || (i < et.length && et[i] < ct[j])) {
                t[n] = et[i];
                w[n++] = ew[i++];
            } else if (i == et.length || ct[j] < et[i]) {
                t[n] = ct[j];
                w[n++] = cw[j++];
            } else {
                t[n] = et[i];
                w[n++] = Math.max(ew[i++], cw[j++]);
            }
        }
        return n == 0 ? Vector.EMPTY : new Vector(Arrays.copyOf(t, n), Arrays.copyOf(w, n));
    }

    // namespaces, so that a word, a name and a number never share a term
    static final long TEXT = 0x1F83D9ABFB41BD6BL, ENTITY = 0x5BE0CD19137E2179L, NUMBER = 0x6A09E667F3BCC908L,
            COUNTRY = 0x3C6EF372FE94F82BL;

    /**
     * Tokens looked at per article at most: the first few thousand words say what the article is about, and the
     * cap keeps time per article constant whatever its length.
     */
    static final int MAX_TOKENS = 3000;

    /**
     * Turns one article into features. Not thread-safe (scratch buffers are reused); one extractor per clusterer.
     */
    static final class Extractor {
        // per token: folded lower-case hash, flags, and (for numbers) the normalised number's hash; for letters the
        // transliteration key's hash
        private long[] hash = new long[256];
        private long[] key = new long[256];
        private int[] flags = new int[256];
        private int tokens;
        private final StringBuilder number = new StringBuilder(32);
        private final TermCounter words = new TermCounter(), names = new TermCounter(), numbers = new TermCounter(),
                candidates = new TermCounter();
        private final LongSet lowerSeen = new LongSet(), capitalSeen = new LongSet();

        private static final int CAPITAL = 1, ALL_CAPS = 2, DIGIT = 4, JOINED = 8, TITLE = 16, SHORT = 32,
                UNCASED = 64, UNSPACED = 128, INITIAL = 256;

        Features extract(String title, String text, List<String> countries) {
            tokens = 0;
            tokenize(title, TITLE);
            tokenize(text, 0);
            words.clear();
            names.clear();
            numbers.clear();
            candidates.clear();
            lowerSeen.clear();
            capitalSeen.clear();
            int titleCaps = 0, titleWords = 0;
            for (int i = 0; i < tokens; i++) {
                int f = flags[i];
                if ((f & DIGIT) != 0) continue;
                if ((f & CAPITAL) == 0) lowerSeen.add(hash[i]);
                else if ((f & (TITLE | INITIAL)) == 0) capitalSeen.add(hash[i]);
                if ((f & TITLE) != 0) {
                    titleWords++;
                    if ((f & CAPITAL) != 0) titleCaps++;
                }
            }
            // A headline with most words capitalised is Title Case: its capitals say nothing on their own.
            boolean titleCase = titleWords >= 3 && titleCaps * 3 >= titleWords * 2;
            long phrase = 0;
            int phraseLength = 0;
            for (int i = 0; i < tokens; i++) {
                int f = flags[i];
                long h = hash[i];
                if ((f & DIGIT) != 0) {
                    numbers.add(mix(h, NUMBER), (f & TITLE) != 0 ? 2 : 1);
                    phraseLength = endPhrase(phrase, phraseLength);
                    continue;
                }
                if ((f & UNSPACED) != 0) {
                    // a pair with the previous character of the same run
                    if (i > 0 && (f & JOINED) != 0 && (flags[i - 1] & UNSPACED) != 0) {
                        words.add(mix(hash[i - 1] * 0x9E3779B97F4A7C15L + h, TEXT), (f & TITLE) != 0 ? 2 : 1);
                    }
                    phraseLength = endPhrase(phrase, phraseLength);
                    continue;
                }
                if ((f & SHORT) == 0) words.add(mix(h, TEXT), (f & TITLE) != 0 ? 2 : 1);
                if ((f & UNCASED) != 0) {
                    // no capitals to mark names: every word long enough is a candidate, single (no runs: a run of
                    // uncased words is a sentence)
                    if (key[i] != 0) candidates.add(mix(key[i], ENTITY), 1, mix(h, TEXT));
                    phraseLength = endPhrase(phrase, phraseLength);
                    continue;
                }
                boolean name = (f & ALL_CAPS) != 0
                        || ((f & CAPITAL) != 0 && (f & SHORT) == 0 && !lowerSeen.contains(h));
                if (name && (f & ALL_CAPS) == 0 && ((f & INITIAL) != 0 || ((f & TITLE) != 0 && titleCase))) {
                    // a sentence's first word is capitalised whatever it is, and so is every word of a Title Case
                    // headline: such a word is a name only when the body also capitalises it inside a sentence
                    name = bodyCapitalises(h);
                }
                if (!name) {
                    phraseLength = endPhrase(phrase, phraseLength);
                    continue;
                }
                long k = key[i] != 0 ? key[i] : h;
                names.add(mix(k, ENTITY), 1);
                if (phraseLength > 0 && (f & JOINED) != 0) {
                    phrase = phrase * 0x9E3779B97F4A7C15L + k;
                    phraseLength++;
                } else {
                    endPhrase(phrase, phraseLength);
                    phrase = k;
                    phraseLength = 1;
                }
            }
            endPhrase(phrase, phraseLength);
            Vector cand = candidates.toVector();
            long[] candWords = new long[cand.size()];
            for (int c = 0; c < candWords.length; c++) candWords[c] = candidates.payload(cand.terms()[c]);
            return new Features(words.toVector(), names.toVector(), numbers.toVector(), countryVector(countries), cand,
                    candWords);
        }

        private boolean bodyCapitalises(long h) {
            return capitalSeen.contains(h);
        }

        private int endPhrase(long phrase, int length) {
            if (length >= 2) names.add(mix(phrase * 31 + length, ENTITY), 1);
            return 0;
        }

        private static Vector countryVector(List<String> countries) {
            int n = Math.min(countries.size(), 16);
            if (n == 0) return Vector.EMPTY;
            long[] terms = new long[n];
            for (int i = 0; i < n; i++) terms[i] = mix(hashString(countries.get(i)), COUNTRY);
            long[] sorted = terms.clone();
            Arrays.sort(sorted);
            int unique = 0;
            for (int i = 0; i < n; i++) if (unique == 0 || sorted[unique - 1] != sorted[i]) sorted[unique++] = sorted[i];
            sorted = Arrays.copyOf(sorted, unique);
            float[] weights = new float[unique];
            // most important first: the first country weighs most, later ones less
            for (int i = 0; i < n; i++) {
                int at = Arrays.binarySearch(sorted, terms[i]);
                weights[at] = Math.max(weights[at], 1f / (1 + i));
            }
            return new Vector(sorted, weights);
        }

        private void tokenize(String s, int baseFlags) {
            int n = s.length();
            boolean joinedToPrevious = false; // only spaces or a hyphen since the previous token of this segment
            boolean sentenceStart = true;
            for (int i = 0; i < n && tokens < MAX_TOKENS; ) {
                int cp = s.codePointAt(i);
                if (!isWordChar(cp)) {
                    if (cp == ' ' || cp == '-' || cp == '\u00A0') {
                        // keep the joined state
                    } else {
                        joinedToPrevious = false;
                        if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == '؟' || cp == ':') sentenceStart = true;
                    }
                    i += Character.charCount(cp);
                    continue;
                }
                if (isUnspaced(cp)) {
                    add(mixChar(FNV, cp), 0, baseFlags | SHORT | UNSPACED | (joinedToPrevious ? JOINED : 0));
                    joinedToPrevious = true;
                    i += Character.charCount(cp);
                    continue;
                }
                // a token: letters and digits, with '.' or ',' inside a number
                int start = i;
                long h = FNV, k = FNV;
                int letters = 0, uppers = 0, digits = 0, length = 0, keyLength = 0;
                char lastClass = 0;
                boolean firstUpper = Character.isUpperCase(cp) || Character.isTitleCase(cp);
                boolean uncased = Character.getType(cp) == Character.OTHER_LETTER;
                number.setLength(0);
                while (i < n) {
                    int c = s.codePointAt(i);
                    if (isWordChar(c) && !isUnspaced(c)) {
                        if (c >= '0' && c <= '9') {
                            digits++;
                            number.append((char) c);
                        } else {
                            letters++;
                            if (Character.isUpperCase(c)) uppers++;
                            number.appendCodePoint(Character.toLowerCase(c));
                            char cls = keyClass(c);
                            if (cls == VOWEL) {
                                lastClass = 0;
                            } else if (cls != 0 && cls != lastClass) {
                                k = mixChar(k, cls);
                                keyLength++;
                                lastClass = cls;
                            }
                        }
                        h = foldInto(h, c);
                        length++;
                        i += Character.charCount(c);
                    } else if ((c == '.' || c == ',') && digits > 0 && letters == 0 && i + 1 < n
                            && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9' && i > start) {
                        number.append((char) c);
                        i++;
                    } else if ((c == '\u00A0' || c == '\u202F') && digits > 0 && letters == 0 && threeDigits(s, i + 1)) {
                        // French and Russian group thousands with a no-break space: 1 250
                        number.append((char) c);
                        i++;
                    } else {
                        break;
                    }
                }
                int f = baseFlags | (joinedToPrevious ? JOINED : 0) | (sentenceStart ? INITIAL : 0);
                sentenceStart = false;
                if (digits > 0) {
                    add(hashString(normaliseNumber(number)), 0, f | DIGIT);
                } else {
                    if (firstUpper) f |= CAPITAL;
                    if (uppers == letters && letters >= 2) f |= ALL_CAPS;
                    if (length < 2) f |= SHORT;
                    if (uncased) f |= UNCASED;
                    // a skeleton of fewer than three consonants would join too many names: such a name is matched
                    // as spelt, within its script
                    add(h, keyLength >= 3 ? k : 0, f);
                }
                joinedToPrevious = true;
            }
        }

        private void add(long h, long k, int f) {
            if (tokens == hash.length) {
                hash = Arrays.copyOf(hash, tokens * 2);
                key = Arrays.copyOf(key, tokens * 2);
                flags = Arrays.copyOf(flags, tokens * 2);
            }
            hash[tokens] = h;
            key[tokens] = k;
            flags[tokens] = f;
            tokens++;
        }

        /** Whether exactly three digits start at {@code at} (a thousands group, not the start of another number). */
        private static boolean threeDigits(String s, int at) {
            if (at + 3 > s.length()) return false;
            for (int k = at; k < at + 3; k++) if (s.charAt(k) < '0' || s.charAt(k) > '9') return false;
            return at + 3 == s.length() || !Character.isLetterOrDigit(s.charAt(at + 3));
        }
    }

    /** "1,000", "1.000" and "1 000" (no-break space) are 1000; "7,1" is 7.1; anything else as written. */
    static String normaliseNumber(CharSequence raw) {
        String s = raw.toString();
        if (s.indexOf('\u00A0') >= 0 || s.indexOf('\u202F') >= 0) s = s.replace("\u00A0", "").replace("\u202F", "");
        if (s.indexOf('.') < 0 && s.indexOf(',') < 0) return s;
        return groupedThousands(s) ? s.replace(".", "").replace(",", "") : s.replace(',', '.');
    }

    /** Whether {@code s} is 1 to 3 digits followed by groups of a separator and three digits. */
    private static boolean groupedThousands(String s) {
        int first = 0;
        while (first < s.length() && Character.isDigit(s.charAt(first))) first++;
        if (first < 1 || first > 3 || first == s.length()) return false;
        for (int i = first; i < s.length(); i += 4) {
            if (i + 4 > s.length()) return false;
            char sep = s.charAt(i);
            if (sep != '.' && sep != ',') return false;
            for (int k = 1; k <= 3; k++) if (!Character.isDigit(s.charAt(i + k))) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final long FNV = 0xCBF29CE484222325L;

    private static long mixChar(long h, int cp) {
        return (h ^ cp) * 0x100000001B3L;
    }

    /** Adds a character lower-cased and without its diacritics. */
    private static long foldInto(long h, int cp) {
        if (cp < 0x80) return mixChar(h, (cp >= 'A' && cp <= 'Z') ? cp | 0x20 : cp);
        if (cp < FOLD.length) {
            int f = FOLD[cp];
            if (f == 0) return h; // a combining mark: dropped
            return mixChar(h, f);
        }
        return mixChar(h, Character.toLowerCase(cp));
    }

    /**
     * The class of a letter in a name's transliteration key: its consonant class, {@link #VOWEL}, or 0 for a letter
     * the key ignores. A key is a name's consonant skeleton, which survives the usual transliterations between Latin,
     * Greek, Cyrillic, Hebrew and Arabic (Putin, Путин and بوتين are b-t-n; Macron, Макрон and ماكرون m-k-r-n):
     * vowels are left out, since Arabic and Hebrew write only some of them and scripts disagree on their quality, and
     * consonants merge where a script lacks one of a pair (p and b, v and f, c, k and q, j and g); h and the letters
     * Latin writes as h or leaves out are ignored. Other scripts keep the folded letter itself, so their names match
     * within the script only.
     */
    static char keyClass(int cp) {
        if (cp < KEY.length) return KEY[cp];
        if (!Character.isLetter(cp)) return 0;
        int lower = Character.toLowerCase(cp);
        return (char) (lower <= 0xFFFF ? lower : lower & 0x7FFF | 0x8000);
    }

    /** A vowel: not in the key, but it separates two equal consonants ("Bobo" is b-b, "Bob" is b). */
    static final char VOWEL = '*';
    private static final char[] KEY = new char[0x700];

    static {
        keys("abcdefghijklmnopqrstuvwxyz", "*bkd*fg0*gklmn*bkrst*f0k*z");
        keys("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "*bkd*fg0*gklmn*bkrst*f0k*z");
        for (int cp = 0xC0; cp < 0x370; cp++) {
            if (!Character.isLetter(cp)) continue;
            char base = Normalizer.normalize(String.valueOf((char) cp), Normalizer.Form.NFD).charAt(0);
            base = Character.toLowerCase(base);
            if (base >= 'a' && base <= 'z') KEY[cp] = KEY[base];
        }
        // Greek, read as today
        keys("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ", "*fgd*z*t*klmnk*brsst*fks*" + "***********");
        keys("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ", "*fgd*z*t*klmnk*brst*fks*");
        // Cyrillic
        keys("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "*bfgd**zz**klmn*brst*fkssss0*0***");
        keys("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", "*bfgd**zz**klmn*brst*fkssss0*0***");
        keys("іїєґўђћџљњ", "***g*dtdln");
        // Hebrew
        keys("אבגדהוזחטיכךלמםנןסעפףצץקרשת", "*bgd0*z0t*kklmmnns0bfsskrst");
        // Arabic and Persian
        keys("اأإآءئؤبپتثجچحخدذرزژسشصضطظعغفڤقكکگلمنهةوىيی", "****0**bbttgs0kddrzzsssdtz0gffkkkglmn00****");
    }

    private static void keys(String letters, String classes) {
        if (letters.length() != classes.length()) throw new IllegalStateException("key table: " + letters);
        for (int i = 0; i < letters.length(); i++) KEY[letters.charAt(i)] = classes.charAt(i) == '0' ? 0 : classes.charAt(i);
    }

    /** Lower-case base letter of each code point below U+0370 (Latin and combining marks; 0 for a mark). */
    private static final char[] FOLD = new char[0x370];

    static {
        for (int cp = 0; cp < FOLD.length; cp++) {
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                FOLD[cp] = 0;
                continue;
            }
            String d = Normalizer.normalize(String.valueOf((char) cp), Normalizer.Form.NFD);
            char base = d.charAt(0);
            FOLD[cp] = Character.toLowerCase(base);
        }
    }

    static long hashString(String s) {
        long h = FNV;
        for (int i = 0; i < s.length(); i++) h = mixChar(h, s.charAt(i));
        return h;
    }

    static long mix(long h, long namespace) {
        long k = h ^ namespace;
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k == 0 ? 1 : k;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isUnspaced(int cp) {
        if (cp < 0x0E00) return false;
        return switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }

    /** Counts terms of one article; yields a sorted vector of {@code 1 + ln tf}. */
    static final class TermCounter {
        private long[] keys = new long[512];
        private int[] counts = new int[512];
        /** One value kept per key, the first given (for candidates: the word a key was written as). */
        private long[] payloads = new long[512];
        private int size;

        void clear() {
            if (size > 0) {
                Arrays.fill(keys, 0);
                Arrays.fill(counts, 0);
                Arrays.fill(payloads, 0);
            }
            size = 0;
        }

        void add(long key, int count) {
            add(key, count, 0);
        }

        void add(long key, int count, long payload) {
            if ((size + 1) * 2 > keys.length) grow();
            int mask = keys.length - 1;
            int i = (int) (key ^ (key >>> 32)) & mask;
            while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
            if (keys[i] == 0) {
                keys[i] = key;
                payloads[i] = payload;
                size++;
            }
            counts[i] += count;
        }

        long payload(long key) {
            int mask = keys.length - 1;
            int i = (int) (key ^ (key >>> 32)) & mask;
            while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
            return keys[i] == key ? payloads[i] : 0;
        }

        Vector toVector() {
            if (size == 0) return Vector.EMPTY;
            long[] t = new long[size];
            int n = 0;
            for (long k : keys) if (k != 0) t[n++] = k;
            Arrays.sort(t);
            float[] w = new float[size];
            for (int j = 0; j < size; j++) {
                long key = t[j];
                int mask = keys.length - 1;
                int i = (int) (key ^ (key >>> 32)) & mask;
                while (keys[i] != key) i = (i + 1) & mask;
                w[j] = (float) (1 + Math.log(counts[i]));
            }
            return new Vector(t, w);
        }

        private void grow() {
            long[] ok = keys;
            int[] oc = counts;
            long[] op = payloads;
            keys = new long[ok.length * 2];
            counts = new int[keys.length];
            payloads = new long[keys.length];
            int mask = keys.length - 1;
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] == 0) continue;
                int i = (int) (ok[j] ^ (ok[j] >>> 32)) & mask;
                while (keys[i] != 0) i = (i + 1) & mask;
                keys[i] = ok[j];
                counts[i] = oc[j];
                payloads[i] = op[j];
            }
        }
    }

    /** A set of longs for one article (0 is never a member). */
    static final class LongSet {
        private long[] keys = new long[1024];
        private int size;

        void clear() {
            if (size > 0) Arrays.fill(keys, 0);
            size = 0;
        }

        void add(long key) {
            if (key == 0) key = 1;
            if ((size + 1) * 2 > keys.length) {
                long[] old = keys;
                keys = new long[old.length * 2];
                size = 0;
                for (long k : old) if (k != 0) add(k);
            }
            int mask = keys.length - 1;
            int i = (int) (key ^ (key >>> 32)) & mask;
            while (keys[i] != 0) {
                if (keys[i] == key) return;
                i = (i + 1) & mask;
            }
            keys[i] = key;
            size++;
        }

        boolean contains(long key) {
            if (key == 0) key = 1;
            int mask = keys.length - 1;
            int i = (int) (key ^ (key >>> 32)) & mask;
            while (keys[i] != 0) {
                if (keys[i] == key) return true;
                i = (i + 1) & mask;
            }
            return false;
        }
    }
}
