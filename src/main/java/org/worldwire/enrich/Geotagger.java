package org.worldwire.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.worldwire.enrich.Gazetteer.Kind;
import org.worldwire.enrich.Gazetteer.Place;
import org.worldwire.enrich.Tokens.Token;

/**
 * Finds the countries an article speaks of: place names (countries, demonyms, states, cities) are looked up in
 * the bundled gazetteer, and each ambiguous name is settled by what else the article says: the other places
 * it names, the states its towns lie in, the words around the name, the source's country and, last, the
 * population of each namesake. Thread-safe once built.
 */
public final class Geotagger {
    private static volatile @Nullable Geotagger shared;

    /** Single words that a title or sentence opens with too often to be trusted as towns. */
    private static final Set<String> NOT_PLACES = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "god", "christian", "catholic", "jewish", "muslim", "islamic", "latin",
            "police", "street", "metro", "act", "asia", "africa", "europe", "oceania");
    /** Words that, just before or after a name, say it is a state or province rather than a namesake. */
    private static final Set<String> STATE_WORDS = Set.of("state", "gov", "governor", "sen", "senator", "rep",
            "legislature", "statehouse", "county", "counties", "parish", "province", "provincial", "etat", "bundesstaat");
    /** Titles after which a capitalised word is a name of a person, not a place ("Mr. Jordan", "Gov. Perdue"). */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "gov", "sen", "rep", "sgt", "lt", "col",
            "gen", "capt", "president", "coach", "judge", "sir", "lady", "lord", "pastor", "rev", "saint", "st");

    /** Population a town needs to count when nothing else in the article points to its country. */
    static final int CITY_ALONE = Integer.getInteger("worldwire.geo.cityAlone", 20_000);
    static final int CITY_ALONE_AT_SENTENCE_START = Integer.getInteger("worldwire.geo.cityAloneStart", 1_000_000);
    static final int STATE_ALONE = Integer.getInteger("worldwire.geo.stateAlone", 500_000);

    private final Gazetteer gazetteer;

    private Geotagger(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The bundled gazetteer, read once per process (about a second; then shared). */
    public static Geotagger load() {
        Geotagger g = shared;
        if (g == null) {
            synchronized (Geotagger.class) {
                g = shared;
                if (g == null) shared = g = new Geotagger(Gazetteer.read());
            }
        }
        return g;
    }

    /** A place name found in the text, with every place it may stand for. */
    private static final class Mention {
        final String key;
        final Place[] places;
        final boolean inTitle;
        final boolean sentenceStart;
        final int tokenIndex;
        final int length;
        /** "Paris, TX": the two capitals after a comma, which name the state of a town. */
        @Nullable String adminAfterComma;
        @Nullable Place chosen;

        Mention(String key, Place[] places, boolean inTitle, boolean sentenceStart, int tokenIndex, int length) {
            this.key = key;
            this.places = places;
            this.inTitle = inTitle;
            this.sentenceStart = sentenceStart;
            this.tokenIndex = tokenIndex;
            this.length = length;
        }
    }

    /**
     * @param sourceCountry ISO2 of the publishing source, a mild prior for names that nothing else settles
     */
    public GeoTags tag(String title, String text, @Nullable String sourceCountry) {
        return tag(title, text, sourceCountry, null);
    }

    /** As {@link #tag}, and when {@code explain} is given, adds one line per name found: what it was taken for. */
    GeoTags tag(String title, String text, @Nullable String sourceCountry, @Nullable List<String> explain) {
        String source = sourceCountry == null ? null : sourceCountry.toUpperCase(Locale.ROOT);
        var mentions = new ArrayList<Mention>();
        var organisations = new LinkedHashSet<String>();
        List<Token> titleTokens = Tokens.tokens(title);
        List<Token> textTokens = Tokens.tokens(text);
        Set<String> lowerWords = lowerCaseWords(titleTokens, textTokens);
        var personKeys = new HashSet<String>();
        find(title, titleTokens, true, mentions, organisations, lowerWords, personKeys);
        find(text, textTokens, false, mentions, organisations, lowerWords, personKeys);
        // A name once used for a person or a firm ("Barack Obama", "Toyota Motor") is one everywhere in the article.
        if (!personKeys.isEmpty()) mentions.removeIf(m -> personKeys.contains(m.key) && !isCountryName(m.places));
        if (mentions.isEmpty()) return new GeoTags(List.of(), List.of(), List.copyOf(organisations));

        // Pass 1: evidence from names that can only mean one country (a country name, a big city).
        Map<String, Set<String>> evidence = new HashMap<>();
        Set<String> statesNamed = new HashSet<>();
        Set<String> citiesStates = new HashSet<>();
        for (Mention m : mentions) {
            String only = onlyCountry(m.places);
            if (only != null && decisive(m)) evidence.computeIfAbsent(only, k -> new HashSet<>()).add(m.key);
            for (Place p : m.places) {
                if (p.kind() == Kind.STATE) statesNamed.add(p.iso2() + ':' + p.admin1());
                if ((p.kind() == Kind.CITY || p.kind() == Kind.CAPITAL) && p.population() >= 50_000)
                    citiesStates.add(p.iso2() + ':' + p.admin1());
            }
        }
        resolve(mentions, evidence, statesNamed, citiesStates, source, titleTokens, textTokens);
        // Pass 2: the same with the evidence of every name settled in pass 1.
        Map<String, Set<String>> settled = new HashMap<>();
        for (Mention m : mentions)
            if (m.chosen != null) settled.computeIfAbsent(m.chosen.iso2(), k -> new HashSet<>()).add(m.key);
        resolve(mentions, settled, statesNamed, citiesStates, source, titleTokens, textTokens);

        if (explain != null)
            for (Mention m : mentions) explain.add(m.key + (m.inTitle ? "@title" : "") + " -> " + (m.chosen == null ? "-" : m.chosen));
        var weights = new LinkedHashMap<String, Integer>();
        for (Mention m : mentions) {
            if (m.chosen == null) continue;
            weights.merge(m.chosen.iso2(), m.inTitle ? 3 : 1, Integer::sum);
        }
        int max = weights.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> primary = weights.entrySet().stream()
                .filter(e -> e.getValue() * 2 >= max)
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(3)
                .map(Map.Entry::getKey)
                .toList();
        return new GeoTags(List.copyOf(weights.keySet()), primary, List.copyOf(organisations));
    }

    private static Set<String> lowerCaseWords(List<Token> a, List<Token> b) {
        var out = new HashSet<String>();
        for (List<Token> list : List.of(a, b))
            for (Token t : list)
                if (Character.isLowerCase(t.text().codePointAt(0))) out.add(Gazetteer.fold(t.text()));
        return out;
    }

    private void find(String s, List<Token> tokens, boolean inTitle, List<Mention> out, Set<String> organisations, Set<String> lowerWords,
            Set<String> personKeys) {
        int n = tokens.size();
        for (int i = 0; i < n; ) {
            Token t = tokens.get(i);
            if (!t.capitalised()) {
                i++;
                continue;
            }
            if (Gazetteer.isCjk(t.text().codePointAt(0))) {
                findCjk(t, inTitle, i, out, organisations);
                i++;
                continue;
            }
            if (isAcronym(t.text())) {
                String org = Organisations.byAcronym(t.text());
                if (org != null) {
                    organisations.add(org);
                    i++;
                    continue;
                }
                Place[] a = gazetteer.abbreviation(t.text().replace(".", ""));
                if (a != null) {
                    out.add(new Mention(t.text(), a, inTitle, t.sentenceStart(), i, 1));
                    i++;
                    continue;
                }
            }
            int matched = 0;
            for (int len = Math.min(gazetteer.maxTokens, n - i); len >= 1 && matched == 0; len--) {
                Token last = tokens.get(i + len - 1);
                if (len > 1 && (!last.capitalised() || last.sentenceStart())) continue;
                String key = key(tokens, i, len);
                String org = Organisations.byKey(key);
                if (org != null) {
                    organisations.add(org);
                    matched = len;
                    break;
                }
                Place[] places = gazetteer.lookup(key);
                if (places == null) continue;
                matched = len;
                if (len == 1 && (lowerWords.contains(key) || NOT_PLACES.contains(key))) break;
                if (len == 1 && followedByName(tokens, i, places)) break;
                if (len == 1 && afterNameOrTitle(tokens, i)) {
                    personKeys.add(key);
                    break;
                }
                var m = new Mention(key, places, inTitle, t.sentenceStart(), i, len);
                m.adminAfterComma = adminAfterComma(s, tokens, i + len);
                out.add(m);
            }
            i += Math.max(1, matched);
        }
    }

    private void findCjk(Token t, boolean inTitle, int index, List<Mention> out, Set<String> organisations) {
        String s = t.text();
        for (int i = 0; i < s.length(); ) {
            int matched = 0;
            for (int len = Math.min(gazetteer.maxCjkChars, s.length() - i); len >= 2; len--) {
                String key = s.substring(i, i + len);
                String org = Organisations.byKey(key);
                if (org != null) {
                    organisations.add(org);
                    matched = len;
                    break;
                }
                Place[] places = gazetteer.lookup(key);
                if (places != null) {
                    out.add(new Mention(key, places, inTitle, false, index, 1));
                    matched = len;
                    break;
                }
            }
            i += Math.max(1, matched);
        }
    }

    private static boolean isAcronym(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') continue;
            if (Character.isLowerCase(c)) return false;
            letters++;
        }
        return letters >= 2 && letters <= 6;
    }

    private static String key(List<Token> tokens, int from, int len) {
        if (len == 1) return Gazetteer.fold(tokens.get(from).text());
        var sb = new StringBuilder();
        for (int k = from; k < from + len; k++) {
            if (k > from) sb.append(' ');
            sb.append(Gazetteer.fold(tokens.get(k).text()));
        }
        return sb.toString();
    }

    private static @Nullable String adminAfterComma(String s, List<Token> tokens, int next) {
        if (next >= tokens.size()) return null;
        Token prev = tokens.get(next - 1), t = tokens.get(next);
        if (!s.substring(prev.end(), t.start()).trim().equals(",")) return null;
        String code = t.text();
        if (code.length() == 2 && Character.isUpperCase(code.charAt(0)) && Character.isUpperCase(code.charAt(1))) return code;
        return null;
    }

    /**
     * "Michael Jordan", "Mr. Clinton": a title or a capitalised word (not opening a sentence) just before a
     * single name; "Paris Hilton", "Toyota Motor": a capitalised word that is no place just after it.
     */
    private boolean followedByName(List<Token> tokens, int i, Place[] places) {
        if (i + 1 >= tokens.size() || isCountryName(places)) return false;
        Token cur = tokens.get(i), next = tokens.get(i + 1);
        String nk = Gazetteer.fold(next.text());
        return next.start() - cur.end() == 1 && Character.isUpperCase(next.text().codePointAt(0)) && !next.sentenceStart()
                && !isAcronym(next.text()) && gazetteer.lookup(nk) == null && !NOT_PLACES.contains(nk);
    }

    private boolean afterNameOrTitle(List<Token> tokens, int i) {
        if (i == 0 || tokens.get(i).sentenceStart()) return false;
        Token prev = tokens.get(i - 1);
        Token cur = tokens.get(i);
        if (cur.start() - prev.end() > 2) return false;
        String p = Gazetteer.fold(prev.text());
        if (TITLES.contains(p)) return true;
        if (!prev.capitalised() || !Character.isUpperCase(prev.text().codePointAt(0)) || isAcronym(prev.text())) return false;
        if (NOT_PLACES.contains(p) || p.equals("the") || p.equals("new") || p.equals("north") || p.equals("south")) return false;
        // the word before is a place itself ("Kansas City, Missouri" aside): then both are places
        return gazetteer.lookup(p) == null;
    }

    private static boolean isCountryName(Place[] places) {
        for (Place p : places)
            if (p.kind() == Kind.COUNTRY || p.kind() == Kind.DEMONYM || p.kind() == Kind.ABBREVIATION) return true;
        return false;
    }

    private static @Nullable String onlyCountry(Place[] places) {
        String c = places[0].iso2();
        for (Place p : places) if (!p.iso2().equals(c)) return null;
        return c;
    }

    private static boolean decisive(Mention m) {
        for (Place p : m.places)
            if (p.kind() != Kind.CITY || p.population() >= 100_000) return true;
        return false;
    }

    private static void resolve(List<Mention> mentions, Map<String, Set<String>> evidence, Set<String> statesNamed,
            Set<String> citiesStates, @Nullable String source, List<Token> titleTokens, List<Token> textTokens) {
        for (Mention m : mentions) {
            List<Token> tokens = m.inTitle ? titleTokens : textTokens;
            boolean stateContext = stateContext(tokens, m.tokenIndex, m.length);
            Place best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            boolean bestSupported = false;
            for (Place p : m.places) {
                Set<String> ev = evidence.get(p.iso2());
                int others = 0;
                if (ev != null) others = ev.contains(m.key) ? ev.size() - 1 : ev.size();
                boolean inNamedState = (p.kind() == Kind.CITY || p.kind() == Kind.CAPITAL)
                        && statesNamed.contains(p.iso2() + ':' + p.admin1());
                boolean codeAfter = p.admin1().equals(m.adminAfterComma);
                double score = switch (p.kind()) {
                    // the population only breaks ties between countries sharing a name ("American")
                    case COUNTRY, ABBREVIATION -> 10 + p.population() / 1e10;
                    case DEMONYM -> 8 + p.population() / 1e10;
                    case COUNTY -> 9;
                    case STATE -> 5 + Math.log10(Math.max(p.population(), 10_000)) / 2 + (stateContext ? 4 : 0)
                            + (citiesStates.contains(p.iso2() + ':' + p.admin1()) ? 3 : 0);
                    case CAPITAL -> 3 + Math.log10(Math.max(p.population(), 1000)) / 2;
                    case CITY -> Math.log10(Math.max(p.population(), 1000)) - 1;
                };
                score += 2.5 * Math.min(others, 3) + (inNamedState ? 4 : 0) + (codeAfter ? 6 : 0)
                        + (p.iso2().equals(source) ? 2 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = p;
                    bestSupported = others > 0 || inNamedState || codeAfter;
                }
            }
            m.chosen = best != null && accepted(m, best, bestSupported) ? best : null;
        }
    }

    /** A town nothing else supports must be big to count; bigger still when it opens a sentence. */
    private static boolean accepted(Mention m, Place p, boolean supported) {
        if (supported) return true;
        return switch (p.kind()) {
            case CITY -> p.population() >= (m.sentenceStart ? CITY_ALONE_AT_SENTENCE_START : CITY_ALONE);
            case STATE -> p.population() >= STATE_ALONE;
            default -> true;
        };
    }

    private static boolean stateContext(List<Token> tokens, int i, int len) {
        for (int k = Math.max(0, i - 2); k < Math.min(tokens.size(), i + len + 2); k++) {
            if (k >= i && k < i + len) continue;
            if (STATE_WORDS.contains(Gazetteer.fold(tokens.get(k).text()))) return true;
        }
        return false;
    }
}
