package org.worldwire.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RateEstimateTest {
    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final long HALF_LIFE = Duration.ofDays(14).toMillis();

    @Test
    void learnsTheRateFromTheHistoryTheFirstLookShows() {
        RateEstimate e = new RateEstimate(HALF_LIFE);
        // Twenty entries, one every 30 minutes, the oldest ten hours before the poll: 2 an hour.
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 20; i++) times.add(Instant.ofEpochMilli(T0 - 10 * HOUR + i * HOUR / 2));
        e.observe(T0, times);
        // 19 events (the oldest only opens the window) over 10 hours, pulled slightly towards the weak prior.
        assertThat(e.meanRate() * 3600).isCloseTo(1.9, within(0.15));
    }

    @Test
    void ignoresUndatedEntriesOnTheFirstLook() {
        RateEstimate e = new RateEstimate(HALF_LIFE);
        // Undated feeds report discovery times: all equal to the poll. They say nothing about the rate.
        e.observe(T0, List.of(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0)));
        assertThat(e.evidence()).isZero();
        assertThat(e.seen()).isTrue();
    }

    @Test
    void distrustsAFirstLookWhoseEntriesShareOneStamp() {
        RateEstimate e = new RateEstimate(HALF_LIFE);
        // Twenty entries all dated one minute ago: the feed's build time, not twenty publications in a minute.
        Instant stamp = Instant.ofEpochMilli(T0 - 60_000);
        e.observe(T0, java.util.Collections.nCopies(20, stamp));
        assertThat(e.evidence()).isZero();
        assertThat(e.meanRate() * 86_400).isLessThan(20);
    }

    @Test
    void convergesToTheTrueRateOfAPoissonSourceAfterADayOfPolls() {
        SplittableRandom rnd = new SplittableRandom(7);
        RateEstimate e = new RateEstimate(HALF_LIFE);
        double perHour = 3;
        long t = T0;
        double next = T0 + exp(rnd, perHour);
        e.observe(T0, List.of());
        for (int poll = 1; poll <= 24 * 6; poll++) { // a poll every 10 minutes for a day
            t = T0 + poll * HOUR / 6;
            List<Instant> fresh = new ArrayList<>();
            while (next <= t) {
                fresh.add(Instant.ofEpochMilli((long) next));
                next += exp(rnd, perHour);
            }
            e.observe(t, fresh);
        }
        assertThat(e.meanRate() * 3600).isCloseTo(perHour, within(0.6));
    }

    @Test
    void learnsADailyRhythm() {
        RateEstimate e = new RateEstimate(HALF_LIFE);
        e.observe(T0, List.of());
        // Two weeks: 12 entries in the 14:00 UTC hour every day, none at night.
        for (int day = 0; day < 14; day++) {
            for (int h = 1; h <= 24; h++) {
                long t = T0 + day * 24 * HOUR + h * HOUR;
                List<Instant> fresh = new ArrayList<>();
                if ((h - 1) == 14) for (int k = 0; k < 12; k++) fresh.add(Instant.ofEpochMilli(t - HOUR + k * 5 * 60_000L));
                e.observe(t, fresh);
            }
        }
        double[] rates = new double[RateEstimate.BINS];
        e.rates(rates);
        assertThat(rates[14]).isGreaterThan(10 * rates[2]);
        // Neighbouring hours share evidence, so a one-hour spike of 12 reads as a smoothed peak of several an hour.
        assertThat(rates[14] * 3600).isGreaterThan(3);
    }

    @Test
    void forgetsOldEvidenceSoAChangeOfPaceIsFollowed() {
        RateEstimate e = new RateEstimate(Duration.ofDays(1).toMillis());
        e.observe(T0, List.of());
        long t = T0;
        for (int h = 1; h <= 48; h++) { // two days at 10 an hour
            t = T0 + h * HOUR;
            List<Instant> fresh = new ArrayList<>();
            for (int k = 0; k < 10; k++) fresh.add(Instant.ofEpochMilli(t - k * 6 * 60_000L));
            e.observe(t, fresh);
        }
        double busy = e.meanRate();
        for (int h = 1; h <= 24 * 7; h++) e.observe(t + h * HOUR, List.of()); // then a silent week
        assertThat(e.meanRate()).isLessThan(busy / 10);
    }

    @Test
    void countsALateDatedEntryInTheIntervalItAppearedIn() {
        RateEstimate e = new RateEstimate(HALF_LIFE);
        e.observe(T0, List.of());
        // An entry dated a month back but first listed now is still one arrival in (T0, T0+1h].
        e.observe(T0 + HOUR, List.of(Instant.ofEpochMilli(T0 - 30 * 24 * HOUR)));
        assertThat(e.evidence()).isCloseTo(1.0, within(0.01));
    }

    private static double exp(SplittableRandom rnd, double perHour) {
        return -Math.log(1 - rnd.nextDouble()) / perHour * HOUR;
    }
}
