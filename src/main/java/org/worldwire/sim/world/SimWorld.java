package org.worldwire.sim.world;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Publishers with known truth: each feed's true rate for every UTC hour and the exact publication time of every entry.
 *
 * <p>Rates are log-normal across feeds (see {@link WorldSpec}); each feed has a daily rhythm, a cosine around a peak
 * in the early afternoon of its own time zone, quiet at night; entries are an inhomogeneous Poisson process drawn by
 * thinning. Some feeds share a host (a publisher with many section feeds), so per-host politeness bites. Entries
 * before {@link WorldSpec#start} exist too, as the history a feed lists when first fetched.
 */
public final class SimWorld {
    static final long HOUR_MS = 3_600_000L;
    private static final int[] ZONES = {-8, -6, -5, -3, 0, 1, 2, 3, 5, 7, 8, 9, 10};

    private final WorldSpec spec;
    private final String[] hosts;
    private final double[][] ratePerSecond; // [source][utc hour]
    private final long[][] published; // sorted epoch ms, history first
    private final int[] firstInPeriod; // index of the first entry at or after start

    private SimWorld(WorldSpec spec, String[] hosts, double[][] rates, long[][] published, int[] firstInPeriod) {
        this.spec = spec;
        this.hosts = hosts;
        this.ratePerSecond = rates;
        this.published = published;
        this.firstInPeriod = firstInPeriod;
    }

    /** Generates the world; deterministic for a given spec. */
    public static SimWorld generate(WorldSpec spec) {
        int n = spec.sources();
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        String[] hosts = new String[n];
        double[][] rates = new double[n][24];
        long[][] published = new long[n][];
        int[] first = new int[n];
        long start = spec.start().toEpochMilli();
        // Publishing continues after the measured period so entries near its end can still be detected.
        long end = start + spec.length().toMillis() + 2 * 24 * HOUR_MS;
        long historyLimit = start - 60L * 24 * HOUR_MS;
        int sharedHosts = Math.max(1, n / 100);
        for (int i = 0; i < n; i++) {
            // Seven in ten feeds are alone on their host; the rest belong to multi-feed publishers.
            hosts[i] = rnd.nextDouble() < 0.7 ? "feed" + i + ".sim" : "publisher" + rnd.nextInt(sharedHosts) + ".sim";
            double perDay = spec.medianPerDay() * Math.pow(10, spec.spreadDecades() * rnd.nextGaussian());
            perDay = Math.clamp(perDay, 0.05, 720);
            double amplitude = 0.3 + 0.6 * rnd.nextDouble();
            int zone = ZONES[rnd.nextInt(ZONES.length)];
            for (int h = 0; h < 24; h++) {
                double local = Math.floorMod(h + zone, 24) + 0.5;
                double rhythm = 1 + amplitude * Math.cos(2 * Math.PI * (local - 13) / 24);
                rates[i][h] = perDay / 86_400.0 * rhythm;
            }
            SplittableRandom own = rnd.split();
            long[] history = history(rates[i], start, historyLimit, spec.feedWindow(), own);
            long[] future = poisson(rates[i], start, end, own);
            long[] all = new long[history.length + future.length];
            System.arraycopy(history, 0, all, 0, history.length);
            System.arraycopy(future, 0, all, history.length, future.length);
            published[i] = all;
            first[i] = history.length;
        }
        return new SimWorld(spec, hosts, rates, published, first);
    }

    private static double maxRate(double[] rates) {
        double m = 0;
        for (double r : rates) m = Math.max(m, r);
        return m;
    }

    /** Entries in [from, to) by thinning a homogeneous process at the peak rate. */
    private static long[] poisson(double[] rates, long from, long to, SplittableRandom rnd) {
        double peak = maxRate(rates) / 1000.0; // per ms
        long[] out = new long[16];
        int k = 0;
        double t = from;
        while (true) {
            t += -Math.log(1 - rnd.nextDouble()) / peak;
            if (t >= to) break;
            long ms = (long) t;
            if (rnd.nextDouble() * peak * 1000.0 <= rates[hour(ms)]) {
                if (k == out.length) out = Arrays.copyOf(out, k * 2);
                out[k++] = ms;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** The newest {@code window} entries before {@code start}, walking back in time (Poisson is time-reversible). */
    private static long[] history(double[] rates, long start, long limit, int window, SplittableRandom rnd) {
        double peak = maxRate(rates) / 1000.0;
        long[] out = new long[window];
        int k = 0;
        double t = start;
        while (k < window) {
            t -= -Math.log(1 - rnd.nextDouble()) / peak;
            if (t <= limit) break;
            long ms = (long) t;
            if (rnd.nextDouble() * peak * 1000.0 <= rates[hour(ms)]) out[k++] = ms;
        }
        long[] h = Arrays.copyOf(out, k);
        Arrays.sort(h);
        return h;
    }

    static int hour(long ms) {
        return (int) Math.floorMod(Math.floorDiv(ms, HOUR_MS), 24L);
    }

    public WorldSpec spec() {
        return spec;
    }

    public int size() {
        return hosts.length;
    }

    public String host(int source) {
        return hosts[source];
    }

    /**
     * One host in fifty is overloaded now and then: a tenth of its requests get 503 with {@code Retry-After: 120}.
     * Derived from the host's name so that adding it left the rest of the world unchanged.
     */
    public boolean flaky(int source) {
        return Math.floorMod(hosts[source].hashCode() * 0x9E3779B9, 50) == 0;
    }

    /** The true rate of a source for each UTC hour, entries per second (a copy). */
    public double[] trueRates(int source) {
        return ratePerSecond[source].clone();
    }

    double trueRate(int source, long atMs) {
        return ratePerSecond[source][hour(atMs)];
    }

    /** All publication times of a source, sorted, epoch ms, history included (do not modify). */
    long[] published(int source) {
        return published[source];
    }

    /** Index of the first entry published at or after the start of the measured period. */
    int firstInPeriod(int source) {
        return firstInPeriod[source];
    }

    /** Entries published in the measured period, over all sources. */
    public long entriesInPeriod() {
        long end = spec.start().toEpochMilli() + spec.length().toMillis();
        long c = 0;
        for (int i = 0; i < published.length; i++) {
            long[] p = published[i];
            for (int j = firstInPeriod[i]; j < p.length && p[j] < end; j++) c++;
        }
        return c;
    }

    /**
     * The share of the measured period's entries published by the busiest {@code fraction} of feeds: the world's
     * concentration, to set beside measured feed populations (Travers et al., "RSS feeds behavior analysis, structure
     * and vocabulary", IJWIS 2014: 17 % of 8,155 feeds produced 97 % of the items over eight months).
     */
    public double topShare(double fraction) {
        long end = spec.start().toEpochMilli() + spec.length().toMillis();
        long[] perFeed = new long[published.length];
        long total = 0;
        for (int i = 0; i < published.length; i++) {
            long[] p = published[i];
            for (int j = firstInPeriod[i]; j < p.length && p[j] < end; j++) perFeed[i]++;
            total += perFeed[i];
        }
        Arrays.sort(perFeed);
        int top = (int) Math.round(fraction * perFeed.length);
        long topSum = 0;
        for (int i = perFeed.length - top; i < perFeed.length; i++) topSum += perFeed[i];
        return total == 0 ? 0 : (double) topSum / total;
    }

    /** A publication time for tests and reports. */
    public Instant publishedAt(int source, int index) {
        return Instant.ofEpochMilli(published[source][index]);
    }

    /** How many entries a source publishes in total (history included). */
    public int entries(int source) {
        return published[source].length;
    }
}
