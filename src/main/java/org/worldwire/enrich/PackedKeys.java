package org.worldwire.enrich;

import java.util.Collection;

/**
 * An immutable set of strings numbered 0 to {@code size() - 1}, all their chars in one array. A {@code HashMap} of
 * the gazetteer's 80,000 names costs a {@code String} object, its byte array and a map node per name (about 90 bytes
 * over the chars); here a name costs two ints and its chars, and {@link #indexOf} allocates nothing.
 */
final class PackedKeys {
    private final char[] chars;
    /** Key {@code i} is {@code chars[start[i]]} up to {@code chars[start[i + 1]]}. */
    private final int[] start;
    /** Open addressing on {@link String#hashCode}: a key's index + 1 per slot, 0 for an empty slot. */
    private final int[] slots;
    private final int shift;

    /** @param keys distinct strings, numbered in the order given */
    PackedKeys(Collection<String> keys) {
        int total = 0;
        for (String k : keys) total += k.length();
        chars = new char[total];
        start = new int[keys.size() + 1];
        int capacity = Integer.highestOneBit(Math.max(keys.size(), 1) * 2 - 1) * 2; // at most half full: short probes
        slots = new int[Math.max(capacity, 2)];
        shift = 32 - Integer.numberOfTrailingZeros(slots.length);
        int i = 0, at = 0;
        for (String k : keys) {
            k.getChars(0, k.length(), chars, at);
            start[i] = at;
            at += k.length();
            start[i + 1] = at;
            int slot = slot(k.hashCode());
            while (slots[slot] != 0) {
                if (equals(slots[slot] - 1, k)) throw new IllegalArgumentException("duplicate key " + k);
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = ++i;
        }
    }

    /** The number of {@code key}, or -1. */
    int indexOf(String key) {
        int mask = slots.length - 1;
        for (int slot = slot(key.hashCode()); ; slot = (slot + 1) & mask) {
            int s = slots[slot];
            if (s == 0) return -1;
            if (equals(s - 1, key)) return s - 1;
        }
    }

    int size() {
        return start.length - 1;
    }

    /** Key {@code i}, as a new string. */
    String key(int i) {
        return new String(chars, start[i], start[i + 1] - start[i]);
    }

    private boolean equals(int i, String key) {
        int from = start[i], n = start[i + 1] - from;
        if (n != key.length()) return false;
        for (int j = 0; j < n; j++) if (chars[from + j] != key.charAt(j)) return false;
        return true;
    }

    /** The top bits of the hash times the golden ratio: every bit of the hash counts. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /** Bytes of the arrays, for the record of where memory goes. */
    long bytes() {
        return 2L * chars.length + 4L * start.length + 4L * slots.length;
    }
}
