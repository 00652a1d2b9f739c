package org.worldwire.dedup.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.worldwire.dedup.ContentFingerprint;
import org.worldwire.dedup.UrlCanonicalizer;
import org.worldwire.opml.Opml;
import org.worldwire.opml.OpmlSource;

/**
 * Speed of the two dedup steps every new entry passes: canonicalising its link and fingerprinting its text.
 * Run after {@code mvn test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test}:
 * {@code java -cp target/test-classes:target/classes:$(cat target/test.cp) org.worldwire.dedup.bench.DedupBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DedupBenchmark {
    private static final String[] TRACKING = {
        "utm_source=rss&utm_medium=feed&utm_campaign=world", "fbclid=IwAR0abcdefghijkl", "xtor=RSS-3208",
        "gclid=Cj0KCQ", "", "", "",
    };
    private static final String[] PATHS = {
        "/world/2026/11/28/elections-results-live", "/news/world-europe-67812345", "/./a/../politik/ausland/story.html",
        "/internacional/2026-11-28/la-cumbre-del-clima.html", "/article/%e4%b8%ad%e5%9b%bd", "/2026/11/28/",
    };

    /** Realistic article links: hosts of the seed list, news-like paths, a share of tracking parameters. */
    private String[] urls;
    private String[] texts;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<OpmlSource> seeds = Opml.seedSources();
        urls = new String[1024];
        for (int i = 0; i < urls.length; i++) {
            String feed = seeds.get(random.nextInt(seeds.size())).feedUrl();
            int hostEnd = feed.indexOf('/', feed.indexOf("//") + 2);
            String origin = hostEnd < 0 ? feed : feed.substring(0, hostEnd);
            if (random.nextBoolean()) origin = origin.toUpperCase(java.util.Locale.ROOT).replace("HTTPS", "https");
            String query = TRACKING[random.nextInt(TRACKING.length)];
            urls[i] = origin + PATHS[random.nextInt(PATHS.length)] + (query.isEmpty() ? "" : "?id=" + i + "&" + query)
                    + (random.nextInt(4) == 0 ? "#comments" : "");
        }
        texts = new String[64];
        String[] vocabulary = vocabulary(random, 5000);
        for (int i = 0; i < texts.length; i++) {
            StringBuilder sb = new StringBuilder();
            int words = 400 + random.nextInt(400); // news bodies: median about 500 words
            for (int w = 0; w < words; w++) {
                // Zipf-like: common words far more often than rare ones, as in prose
                int idx = (int) Math.min(vocabulary.length - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(vocabulary.length))));
                sb.append(vocabulary[idx]).append(w % 17 == 16 ? ". " : " ");
            }
            texts[i] = sb.toString();
        }
    }

    private static String[] vocabulary(Random random, int size) {
        String[] v = new String[size];
        for (int i = 0; i < size; i++) {
            char[] w = new char[2 + random.nextInt(9)];
            for (int k = 0; k < w.length; k++) w[k] = (char) ('a' + random.nextInt(26));
            v[i] = new String(w);
        }
        return v;
    }

    @Benchmark
    public String canonicalize() {
        return UrlCanonicalizer.canonicalize(urls[next++ & 1023], null);
    }

    @Benchmark
    public ContentFingerprint fingerprintArticle() {
        return ContentFingerprint.of("A headline of about ten words on the story of the day", texts[next++ & 63]);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(DedupBenchmark.class.getSimpleName()).build()).run();
    }
}
