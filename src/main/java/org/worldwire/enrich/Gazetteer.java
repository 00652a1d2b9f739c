package org.worldwire.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Place names → candidate places, read from the bundled {@code names.tsv.gz}. Immutable once built.
 *
 * <p>Held compactly, as 80,000 names are most of the geotagger's memory: the names in {@link PackedKeys}, each
 * distinct place one record however many names it has, and one array per distinct list of places (a country's
 * names in fifty languages share one). Names that only towns of 1,000 to 5,000 people bear are apart, in
 * {@link SmallTowns}, asked for only where an article places a name.
 */
final class Gazetteer {
    /**
     * {@code SUBDIVISION}: any other ISO 3166-2 division (an English county, a London borough, a French department),
     * of unknown population. {@code SMALL_TOWN}: a town of 1,000 to 5,000 people, taken only where the article
     * places it.
     */
    enum Kind { COUNTRY, DEMONYM, ABBREVIATION, STATE, COUNTY, CAPITAL, CITY, SUBDIVISION, SMALL_TOWN }

    /** One place a name may stand for. {@code admin1} is the GeoNames first-level code ("GA" for Georgia, US). */
    record Place(Kind kind, String iso2, String admin1, int population) {}

    private final Names byKey;
    /** Abbreviations ("USA", "U.K.") are matched on their exact spelling, never lower-cased. */
    private final Map<String, Place[]> abbreviations;
    private final Names cyrillicStems;
    /** US states and Canadian provinces by their ASCII names, for {@link #stateAbbreviation}. */
    private final Map<String, Place[]> abbreviatedStates;
    private final Map<String, Place[]> abbreviationCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final SmallTowns smallTowns;
    private final FirstWords firstWords;
    final int maxTokens;
    final int maxCjkChars;

    private Gazetteer(Map<String, Place[]> byKey, Map<String, Place[]> abbreviations, SmallTowns smallTowns, int maxTokens,
            int maxCjkChars) {
        // The stems and states are derived from the map, in its order, before it is packed and dropped.
        this.cyrillicStems = new Names(cyrillicStems(byKey));
        this.abbreviatedStates = abbreviatedStates(byKey);
        var first = new FirstWords.Builder();
        for (String key : byKey.keySet()) first.add(key);
        for (int i = 0; i < smallTowns.size(); i++) first.add(smallTowns.name(i));
        this.firstWords = first.build();
        this.byKey = new Names(byKey);
        this.abbreviations = abbreviations;
        this.smallTowns = smallTowns;
        this.maxTokens = maxTokens;
        this.maxCjkChars = maxCjkChars;
    }

    /** Names and their places, packed; an array of places is shared by every name with the same list. */
    private static final class Names {
        private final PackedKeys keys;
        private final Place[][] places;

        Names(Map<String, Place[]> map) {
            keys = new PackedKeys(map.keySet());
            places = new Place[keys.size()][];
            var lists = new HashMap<List<Place>, Place[]>();
            int i = 0;
            for (Place[] p : map.values()) places[i++] = lists.computeIfAbsent(List.of(p), k -> p);
        }

        Place @Nullable [] get(String key) {
            int i = keys.indexOf(key);
            return i < 0 ? null : places[i];
        }
    }

    /**
     * The places a name may stand for; null for none. Small towns are among them only when the name is a bigger
     * place's too: names of small towns alone are in {@link #smallTowns}.
     */
    Place @Nullable [] lookup(String key) {
        return byKey.get(key);
    }

    /**
     * The most words of any name, small towns' included, that begins with this word (a lookup key's first word); 1
     * when no name of several words does. {@link #lookup} and {@link #smallTowns} find nothing for a longer key.
     */
    int longestFrom(String word) {
        return firstWords.longest(word);
    }

    /**
     * The towns of 1,000 to 5,000 people so named, each a new {@link Place}; null for none. Apart from {@link #lookup}:
     * such a town counts only where the article places it, and only there is it worth looking for.
     */
    Place @Nullable [] smallTowns(String key) {
        return smallTowns.get(key);
    }

    /**
     * Russian and Ukrainian decline names ("России", "Москве"), Arabic prefixes "and", "in", "to" ("والأردن"):
     * a single word that is no name is tried without them, against stems of the one-word names.
     */
    Place @Nullable [] lookupInflected(String key) {
        int first = key.codePointAt(0);
        Character.UnicodeScript script = Character.UnicodeScript.of(first);
        if (script == Character.UnicodeScript.CYRILLIC) {
            for (int cut = 1; cut <= 2 && key.length() - cut >= 3; cut++) {
                Place[] p = cyrillicStems.get(key.substring(0, key.length() - cut));
                if (p != null) return p;
            }
            return cyrillicStems.get(key);
        }
        if (script == Character.UnicodeScript.ARABIC && key.length() > 3) {
            char c = key.charAt(0);
            if (c == 'و' || c == 'ب' || c == 'ل' || c == 'ف') {
                Place[] p = byKey.get(key.substring(1));
                if (p == null && c == 'ل' && key.startsWith("لل")) p = byKey.get("ال" + key.substring(2));
                return p;
            }
        }
        return null;
    }

