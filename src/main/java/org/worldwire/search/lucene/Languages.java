package org.worldwire.search.lucene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.jspecify.annotations.Nullable;

/**
 * The analysis each article's words get, chosen by its language: Lucene's analyzer for that language (stop words,
 * the language's stemmer, CJK bigrams), then accents folded, so that "Müller", "muller" and "MULLER" are one word and
 * "ministers" finds "minister". A language without an analyzer of its own gets words split, lower-cased and folded,
 * no stemming. A query is analysed by each language's analysis the index holds and the distinct results are asked
 * together (see {@link Queries}), so a stop word of one language does not block matches in another.
 */
final class Languages {
    /** The analysis key of articles without a language or with one we have no analyzer for. */
    static final String OTHER = "_";

    private static final Map<String, Supplier<Analyzer>> STOCK = new LinkedHashMap<>();

    static {
        STOCK.put("en", EnglishAnalyzer::new);
        STOCK.put("fr", FrenchAnalyzer::new);
        STOCK.put("de", GermanAnalyzer::new);
        STOCK.put("es", SpanishAnalyzer::new);
        STOCK.put("pt", PortugueseAnalyzer::new);
        STOCK.put("it", ItalianAnalyzer::new);
        STOCK.put("nl", DutchAnalyzer::new);
        STOCK.put("ru", RussianAnalyzer::new);
        STOCK.put("ar", ArabicAnalyzer::new);
        STOCK.put("tr", TurkishAnalyzer::new);
        STOCK.put("sv", SwedishAnalyzer::new);
        STOCK.put("da", DanishAnalyzer::new);
        STOCK.put("no", NorwegianAnalyzer::new);
        STOCK.put("fi", FinnishAnalyzer::new);
        STOCK.put("hu", HungarianAnalyzer::new);
        STOCK.put("ro", RomanianAnalyzer::new);
        STOCK.put("cs", CzechAnalyzer::new);
        STOCK.put("bg", BulgarianAnalyzer::new);
        STOCK.put("el", GreekAnalyzer::new);
        STOCK.put("ca", CatalanAnalyzer::new);
        STOCK.put("fa", PersianAnalyzer::new);
        STOCK.put("hi", HindiAnalyzer::new);
        STOCK.put("id", IndonesianAnalyzer::new);
        STOCK.put("th", ThaiAnalyzer::new);
        // Chinese, Japanese and Korean write words without spaces: overlapping pairs of characters (bigrams) find
        // words without a dictionary, the approach of Lucene's CJK analyzer.
        STOCK.put("zh", CJKAnalyzer::new);
        STOCK.put("ja", CJKAnalyzer::new);
        STOCK.put("ko", CJKAnalyzer::new);
    }

    // Each language's analyzer is built when an article or a query of that language first needs it: building all 27 at
    // open loaded their classes, stop-word sets and stemmer tables before the index could answer (280 of the 1,090
    // Lucene classes a server start loaded), and a server whose sources write in three languages kept all of them.
    private final Map<String, Analyzer> byKey = new ConcurrentHashMap<>();

    private static Analyzer other() {
        return new Analyzer(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** The analysis key of an article in this language (an ISO 639-1 code, any case), {@link #OTHER} when none fits. */
    static String key(@Nullable String language) {
        if (language == null) return OTHER;
        String l = language.toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        if (dash > 0) l = l.substring(0, dash);
        return STOCK.containsKey(l) ? l : OTHER;
    }

    /** Every analysis key, {@link #OTHER} last. */
    Iterable<String> keys() {
        return KEYS;
    }

    private static final List<String> KEYS = keyList();

    private static List<String> keyList() {
        List<String> keys = new ArrayList<>(STOCK.keySet());
        keys.add(OTHER);
        return List.copyOf(keys);
    }

    /** The analyzer of an analysis key, the one of {@link #OTHER} for a key it does not know. */
    Analyzer analyzer(String key) {
        String k = STOCK.containsKey(key) ? key : OTHER;
        Analyzer a = byKey.get(k);
        if (a != null) return a;
        return byKey.computeIfAbsent(k, x -> x.equals(OTHER) ? other() : folded(STOCK.get(x).get()));
    }

    /**
     * The language's analyzer with accents folded last (its stemmer expects them), and per-field reuse: an article's
     * title and text are analysed by the same analyzer for the same document.
     */
    private static Analyzer folded(Analyzer stock) {
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return stock;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                return new TokenStreamComponents(components.getSource(), new ASCIIFoldingFilter(components.getTokenStream()));
            }

            @Override
            protected TokenStream wrapTokenStreamForNormalization(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(in);
            }
        };
    }
}
