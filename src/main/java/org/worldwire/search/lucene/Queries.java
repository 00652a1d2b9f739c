package org.worldwire.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
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
 * Turns a parsed {@link SearchSyntax} query into a Lucene query. Every article's title and text are analysed in its
 * own language into the same two fields, so a word typed by a reader is analysed by each language analysis the index
 * holds, and the distinct results are asked together on those two fields: an English reader's "ministers" becomes
 * "minist" (English, German), "ministr" (French), "ministers" (unstemmed) and so on, a handful of terms scored as
 * one ({@link SynonymQuery}), not one query per language. An article matches when it holds any of them; that
 * another language's stem of the word is also a word of the article's own language is rare, and then harmless.
 *
 * <p>A stop word drops out only of the languages it is a stop word in: "the minister" asks English articles for
 * "minister" alone, and the other languages for both words; a query of stop words alone finds nothing in those
 * languages.
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
     * A part of the query: what it matches, and the analysis keys for which it asks nothing (its words are all stop
     * words there), which the enclosing part then leaves out for articles of those languages.
     *
     * @param query null when it asks nothing in every language
     */
    private record Part(@Nullable Query query, Set<String> silentIn) {}

    /**
     * @param keys the analysis keys to answer for (those present in the index, or the one of a language filter)
     * @return the query, matching nothing when it asks for nothing in any language (only stop words)
     */
    Query build(SearchSyntax.Node node, List<String> keys) {
        if (node instanceof Everything) return new MatchAllDocsQuery();
        Part p = part(node, keys);
        if (p.query() == null) return new MatchNoDocsQuery("only stop words");
        if (p.silentIn().isEmpty()) return p.query();
        return new BooleanQuery.Builder().add(p.query(), Occur.MUST).add(analysedAs(p.silentIn()), Occur.MUST_NOT).build();
    }

    private Part part(SearchSyntax.Node node, List<String> keys) {
        return switch (node) {
            case Everything e -> new Part(new MatchAllDocsQuery(), Set.of());
            case Word w when w.prefix() -> new Part(fields(w.titleOnly(), f -> prefix(keys, f, w.text())), Set.of());
            case Word w -> words(keys, w.text(), w.titleOnly());
            case Phrase p -> words(keys, p.text(), p.titleOnly());
            case Not n -> {
                Part inner = part(n.node(), keys);
                if (inner.query() == null) yield inner;
                BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST).add(inner.query(), Occur.MUST_NOT);
                if (!inner.silentIn().isEmpty()) b.add(analysedAs(inner.silentIn()), Occur.MUST_NOT);
                yield new Part(b.build(), inner.silentIn());
            }
            case All a -> {
                // What the parts ask, and the languages where every part is silent (those articles are left out at
                // the end, so no part needs to let them through: "with was" then asks nothing of English articles at
                // all instead of matching every English article twice and excluding them afterwards).
                List<Part> asked = new ArrayList<>();
                List<Boolean> negatedParts = new ArrayList<>();
                Set<String> silent = new HashSet<>(keys);
                for (SearchSyntax.Node child : a.parts()) {
                    boolean negated = child instanceof Not;
                    Part c = part(negated ? ((Not) child).node() : child, keys);
                    silent.retainAll(c.silentIn());
                    if (c.query() == null) continue;
                    asked.add(c);
                    negatedParts.add(negated);
                }
                if (asked.isEmpty()) yield new Part(null, Set.copyOf(keys));
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                boolean positive = false;
                for (int i = 0; i < asked.size(); i++) {
                    Part c = asked.get(i);
                    if (negatedParts.get(i)) {
                        b.add(c.query(), Occur.MUST_NOT);
                        continue;
                    }
                    positive = true;
                    // Silent in some languages: there the part is left out, so their articles need not match it.
                    Set<String> lenient = new LinkedHashSet<>(c.silentIn());
                    lenient.removeAll(silent);
                    b.add(lenient.isEmpty() ? c.query()
                            : new BooleanQuery.Builder().add(c.query(), Occur.SHOULD).add(unscored(analysedAs(lenient)), Occur.SHOULD).build(),
                            Occur.MUST);
                }
                if (!positive) b.add(new MatchAllDocsQuery(), Occur.MUST);
                if (!silent.isEmpty()) b.add(analysedAs(silent), Occur.MUST_NOT);
                yield new Part(b.build(), Set.copyOf(silent));
            }
            case Any a -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                int n = 0;
                Set<String> silent = new HashSet<>(keys);
                for (SearchSyntax.Node child : a.parts()) {
                    Part c = part(child, keys);
                    silent.retainAll(c.silentIn());
                    if (c.query() != null) {
                        b.add(c.query(), Occur.SHOULD);
                        n++;
                    }
                }
                yield new Part(n == 0 ? null : n == 1 ? b.build().clauses().getFirst().query() : b.build(), Set.copyOf(silent));
            }
        };
    }

    /**
     * Matches that add nothing to the score: an article let through because a word is a stop word in its language
     * ranks as if the word were not asked, not above the articles that match it.
     */
    private static Query unscored(Query q) {
        return new BoostQuery(new ConstantScoreQuery(q), 0f);
    }

    /** Articles analysed as one of these keys. */
    private static Query analysedAs(Set<String> keys) {
        if (keys.size() == 1) return new TermQuery(new Term(ANALYSIS, keys.iterator().next()));
        return new TermInSetQuery(ANALYSIS, keys.stream().map(BytesRef::new).toList());
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

    /** The tokens one analysis makes of a text, and their positions. */
    private record Tokens(List<String> terms, List<Integer> positions) {}

    /**
     * A word or a phrase as each language's analysis makes it: the distinct versions asked together, a term (or a
     * phrase, when the analysis makes several tokens: "covid-19", a CJK word's bigrams) each.
     */
    private Part words(List<String> keys, String text, boolean titleOnly) {
        Map<Tokens, List<String>> versions = new LinkedHashMap<>();
        Set<String> silent = new LinkedHashSet<>();
        for (String key : keys) {
            Tokens t = analyse(languages.analyzer(key), text);
            if (t.terms().isEmpty()) silent.add(key);
            else versions.computeIfAbsent(t, x -> new ArrayList<>()).add(key);
        }
        if (versions.isEmpty()) return new Part(null, Set.copyOf(silent));
        return new Part(fields(titleOnly, f -> versions(f, versions.keySet())), Set.copyOf(silent));
    }

    /** Single terms as one term (their frequencies summed), phrases beside them. */
    private static Query versions(String field, Set<Tokens> versions) {
        List<Query> out = new ArrayList<>();
        List<Term> single = new ArrayList<>();
        for (Tokens t : versions) {
            if (t.terms().size() == 1) {
                single.add(new Term(field, t.terms().getFirst()));
            } else {
                PhraseQuery.Builder b = new PhraseQuery.Builder();
                int first = t.positions().getFirst();
                for (int i = 0; i < t.terms().size(); i++) b.add(new Term(field, t.terms().get(i)), t.positions().get(i) - first);
                out.add(b.build());
            }
        }
        if (single.size() == 1) {
            out.add(new TermQuery(single.getFirst()));
        } else if (single.size() > 1) {
            SynonymQuery.Builder b = new SynonymQuery.Builder(field);
            for (Term t : single) b.addTerm(t);
            out.add(b.build());
        }
        if (out.size() == 1) return out.getFirst();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Query q : out) any.add(q, Occur.SHOULD);
        return any.build();
    }

    private static Tokens analyse(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>(2);
        List<Integer> positions = new ArrayList<>(2);
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                terms.add(term.toString());
                positions.add(pos);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string in memory
        }
        return new Tokens(terms, positions);
    }

    /**
     * Words that begin so: the prefix folded as each analysis folds (case, accents) but not stemmed, since a stem of a
     * word's beginning is no beginning of the stems.
     */
    private Query prefix(List<String> keys, String field, String text) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String key : keys) prefixes.add(languages.analyzer(key).normalize(field, text).utf8ToString());
        if (prefixes.size() == 1) return new PrefixQuery(new Term(field, prefixes.iterator().next()));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String p : prefixes) b.add(new PrefixQuery(new Term(field, p)), Occur.SHOULD);
        return b.build();
    }
}
