package org.worldwire.enrich;

import java.util.ArrayList;
import java.util.List;

/** Splits text into word tokens with their offsets; pure and allocation-light. */
final class Tokens {
    /** A word: its text, its lookup form (lower case, no accents), where it starts and ends, and whether a sentence may begin with it. */
    record Token(String text, String folded, int start, int end, boolean sentenceStart) {
        boolean capitalised() {
            int cp = text.codePointAt(0);
            // Scripts without case (Arabic, Chinese) count as capitalised: every word may be a name.
            return Character.isUpperCase(cp) || Character.isTitleCase(cp) || (!Character.isLowerCase(cp) && Character.isLetter(cp));
        }
    }

    private Tokens() {}

    /** "Mr.", "Gov.", and the initial of a name ("Barry M. George"): a dot after them ends no sentence. */
    private static boolean abbreviatedTitle(List<Token> before, String s) {
        if (before.isEmpty()) return false;
        Token last = before.getLast();
        String t = last.text();
        if (t.length() == 1 && Character.isUpperCase(t.charAt(0)) && last.end() < s.length() && s.charAt(last.end()) == '.')
            return true;
        if (t.length() < 2 || t.length() > 3 || !Character.isUpperCase(t.charAt(0))) return false;
        for (int k = 1; k < t.length(); k++) if (!Character.isLowerCase(t.charAt(k))) return false;
        return true;
    }

    static List<String> split(String s) {
        var out = new ArrayList<String>();
        for (Token t : tokens(s)) out.add(t.text());
        return out;
    }

    /**
     * Words are runs of letters and digits; an apostrophe or hyphen joins letters ("Côte d'Ivoire" stays two
     * words, "Guinea-Bissau" one), and a dot stays inside an abbreviation ("U.S.").
     */
    static List<Token> tokens(String s) {
        var out = new ArrayList<Token>();
        int n = s.length(), i = 0;
        boolean sentence = true;
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (c == '.' && abbreviatedTitle(out, s) && out.getLast().end() == i) {
                    i++;
                    continue; // "Mr. Jordan", "Gov. Perdue": the dot does not end the sentence
                }
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '“' || c == '«') sentence = true;
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char d = s.charAt(i);
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    i++;
                } else if ((d == '-' || d == '\'' || d == '’') && i + 1 < n && Character.isLetter(s.charAt(i + 1))
                        && d == '-') {
                    i++;
                } else if (d == '.' && i + 1 < n && Character.isUpperCase(s.charAt(i + 1)) && i - start == 1
                        && Character.isUpperCase(s.charAt(start))) {
                    // U.S / U.K: single capitals joined by dots
                    i++;
                } else if (d == '.' && i - start >= 1 && i - 2 >= start && s.charAt(i - 2) == '.') {
                    i++; // the trailing dot of "U.S."
                    break;
                } else {
                    break;
                }
            }
            String text = s.substring(start, i);
            if (text.endsWith(".")) text = text.substring(0, text.length() - 1);
            out.add(new Token(text, Gazetteer.fold(text), start, i, sentence));
            sentence = false;
        }
        return out;
    }
}
