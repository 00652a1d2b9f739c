package org.worldwire.ingest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where the pipeline's CPU-bound stages run (parsing and extracting a page, language and places, the group commit):
 * on one platform thread per core, not on the virtual threads that fetch the pages. Virtual threads are never
 * preempted, and the site's requests run on virtual threads over the same carriers, one per core: while a worker
 * extracted a page on a carrier (milliseconds of CPU), requests queued behind it, which was the tail of the site's
 * latency under ingest. Platform threads are time-sliced by the operating system against the carriers instead.
 *
 * <p>The pool also bounds how many parsed pages (each many times its page in the heap) exist at once. The caller
 * waits for its stage without being interruptible, as Lucene and SQLite must not see an interrupt; closing lets the
 * stages already submitted finish.
 */
final class CpuStages implements AutoCloseable {
    private final ExecutorService pool;

    CpuStages(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads,
                r -> Thread.ofPlatform().name(name + "-" + n.incrementAndGet()).daemon().unstarted(r));
    }

    /** One thread per core the JVM may use. */
    static CpuStages perCore(String name) {
        return new CpuStages(name, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Runs {@code stage} on the pool and returns its result, or throws what it threw. */
    <T> T run(Supplier<T> stage) {
        Future<T> result = pool.submit(stage::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case RuntimeException r -> throw r;
                        case Error err -> throw err;
                        default -> throw new IllegalStateException(e.getCause());
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    void run(Runnable stage) {
        run(() -> {
            stage.run();
            return null;
        });
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS); // daemon threads: a stage still running does not hold the JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
