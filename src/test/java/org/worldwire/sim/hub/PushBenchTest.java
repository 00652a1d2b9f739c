package org.worldwire.sim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushBenchTest {
    @Test
    void everyPushedEntryArrivesSignedParsedAndTimed() throws Exception {
        PushBench.Result r = PushBench.run(40, Duration.ofSeconds(3), 30, 1);
        assertThat(r.subscribed()).isEqualTo(40);
        assertThat(r.published()).isGreaterThan(20);
        assertThat(r.received()).isEqualTo(r.published());
        assertThat(r.rejected()).isZero();
        // The 1 s goal is the bench's to measure (warm JVM, quiet machine); here only that the timing is sane, since
        // a cold test JVM on a loaded build machine can stall for seconds.
        assertThat(r.p50Ms()).isPositive().isLessThanOrEqualTo(r.p95Ms());
        assertThat(r.p95Ms()).isLessThanOrEqualTo(r.maxMs()).isLessThan(15_000);
    }
}
