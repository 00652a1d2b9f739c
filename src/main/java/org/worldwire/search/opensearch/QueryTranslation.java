package org.worldwire.search.opensearch;

import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.worldwire.search.SearchSyntax;
import org.worldwire.search.SearchSyntax.All;
import org.worldwire.search.SearchSyntax.Any;
import org.worldwire.search.SearchSyntax.Everything;
import org.worldwire.search.SearchSyntax.Not;
import org.worldwire.search.SearchSyntax.Phrase;
import org.worldwire.search.SearchSyntax.Word;

/**
 * A parsed {@link SearchSyntax} query as OpenSearch query DSL. Words and phrases are matched in every language field
 * ({@link IndexMapping}) by pattern, headlines counting twice; each field analyses the words its own way, so
 * "elections" finds "election" in English articles, "economie" finds "Économie" through the folded sub-field, and
 * "the" asks nothing of English articles (a stop word there) without emptying the query for German ones.
 */
final class QueryTranslation {
    private QueryTranslation() {}

    private static final List<String> ALL = List.of("title_*^2", "text_*");
    private static final List<String> TITLE = List.of("title_*");
    /** Prefixes read unstemmed words: a stem is no word's beginning. */
    private static final List<String> ALL_PLAIN = List.of("title_*.plain^2", "text_*.plain", "title_other^2", "text_other");
    private static final List<String> TITLE_PLAIN = List.of("title_*.plain", "title_other");

    static Query of(SearchSyntax.Node node) {
        return switch (node) {
            case Everything e -> Query.of(q -> q.matchAll(m -> m));
            case Word w when w.prefix() -> Query.of(q -> q.queryString(s -> s
                    .query(escape(w.text()) + "*")
                    .fields(w.titleOnly() ? TITLE_PLAIN : ALL_PLAIN)
                    .analyzeWildcard(true)
                    .defaultOperator(Operator.And)));
            // A word is a phrase of its tokens: one for most words, several for "covid-19" or a CJK word's bigrams,
            // as in the Lucene index. Scores of the fields add up (tie breaker 1), as title and text do there.
            case Word w -> words(w.text(), w.titleOnly());
            case Phrase p -> words(p.text(), p.titleOnly());
            case Not n -> Query.of(q -> q.bool(b -> b.must(m -> m.matchAll(a -> a)).mustNot(of(n.node()))));
            case All a -> all(a.parts());
            case Any a -> Query.of(q -> q.bool(b -> b.should(a.parts().stream().map(QueryTranslation::of).toList())
                    .minimumShouldMatch("1")));
        };
    }

    private static Query words(String text, boolean titleOnly) {
        return Query.of(q -> q.multiMatch(m -> m
                .query(text)
                .fields(titleOnly ? TITLE : ALL)
                .type(TextQueryType.Phrase)
                .tieBreaker(1f)));
    }

    private static Query all(List<SearchSyntax.Node> parts) {
        List<Query> must = new ArrayList<>();
        List<Query> mustNot = new ArrayList<>();
        for (SearchSyntax.Node p : parts) {
            if (p instanceof Not(SearchSyntax.Node inner)) mustNot.add(of(inner));
            else must.add(of(p));
        }
        if (must.isEmpty()) must.add(Query.of(q -> q.matchAll(m -> m)));
        return Query.of(q -> q.bool(b -> b.must(must).mustNot(mustNot)));
    }

    /** The word as literal text for query_string: every character that is not a letter or digit escaped. */
    static String escape(String word) {
        StringBuilder sb = new StringBuilder(word.length() + 8);
        word.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) sb.append('\\');
            sb.appendCodePoint(c);
        });
        return sb.toString();
    }
}
