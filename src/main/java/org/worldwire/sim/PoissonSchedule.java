package org.worldwire.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The arithmetic of publication: independent Poisson processes per publisher are one Poisson process at the sum
 * of their rates whose events are dealt to publishers in proportion to their rates. Kept apart from the clock
 * thread so that its statistics can be tested without waiting for real time.
 *
 * @param cumulative running sums of the per-publisher rates, articles per minute
 * @param totalPerMinute sum of all rates
 * @param version changes whenever a rate changes, so the clock knows to redraw
 */
record PoissonSchedule(double[] cumulative, double totalPerMinute, long version) {

    static PoissonSchedule of(double[] ratesPerMinute, long version) {
        double[] cum = new double[ratesPerMinute.length];
        double sum = 0;
        for (int i = 0; i < ratesPerMinute.length; i++) {
            sum += ratesPerMinute[i];
            cum[i] = sum;
        }
        return new PoissonSchedule(cum, sum, version);
    }

    /** Nanoseconds to the next event of a Poisson process of {@code perMinute} events per minute (exponential). */
    static long gapNanos(SplittableRandom r, double perMinute) {
        return (long) (-Math.log(1 - r.nextDouble()) * 60e9 / perMinute);
    }

    /** The publisher that gets an event, for {@code u} uniform in [0, 1): chance proportional to its rate. */
    int pick(double u) {
        double target = u * totalPerMinute;
        int i = Arrays.binarySearch(cumulative, target);
        // An exact hit on a running sum belongs to the next publisher with a rate above zero.
        i = i < 0 ? -i - 1 : i + 1;
        while (i < cumulative.length - 1 && rate(i) <= 0) i++;
        return Math.min(i, cumulative.length - 1);
    }

    private double rate(int i) {
        return i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1];
    }
}
