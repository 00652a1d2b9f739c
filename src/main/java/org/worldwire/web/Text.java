package org.worldwire.web;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Small text helpers the pages share: slugs, excerpts, relative times, country names and flags. */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ISO2 = Pattern.compile("[A-Za-z]{2}");
    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Text() {}

    /**
     * A readable URL part from a title: letters and digits of any script, lower case, accents dropped, words
     * joined by hyphens, at most 80 characters. Empty titles give "article".
     */
    public static String slug(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
        s = trimHyphens(s);
        if (s.codePointCount(0, s.length()) > 80) {
            s = trimHyphens(s.substring(0, s.offsetByCodePoints(0, 80)));
        }
        return s.isEmpty() ? "article" : s;
    }

    private static String trimHyphens(String s) {
        int a = 0, b = s.length();
        while (a < b && s.charAt(a) == '-') a++;
        while (b > a && s.charAt(b - 1) == '-') b--;
        return s.substring(a, b);
    }

    /** The first {@code max} characters of the paragraphs, cut at a word boundary, with an ellipsis when cut. */
    public static String excerpt(List<String> paragraphs, @Nullable String summary, int max) {
        String base = summary != null && !summary.isBlank() ? summary.strip() : String.join(" ", paragraphs).strip();
        base = base.replaceAll("\\s+", " ");
        if (base.length() <= max) return base;
        int cut = base.lastIndexOf(' ', max);
        if (cut < max / 2) cut = max;
        if (Character.isHighSurrogate(base.charAt(cut - 1))) cut--;
        return base.substring(0, cut).stripTrailing() + "…";
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago", or the date for anything older than a week. */
    public static String relative(Instant t, Instant now) {
        long s = Duration.between(t, now).getSeconds();
        if (s < 60) return "just now";
        if (s < 3600) return (s / 60) + " min ago";
        if (s < 86_400) return (s / 3600) + " h ago";
        if (s < 7 * 86_400) return (s / 86_400) == 1 ? "1 day ago" : (s / 86_400) + " days ago";
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(t);
    }

    public static String exact(Instant t) {
        return EXACT.format(t);
    }

    public static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** Upper-case ISO 3166-1 alpha-2, or null when {@code code} is not two letters of a known country. */
    public static @Nullable String iso2(@Nullable String code) {
        if (code == null || !ISO2.matcher(code).matches()) return null;
        String up = code.toUpperCase(Locale.ROOT);
        for (String c : Locale.getISOCountries()) {
            if (c.equals(up)) return up;
        }
        return null;
    }

    /** English name of a country, or the code itself when the JDK does not know it. */
    public static String countryName(String iso2) {
        String name = Locale.of("", iso2).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? iso2 : name;
    }

    /** The flag emoji: two regional indicator symbols. */
    public static String flag(String iso2) {
        if (iso2.length() != 2) return "";
        int a = Character.toUpperCase(iso2.charAt(0)) - 'A' + 0x1F1E6;
        int b = Character.toUpperCase(iso2.charAt(1)) - 'A' + 0x1F1E6;
        return new String(Character.toChars(a)) + new String(Character.toChars(b));
    }

    /** A language filter as readers and clients type it ("FR", " de "): the lower-case ISO 639 code, or null. */
    public static @Nullable String languageCode(@Nullable String language) {
        if (language == null) return null;
        String s = language.strip().toLowerCase(Locale.ROOT);
        return s.matches("[a-z]{2,3}") ? s : null;
    }

    /** English name of a language code, or the code itself when the JDK does not know it. */
    public static String languageName(String code) {
        String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    /** A BCP 47 language tag safe for a {@code lang} attribute, or null. */
    public static @Nullable String langTag(@Nullable String language) {
        if (language == null || !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) return null;
        return language;
    }
}
