package org.worldwire.enrich;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.worldwire.enrich.Tokens.Token;

/**
 * Where an English text was most likely written, from the conventions its writer follows without thinking: American
 * or British spelling ("center"/"centre", "traveled"/"travelled"), the currency written ($ or £), house numbers with
 * abbreviated street kinds ("2517 Memphis St."), clock times with dotted "p.m.", a dot after "Mr" or "Dr" (British
 * style drops it). A local paper's reader needs no country named, so its towns are named bare ("Athens residents",
 * "Paris firefighters"); these conventions are then the best evidence of which Athens is meant when the source's own country is unknown. They only ever stand in for
 * the source's country: a mild prior for ambiguous names, and the country of an article that names no place at all.
 *
 * <p>Spelling lists follow the standard American/British variants (Merriam-Webster and Oxford list both forms);
 * words where Oxford spelling agrees with American ("-ize") are left out, as are words both sides write alike.
 */
final class WritingConventions {
    private WritingConventions() {}

    private static final Set<String> AMERICAN = Set.of("percent", "color", "colors", "colored", "center", "centers", "centered",
            "favorite", "favorites", "neighbor", "neighbors", "neighborhood", "neighborhoods", "neighboring", "theater", "theaters",
            "labor", "honor", "honored", "honors", "defense", "offense", "traveled", "traveling", "traveler", "travelers", "canceled",
            "canceling", "gray", "jewelry", "catalog", "behavior", "behavioral", "humor", "harbor", "vapor", "rumor", "rumors",
            "fiber", "liter", "liters", "kilometer", "kilometers", "odor", "savior", "endeavor", "valor",
            "pajamas", "aluminum", "mom", "moms", "counseling", "counselor", "fulfill", "enrollment",
            "skillful", "plow", "mustache", "gasoline", "sidewalk", "sidewalks",
            // customary units and offices that only American usage has
            "gallon", "gallons", "fahrenheit", "sheriff", "sheriffs");
    private static final Set<String> BRITISH = Set.of("colour", "colours", "coloured", "centre", "centres", "centred",
            "favourite", "favourites", "neighbour", "neighbours", "neighbourhood", "neighbourhoods", "neighbouring", "theatre", "theatres",
            "labour", "honour", "honoured", "honours", "defence", "offence", "travelled", "travelling", "traveller", "travellers", "cancelled",
            "cancelling", "grey", "jewellery", "catalogue", "behaviour", "behavioural", "humour", "harbour", "vapour", "rumour", "rumours",
            "fibre", "litre", "litres", "kilometre", "kilometres", "odour", "saviour", "endeavour", "valour",
            "pyjamas", "aluminium", "mum", "mums", "counselling", "counsellor", "fulfil", "enrolment",
            "skilful", "plough", "moustache", "programme", "programmes", "whilst", "cheque", "cheques", "petrol", "licence", "practise", "realise",
            "realised", "recognise", "recognised", "apologise", "apologised", "criticise", "criticised");
    private static final Set<String> STREET_ABBREVIATIONS = Set.of("st", "ave", "blvd", "rd", "dr", "ln", "ct", "hwy", "pkwy");

    /**
     * The country whose conventions the text follows, "US" or "GB", or null when it follows neither clearly or is not
     * English. Britain stands for the Commonwealth spelling that Irish, Australian or Indian papers share: as a prior it
     * only settles names that nothing in the text settles.
     */
    static @Nullable String likelyCountry(String text, List<Token> tokens) {
        int us = 0, gb = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = t.folded();
            // "organisation", "mobilisation": Americans never write -isation (Oxford spelling has -ization too)
            if ((w.endsWith("isation") || w.endsWith("isations")) && w.length() > 9) gb++;
            // one lookup per word, as this runs on every word of every article: the spellings are lower-case words,
            // the rest capitalised ones
            // "per cent" in two words is the Commonwealth's style guides' spelling; American ones write "percent"
            if (w.equals("cent") && i > 0 && tokens.get(i - 1).folded().equals("per")) gb++;
            int kinds = KINDS.getOrDefault(w, 0);
            if (kinds == 0) continue;
            char first = t.text().charAt(0);
            if (Character.isLowerCase(first)) {
                if ((kinds & AMERICAN_SPELLING) != 0) us++;
                else if ((kinds & BRITISH_SPELLING) != 0) gb++;
                continue;
            }
            if (!Character.isUpperCase(first)) continue;
            // "March 4" (American) against "4 March" (British and most of the Commonwealth)
            if ((kinds & MONTH) != 0) {
                if (i + 1 < tokens.size() && isDay(tokens.get(i + 1).text())) us++;
                else if (i > 0 && isDay(tokens.get(i - 1).text())) gb++;
            }
            // "Mr Smith" (British) against "Mr. Smith" (American): the dot after a title that ends with its last letter
            if ((kinds & PERSONAL_TITLE) != 0 && i + 1 < tokens.size()
                    && tokens.get(i + 1).capitalised()) {
                int gap = tokens.get(i + 1).start() - t.end();
                if (gap == 1 && Character.isWhitespace(text.charAt(t.end()))) gb++;
                else if (gap == 2 && text.charAt(t.end()) == '.') us++;
            }
            // "2517 Memphis St.": a house number, a name and an abbreviated street kind with its dot
            if ((kinds & STREET_ABBREVIATION) != 0 && i >= 2 && t.text().length() <= 4
                    && t.end() < text.length() && text.charAt(t.end()) == '.' && tokens.get(i - 1).capitalised()
                    && isNumber(tokens.get(i - 2).text())) us += 2;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            // a legislator's party and home ("Harlan, R-Cedar Hollow", "Rep. Doe (D-Minn.)"): American newspaper style
            if ((c == 'R' || c == 'D') && i + 2 < n && text.charAt(i + 1) == '-' && Character.isUpperCase(text.charAt(i + 2))
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) us += 2;
            if (c == '£') gb += 2;
            else if (c == '$' && i + 1 < n && Character.isDigit(text.charAt(i + 1)) && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) us++;
            else if (c == 'p' && text.startsWith("p.m.", i) && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) us++;
        }
        if (us >= 2 && us >= 3 * gb) return "US";
        if (gb >= 2 && gb >= 3 * us) return "GB";
        return null;
    }

    private static final Set<String> PERSONAL_TITLES = Set.of("mr", "mrs", "ms", "dr");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec");

    private static final int AMERICAN_SPELLING = 1, BRITISH_SPELLING = 2, MONTH = 4, PERSONAL_TITLE = 8, STREET_ABBREVIATION = 16;
    /** Every word of the lists above, with the lists it is in. */
    private static final Map<String, Integer> KINDS = kinds();

    private static Map<String, Integer> kinds() {
        var out = new HashMap<String, Integer>();
        List<Set<String>> lists = List.of(AMERICAN, BRITISH, MONTHS, PERSONAL_TITLES, STREET_ABBREVIATIONS);
        for (int k = 0; k < lists.size(); k++) for (String w : lists.get(k)) out.merge(w, 1 << k, (a, b) -> a | b);
        return Map.copyOf(out);
    }

    private static boolean isDay(String s) {
        return isNumber(s) && s.length() <= 2 && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= 31;
    }

    /** A run of one to six digits. */
    static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 6) return false;
        for (int k = 0; k < s.length(); k++) if (!Character.isDigit(s.charAt(k))) return false;
        return true;
    }
}
