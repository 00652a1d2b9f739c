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
 * names in fifty languages share one).
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
    final int maxTokens;
    final int maxCjkChars;

    private Gazetteer(Map<String, Place[]> byKey, Map<String, Place[]> abbreviations, int maxTokens, int maxCjkChars) {
        // The stems and states are derived from the map, in its order, before it is packed and dropped.
        this.cyrillicStems = new Names(cyrillicStems(byKey));
        this.abbreviatedStates = abbreviatedStates(byKey);
        this.byKey = new Names(byKey);
        this.abbreviations = abbreviations;
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

    Place @Nullable [] lookup(String key) {
        return byKey.get(key);
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
            for (int i = 0; i < key.length(); i++) if (key.charAt(i) > 127) return;
            Place[] states = java.util.Arrays.stream(places)
                    .filter(p -> p.kind() == Kind.STATE && (p.iso2().equals("US") || p.iso2().equals("CA")))
                    .toArray(Place[]::new);
            if (states.length > 0) out.put(key, states);
        });
        return out;
    }

    Place @Nullable [] abbreviation(String exact) {
        return abbreviations.get(exact);
    }

    static Gazetteer read() {
        var lists = new HashMap<String, List<Place>>(200_000);
        var abbr = new HashMap<String, List<Place>>();
        var interned = new HashMap<String, String>();
        var samePlace = new HashMap<Place, Place>(); // one record per place, not per name
        int maxTokens = 1, maxCjk = 1;
        try (InputStream raw = Objects.requireNonNull(Gazetteer.class.getResourceAsStream("names.tsv.gz"),
                        "enrich: bundled names.tsv.gz is missing; run scripts/build-gazetteer.sh");
                var r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length < 5) continue;
                Kind kind = switch (f[1]) {
                    case "C" -> Kind.COUNTRY;
                    case "D" -> Kind.DEMONYM;
                    case "A" -> Kind.ABBREVIATION;
                    case "S" -> Kind.STATE;
                    case "O" -> Kind.COUNTY;
                    case "K" -> Kind.CAPITAL;
                    case "P" -> Kind.CITY;
                    case "R" -> Kind.SUBDIVISION;
                    case "V" -> Kind.SMALL_TOWN;
                    default -> null;
                };
                if (kind == null) continue;
                var place = samePlace.computeIfAbsent(new Place(kind, interned.computeIfAbsent(f[2], k -> k),
                        interned.computeIfAbsent(f[3], k -> k), parseInt(f[4])), p -> p);
                if (kind == Kind.ABBREVIATION) {
                    abbr.computeIfAbsent(f[0].replace(".", ""), k -> new ArrayList<>(1)).add(place);
                    continue;
                }
                String key = key(f[0]);
                if (key.isEmpty()) continue;
                List<Place> list = lists.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (!list.contains(place)) list.add(place);
                if (isCjk(key.codePointAt(0))) maxCjk = Math.max(maxCjk, key.length());
                else maxTokens = Math.max(maxTokens, key.split(" ").length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("enrich: cannot read bundled names.tsv.gz", e);
        }
        return new Gazetteer(freeze(lists), freeze(abbr), Math.min(maxTokens, 6), Math.min(maxCjk, 8));
    }

    private static Map<String, Place[]> freeze(Map<String, List<Place>> lists) {
        var out = new HashMap<String, Place[]>(lists.size() * 2);
        lists.forEach((k, v) -> out.put(k, v.toArray(Place[]::new)));
        return out;
    }

    private static int parseInt(String s) {
        try {
            return s.isEmpty() ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The lookup key of a name: its words lower-cased, accents dropped, joined by single spaces. */
    static String key(String name) {
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
        var sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            sb.append(c == 'ı' ? 'i' : c == 'ё' ? 'е' : c);
        }
        return sb.toString();
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}
