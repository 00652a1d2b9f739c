package org.worldwire.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.worldwire.model.Article;
import org.worldwire.sim.Lexicon.Language;
import org.worldwire.sim.Lexicon.Place;

/**
 * A year of world news for search benchmarks, written by the simulator's own text generation: the ten languages of
 * its lexicon (English the most, as on the web), a few thousand sources of skewed output (a Zipf law: a few wires
 * publish most), each in its country and language, headlines that name an event kind and a place in the source's
 * language, paragraphs of Zipf-distributed words, and times spread over the year before {@code end}. Article
 * {@code i} is the same for the same seed, so a benchmark can regenerate a query's article instead of keeping it.
 */
public final class SearchCorpus {
    /** Share of articles per language, roughly the web's news. */
    private static final String[] LANGS = {"en", "es", "fr", "de", "pt", "zh", "ar", "ru", "it", "tr"};
    private static final double[] LANG_SHARE = {0.40, 0.11, 0.08, 0.08, 0.06, 0.08, 0.06, 0.06, 0.04, 0.03};

    private final long seed;
    private final Instant end;
    private final int sources;
    private final String[] sourceLanguage;
    private final String[] sourceCountry;
    /** Cumulative Zipf weights of the sources' output. */
    private final double[] sourceWeight;

    /**
     * @param end the newest an article may be; articles spread over the year before it
     * @param sources how many sources publish
     */
    public SearchCorpus(long seed, Instant end, int sources) {
        if (sources < 1) throw new IllegalArgumentException("sources must be at least 1, was " + sources);
        this.seed = seed;
        this.end = end;
        this.sources = sources;
        sourceLanguage = new String[sources];
        sourceCountry = new String[sources];
        sourceWeight = new double[sources];
        SplittableRandom r = new SplittableRandom(seed);
        double sum = 0;
        for (int s = 0; s < sources; s++) {
            String lang = pick(r, LANGS, LANG_SHARE);
            List<Lexicon.Locale> homes = Lexicon.LOCALES.stream().filter(l -> l.language().equals(lang)).toList();
            sourceLanguage[s] = lang;
            sourceCountry[s] = homes.isEmpty() ? "US" : homes.get(r.nextInt(homes.size())).country();
            sourceWeight[s] = sum += 1.0 / (s + 1);
        }
    }

    private static String pick(SplittableRandom r, String[] values, double[] shares) {
        double x = r.nextDouble(), acc = 0;
        for (int i = 0; i < values.length; i++) {
            acc += shares[i];
            if (x < acc) return values[i];
        }
        return values[0];
    }

    /** Article {@code i} (its id is {@code i + 1}). */
    public Article article(long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        double x = r.nextDouble() * sourceWeight[sources - 1];
        int s = java.util.Arrays.binarySearch(sourceWeight, x);
        s = s >= 0 ? s : Math.min(sources - 1, -s - 1);
        String lang = sourceLanguage[s];
        Language language = Lexicon.language(lang);
        NewsWords words = NewsWords.of(lang);
        EventKind kind = EventKind.values()[r.nextInt(EventKind.values().length)];
        Place place = Lexicon.PLACES.get(r.nextInt(Lexicon.PLACES.size()));
        String placeName = place.name(lang);
        List<String> kindWords = words.kind(kind);
        String head = kindWords.get(r.nextInt(kindWords.size()));
        String title = Text.capitalize(Text.fill(language.placeTemplate(), head + (language.spaced() ? " " : "")
                + Text.phrase(r, language, 3 + r.nextInt(5), 0.3), placeName));
        List<String> paragraphs = new ArrayList<>();
        int n = 2 + r.nextInt(4);
        for (int p = 0; p < n; p++) {
            StringBuilder b = new StringBuilder();
            int sentences = 1 + r.nextInt(3);
            for (int k = 0; k < sentences; k++) {
                if (k > 0 && language.spaced()) b.append(' ');
                b.append(Text.sentence(r, language, p == 0 && k == 0 ? placeName : null));
            }
            paragraphs.add(b.toString());
        }
        LinkedHashSet<String> countries = new LinkedHashSet<>();
        countries.add(place.country());
        if (r.nextInt(3) == 0) countries.add(sourceCountry[s]);
        if (r.nextInt(5) == 0) countries.add(Lexicon.PLACES.get(r.nextInt(Lexicon.PLACES.size())).country());
        // news volume grows towards the present a little, as archives thin out
        double age = Math.pow(r.nextDouble(), 1.3);
        Instant t = end.minus(Duration.ofSeconds((long) (age * 365 * 86_400)));
        long id = i + 1;
        return new Article(id, s + 1, "https://news" + (s + 1) + ".example/" + id, "g" + id, title, null, t, t,
                paragraphs, null, null, lang, List.copyOf(countries), List.of(place.country()));
    }
}
