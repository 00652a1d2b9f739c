package org.worldwire.dedup.bench;

import java.util.Random;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.worldwire.dedup.NearDuplicateIndex;

/**
 * Lookup and insert time of a full {@link NearDuplicateIndex}: half the queries are
 * near duplicates of stored entries (a few bits flipped), half are new articles.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/test.cp) org.worldwire.dedup.bench.NearDuplicateIndexBenchmark}
 * (classpath file as in {@link DedupBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class NearDuplicateIndexBenchmark {
    @Param({"10000", "100000"})
    public int capacity;

    /** 8 is the default near-duplicate distance; 3 is Manku et al.'s, for comparison of the cost. */
    @Param({"3", "8"})
    public int maxDistance;

    private NearDuplicateIndex index;
    private long[] queries;
    private long nextId;
    private int next;
    private final Random random = new Random(5);

    @Setup
    public void setUp() {
        index = new NearDuplicateIndex(capacity, maxDistance);
        long[] stored = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            stored[i] = random.nextLong();
            index.add(stored[i], nextId++);
        }
        queries = new long[4096];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = i % 2 == 0 ? stored[random.nextInt(capacity)] ^ (1L << random.nextInt(64)) ^ (1L << random.nextInt(64))
                    : random.nextLong();
        }
    }

    @Benchmark
    public boolean lookup() {
        return index.findNear(queries[next++ & 4095]).isPresent();
    }

    /** Insert into a full index: every add evicts the oldest entry. */
    @Benchmark
    public void add() {
        index.add(queries[next++ & 4095], nextId++);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(NearDuplicateIndexBenchmark.class.getSimpleName()).build()).run();
    }
}
