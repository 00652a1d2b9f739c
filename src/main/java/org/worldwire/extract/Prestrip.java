package org.worldwire.extract;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Drops the bodies of {@code <script>} (except JSON-LD) and {@code <style>} elements, and HTML comments, from
 * the raw bytes before parsing. They are never article text, and on modern pages they are half the bytes or
 * more: not tokenising them makes parsing faster and the tree smaller. Works on any ASCII-compatible encoding
 * (in all of them, and in the legacy CJK ones, {@code '<'} never occurs inside a multi-byte character).
 *
 * <p>The result is a stream over the kept ranges of the page's own array, not a copy: copying the page (into an
 * array as long as the page, then trimmed into another) was nearly a tenth of the bytes ingest allocated.
 */
final class Prestrip {
    private Prestrip() {}

    /** The page from {@code from} on without script, style and comment bodies, read from {@code b} itself. */
    static InputStream strip(byte[] b, int from) {
        int n = b.length;
        int[] kept = new int[8]; // [start, end) pairs of the bytes kept
        int w = 0;      // ints used in kept
        int copied = from; // bytes of b before this index are already handled
        int i = from;
        while (i < n) {
            int lt = indexOf(b, (byte) '<', i);
            if (lt < 0) break;
            int cut = -1;   // start of the body to drop
            int resume = -1; // where the kept text resumes
            if (startsWith(b, lt + 1, "!--")) {
                int end = indexOf(b, "-->", lt + 4);
                cut = lt;
                resume = end < 0 ? n : end + 3;
            } else if (startsWithIgnoreCase(b, lt + 1, "script") || startsWithIgnoreCase(b, lt + 1, "style")) {
                boolean script = (b[lt + 1] | 0x20) == 's' && (b[lt + 2] | 0x20) == 'c';
                int nameEnd = lt + 1 + (script ? 6 : 5);
                if (nameEnd < n && isNameEnd(b[nameEnd])) {
                    int gt = indexOf(b, (byte) '>', nameEnd);
                    if (gt < 0) break;
                    boolean keep = script && containsIgnoreCase(b, nameEnd, gt, "ld+json");
                    int close = indexOfIgnoreCase(b, script ? "</script" : "</style", gt + 1);
                    if (close < 0) break;
                    if (!keep && close > gt + 1) {
                        cut = gt + 1;
                        resume = close;
                    } else {
                        i = close + 2;
                        continue;
                    }
                }
            }
            if (cut < 0) {
                i = lt + 1;
                continue;
            }
            if (w + 2 > kept.length) kept = Arrays.copyOf(kept, kept.length * 2);
            kept[w++] = copied;
            kept[w++] = cut;
            copied = resume;
            i = resume;
        }
        if (w + 2 > kept.length) kept = Arrays.copyOf(kept, kept.length + 2);
        kept[w++] = copied;
        kept[w++] = n;
        return new Ranges(b, kept, w / 2);
    }

    /**
     * The bytes of some ascending ranges of an array, one after the other. A read fills the buffer across ranges:
     * SequenceInputStream over a ByteArrayInputStream per range stops each read at a range's end, and extraction ran
     * slower with it (bench/extraction.sh, 4 alternating pairs: 183-281 against 199-410 pages/s).
     */
    private static final class Ranges extends InputStream {
        private final byte[] b;
        private final int[] ranges;
        private final int count;
        private int range; // the range being read
        private int pos;   // the next byte to read, within that range

        Ranges(byte[] b, int[] ranges, int count) {
            this.b = b;
            this.ranges = ranges;
            this.count = count;
            this.pos = ranges[0];
        }

        /** Moves past finished ranges; false at the end of the last. */
        private boolean more() {
            while (pos >= ranges[2 * range + 1]) {
                if (++range == count) return false;
                pos = ranges[2 * range];
            }
            return true;
        }

        @Override
        public int read() {
            return range < count && more() ? b[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] dst, int off, int len) {
            Objects.checkFromIndexSize(off, len, dst.length);
            if (len == 0) return 0;
            int done = 0;
            while (done < len && range < count && more()) {
                int k = Math.min(len - done, ranges[2 * range + 1] - pos);
                System.arraycopy(b, pos, dst, off + done, k);
                pos += k;
                done += k;
            }
            return done == 0 ? -1 : done;
        }

        @Override
        public int available() {
            if (range >= count) return 0;
            int left = ranges[2 * range + 1] - pos;
            for (int r = range + 1; r < count; r++) left += ranges[2 * r + 1] - ranges[2 * r];
            return Math.max(left, 0);
        }
    }

    private static boolean isNameEnd(byte c) {
        return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '\f';
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }

    private static int indexOf(byte[] b, String s, int from) {
        outer:
        for (int i = from; i <= b.length - s.length(); i++) {
            for (int k = 0; k < s.length(); k++) if (b[i + k] != s.charAt(k)) continue outer;
            return i;
        }
        return -1;
    }

    private static int indexOfIgnoreCase(byte[] b, String lower, int from) {
        byte first = (byte) lower.charAt(0);
        for (int i = from; i <= b.length - lower.length(); i++) {
            if (b[i] == first && startsWithIgnoreCase(b, i + 1, lower.substring(1))) return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) return false;
        for (int k = 0; k < s.length(); k++) if (b[at + k] != s.charAt(k)) return false;
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int at, String lower) {
        if (at + lower.length() > b.length) return false;
        for (int k = 0; k < lower.length(); k++) {
            int c = b[at + k];
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != lower.charAt(k)) return false;
        }
        return true;
    }

    private static boolean containsIgnoreCase(byte[] b, int from, int to, String lower) {
        for (int i = from; i <= to - lower.length(); i++) if (startsWithIgnoreCase(b, i, lower)) return true;
        return false;
    }
}
