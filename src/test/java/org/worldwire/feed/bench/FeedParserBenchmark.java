package org.worldwire.feed.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.worldwire.feed.FeedContext;
import org.worldwire.feed.FeedParser;
import org.worldwire.model.ParsedFeed;

/**
 * Feed-parsing throughput, ours against ROME, on the same corpus, one thread. Each operation parses the whole
 * corpus once; {@link #main} turns operations per second into MB/s of feed XML.
 *
 * <p>Run: {@code bench/feeds.sh}, or {@code java -cp <test classpath> org.worldwire.feed.bench.FeedParserBenchmark
 * [suite dir]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC"})
public class FeedParserBenchmark {

    /** "generated" or "suite"; the suite is read from the directory in system property worldwire.feeds.suite. */
    @Param({"generated"})
    public String corpus;

    private List<byte[]> docs;

    @Setup
    public void load() {
        docs = corpus(corpus);
        if (docs.isEmpty()) throw new IllegalStateException("empty corpus: " + corpus);
    }

    static List<byte[]> corpus(String name) {
        return name.equals("suite")
                ? FeedCorpus.suite(Path.of(System.getProperty("worldwire.feeds.suite", "../shared/bench/feeds/dev")))
                : FeedCorpus.generated();
    }

    @Benchmark
    public void worldwire(Blackhole bh) {
        for (byte[] d : docs) {
            ParsedFeed f = FeedParser.parse(d, FeedContext.of("https://example.com/feed"));
            bh.consume(f);
        }
    }

    @Benchmark
    public void rome(Blackhole bh) {
        for (byte[] d : docs) {
            try {
                SyndFeedInput in = new SyndFeedInput();
                in.setAllowDoctypes(false);
                SyndFeed f = in.build(new XmlReader(new ByteArrayInputStream(d)));
                bh.consume(f);
            } catch (Exception | Error e) {
                // ROME refuses what it cannot read; the work done until then is what it cost.
                bh.consume(e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String suiteDir = args.length > 0 ? args[0] : null;
        List<String> corpora = new java.util.ArrayList<>(List.of("generated"));
        if (suiteDir != null && java.nio.file.Files.isDirectory(Path.of(suiteDir))) {
            System.setProperty("worldwire.feeds.suite", suiteDir);
            corpora.add("suite");
        }
        List<String> lines = new java.util.ArrayList<>();
        for (String c : corpora) {
            List<byte[]> docs = corpus(c);
            long bytes = docs.stream().mapToLong(d -> d.length).sum();
            OptionsBuilder builder = new OptionsBuilder();
            if (Boolean.getBoolean("worldwire.bench.quick")) {
                builder.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3).measurementTime(TimeValue.seconds(1));
            }
            Options opt = builder
                    .include(FeedParserBenchmark.class.getName() + "\\.")
                    .param("corpus", c)
                    .jvmArgsAppend("-Dworldwire.feeds.suite=" + System.getProperty("worldwire.feeds.suite", ""))
                    .build();
            double ours = 0, rome = 0;
            for (RunResult r : new Runner(opt).run()) {
                double opsPerSecond = r.getPrimaryResult().getScore();
                String m = r.getParams().getBenchmark();
                if (m.endsWith(".worldwire")) ours = opsPerSecond;
                if (m.endsWith(".rome")) rome = opsPerSecond;
            }
            double oursMb = ours * bytes / 1e6, romeMb = rome * bytes / 1e6;
            lines.add(String.format(Locale.ROOT, "feed parsing, corpus %s (%d feeds, %.2f MB), JMH wall clock: worldwire %.1f MB/s, ROME %.1f MB/s, ratio %.2fx",
                    c, docs.size(), bytes / 1e6, oursMb, romeMb, rome == 0 ? 0 : ours / rome));
            // On a shared machine the wall clock undercounts what one core does; thread CPU time does not.
            FeedParserBenchmark b = new FeedParserBenchmark();
            b.docs = docs;
            double oursCpu = cpuMegabytesPerSecond(b::worldwire, bytes);
            double romeCpu = cpuMegabytesPerSecond(b::rome, bytes);
            lines.add(String.format(Locale.ROOT, "feed parsing, corpus %s, per CPU-second of one thread: worldwire %.1f MB/s, ROME %.1f MB/s, ratio %.2fx",
                    c, oursCpu, romeCpu, oursCpu / romeCpu));
        }
        lines.forEach(System.out::println);
    }

    /** Warms up, then runs the parse for about 5 CPU-seconds of this thread and returns MB per CPU-second. */
    private static double cpuMegabytesPerSecond(java.util.function.Consumer<Blackhole> parse, long bytes) {
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long warm = mx.getCurrentThreadCpuTime();
        while (mx.getCurrentThreadCpuTime() - warm < 5_000_000_000L) parse.accept(bh);
        long start = mx.getCurrentThreadCpuTime();
        long rounds = 0;
        while (mx.getCurrentThreadCpuTime() - start < 5_000_000_000L) {
            parse.accept(bh);
            rounds++;
        }
        double seconds = (mx.getCurrentThreadCpuTime() - start) / 1e9;
        return rounds * bytes / 1e6 / seconds;
    }
}
