package org.worldwire.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

/**
 * The extraction hot path: bytes in, article out, one page per call, cycling through a page set.
 * {@code pages} names a directory of {@code *.html} (bench/extraction.sh passes the dev set), or
 * {@code fixtures} for the small pages beside the unit tests.
 *
 * <p>Run: {@code bench/extraction.sh --jmh}, or after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main ArticleExtractorBenchmark -p pages=DIR}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseSerialGC"})
public class ArticleExtractorBenchmark {
    private static final String[] FIXTURES = {"news-jsonld.html", "russian.html", "arabic.html", "japanese.html", "old-table-layout.html"};

    @Param("fixtures")
    public String pages;

    private List<byte[]> set;
    private int next;

    @Setup
    public void load() throws IOException {
        set = new ArrayList<>();
        if (pages.equals("fixtures")) {
            for (String f : FIXTURES) set.add(ArticleExtractorTest.fixture(f).getBytes(StandardCharsets.UTF_8));
        } else {
            try (Stream<Path> files = Files.list(Path.of(pages))) {
                for (Path p : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) set.add(Files.readAllBytes(p));
            }
        }
        if (set.isEmpty()) throw new IllegalStateException("no pages in " + pages);
    }

    /** Pages per second, single thread. */
    @Benchmark
    public void extract(Blackhole bh) {
        byte[] page = set.get(next);
        next = next + 1 == set.size() ? 0 : next + 1;
        bh.consume(ArticleExtractor.extract(page, null, null));
    }
}
