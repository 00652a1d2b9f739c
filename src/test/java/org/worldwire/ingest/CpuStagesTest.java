package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CpuStagesTest {
    /** Spins for {@code millis} without blocking, as parsing a page does. */
    private static long spin(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long x = 0;
        while (System.nanoTime() < end) x += x * 31 + 7;
        return x;
    }

    @Test
    void virtualThreadsRunWhileEveryCoreHasAStageToCompute() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (CpuStages stages = new CpuStages("test", cores)) {
            // as many virtual-thread workers as there are cores, each in a long stage: before, they held every carrier
            CountDownLatch computing = new CountDownLatch(cores);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                workers.add(Thread.ofVirtual().start(() -> stages.run(() -> {
                    computing.countDown();
                    return spin(1_500);
                })));
            }
            assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
            long asked = System.nanoTime();
            AtomicBoolean ran = new AtomicBoolean();
            Thread request = Thread.ofVirtual().start(() -> ran.set(true));
            request.join();
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            assertThat(ran).isTrue();
            // a virtual thread pinned behind the stages would have waited for them (1.5 s)
            assertThat(waitedMillis).isLessThan(750);
            for (Thread w : workers) w.join();
        }
    }

    @Test
    void aStageGivesItsResultOrWhatItThrew() {
        try (CpuStages stages = new CpuStages("test", 1)) {
            assertThat(stages.run(() -> "parsed")).isEqualTo("parsed");
            assertThatThrownBy(() -> stages.run(() -> {
                throw new IllegalArgumentException("bad page");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad page");
        }
    }

    @Test
    void anInterruptedCallerStillGetsItsStageDoneAndKeepsTheInterrupt() throws Exception {
        try (CpuStages stages = new CpuStages("test", 1)) {
            var result = new java.util.concurrent.atomic.AtomicLong(-1);
            var stillInterrupted = new AtomicBoolean();
            Thread caller = Thread.ofVirtual().start(() -> {
                Thread.currentThread().interrupt();
                result.set(stages.run(() -> 42L + spin(50) * 0));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            caller.join();
            assertThat(result.get()).isEqualTo(42L);
            assertThat(stillInterrupted).isTrue();
        }
    }
}
