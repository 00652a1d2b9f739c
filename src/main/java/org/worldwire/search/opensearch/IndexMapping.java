package org.worldwire.search.opensearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The index's settings and mapping, and which fields an article's title and text go to.
 *
 * <p>OpenSearch analyses a field the same way in every document, so the language of an article picks its fields: an
 * English article's title is {@code title_en}, analysed by OpenSearch's {@code english} analyzer (the chain of Lucene's
 * {@code EnglishAnalyzer}: possessives, lower case, stop words, Porter stemming), a French one's {@code title_fr}, and
 * so on for the languages the Lucene index stems (the same list, with the same Lucene analyzers underneath); Chinese,
 * Japanese and Korean share {@code title_cjk} (CJK bigrams); any other or unknown language goes to {@code title_other}
 * (words split, lower-cased, accents folded). Each language field has a {@code .plain} sub-field with the same words
 * and stop words, lower-cased and accent-folded but not stemmed: with both, "ministers" finds "minister" and "koln"
 * finds "Köln", as the Lucene index's stemmed-then-folded analysis does. Queries name the fields by pattern
 * ({@code title_*}), and each field analyses the query its own way, so a stop word of one language does not block a
 * match in another. Texts keep their words' offsets in the postings, as in the Lucene index, so highlighting reads
 * them instead of analysing each hit's text again (that took most of a search's time). Only analysis-common's
 * analyzers and filters are used, no plugin.
 */
final class IndexMapping {
    private IndexMapping() {}

    /** Bumped when the mapping changes incompatibly: an index of another version must be rebuilt, not reused. */
    static final int VERSION = 1;
    static final String META_VERSION = "worldwire_mapping";

    /** The analyzer of {@code *_other}. */
    static final String FOLDED = "folded";

    /** Field suffix (ISO 639-1, or cjk) → OpenSearch's built-in analyzer and its stop word list. */
    private record Language(String analyzer, String stopWords) {}

    private static final Map<String, Language> LANGUAGES = new LinkedHashMap<>();

    static {
        for (String[] l : new String[][] {
                {"en", "english"}, {"fr", "french"}, {"de", "german"}, {"es", "spanish"}, {"pt", "portuguese"},
                {"it", "italian"}, {"nl", "dutch"}, {"ru", "russian"}, {"ar", "arabic"}, {"tr", "turkish"},
                {"sv", "swedish"}, {"da", "danish"}, {"no", "norwegian"}, {"fi", "finnish"}, {"hu", "hungarian"},
                {"ro", "romanian"}, {"cs", "czech"}, {"bg", "bulgarian"}, {"el", "greek"}, {"ca", "catalan"},
                {"fa", "persian"}, {"hi", "hindi"}, {"id", "indonesian"}, {"th", "thai"}}) {
            LANGUAGES.put(l[0], new Language(l[1], "_" + l[1] + "_"));
        }
        // Chinese, Japanese and Korean: overlapping character pairs (Lucene's CJKAnalyzer, English stop words)
        LANGUAGES.put("cjk", new Language("cjk", "_english_"));
    }

    /** The field suffix of an article in this language (ISO 639-1, any case, region ignored). */
    static String suffix(@Nullable String language) {
        if (language == null) return "other";
        String l = language.toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        if (dash > 0) l = l.substring(0, dash);
        return switch (l) {
            case "zh", "ja", "ko" -> "cjk";
            default -> LANGUAGES.containsKey(l) ? l : "other";
        };
    }

    /** Whether the fields of this suffix have a {@code .plain} sub-field (every language but "other"). */
    static boolean hasPlain(String suffix) {
        return LANGUAGES.containsKey(suffix);
    }

    /** The body of the create-index request: settings, analysis and the mapping. */
    static Map<String, Object> createIndexBody(int shards, int replicas) {
        Map<String, Object> analyzers = new LinkedHashMap<>();
        Map<String, Object> filters = new LinkedHashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", Map.of("type", "long"));
        properties.put("source", Map.of("type", "keyword"));
        properties.put("language", Map.of("type", "keyword"));
        properties.put("country", Map.of("type", "keyword"));
        // the suffix of the article's fields (see suffix()), so that highlighting asks only for those fields
        properties.put("analysis", Map.of("type", "keyword"));
        // the article's shown time; ISO strings are accepted too, for a distance_feature origin
        properties.put("time", Map.of("type", "date", "format", "epoch_millis||strict_date_optional_time"));
        for (var e : LANGUAGES.entrySet()) {
            String code = e.getKey();
            Language lang = e.getValue();
            filters.put("stop_" + code, Map.of("type", "stop", "stopwords", lang.stopWords()));
            List<String> chain = new ArrayList<>();
            if (code.equals("cjk")) chain.add("cjk_width");
            if (code.equals("fr")) chain.add("elision"); // l'Économie is économie (its default articles are French)
            chain.add("lowercase");
            if (code.equals("cjk")) chain.add("cjk_bigram");
            chain.add("stop_" + code);
            chain.add("asciifolding");
            analyzers.put("plain_" + code, Map.of("type", "custom",
                    "tokenizer", code.equals("th") ? "thai" : "standard", "filter", chain));
            properties.put("title_" + code, Map.of("type", "text", "analyzer", lang.analyzer(),
                    "fields", Map.of("plain", Map.of("type", "text", "analyzer", "plain_" + code))));
            properties.put("text_" + code, Map.of("type", "text", "analyzer", lang.analyzer(), "index_options", "offsets",
                    "fields", Map.of("plain", Map.of("type", "text", "analyzer", "plain_" + code, "index_options", "offsets"))));
        }
        analyzers.put(FOLDED, Map.of("type", "custom", "tokenizer", "standard",
                "filter", List.of("cjk_width", "lowercase", "asciifolding", "cjk_bigram")));
        properties.put("title_other", Map.of("type", "text", "analyzer", FOLDED));
        properties.put("text_other", Map.of("type", "text", "analyzer", FOLDED, "index_options", "offsets"));

        Map<String, Object> settings = Map.of(
                "number_of_shards", shards,
                "number_of_replicas", replicas,
                "analysis", Map.of("analyzer", analyzers, "filter", filters));
        Map<String, Object> mappings = Map.of(
                // a typo in a field name fails the write instead of creating a field nobody searches
                "dynamic", "strict",
                "_meta", Map.of(META_VERSION, VERSION),
                "properties", properties);
        return Map.of("settings", settings, "mappings", mappings);
    }
}
