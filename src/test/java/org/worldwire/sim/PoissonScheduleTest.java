package org.worldwire.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonScheduleTest {

    @Test
    void gapsAreExponentialWithTheMeanOfTheRate() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 50_000;
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) gaps[i] = PoissonSchedule.gapNanos(r, 600) / 1e9; // 10 per second
        double mean = Arrays.stream(gaps).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).average().orElseThrow());
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        assertThat(mean).isCloseTo(0.1, offset(0.002));
        // An exponential has a coefficient of variation of 1 and a median of ln 2 times its mean; a fixed
        // interval would give 0 and 1.
        assertThat(sd / mean).isCloseTo(1.0, offset(0.03));
        assertThat(sorted[n / 2] / mean).isCloseTo(Math.log(2), offset(0.02));
    }

    @Test
    void dealsEventsInProportionToRatesAndNeverToSilentPublishers() {
        double[] rates = {1, 0, 3, 0, 6};
        PoissonSchedule s = PoissonSchedule.of(rates, 0);
        assertThat(s.totalPerMinute()).isEqualTo(10);
        int[] counts = new int[rates.length];
        SplittableRandom r = new SplittableRandom(2);
        int n = 100_000;
        for (int i = 0; i < n; i++) counts[s.pick(r.nextDouble())]++;
        assertThat(counts[1]).isZero();
        assertThat(counts[3]).isZero();
        assertThat(counts[0] / (double) n).isCloseTo(0.1, offset(0.01));
        assertThat(counts[2] / (double) n).isCloseTo(0.3, offset(0.01));
        assertThat(counts[4] / (double) n).isCloseTo(0.6, offset(0.01));
        // The edges: u = 0 and a hit exactly on a running sum both land on a publisher with a rate.
        assertThat(s.pick(0.0)).isZero();
        assertThat(s.pick(0.1)).isEqualTo(2);
        assertThat(s.pick(0.4)).isEqualTo(4);
    }

    @Test
    void aWorldsRatesKeepTheConfiguredMeanUnderSkew() {
        try (PublisherWorld w = PublisherWorld.start(SimConfig.defaults().withPublishers(2_000).withMeanRatePerMinute(2)
                .withRateSkew(1.5).withAutoPublish(false).withInitialArticles(0))) {
            double[] rates = w.publishers().stream().mapToDouble(Publisher::ratePerMinute).sorted().toArray();
            double mean = Arrays.stream(rates).average().orElseThrow();
            assertThat(mean).isCloseTo(2, offset(0.4));
            // Skewed: the busiest tenth publish far more than the quietest tenth.
            assertThat(rates[rates.length * 9 / 10] / rates[rates.length / 10]).isGreaterThan(10);
        }
    }
}
