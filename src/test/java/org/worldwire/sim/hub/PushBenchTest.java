package org.worldwire.sim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushBenchTest {
    @Test
    void pushedEntriesArriveSignedAndParsedWithinASecond() throws Exception {
        PushBench.Result r = PushBench.run(40, Duration.ofSeconds(3), 30, 1);
        assertThat(r.subscribed()).isEqualTo(40);
        assertThat(r.published()).isGreaterThan(20);
        assertThat(r.received()).isEqualTo(r.published());
        assertThat(r.rejected()).isZero();
        assertThat(r.p95Ms()).isLessThan(1000);
    }
}
