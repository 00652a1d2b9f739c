package org.worldwire.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for long operator tasks: {@code label [#####     ] done/total  rate/s  ETA m:ss}, redrawn
 * in place (carriage return) at most five times a second, ended with a line of totals. Not thread-safe.
 */
final class Progress {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long drawn = Long.MIN_VALUE;

    Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(0, total);
    }

    void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - drawn >= REDRAW_NANOS) {
            drawn = now;
            out.print("\r" + line(now));
            out.flush();
        }
    }

    /** Draws the final state and ends the line. */
    void finish() {
        out.println("\r" + line(System.nanoTime()));
        out.flush();
    }

    String line(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
        String eta = rate <= 0 || done >= total ? "0:00" : clock((long) ((total - done) / rate));
        return String.format(Locale.ROOT, "%-18s [%s%s] %,d/%,d  %,.0f/s  ETA %s   ", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), done, total, rate, eta);
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
