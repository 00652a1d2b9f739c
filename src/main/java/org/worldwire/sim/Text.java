package org.worldwire.sim;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.worldwire.sim.Lexicon.Language;
import org.worldwire.sim.Lexicon.Place;

/** Writes headlines, paragraphs, bylines and comments from the word lists: deterministic for a given random. */
final class Text {
    private Text() {}

    /** A generated story before it gets a URL and a time. */
    record Story(String title, String summary, List<String> paragraphs, String author, Place place) {}

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    static String sentence(SplittableRandom r, Language lang, @Nullable String place) {
        int words = 7 + r.nextInt(10);
        String body = phrase(r, lang, words, 0.45);
        if (place != null) {
            body = fill(lang.placeTemplate(), body, place);
        }
        return capitalize(body) + lang.sentenceEnd();
    }

    static String phrase(SplittableRandom r, Language lang, int words, double functionShare) {
        StringBuilder b = new StringBuilder();
        String previous = "";
        for (int w = 0; w < words; w++) {
            String word = lang.word(r, w == 0 ? 0 : functionShare);
            if (word.equals(previous)) word = lang.content().get(r.nextInt(lang.content().size()));
            if (w > 0 && lang.spaced()) b.append(' ');
            b.append(word);
            previous = word;
        }
        return b.toString();
    }

    static String person(SplittableRandom r, Language lang) {
        String first = lang.firstNames().get(r.nextInt(lang.firstNames().size()));
        String last = lang.lastNames().get(r.nextInt(lang.lastNames().size()));
        return lang.spaced() ? first + " " + last : first + last;
    }

    /** Fills the two {@code %s} of a place template; String.format is ten times slower on this hot path. */
    static String fill(String template, String first, String second) {
        int a = template.indexOf("%s");
        int b = template.indexOf("%s", a + 2);
        return new StringBuilder(template.length() + first.length() + second.length()).append(template, 0, a)
                .append(first).append(template, a + 2, b).append(second).append(template, b + 2, template.length())
                .toString();
    }

    static String capitalize(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) return s;
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A lower-case ASCII slug of a headline, or {@code "story"} when the headline has no Latin letters. */
    static String slug(String title) {
        String ascii = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ascii.length() && b.length() < 60; i++) {
            char c = Character.toLowerCase(ascii.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
            else if (!b.isEmpty() && b.charAt(b.length() - 1) != '-') b.append('-');
        }
        while (!b.isEmpty() && b.charAt(b.length() - 1) == '-') b.setLength(b.length() - 1);
        return b.isEmpty() ? "story" : b.toString();
    }

    static String escapeXml(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    static String escapeJson(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c"); // keeps "</script>" out of JSON-LD blocks
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
