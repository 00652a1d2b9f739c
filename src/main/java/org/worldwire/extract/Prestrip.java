package org.worldwire.extract;

import java.util.Arrays;

/**
 * Drops the bodies of {@code <script>} (except JSON-LD) and {@code <style>} elements, and HTML comments, from
 * the raw bytes before parsing. They are never article text, and on modern pages they are half the bytes or
 * more: not tokenising them makes parsing faster and the tree smaller. Works on any ASCII-compatible encoding
 * (in all of them, and in the legacy CJK ones, {@code '<'} never occurs inside a multi-byte character).
 */
final class Prestrip {
    private Prestrip() {}

    /** The page without script, style and comment bodies; the same array when there is nothing to drop. */
    static byte[] strip(byte[] b, int from) {
        int n = b.length;
        byte[] out = null;
        int w = 0;      // write position in out
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
            if (out == null) out = new byte[n];
            System.arraycopy(b, copied, out, w, cut - copied);
            w += cut - copied;
            copied = resume;
            i = resume;
        }
        if (out == null) return from == 0 ? b : Arrays.copyOfRange(b, from, n);
        System.arraycopy(b, copied, out, w, n - copied);
        w += n - copied;
        return Arrays.copyOf(out, w);
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
