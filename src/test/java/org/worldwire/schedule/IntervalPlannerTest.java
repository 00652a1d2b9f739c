package org.worldwire.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IntervalPlannerTest {
    private static final long MIN = 60_000L;
    private static final long DAY = 86_400_000L;
    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    private static double[] constant(double perHour) {
        double[] r = new double[24];
        Arrays.fill(r, perHour / 3600);
        return r;
    }

    @Test
    void constantRatePollsEverySqrtOfTwoThetaOverLambda() {
        // λT²/2 = θ  ⇒  T = √(2θ/λ): 4 an hour and θ = 450 entry-seconds gives T = √(2·450·900) = 900 s.
        long next = IntervalPlanner.nextPoll(constant(4), T0, 450, MIN, DAY);
        assertThat(next - T0).isCloseTo(900_000L, within(1_000L));
    }

    @Test
    void intervalsAreInverselyProportionalToTheSquareRootOfTheRate() {
        double theta = 300;
        long fast = IntervalPlanner.nextPoll(constant(16), T0, theta, MIN, DAY) - T0;
        long slow = IntervalPlanner.nextPoll(constant(1), T0, theta, MIN, DAY) - T0;
        assertThat((double) slow / fast).isCloseTo(4.0, within(0.01));
    }

    @Test
    void thresholdSpendsExactlyTheBudget() {
        double[] rates = {16.0 / 3600, 4.0 / 3600, 1.0 / 3600, 0.25 / 3600};
        double budget = 10.0 / 3600; // ten requests an hour
        double theta = IntervalPlanner.threshold(rates, rates.length, budget, MIN, DAY);
        double spent = 0;
        for (double r : rates) spent += 1.0 / Math.sqrt(2 * theta / r);
        assertThat(spent).isCloseTo(budget, within(budget * 1e-6));
        // Unclamped optimum: T_i = c/√λ_i with c = Σ√λ / B.
        double c = Arrays.stream(rates).map(Math::sqrt).sum() / budget;
        assertThat(Math.sqrt(2 * theta)).isCloseTo(c, within(c * 1e-6));
    }

    @Test
    void clampsIntervalsToTheMinimumWhenTheBudgetIsLarge() {
        double theta = IntervalPlanner.threshold(new double[] {1.0 / 3600}, 1, 1.0, MIN, DAY);
        assertThat(IntervalPlanner.nextPoll(constant(1), T0, theta, MIN, DAY) - T0).isEqualTo(MIN);
    }

    @Test
    void aSilentSourceWaitsTheMaximum() {
        assertThat(IntervalPlanner.nextPoll(new double[24], T0, 10, MIN, DAY)).isEqualTo(T0 + DAY);
    }

    @Test
    void pollsSoonerWhenTheSourceIsAboutToGetBusy() {
        // Quiet until 06:00, then 20 an hour: the poll lands shortly after the busy hours start, not hours later.
        double[] rates = new double[24];
        for (int h = 6; h < 24; h++) rates[h] = 20.0 / 3600;
        long next = IntervalPlanner.nextPoll(rates, T0, 20, MIN, DAY);
        long sixAm = T0 + 6 * 3_600_000L;
        assertThat(next).isBetween(sixAm, sixAm + 10 * 60_000L);
    }

    @Test
    void analyticBoundMatchesTheClosedForm() {
        double[] rates = {4, 1};
        // (√4+√1)² / (2·B·(4+1)) with B = 1: 9/10.
        assertThat(IntervalPlanner.optimalMeanDelay(rates, 2, 1)).isCloseTo(0.9, within(1e-9));
    }
}
