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
 * A parsed {@link SearchSyntax} query as OpenSearch query DSL. Words and phrases are matched in the fields of the
 * languages asked for ({@link IndexMapping}; those present in the index, or the one of a language filter), headlines
 * counting twice; each field analyses the words its own way, so "elections" finds "election" in English articles,
 * "economie" finds "Économie" through the folded sub-field, and "the" asks nothing of English articles (a stop word
 * there) without emptying the query for German ones. Naming only the languages present matters: every field named
 * analyses every word of the query, and all fifty took half the time of a search.
 */
final class QueryTranslation {
    private final List<String> all = new ArrayList<>();
    private final List<String> title = new ArrayList<>();
    /** Prefixes read unstemmed words: a stem is no word's beginning. */
    private final List<String> allPlain = new ArrayList<>();
    private final List<String> titlePlain = new ArrayList<>();

    /** @param suffixes the field suffixes to search ({@link IndexMapping#suffix}); none matches nothing */
    QueryTranslation(Iterable<String> suffixes) {
        for (String s : suffixes) {
            if (IndexMapping.hasPlain(s)) {
                all.addAll(List.of("title_" + s + "^2", "text_" + s, "title_" + s + ".plain^2", "text_" + s + ".plain"));
                title.addAll(List.of("title_" + s, "title_" + s + ".plain"));
                allPlain.addAll(List.of("title_" + s + ".plain^2", "text_" + s + ".plain"));
                titlePlain.add("title_" + s + ".plain");
            } else {
                all.addAll(List.of("title_" + s + "^2", "text_" + s));
                title.add("title_" + s);
                allPlain.addAll(List.of("title_" + s + "^2", "text_" + s));
                titlePlain.add("title_" + s);
            }
        }
    }

    Query of(SearchSyntax.Node node) {
        if (all.isEmpty() && !(node instanceof Everything)) return Query.of(q -> q.matchNone(m -> m));
        return switch (node) {
            case Everything e -> Query.of(q -> q.matchAll(m -> m));
            case Word w when w.prefix() -> Query.of(q -> q.queryString(s -> s
                    .query(escape(w.text()) + "*")
                    .fields(w.titleOnly() ? titlePlain : allPlain)
                    .analyzeWildcard(true)
                    .defaultOperator(Operator.And)));
            // A word is a phrase of its tokens: one for most words, several for "covid-19" or a CJK word's bigrams,
            // as in the Lucene index. Scores of the fields add up (tie breaker 1), as title and text do there.
            case Word w -> words(w.text(), w.titleOnly());
            case Phrase p -> words(p.text(), p.titleOnly());
            case Not n -> Query.of(q -> q.bool(b -> b.must(m -> m.matchAll(a -> a)).mustNot(of(n.node()))));
            case All a -> all(a.parts());
            case Any a -> Query.of(q -> q.bool(b -> b.should(a.parts().stream().map(this::of).toList())
                    .minimumShouldMatch("1")));
        };
    }

    private Query words(String text, boolean titleOnly) {
        return Query.of(q -> q.multiMatch(m -> m
                .query(text)
                .fields(titleOnly ? title : all)
                .type(TextQueryType.Phrase)
                .tieBreaker(1f)));
    }

    private Query all(List<SearchSyntax.Node> parts) {
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
