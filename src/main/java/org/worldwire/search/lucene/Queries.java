package org.worldwire.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.worldwire.search.SearchSyntax;
import org.worldwire.search.SearchSyntax.All;
import org.worldwire.search.SearchSyntax.Any;
import org.worldwire.search.SearchSyntax.Everything;
import org.worldwire.search.SearchSyntax.Not;
import org.worldwire.search.SearchSyntax.Phrase;
import org.worldwire.search.SearchSyntax.Word;

/**
 * Turns a parsed {@link SearchSyntax} query into a Lucene query. The words are analysed once per language analysis
 * the index may hold, and each version matches only the articles analysed that way: an English reader's "ministers"
 * becomes "minist" for English articles and stays "ministers" (folded) for others, and "the", a stop word in English,
 * drops out of the English version without emptying the German one. Versions that come out alike (names, numbers)
 * are asked once for all their languages.
 */
final class Queries {
    static final String TITLE = "title";
    static final String TEXT = "text";
    /** The analysis key an article was indexed with, see {@link Languages#key}. */
    static final String ANALYSIS = "analysis";
    /** A headline match counts twice a match in the text. */
    private static final float TITLE_BOOST = 2f;

    private final Languages languages;

    Queries(Languages languages) {
        this.languages = languages;
    }

    /**
     * @param keys the analysis keys to answer for (those present in the index, or the one of a language filter)
     * @return the query, matching nothing when no language's version asks for anything (only stop words)
     */
    Query build(SearchSyntax.Node node, Iterable<String> keys) {
        if (node instanceof Everything) return new MatchAllDocsQuery();
        Map<Query, List<String>> byVersion = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (String key : keys) {
            all.add(key);
            Query q = node(node, languages.analyzer(key));
            if (q != null) byVersion.computeIfAbsent(q, k -> new ArrayList<>()).add(key);
        }
        if (byVersion.isEmpty()) return new MatchNoDocsQuery("only stop words");
        if (byVersion.size() == 1 && byVersion.values().iterator().next().size() == all.size()) {
            return byVersion.keySet().iterator().next();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (var e : byVersion.entrySet()) {
            List<BytesRef> ks = e.getValue().stream().map(BytesRef::new).toList();
            Query which = ks.size() == 1 ? new TermQuery(new Term(ANALYSIS, ks.getFirst())) : new TermInSetQuery(ANALYSIS, ks);
            any.add(new BooleanQuery.Builder().add(e.getKey(), Occur.MUST).add(which, Occur.FILTER).build(), Occur.SHOULD);
        }
        return any.build();
    }

    /** The node for one analysis, or null when it asks for nothing (a stop word). */
    private @Nullable Query node(SearchSyntax.Node node, Analyzer analyzer) {
        return switch (node) {
            case Everything e -> new MatchAllDocsQuery();
            case Word w -> fields(w.titleOnly(), f -> w.prefix() ? prefix(analyzer, f, w.text()) : words(analyzer, f, w.text()));
            case Phrase p -> fields(p.titleOnly(), f -> words(analyzer, f, p.text()));
            case Not n -> {
                Query inner = node(n.node(), analyzer);
                yield inner == null ? null : new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                        .add(inner, Occur.MUST_NOT).build();
            }
            case All a -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                boolean positive = false, any = false;
                for (SearchSyntax.Node part : a.parts()) {
                    if (part instanceof Not(SearchSyntax.Node inner)) {
                        Query q = node(inner, analyzer);
                        if (q != null) {
                            b.add(q, Occur.MUST_NOT);
                            any = true;
                        }
                    } else {
                        Query q = node(part, analyzer);
                        if (q != null) {
                            b.add(q, Occur.MUST);
                            positive = any = true;
                        }
                    }
                }
                if (!any) yield null;
                if (!positive) b.add(new MatchAllDocsQuery(), Occur.MUST);
                yield b.build();
            }
            case Any a -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                int n = 0;
                for (SearchSyntax.Node part : a.parts()) {
                    Query q = node(part, analyzer);
                    if (q != null) {
                        b.add(q, Occur.SHOULD);
                        n++;
                    }
                }
                yield n == 0 ? null : b.build();
            }
        };
    }

    private interface PerField {
        @Nullable Query query(String field);
    }

    /** In the title (boosted) or the text, or in the title alone. */
    private static @Nullable Query fields(boolean titleOnly, PerField f) {
        Query title = f.query(TITLE);
        if (titleOnly) return title;
        Query text = f.query(TEXT);
        if (title == null || text == null) return title != null ? new BoostQuery(title, TITLE_BOOST) : text;
        return new BooleanQuery.Builder().add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD).add(text, Occur.SHOULD).build();
    }

    /** A term, or a phrase when the analysis makes several tokens (a phrase, "covid-19", a CJK word's bigrams). */
    private static @Nullable Query words(Analyzer analyzer, String field, String text) {
        List<Term> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                terms.add(new Term(field, term.toString()));
                positions.add(pos);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string in memory
        }
        if (terms.isEmpty()) return null;
        if (terms.size() == 1) return new TermQuery(terms.getFirst());
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        int first = positions.getFirst();
        for (int i = 0; i < terms.size(); i++) b.add(terms.get(i), positions.get(i) - first);
        return b.build();
    }

    /**
     * Words that begin so: the prefix folded as the index folds (case, accents) but not stemmed, since a stem of a
     * word's beginning is no beginning of the stems.
     */
    private static Query prefix(Analyzer analyzer, String field, String text) {
        return new PrefixQuery(new Term(field, analyzer.normalize(field, text)));
    }
}