    private static Map<String, Place[]> cyrillicStems(Map<String, Place[]> byKey) {
        var stems = new HashMap<String, Place[]>();
        for (var e : byKey.entrySet()) {
            String k = e.getKey();
            if (k.indexOf(' ') >= 0 || k.length() < 4 || Character.UnicodeScript.of(k.codePointAt(0)) != Character.UnicodeScript.CYRILLIC)
                continue;
            String stem = "аяоеиыйь".indexOf(k.charAt(k.length() - 1)) >= 0 ? k.substring(0, k.length() - 1) : k;
            stems.merge(stem, e.getValue(), (a, b) -> {
                Place[] all = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, all, a.length, b.length);
                return all;
            });
        }
        return stems;
    }

    /**
     * The US states or Canadian provinces an abbreviation in the style of the news agencies stands for: "Pa." and
     * "Tenn." (letters of the name in order, from its first), "N.J." and "W.Va." (one part per word), "Ky". Where
     * some states start with the abbreviation ("Man." for Manitoba), only those. Only these two countries: their
     * agencies abbreviate states after town names; elsewhere such abbreviations are rare and ambiguous.
     */
    Place @Nullable [] stateAbbreviation(String abbreviation) {
        Place[] known = abbreviationCache.get(abbreviation);
        if (known == null) {
            known = spelledStates(abbreviation);
            if (abbreviationCache.size() < 10_000) abbreviationCache.put(abbreviation, known); // bounded: texts are endless
        }
        return known.length == 0 ? null : known;
    }

    private Place[] spelledStates(String abbreviation) {
        String[] parts = abbreviation.toLowerCase(Locale.ROOT).split("\\.");
        var prefixed = new ArrayList<Place>(2);
        var spelled = new ArrayList<Place>(2);
        for (var e : abbreviatedStates.entrySet()) {
            String[] words = e.getKey().split(" ");
            if (words.length != parts.length) continue;
            boolean prefix = true, spells = true;
            for (int k = 0; k < parts.length && spells; k++) {
                spells = spells(parts[k], words[k]);
                prefix &= words[k].startsWith(parts[k]);
            }
            if (!spells) continue;
            for (Place p : e.getValue()) {
                if (!spelled.contains(p)) spelled.add(p);
                if (prefix && !prefixed.contains(p)) prefixed.add(p);
            }
        }
        return (prefixed.isEmpty() ? spelled : prefixed).toArray(Place[]::new);
    }

    /** Whether the letters of {@code part} appear in {@code word} in order, the first being its first. */
    private static boolean spells(String part, String word) {
        if (part.isEmpty() || word.isEmpty() || part.charAt(0) != word.charAt(0)) return false;
        int k = 1;
        for (int w = 1; w < word.length() && k < part.length(); w++) if (word.charAt(w) == part.charAt(k)) k++;
        return k == part.length();
    }

    private static Map<String, Place[]> abbreviatedStates(Map<String, Place[]> byKey) {
        var out = new HashMap<String, Place[]>();
        byKey.forEach((key, places) -> {
            int n = 0;
            for (Place p : places) if (abbreviated(p)) n++;
            if (n == 0) return;
            for (int i = 0; i < key.length(); i++) if (key.charAt(i) > 127) return;
            Place[] states = new Place[n];
            n = 0;
            for (Place p : places) if (abbreviated(p)) states[n++] = p;
            out.put(key, states);
        });
        return out;
    }

    private static boolean abbreviated(Place p) {
        return p.kind() == Kind.STATE && (p.iso2().equals("US") || p.iso2().equals("CA"));
    }

    Place @Nullable [] abbreviation(String exact) {
        return abbreviations.get(exact);
    }

    static Gazetteer read() {
        // Lists as arrays from the start (most names have one place): no list per name and no second map to freeze.
        var byKey = new HashMap<String, Place[]>(200_000);
        var abbr = new HashMap<String, Place[]>();
        var interned = new HashMap<String, String>();
        var samePlace = new HashMap<Place, Place>(); // one record per place, not per name
        var towns = new SmallTowns.Builder();
        int maxTokens = 1, maxCjk = 1;
        try (InputStream raw = Objects.requireNonNull(Gazetteer.class.getResourceAsStream("names.tsv.gz"),
                        "enrich: bundled names.tsv.gz is missing; run scripts/build-gazetteer.sh");
                var r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                // name, kind, iso2, admin1, population: cut by hand, as 150,000 lines are most of the start-up
                int t1 = line.indexOf('\t'), t2 = line.indexOf('\t', t1 + 1), t3 = line.indexOf('\t', t2 + 1),
                        t4 = line.indexOf('\t', t3 + 1);
                if (t1 < 0 || t2 != t1 + 2 || t3 < 0 || t4 < 0) continue;
                Kind kind = switch (line.charAt(t1 + 1)) {
                    case 'C' -> Kind.COUNTRY;
                    case 'D' -> Kind.DEMONYM;
                    case 'A' -> Kind.ABBREVIATION;
                    case 'S' -> Kind.STATE;
                    case 'O' -> Kind.COUNTY;
                    case 'K' -> Kind.CAPITAL;
                    case 'P' -> Kind.CITY;
                    case 'R' -> Kind.SUBDIVISION;
                    case 'V' -> Kind.SMALL_TOWN;
                    default -> null;
                };
                if (kind == null) continue;
                String name = line.substring(0, t1);
                String iso2 = interned.computeIfAbsent(line.substring(t2 + 1, t3), k -> k);
                String admin1 = interned.computeIfAbsent(line.substring(t3 + 1, t4), k -> k);
                int end = line.indexOf('\t', t4 + 1);
                int population = parseInt(line, t4 + 1, end < 0 ? line.length() : end);
                if (kind == Kind.ABBREVIATION) {
                    var place = samePlace.computeIfAbsent(new Place(kind, iso2, admin1, population), p -> p);
                    abbr.merge(name.replace(".", ""), new Place[] {place}, Gazetteer::concat);
                    continue;
                }
                String key = key(name);
                if (key.isEmpty()) continue;
                if (isCjk(key.codePointAt(0))) maxCjk = Math.max(maxCjk, key.length());
                else maxTokens = Math.max(maxTokens, words(key));
                if (kind == Kind.SMALL_TOWN) {
                    towns.add(key, iso2, admin1, population);
                    continue;
                }
                add(byKey, key, samePlace.computeIfAbsent(new Place(kind, iso2, admin1, population), p -> p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("enrich: cannot read bundled names.tsv.gz", e);
        }
        // A small town named like a bigger place ("Denmark, S.C.", "Edmonton, Ky.") joins that name's places: the name is
        // looked up anyway, and its small namesakes weigh in wherever it stands (its country is then no longer the
        // name's only one, and the state named elsewhere in the article can make it the small town). Only names of
        // small towns alone are kept apart.
        SmallTowns smallTowns = towns.build((key, place) -> {
            if (!byKey.containsKey(key)) return false;
            add(byKey, key, samePlace.computeIfAbsent(place, p -> p));
            return true;
        });
        return new Gazetteer(byKey, abbr, smallTowns, Math.min(maxTokens, 6), Math.min(maxCjk, 8));
    }

    /** Adds a place to a name's, unless it has it already. */
    private static void add(Map<String, Place[]> byKey, String key, Place place) {
        Place[] known = byKey.get(key);
        if (known == null) {
            byKey.put(key, new Place[] {place});
        } else if (!java.util.Arrays.asList(known).contains(place)) {
            byKey.put(key, concat(known, new Place[] {place}));
        }
    }

    private static Place[] concat(Place[] a, Place[] b) {
        Place[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** How many words a lookup key has: its spaces, plus one. */
    static int words(String key) {
        int n = 1;
        for (int i = 0; i < key.length(); i++) if (key.charAt(i) == ' ') n++;
        return n;
    }

    private static int parseInt(String s, int from, int to) {
        try {
            return from >= to ? 0 : Integer.parseInt(s, from, to, 10);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The lookup key of a name: its words lower-cased, accents dropped, joined by single spaces. */
    static String key(String name) {
        // most names are ASCII letters and single spaces, whose key is the name in lower case: no tokenising
        boolean plain = !name.isEmpty() && name.charAt(0) != ' ' && name.charAt(name.length() - 1) != ' ';
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c == ' ' && name.charAt(i - 1) != ' ');
        }
        if (plain) return name.toLowerCase(Locale.ROOT);
        var words = new StringBuilder();
        for (String w : Tokens.split(name)) {
            if (!words.isEmpty()) words.append(' ');
            words.append(fold(w));
        }
        return words.toString();
    }

    static String fold(String word) {
        boolean ascii = true;
        for (int i = 0; i < word.length() && ascii; i++) ascii = word.charAt(i) < 128;
        String lower = word.toLowerCase(Locale.ROOT);
        if (ascii) return lower;
        String n = Normalizer.normalize(lower, Normalizer.Form.NFD);
        // Most words outside ASCII (Cyrillic, Arabic, CJK) have no mark to drop: the normalised word is the key, with
        // no copy through a builder.
        int first = 0;
        while (first < n.length() && !folds(n.charAt(first))) first++;
        if (first == n.length()) return n;
        var sb = new StringBuilder(n.length()).append(n, 0, first);
        for (int i = first; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            sb.append(c == 'ı' ? 'i' : c == 'ё' ? 'е' : c);
        }
        return sb.toString();
    }

    /** Whether {@link #fold} drops or replaces the char. */
    private static boolean folds(char c) {
        return c == 'ı' || c == 'ё' || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}
