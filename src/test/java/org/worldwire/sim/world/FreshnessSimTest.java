package org.worldwire.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessSimTest {
    private static WorldSpec small(long seed) {
        return new WorldSpec(300, Instant.parse("2026-01-05T00:00:00Z"), Duration.ofDays(2), 4.0, 0.75, 20, seed);
    }

    @Test
    void theSameSeedMakesTheSameWorld() {
        SimWorld a = SimWorld.generate(small(3)), b = SimWorld.generate(small(3));
        assertThat(a.entriesInPeriod()).isEqualTo(b.entriesInPeriod());
        assertThat(a.publishedAt(17, 3)).isEqualTo(b.publishedAt(17, 3));
        assertThat(a.host(299)).isEqualTo(b.host(299));
    }

    @Test
    void ratesAreSkewedAndFollowADailyRhythm() {
        SimWorld w = SimWorld.generate(WorldSpec.newsWeek(2000, 5));
        double[] perDay = new double[w.size()];
        double peakOverTrough = 0;
        for (int i = 0; i < w.size(); i++) {
            double[] r = w.trueRates(i);
            double sum = 0, max = 0, min = Double.MAX_VALUE;
            for (double v : r) {
                sum += v * 3600;
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            perDay[i] = sum;
            peakOverTrough += max / min / w.size();
        }
        java.util.Arrays.sort(perDay);
        assertThat(perDay[w.size() / 2]).isBetween(2.0, 8.0); // most: a few a day
        assertThat(perDay[w.size() - w.size() / 100]).isGreaterThan(100); // the top 1 %: every few minutes
        assertThat(peakOverTrough).isGreaterThan(2);
    }

    @Test
    void theDefaultWorldIsConcentratedLikeNewsButNoMoreThanMeasuredFeedPopulations() {
        double share = SimWorld.generate(WorldSpec.newsWeek(2000, 5)).topShare(0.17);
        assertThat(share).isBetween(0.8, 0.97);
    }

    @Test
    void adaptiveSchedulingBeatsUniformAndApproachesTheOracleAtEqualBudget() {
        SimWorld w = SimWorld.generate(small(11));
        FreshnessBench.Result r = FreshnessBench.run(w, 300 / 60);
        DelayStats ours = r.byPolicy().get("ours"), uniform = r.byPolicy().get("uniform");
        DelayStats oracle = r.byPolicy().get("oracle");
        assertThat(ours.meanMs()).isLessThan(uniform.meanMs() / 1.5);
        assertThat(ours.meanMs()).isLessThan(oracle.meanMs() * 1.3);
        assertThat(oracle.meanMs()).isGreaterThan(0.9 * r.analyticBoundMs());
        // Equal budget: every policy spends within a few percent of the others.
        assertThat((double) ours.requests()).isBetween(0.95 * uniform.requests(), 1.05 * uniform.requests());
        assertThat(ours.detected() + ours.missed()).isEqualTo(w.entriesInPeriod());
        // Overloaded hosts answered 503 with Retry-After, and no policy ever broke a host's limits.
        assertThat(r.byPolicy().values()).allSatisfy(s -> assertThat(s.impolite()).isZero());
        assertThat(r.byPolicy().values()).anySatisfy(s -> assertThat(s.failures()).isPositive());
    }
}
