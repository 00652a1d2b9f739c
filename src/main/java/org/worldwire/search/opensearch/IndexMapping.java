package org.worldwire.search.opensearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The index's settings and mapping, and which fields an article's title and text go to.
 *
 * <p>OpenSearch analyses a field the same way in every document, so the language of an article picks its fields: an
 * English article's title is {@code title_en}, analysed by OpenSearch's {@code english} analyzer (the same chain as
 * Lucene's {@code EnglishAnalyzer}: possessives, lower case, stop words, Porter stemming), a French one's
 * {@code title_fr}, and so on for each language analysis-common stems; Chinese, Japanese and Korean share
 * {@code title_cjk} (CJK bigrams); any other or unknown language goes to {@code title_other}. Each language field has a
 * {@code .plain} sub-field analysed without stemming or stop words (standard tokens, CJK width folding, lower case,
 * ASCII folding, CJK bigrams), so an exact word, an accent-less spelling and a prefix match in every language. Queries
 * name the fields by pattern ({@code title_*}), so they read every language at once. Nothing here needs a plugin that
 * is not part of OpenSearch's own modules.
 */
final class IndexMapping {
    private IndexMapping() {}

    /** Bumped when the mapping changes incompatibly: an index of another version must be rebuilt, not reused. */
    static final int VERSION = 1;
    static final String META_VERSION = "worldwire_mapping";

    /** The analyzer of the {@code .plain} sub-fields and of {@code *_other}. */
    static final String FOLDED = "folded";

    /** ISO 639-1 code → the built-in language analyzer of analysis-common; the field suffix is the code. */
    private static final Map<String, String> ANALYZERS = Map.ofEntries(
            Map.entry("ar", "arabic"), Map.entry("hy", "armenian"), Map.entry("eu", "basque"),
            Map.entry("bn", "bengali"), Map.entry("bg", "bulgarian"), Map.entry("ca", "catalan"),
            Map.entry("cs", "czech"), Map.entry("da", "danish"), Map.entry("nl", "dutch"),
            Map.entry("en", "english"), Map.entry("et", "estonian"), Map.entry("fi", "finnish"),
            Map.entry("fr", "french"), Map.entry("gl", "galician"), Map.entry("de", "german"),
            Map.entry("el", "greek"), Map.entry("hi", "hindi"), Map.entry("hu", "hungarian"),
            Map.entry("id", "indonesian"), Map.entry("ga", "irish"), Map.entry("it", "italian"),
            Map.entry("lv", "latvian"), Map.entry("lt", "lithuanian"), Map.entry("no", "norwegian"),
            Map.entry("fa", "persian"), Map.entry("pt", "portuguese"), Map.entry("ro", "romanian"),
            Map.entry("ru", "russian"), Map.entry("es", "spanish"), Map.entry("sv", "swedish"),
            Map.entry("tr", "turkish"), Map.entry("th", "thai"), Map.entry("cjk", "cjk"));

    /** The field suffix of an article in this language: its code, {@code cjk}, or {@code other}. */
    static String suffix(@Nullable String language) {
        if (language == null) return "other";
        String l = language.toLowerCase(Locale.ROOT);
        return switch (l) {
            case "zh", "ja", "ko" -> "cjk";
            case "nb", "nn" -> "no"; // Bokmål and Nynorsk: one Norwegian stemmer
            default -> ANALYZERS.containsKey(l) ? l : "other";
        };
    }

    /** The body of the create-index request: settings, analysis and the mapping. */
    static Map<String, Object> createIndexBody(int shards, int replicas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", Map.of("type", "long"));
        properties.put("source", Map.of("type", "keyword"));
        properties.put("language", Map.of("type", "keyword"));
        properties.put("country", Map.of("type", "keyword"));
        // the article's effective time; ISO strings are accepted too, for a distance_feature origin
        properties.put("time", Map.of("type", "date", "format", "epoch_millis||strict_date_optional_time"));
        for (var e : ANALYZERS.entrySet()) {
            Map<String, Object> field = Map.of("type", "text", "analyzer", e.getValue(),
                    "fields", Map.of("plain", Map.of("type", "text", "analyzer", FOLDED)));
            properties.put("title_" + e.getKey(), field);
            properties.put("text_" + e.getKey(), field);
        }
        properties.put("title_other", Map.of("type", "text", "analyzer", FOLDED));
        properties.put("text_other", Map.of("type", "text", "analyzer", FOLDED));

        Map<String, Object> folded = Map.of("type", "custom", "tokenizer", "standard",
                "filter", List.of("cjk_width", "lowercase", "asciifolding", "cjk_bigram"));
        Map<String, Object> settings = Map.of(
                "number_of_shards", shards,
                "number_of_replicas", replicas,
                "analysis", Map.of("analyzer", Map.of(FOLDED, folded)));
        Map<String, Object> mappings = Map.of(
                // a typo in a field name fails the write instead of creating a field nobody searches
                "dynamic", "strict",
                "_meta", Map.of(META_VERSION, VERSION),
                "properties", properties);
        return Map.of("settings", settings, "mappings", mappings);
    }
}
