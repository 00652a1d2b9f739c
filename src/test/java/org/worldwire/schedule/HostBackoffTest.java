package org.worldwire.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostBackoffTest {
    private final HostBackoff backoff = new HostBackoff(Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void doublesFromTheBaseUntilTheCap() {
        // jitter just below 1: the top of each range, which doubles 1, 2, 4 … minutes until the hour.
        double top = Math.nextDown(1.0);
        assertThat(backoff.delay(1, top)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delay(2, top)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delay(6, top)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.delay(7, top)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delay(1_000, top)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterSpreadsBetweenHalfAndAllOfTheWait() {
        // Equal jitter: never sooner than half, so a dead host is not retried at once by an unlucky draw.
        assertThat(backoff.delay(3, 0.0)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofMinutes(3));
        assertThat(backoff.delay(Integer.MAX_VALUE, 0.0)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void takesItsRangeFromTheSchedule() {
        HostBackoff fast = HostBackoff.of(new ScheduleConfig(60, Duration.ZERO, Duration.ofMinutes(5), Duration.ZERO));
        // A schedule that may poll continuously still waits a second before retrying a dead host.
        assertThat(fast.base()).isEqualTo(Duration.ofSeconds(1));
        assertThat(fast.cap()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesArgumentsOutsideItsContract() {
        assertThatThrownBy(() -> backoff.delay(0, 0.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failures");
        assertThatThrownBy(() -> backoff.delay(1, 1.0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new HostBackoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
