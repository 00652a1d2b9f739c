package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ThreadCpuTest {
    @Test
    void threadsAreGroupedByThePartOfTheServerTheirNameSays() {
        assertThat(ThreadCpu.part("ingest-cpu-2")).isEqualTo("page stages");
        assertThat(ThreadCpu.part("ingest-commit-1")).isEqualTo("commit");
        assertThat(ThreadCpu.part("Lucene Merge Th")).isEqualTo("index upkeep");
        assertThat(ThreadCpu.part("lucene-maintena")).isEqualTo("index upkeep");
        assertThat(ThreadCpu.part("ForkJoinPool-1-")).isEqualTo("fetch and poll");
        assertThat(ThreadCpu.part("C2 CompilerThre")).isEqualTo("JIT");
        assertThat(ThreadCpu.part("G1 Conc#0")).isEqualTo("GC");
        assertThat(ThreadCpu.part("main")).isEqualTo("other");
    }

    @Test
    void aStatLineIsReadAfterTheNameWhateverTheNameHolds() {
        // proc(5): pid (comm) state ppid ... utime(14) stime(15); a name may hold spaces and parentheses
        String stat = "4242 (Lucene (Merge) 1) S 1 4242 4242 0 -1 4194368 100 0 0 0 317 42 0 0 20 0 60 0 1000 0 0";
        assertThat(ThreadCpu.ticks(stat)).isEqualTo(359);
    }

    @Test
    void whatEndedThreadsUsedIsWhatTheProcessUsedBeyondTheLivingOnes() {
        var before = Map.of("1", new ThreadCpu.Sample("JIT", 100), "2", new ThreadCpu.Sample("commit", 50),
                "3", new ThreadCpu.Sample("index upkeep", 10));
        var after = Map.of("1", new ThreadCpu.Sample("JIT", 300), "2", new ThreadCpu.Sample("commit", 150),
                "4", new ThreadCpu.Sample("commit", 20));
        Map<String, Double> used = ThreadCpu.between(before, after, 5.0);
        assertThat(used.get("JIT")).isCloseTo(2.0, within(1e-9));
        assertThat(used.get("commit")).isCloseTo(1.2, within(1e-9));
        assertThat(used.get("index upkeep")).isZero();
        assertThat(used.get("ended threads")).isCloseTo(1.8, within(1e-9));
        assertThat(used.keySet()).startsWith(ThreadCpu.PARTS.toArray(String[]::new));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theRunningThreadsAreFoundWithTheTimeTheyUsed() throws Exception {
        Thread spinning = Thread.ofPlatform().name("ingest-cpu-test").start(() -> {
            long end = System.nanoTime() + 400_000_000L;
            while (System.nanoTime() < end) Thread.onSpinWait();
        });
        Thread.sleep(250);
        Map<String, ThreadCpu.Sample> now = ThreadCpu.snapshot();
        spinning.join();
        assertThat(now.values()).anySatisfy(s -> {
            assertThat(s.part()).isEqualTo("page stages");
            assertThat(s.ticks()).isPositive();
        });
    }
}
