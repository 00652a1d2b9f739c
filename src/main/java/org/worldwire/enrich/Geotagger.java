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
    /** English prepositions of place: the capitalised word after them is a place more often than not. */
    private static final Set<String> LOCATIVES = Set.of("in", "near", "at", "outside", "around");
    /** Street words: a place name just before one names a street ("Flanders Road"); postal street suffixes. */
    private static final Set<String> STREETS = Set.of("street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "lane", "ln",
            "boulevard", "blvd", "pike", "highway", "hwy", "parkway", "pkwy", "terrace", "crescent", "way");
    /** Words that make a new place name of the one after them: "New England" is not England, "Mt. Vernon" not Vernon. */
    private static final Set<String> NAME_PREFIXES = Set.of("new", "mount", "mt", "fort", "ft", "port", "nueva", "nuevo",
            "nouvelle", "nouveau", "nova", "novo", "neu");
    /** Titles after which a capitalised word is a name of a person, not a place ("Mr. Jordan", "Gov. Perdue"). */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "gov", "sen", "rep", "sgt", "lt", "col",
            "gen", "capt", "president", "coach", "judge", "sir", "lady", "lord", "pastor", "rev", "saint", "st");

    /** Population a town needs to count when nothing else in the article points to its country. */
    static final int CITY_ALONE = 50_000;
    static final int CITY_ALONE_AT_SENTENCE_START = 1_000_000;
    /** ...or, when it is also a common first name ("Mary", "David"), this much. */
    static final int FIRST_NAME_ALONE = 200_000;
    /** ...or, after "in", "near" or "at" in an English text, this much. */
    static final int CITY_LOCATED = 5_000;
    /** ...or, when the article is about another country, this much. */
    static final int CITY_ABROAD = 500_000;
    /** ...or, when the article names it twice or more, this much. */
    static final int CITY_REPEATED = 20_000;
    /** A state's score over the logarithm of its population, so that Texas outweighs a town but not a country. */
    static final double STATE_BASE = 1;
    /** Weight of the number of namesakes a country has ("Hanover" five times in the US). */
    static final double NAMESAKES = 1;
    /** Population a state needs to count when nothing else points to its country. */
    static final int STATE_ALONE = 500_000;
    /** What the source's own country adds: enough to tip a state against a namesake country, not against evidence. */
    static final double SOURCE_PRIOR = 3;
    /**
     * The population a subdivision without a known one (an English county, a London borough) is weighed as: a
     * sizeable town, so that it wins with its country's evidence around it and loses to a bigger namesake without.
     */
    static final int SUBDIVISION_POPULATION = 100_000;

    private final Gazetteer gazetteer;
    private final Words words;

    private Geotagger(Gazetteer gazetteer, Words words) {
        this.gazetteer = gazetteer;
        this.words = words;
    }

    /** The bundled gazetteer, read once per process (about a second; then shared). */
    public static Geotagger load() {
        Geotagger g = shared;
        if (g == null) {
            synchronized (Geotagger.class) {
                g = shared;
                if (g == null) shared = g = new Geotagger(Gazetteer.read(), Words.read());
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
        /** "Paris, TX", "Friedensburg, Pa.": the state a town is placed in by the abbreviation after a comma. */
        @Nullable Set<String> adminAfterComma;
        /** "MIDDLETOWN — The mayor said...": the all-capitals place that opens a report names where it was written. */
        boolean dateline;
        /** "a fire in Scottdale": a preposition of place just before the name. */
        boolean located;
        /** "Flanders Road": a street named after the place, which counts only when the article backs that place. */
        boolean street;
        /** "Athens City Council", "Jordan Elementary": a town's own body, so the name is a town, not a capital or a country. */
        boolean municipal;
        /** "508 Cumberland St., Lebanon": the name after a street address is its town, not a country or a state. */
        boolean addressTown;
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
        List<Token> titleTokens = splitCompounds(Tokens.tokens(title));
        List<Token> textTokens = splitCompounds(Tokens.tokens(text));
        if (source == null) source = WritingConventions.likelyCountry(text, textTokens);
        Set<String> lowerWords = lowerCaseWords(titleTokens, textTokens);
        var personKeys = new HashSet<String>();
        find(title, titleTokens, true, mentions, organisations, lowerWords, personKeys);
        find(text, textTokens, false, mentions, organisations, lowerWords, personKeys);
        // A name once used for a person or a firm ("Barack Obama", "Toyota Motor") is one everywhere in the article.
        // A country named like a person ("Chad Foster", "Georgia Stevens") is that person everywhere too.
        if (!personKeys.isEmpty())
            mentions.removeIf(m -> personKeys.contains(m.key) && (!isCountryName(m.places) || words.firstName(m.key)));
        if (mentions.isEmpty()) return ownCountryOnly(source, organisations);

        // One sense per article: a town once placed in a state ("EDMONTON, Ky") is that town wherever it is named.
        Map<String, Set<String>> placedIn = null;
        for (Mention m : mentions)
            if (m.adminAfterComma != null) (placedIn == null ? placedIn = new HashMap<>() : placedIn).putIfAbsent(m.key, m.adminAfterComma);
        if (placedIn != null)
            for (Mention m : mentions) if (m.adminAfterComma == null) m.adminAfterComma = placedIn.get(m.key);

        // One sense per article: a name once used for a street ("Rivers Avenue") is the street's wherever it stands
        // bare ("near Rivers and Stokes"), so it too counts only if the article backs that place otherwise.
        Set<String> streets = null;
        for (Mention m : mentions) if (m.street) (streets == null ? streets = new HashSet<>() : streets).add(m.key);
        if (streets != null) for (Mention m : mentions) m.street |= streets.contains(m.key);

        // Pass 1: evidence from names that can only mean one country (a country name, a big city).
        Map<String, Set<String>> evidence = new HashMap<>();
        Map<String, Set<String>> statesNamed = new HashMap<>();
        Map<String, Set<String>> citiesStates = new HashMap<>();
        for (Mention m : mentions) {
            String only = onlyCountry(m.places);
            if (only != null && decisive(m) && !m.street) evidence.computeIfAbsent(only, k -> new HashSet<>()).add(m.key);
            for (Place p : m.places) {
                if (p.kind() == Kind.STATE) statesNamed.computeIfAbsent(p.iso2() + ':' + p.admin1(), k -> new HashSet<>()).add(m.key);
                if ((p.kind() == Kind.CITY || p.kind() == Kind.CAPITAL) && p.population() >= 50_000)
                    citiesStates.computeIfAbsent(p.iso2() + ':' + p.admin1(), k -> new HashSet<>()).add(m.key);
            }
        }
        boolean english = english(textTokens.isEmpty() ? titleTokens : textTokens);
        resolve(mentions, evidence, statesNamed, citiesStates, source, titleTokens, textTokens, english);
        // Pass 2: the same with the evidence of every name settled in pass 1, and the states of its towns and
        // counties ("Fulton County" speaks for Georgia the state).
        Map<String, Set<String>> settled = new HashMap<>();
        for (Mention m : mentions) {
            if (m.chosen == null) continue;
            settled.computeIfAbsent(m.chosen.iso2(), k -> new HashSet<>()).add(m.key);
            Kind k = m.chosen.kind();
            if (k == Kind.CITY || k == Kind.CAPITAL || (k == Kind.COUNTY && m.places.length <= 3))
                for (Place p : m.places)
                    if (p.iso2().equals(m.chosen.iso2()) && (k == Kind.COUNTY || p == m.chosen))
                        citiesStates.computeIfAbsent(p.iso2() + ':' + p.admin1(), x -> new HashSet<>()).add(m.key);
        }
        resolve(mentions, settled, statesNamed, citiesStates, source, titleTokens, textTokens, english);

        if (explain != null)
            for (Mention m : mentions) explain.add(m.key + (m.inTitle ? "@title" : "") + " -> " + (m.chosen == null ? "-" : m.chosen));
        var weights = new LinkedHashMap<String, Integer>();
        for (Mention m : mentions) {
            if (m.chosen == null) continue;
            weights.merge(m.chosen.iso2(), m.inTitle ? 3 : 1, Integer::sum);
        }
        if (weights.isEmpty()) return ownCountryOnly(source, organisations);
        int max = weights.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> primary = weights.entrySet().stream()
                .filter(e -> e.getValue() * 2 >= max)
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(3)
                .map(Map.Entry::getKey)
                .toList();
        return new GeoTags(List.copyOf(weights.keySet()), primary, List.copyOf(organisations));
    }

    /**
     * An article that names no place we can settle ("Bike rider shot on County Road 225", an obituary, a school
     * notice) is local news: its readers need no country named because it is their own. Then the source's country,
     * or the one whose writing conventions the text follows, is the article's country.
     */
    private static GeoTags ownCountryOnly(@Nullable String source, Set<String> organisations) {
        List<String> own = source == null ? List.of() : List.of(source);
        return new GeoTags(own, own, List.copyOf(organisations));
    }

    /**
     * "Egypt-US relations", "Israeli-Egyptian peace", "Athens-Clarke County": a hyphenated word that is no name
     * itself ("Guinea-Bissau" is) is read as its parts.
     */
    private List<Token> splitCompounds(List<Token> tokens) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String text = t.text();
            int dash = text.indexOf('-');
            boolean split = dash > 0 && t.capitalised() && !knownPlace(t.folded());
            if (split && out == null) out = new ArrayList<>(tokens.subList(0, i));
            if (!split) {
                if (out != null) out.add(t);
                continue;
            }
            int from = 0;
            for (int k = 0; k <= text.length(); k++) {
                if (k < text.length() && text.charAt(k) != '-') continue;
                if (k > from) {
                    String part = text.substring(from, k);
                    out.add(new Token(part, Gazetteer.fold(part), t.start() + from, t.start() + k, from == 0 && t.sentenceStart()));
                }
                from = k + 1;
            }
        }
        return out == null ? tokens : out;
    }

    private static Set<String> lowerCaseWords(List<Token> a, List<Token> b) {
        var out = HashSet.<String>newHashSet(a.size() + b.size()); // sized once: growing it was a tenth of the time
        for (List<Token> list : List.of(a, b))
            for (Token t : list)
                if (Character.isLowerCase(t.text().codePointAt(0))) out.add(t.folded());
        return out;
    }

    private void find(String s, List<Token> tokens, boolean inTitle, List<Mention> out, Set<String> organisations, Set<String> lowerWords,
            Set<String> personKeys) {
        int n = tokens.size();
        boolean titleCase = inTitle && titleCase(tokens);
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
            Place[] state = stateAbbreviation(s, tokens, i, out);
            if (state != null) {
                out.add(new Mention(t.text() + '.', state, inTitle, false, i, 1)); // "Man." the province, not "man"
                i++;
                continue;
            }
            int matched = 0;
            // Only spans as long as some name beginning with this word: no key is made for the others.
            int longest = Math.max(gazetteer.longestFrom(t.folded()), Organisations.longestFrom(t.folded()));
            for (int len = Math.min(Math.min(gazetteer.maxTokens, longest), n - i); len >= 1 && matched == 0; len--) {
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
                if (places == null && len == 1) places = gazetteer.lookupInflected(key);
                // a name of small towns alone only where the article places it, the only places one may count (see resolve)
                if (places == null && placedHere(s, tokens, i, len)) places = gazetteer.smallTowns(key);
                if (places == null) continue;
                matched = len;
                if (len == 1 && (lowerWords.contains(key) || NOT_PLACES.contains(key))) break;
                // "George Bush Jr": after a first name the word is a surname even when a name follows it too, so it is
                // remembered as a person's ("the Bush administration") before the name after it is looked at
                if (len == 1 && (afterNameOrTitle(tokens, i, titleCase) || ageAfter(s, tokens, i) && !isCountryName(places))) {
                    personKeys.add(key);
                    break;
                }
                if (len == 1 && followedByName(tokens, i, places, key)) {
                    if (words.firstName(key)) personKeys.add(key);
                    break;
                }
                if (len == 1 && namePrefixBefore(tokens, i)) break;
                Place[] counties = len == 1 ? countiesNamed(tokens, i) : null;
                if (counties != null) places = counties;
                var m = new Mention(key, places, inTitle, t.sentenceStart(), i, len);
                m.street = streetAfter(tokens, i + len) || business(tokens, i + len, places);
                m.located = i > 0 && LOCATIVES.contains(tokens.get(i - 1).folded()) && tokens.get(i).start() - tokens.get(i - 1).end() == 1;
                m.municipal = !words.common(key) && municipal(tokens, i, len); // not "City" of "City Council"
                m.addressTown = afterAddress(s, tokens, i);
                m.adminAfterComma = adminAfterComma(s, tokens, i + len, out);
                m.dateline = dateline(s, tokens, i, len);
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
        if (len == 1) return tokens.get(from).folded();
        int length = len - 1;
        for (int k = from; k < from + len; k++) length += tokens.get(k).folded().length();
        var sb = new StringBuilder(length); // sized once: grown from 16 chars, it was copied once or twice per key
        for (int k = from; k < from + len; k++) {
            if (k > from) sb.append(' ');
            sb.append(tokens.get(k).folded());
        }
        return sb.toString();
    }

    /** The first-level codes of the state that a comma and a code or abbreviation put the town before in. */
    private @Nullable Set<String> adminAfterComma(String s, List<Token> tokens, int next, List<Mention> found) {
        if (next >= tokens.size()) return null;
        Token prev = tokens.get(next - 1), t = tokens.get(next);
        if (!onlyComma(s, prev.end(), t.start())) return null;
        String code = t.text();
        if (code.length() == 2 && Character.isUpperCase(code.charAt(0)) && Character.isUpperCase(code.charAt(1))) return Set.of(code);
        Place[] states = stateAbbreviation(s, tokens, next, found);
        if (states == null) return null;
        var admins = new HashSet<String>();
        for (Place p : states) admins.add(p.admin1());
        return admins;
    }

    /**
     * "Friedensburg, Pa.", "Edmonton, Ky", "Charleston, W.Va.", "Churchill, Man.": after a capitalised word and a
     * comma, a short abbreviation spelt from a state's name as news agencies write them names that state.
     */
    private Place @Nullable [] stateAbbreviation(String s, List<Token> tokens, int i, List<Mention> found) {
        if (i == 0) return null;
        Token prev = tokens.get(i - 1), t = tokens.get(i);
        String text = t.text();
        if (text.length() > 6 || !Character.isUpperCase(text.charAt(0)) || !prev.capitalised()
                || !onlyComma(s, prev.end(), t.start())) return null;
        // "St. Petersburg", "Mt. Vernon": the start of a longer name
        if (NAME_PREFIXES.contains(t.folded()) || t.folded().equals("st") || t.folded().equals("ste")
                || (i + 1 < tokens.size() && knownPlace(key(tokens, i, 2)))) return null;
        boolean dotted = text.indexOf('.') > 0 || (t.end() < s.length() && s.charAt(t.end()) == '.') || s.charAt(t.end() - 1) == '.';
        boolean allCaps = text.equals(text.toUpperCase(Locale.ROOT));
        if (allCaps && !dotted) {
            // "Paris, TX" names a state only after a known town: "Jane Doe, MD" is a doctor
            if (found.isEmpty() || found.getLast().tokenIndex + found.getLast().length != i) return null;
        } else if (!dotted && text.length() != 2) {
            return null;
        }
        return gazetteer.stateAbbreviation(text);
    }

    /**
     * Bodies that towns have and capitals or countries are not called by in the news, just after the name
     * ("Paris City Council", "Alexandria City Public Schools", "Jordan Elementary School"), or "Town of" before it.
     */
    private static final List<List<String>> MUNICIPAL_AFTER = List.of(List.of("city", "council"), List.of("city", "public", "schools"),
            List.of("city", "schools"), List.of("high", "school"), List.of("elementary"), List.of("middle", "school"),
            List.of("junior", "college"), List.of("public", "schools"), List.of("township"), List.of("town", "council"),
            List.of("parks", "and", "recreation"), List.of("board", "of", "education"), List.of("school", "board"),
            List.of("police", "department"), List.of("fire", "department"), List.of("city", "manager"));
    /** The words that open one of {@link #MUNICIPAL_AFTER}. */
    private static final Set<String> MUNICIPAL_STARTS =
            MUNICIPAL_AFTER.stream().map(List::getFirst).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> MUNICIPAL_BEFORE = Set.of("town", "township", "village", "borough");

    private static boolean municipal(List<Token> tokens, int i, int len) {
        int next = i + len;
        // asked after every capitalised word that is no name (placedHere): the first word rules most out at once
        if (next < tokens.size() && MUNICIPAL_STARTS.contains(tokens.get(next).folded())) {
            for (List<String> words : MUNICIPAL_AFTER) {
                if (next + words.size() > tokens.size()) continue;
                boolean all = true;
                for (int k = 0; k < words.size() && all; k++) all = tokens.get(next + k).folded().equals(words.get(k));
                if (all) return true;
            }
        }
        return i >= 2 && tokens.get(i - 1).folded().equals("of") && Character.isUpperCase(tokens.get(i - 2).text().charAt(0))
                && MUNICIPAL_BEFORE.contains(tokens.get(i - 2).folded());
    }


    /** A headline In Which Most Words Are Capitalised. */
    private static boolean titleCase(List<Token> tokens) {
        int upper = 0;
        for (Token t : tokens) if (Character.isUpperCase(t.text().codePointAt(0))) upper++;
        return tokens.size() >= 3 && upper * 10 >= tokens.size() * 7;
    }

    /**
     * "Geauga and Medina counties", "Nassau and Baker counties": a name before the word county is the county of that name,
     * not the Saudi province or the Bahamian capital.
     */
    private Place @Nullable [] countiesNamed(List<Token> tokens, int i) {
        int after = i + 1;
        // "Nassau and Baker counties": both are counties
        if (after + 2 < tokens.size() && tokens.get(after).folded().equals("and") && tokens.get(after + 1).capitalised()
                && tokens.get(after + 2).folded().endsWith("ies")) after += 2;
        if (after >= tokens.size()) return null;
        String next = tokens.get(after).folded();
        String word = switch (next) {
            case "county", "counties" -> " county";
            case "parish", "parishes" -> " parish";
            default -> null;
        };
        return word == null ? null : gazetteer.lookup(tokens.get(i).folded() + word);
    }

    /** "Joshua, 4, ran ahead": a name with an age after it is a person's. */
    private static boolean ageAfter(String s, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) return false;
        Token cur = tokens.get(i), next = tokens.get(i + 1);
        String age = next.text();
        if (age.isEmpty() || age.length() > 3 || !onlyComma(s, cur.end(), next.start())) return false;
        for (int k = 0; k < age.length(); k++) if (!Character.isDigit(age.charAt(k))) return false;
        return next.end() < s.length() && s.charAt(next.end()) == ',';
    }

    /** Whether the text between two words is a comma and spaces. */
    private static boolean onlyComma(String s, int from, int to) {
        int commas = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == ',') commas++;
            else if (!Character.isWhitespace(c)) return false;
        }
        return commas == 1;
    }

    /**
     * "508 Cumberland St., Lebanon", "165 Main Street, Paris": a house number, a street's name and kind and a comma
     * before the name.
     */
    private static boolean afterAddress(String s, List<Token> tokens, int i) {
        if (i < 3) return false;
        Token kind = tokens.get(i - 1);
        if (!Character.isUpperCase(kind.text().codePointAt(0)) || !STREETS.contains(kind.folded())) return false;
        int comma = s.indexOf(',', kind.end());
        if (comma < 0 || comma >= tokens.get(i).start()) return false;
        for (int c = kind.end(); c < tokens.get(i).start(); c++)
            if (c != comma && s.charAt(c) != '.' && !Character.isWhitespace(s.charAt(c))) return false;
        // the street's name, perhaps after a compass initial ("1154 S. Seventh St."): one to three capitalised words
        for (int k = i - 2; k >= Math.max(0, i - 5); k--) {
            Token w = tokens.get(k);
            if (WritingConventions.isNumber(w.text())) return k < i - 2;
            if (!w.capitalised()) return false;
        }
        return false;
    }

    /**
     * "Rivers Avenue", "Flanders Road": a street named after a place need not lie in it. "Rivers and Stokes avenues"
     * names two streets, with the street word after the last.
     */
    private static boolean streetAfter(List<Token> tokens, int next) {
        if (next >= tokens.size()) return false;
        Token t = tokens.get(next);
        if (t.start() - tokens.get(next - 1).end() != 1) return false;
        if (Character.isUpperCase(t.text().codePointAt(0)) && STREETS.contains(t.folded())) return true;
        if (STREETS_PLURAL.contains(t.folded())) return true;
        return next + 2 < tokens.size() && t.folded().equals("and") && tokens.get(next + 1).capitalised()
                && STREETS_PLURAL.contains(tokens.get(next + 2).folded());
    }

    private static final Set<String> STREETS_PLURAL = Set.of("streets", "roads", "avenues", "drives", "lanes", "boulevards");
    /**
     * What a name of a restaurant, a shop or a block of flats ends with: "Yokohama Japanese Restaurant", "Greek and
     * Italian Grill", "Spanish Oaks Apartments" are businesses named for a place's style or fame, not in it.
     */
    private static final Set<String> VENUES = Set.of("restaurant", "grill", "cafe", "café", "bistro", "kitchen", "bakery",
            "deli", "pizzeria", "diner", "tavern", "pub", "steakhouse", "buffet", "eatery", "cantina", "apartments", "immersion");
    /** After a demonym, a word of cooking: "Mexican food", "Polish sausage" say a cuisine, not a country. */
    private static final Set<String> CUISINE = Set.of("food", "foods", "cuisine", "restaurant", "restaurants", "dish", "dishes",
            "sausage", "sausages", "fries", "dressing", "cooking", "immersion");

    /**
     * Whether the name opens, or stands inside, a business's name ({@link #VENUES}), or is a demonym before a word of
     * cooking ({@link #CUISINE}): like a street, it then counts only where the article backs that place otherwise.
     */
    private static boolean business(List<Token> tokens, int next, Place[] places) {
        if (next >= tokens.size()) return false;
        Token t = tokens.get(next);
        if (t.start() - tokens.get(next - 1).end() != 1) return false;
        if (places[0].kind() == Kind.DEMONYM && Character.isLowerCase(t.text().codePointAt(0)) && CUISINE.contains(t.folded()))
            return true;
        // the run of capitalised words after the name ("Japanese Restaurant", "and Italian Grill") ends in a venue
        for (int k = next, words = 0; k < tokens.size() && words < 4; k++, words++) {
            Token w = tokens.get(k);
            if (w.start() - tokens.get(k - 1).end() > 2 || w.sentenceStart()) return false;
            boolean joiner = w.folded().equals("and") && k + 1 < tokens.size() && tokens.get(k + 1).capitalised();
            if (!joiner && !Character.isUpperCase(w.text().codePointAt(0))) return false;
            if (VENUES.contains(w.folded())) return true;
        }
        return false;
    }

    /** "New England", "Mt. Vernon", "Fort Mill": with such a word before it, a name is another, unknown place. */
    private static boolean namePrefixBefore(List<Token> tokens, int i) {
        if (i == 0 || tokens.get(i).sentenceStart()) return false;
        Token prev = tokens.get(i - 1);
        return Character.isUpperCase(prev.text().codePointAt(0)) && NAME_PREFIXES.contains(prev.folded())
                && tokens.get(i).start() - prev.end() <= 2;
    }

    /** An all-capitals name opening a sentence and followed by a dash, a comma or a bracket: a dateline. */
    private static boolean dateline(String s, List<Token> tokens, int i, int len) {
        Token first = tokens.get(i), last = tokens.get(i + len - 1);
        if (!first.sentenceStart()) return false;
        for (int k = i; k < i + len; k++) {
            String w = tokens.get(k).text();
            if (w.length() < 2 || !allCapitals(w)) return false;
        }
        for (int c = last.end(); c < s.length(); c++) {
            char ch = s.charAt(c);
            if (ch == ' ' || ch == '\u00a0') continue;
            return ch == ',' || ch == '—' || ch == '–' || ch == '-' || ch == '(';
        }
        return false;
    }

    /**
     * Whether upper-casing leaves the word as it is. ASCII is settled char by char; any other word is upper-cased, as
     * Unicode's special casings (the German sharp s becomes two letters) need: upper-casing every word that opens a
     * sentence was a twentieth of the bytes ingest allocated.
     */
    private static boolean allCapitals(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 0x80) return w.equals(w.toUpperCase(Locale.ROOT));
            if (c >= 'a' && c <= 'z') return false;
        }
        return true;
    }

    /**
     * "Paris Hilton", "Chad Foster": a capitalised word just after a single name that is no place (or, after a
     * first name, any name) makes it a person's or a firm's. A capitalised ordinary word does not: "Gainesville
     * Police", "Virginia Department of Education", "Jordan Elementary" name a body of the place.
     */
    private boolean followedByName(List<Token> tokens, int i, Place[] places, String key) {
        if (i + 1 >= tokens.size()) return false;
        boolean firstName = words.firstName(key);
        if (!firstName && isCountryName(places)) return false;
        Token cur = tokens.get(i), next = tokens.get(i + 1);
        String nk = next.folded();
        if (next.start() - cur.end() != 1 || !Character.isUpperCase(next.text().codePointAt(0)) || next.sentenceStart()
                || isAcronym(next.text()) || NOT_PLACES.contains(nk) || words.common(nk)) return false;
        return firstName || !knownPlace(nk);
    }

    private boolean afterNameOrTitle(List<Token> tokens, int i, boolean titleCase) {
        if (i == 0 || tokens.get(i).sentenceStart()) return false;
        Token prev = tokens.get(i - 1);
        Token cur = tokens.get(i);
        // "Robert M. Perez": an initial and its dot
        if (prev.text().length() == 1 && Character.isUpperCase(prev.text().charAt(0)) && cur.start() - prev.end() == 2) return true;
        if (cur.start() - prev.end() != 1) return false; // "Kingston, Ontario" is two places
        String p = prev.folded();
        if (TITLES.contains(p)) return true;
        // in "Rethinking Egypt-US Relations" every word is capitalised: only a first name tells a person
        if (titleCase) return words.firstName(p);
        if (!prev.capitalised() || !Character.isUpperCase(prev.text().codePointAt(0)) || isAcronym(prev.text())) return false;
        // "Over Texas", "A Gainesville man": an ordinary word is no first name
        if (NOT_PLACES.contains(p) || words.common(p) || p.equals("new") || p.equals("north") || p.equals("south")) return false;
        // the word before is a well-known place itself ("Turkish Cyprus"): then both are places
        Place[] before = gazetteer.lookup(p);
        if (before == null) return true;
        for (Place b : before)
            if (b.kind() == Kind.COUNTRY || b.kind() == Kind.DEMONYM || b.population() >= 1_000_000) return false;
        return true;
    }

    /**
     * Whether a name is a place bigger than a small town: the guards that tell people and firms from places ask this,
     * as tens of thousands of small towns are named like surnames and words. (Every name {@link Gazetteer#lookup}
     * knows is one: the names of small towns alone are apart.)
     */
    private boolean knownPlace(String key) {
        return gazetteer.lookup(key) != null;
    }

    /**
     * Whether the article itself places the name at {@code i} (of {@code len} words): a comma and a capitalised word
     * after it ("Denmark, S.C.", "Bruton, Virginia"), a dateline, a street address before it, or a town's own body
     * after it or "Town of" before it. Only there is a name that only small towns bear looked for: tens of thousands
     * of them are named like people and words, and every capitalised word is a lookup, while a small town counts
     * almost only where it is placed so (see {@link #resolve}; one named like a bigger place comes with that place's
     * name, and a state named anywhere in the article may still make it the small town). Checked on the words
     * around the name, before any lookup.
     */
    private static boolean placedHere(String s, List<Token> tokens, int i, int len) {
        int next = i + len;
        if (next < tokens.size()) {
            Token after = tokens.get(next);
            if (Character.isUpperCase(after.text().codePointAt(0)) && onlyComma(s, tokens.get(next - 1).end(), after.start())) return true;
        }
        return dateline(s, tokens, i, len) || afterAddress(s, tokens, i) || municipal(tokens, i, len);
    }

    private static boolean isCountryName(Place[] places) {
        for (Place p : places)
            if (p.kind() == Kind.COUNTRY || p.kind() == Kind.DEMONYM || p.kind() == Kind.ABBREVIATION) return true;
        return false;
    }

    /** Whether names that can only mean one country speak of a country other than this one. */
    private static boolean elsewhere(Map<String, Set<String>> evidence, String iso2) {
        for (var e : evidence.entrySet()) if (!e.getKey().equals(iso2) && !e.getValue().isEmpty()) return true;
        return false;
    }

    private static boolean hasTown(Place[] places) {
        for (Place p : places) if (isTown(p.kind())) return true;
        return false;
    }

    /** A town of any size: what the gazetteer knows as a city or a small town. */
    private static boolean isTown(Kind kind) {
        return kind == Kind.CITY || kind == Kind.SMALL_TOWN;
    }

    private static @Nullable String onlyCountry(Place[] places) {
        String c = places[0].iso2();
        for (Place p : places) if (!p.iso2().equals(c)) return null;
        return c;
    }

    private static boolean decisive(Mention m) {
        for (Place p : m.places)
            if (!isTown(p.kind()) || p.population() >= 100_000) return true;
        return false;
    }

    private void resolve(List<Mention> mentions, Map<String, Set<String>> evidence, Map<String, Set<String>> statesNamed,
            Map<String, Set<String>> citiesStates, @Nullable String source, List<Token> titleTokens, List<Token> textTokens,
            boolean english) {
        var repeats = new HashMap<String, Integer>();
        Set<String> municipal = new HashSet<>();
        Set<String> addressTowns = new HashSet<>();
        for (Mention m : mentions) {
            repeats.merge(m.key, 1, Integer::sum);
            if (m.municipal) municipal.add(m.key);
            if (m.addressTown) addressTowns.add(m.key);
        }
        for (Mention m : mentions) {
            List<Token> tokens = m.inTitle ? titleTokens : textTokens;
            boolean stateContext = stateContext(tokens, m.tokenIndex, m.length);
            // Namesakes are pooled per country: six American Hanovers say more than one Jamaican parish.
            var byCountry = new HashMap<String, double[]>(); // iso2 -> {best score, namesakes, population sum, supported}
            var bestPlace = new HashMap<String, Place>();
            // one sense per article: a name once used for a town's own body is the town wherever it stands
            boolean townsOnly = municipal.contains(m.key) && hasTown(m.places);
            // one sense per article too: a name once written as an address's town is a town (or a capital) everywhere
            boolean addressTown = !townsOnly && addressTowns.contains(m.key) && hasTown(m.places);
            for (Place p : m.places) {
                if (townsOnly && !isTown(p.kind())) continue;
                if (addressTown && !isTown(p.kind()) && p.kind() != Kind.CAPITAL) continue;
                Set<String> ev = evidence.get(p.iso2());
                int others = 0;
                if (ev != null) others = ev.contains(m.key) ? ev.size() - 1 : ev.size();
                boolean inNamedState = (isTown(p.kind()) || p.kind() == Kind.CAPITAL)
                        && namedByOthers(statesNamed.get(p.iso2() + ':' + p.admin1()), m.key); // not "Mary" by the province Mary
                boolean codeAfter = m.adminAfterComma != null && m.adminAfterComma.contains(p.admin1());
                // a town of a few thousand counts only where the article places it: its state named, "Town, ST", a
                // dateline, or an address or the town's own bodies ("Bruton High School") in an article that names its
                // country otherwise. Other places of its country alone are not enough (small towns are named like
                // everything), and it never outweighs a country on its name alone.
                if (p.kind() == Kind.SMALL_TOWN
                        && !(inNamedState || codeAfter || m.dateline || ((townsOnly || addressTown) && others > 0))) continue;
                double score = switch (p.kind()) {
                    // a territory of a few thousand people is no surer than a town ("Norfolk", "Man")
                    case COUNTRY, ABBREVIATION -> p.population() >= 1_000_000 ? 10 + p.population() / 1e10
                            : 3 + Math.log10(Math.max(p.population(), 1)) / 2; // scored as a capital of that size
                    case DEMONYM -> 8 + p.population() / 1e10;
                    case COUNTY -> 9;
                    case STATE -> Math.log10(Math.max(p.population(), 1000)) + STATE_BASE + (stateContext ? 4 : 0)
                            + (namedByOthers(citiesStates.get(p.iso2() + ':' + p.admin1()), m.key) ? 3 : 0);
                    case CAPITAL -> 3 + Math.log10(Math.max(p.population(), 1000)) / 2;
                    case CITY, SMALL_TOWN -> Math.log10(Math.max(p.population(), 1000)) - 1;
                    case SUBDIVISION -> Math.log10(SUBDIVISION_POPULATION) - 1;
                };
                score += 2.5 * Math.min(others, 3) + (inNamedState ? 4 : 0) + (codeAfter ? 6 : 0)
                        + (p.iso2().equals(source) ? SOURCE_PRIOR : 0);
                double[] agg = byCountry.computeIfAbsent(p.iso2(), k -> new double[] {Double.NEGATIVE_INFINITY, 0, 0, 0});
                if (score > agg[0]) {
                    agg[0] = score;
                    bestPlace.put(p.iso2(), p);
                }
                if (p.kind() == Kind.CITY || p.kind() == Kind.CAPITAL) {
                    agg[1]++;
                    agg[2] += p.population();
                } else if (p.kind() == Kind.SUBDIVISION) {
                    agg[2] += SUBDIVISION_POPULATION;
                }
                if (others > 0 || inNamedState || codeAfter || m.dateline || townsOnly) agg[3] = 1;
            }
            String bestCountry = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (var e : byCountry.entrySet()) {
                double[] agg = e.getValue();
                double score = agg[0] + (agg[1] > 1 ? NAMESAKES * Math.log10(agg[1]) : 0);
                if (score > bestScore || (score == bestScore && e.getKey().compareTo(bestCountry) < 0)) {
                    bestScore = score;
                    bestCountry = e.getKey();
                }
            }
            if (bestCountry == null) {
                m.chosen = null;
                continue;
            }
            double[] agg = byCountry.get(bestCountry);
            Place best = bestPlace.get(bestCountry);
            // "Edmonton, Ky": a state is named and no namesake we know lies in it, so it is another town
            if (m.adminAfterComma != null && !m.adminAfterComma.contains(best.admin1())) {
                boolean any = false;
                for (Place p : m.places) any |= m.adminAfterComma.contains(p.admin1());
                if (!any) {
                    m.chosen = null;
                    continue;
                }
            }
            // a small town named again and again is the article's own only if no other country is its subject
            int named = repeats.get(m.key);
            boolean elsewhere = elsewhere(evidence, bestCountry);
            if (named >= 2 && elsewhere) named = 1;
            m.chosen = accepted(m, best, agg[3] > 0, (long) agg[2], named, english, elsewhere) ? best : null;
        }
    }

    /**
     * A place nothing else in the article supports must be big to count. Named like an ordinary English word
     * ("Nice", "Man", "Mobile") it must be supported; named like a person ("Mary", "David") it must be a big
     * city. Opening a sentence of a text that is not English, where we cannot tell words from names, a
     * town must be a city of millions; in an article about another country, a city of half a million; after
     * "in" or "near" in English, any town we know will do.
     */
    private boolean accepted(Mention m, Place p, boolean supported, long namesakesPopulation, int repeats, boolean english,
            boolean elsewhere) {
        if (supported) return true;
        if (m.street) return false;
        // the word lists are English: in other languages "Nice" is only a city
        boolean oneWord = english && m.key.indexOf(' ') < 0;
        boolean bigCountry = (p.kind() == Kind.COUNTRY || p.kind() == Kind.DEMONYM || p.kind() == Kind.ABBREVIATION)
                && p.population() >= 1_000_000;
        // ...unless it follows "in" or "near" mid-sentence, as a town of some size ("a festival in Nice")
        if (oneWord && words.common(m.key) && !bigCountry)
            return m.located && !m.sentenceStart && p.kind() == Kind.CITY && namesakesPopulation >= CITY_ALONE && !elsewhere;
        boolean town = p.kind() == Kind.CITY || p.kind() == Kind.CAPITAL || p.kind() == Kind.SUBDIVISION;
        if (oneWord && town && words.firstName(m.key)) return namesakesPopulation >= FIRST_NAME_ALONE;
        return switch (p.kind()) {
            // a town the article names again and again is its own town, however small
            case CITY, SUBDIVISION -> namesakesPopulation >= (m.sentenceStart && repeats < 2 && !english ? CITY_ALONE_AT_SENTENCE_START
                    : elsewhere ? CITY_ABROAD : m.located && english ? CITY_LOCATED : repeats >= 2 ? CITY_REPEATED : CITY_ALONE);
            case STATE -> p.population() >= STATE_ALONE;
            default -> true;
        };
    }

    /** Whether most lower-case words of the text are common English ones: then capitals tell names from words. */
    private boolean english(List<Token> tokens) {
        int lower = 0, known = 0;
        for (int i = 0; i < tokens.size() && lower < 60; i++) {
            Token t = tokens.get(i);
            if (!Character.isLowerCase(t.text().codePointAt(0))) continue;
            lower++;
            if (words.common(t.folded())) known++;
        }
        return lower >= 5 && known * 2 >= lower;
    }

    /** A big town of the state named by another name of the article ("Atlanta" for Georgia, not "Kingston" for Kingston). */
    private static boolean namedByOthers(@Nullable Set<String> keys, String own) {
        return keys != null && (keys.size() > 1 || !keys.contains(own));
    }

    private static boolean stateContext(List<Token> tokens, int i, int len) {
        for (int k = Math.max(0, i - 2); k < Math.min(tokens.size(), i + len + 2); k++) {
            if (k >= i && k < i + len) continue;
            if (STATE_WORDS.contains(tokens.get(k).folded())) return true;
        }
        return false;
    }
}
