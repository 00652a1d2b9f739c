package org.worldwire.dedup;

import java.util.OptionalLong;

/**
 * The most recent {@code capacity} SimHash fingerprints, answering "is a stored article within {@code maxDistance}
 * bits of this one?" in microseconds, with no false negatives.
 *
 * <p>How: the 64 bits are cut into {@code maxDistance + 1} blocks. Two fingerprints at most {@code maxDistance}
 * bits apart differ in at most {@code maxDistance} blocks, so at least one block is identical in both (the
 * pigeonhole argument of Manku, Jain and Das Sarma, "Detecting near-duplicates for web crawling", 2007). One table
 * per block holds every fingerprint sorted by that block, so the fingerprints sharing a block with the query lie
 * side by side: a lookup reads {@code maxDistance + 1} contiguous runs and confirms candidates by their full
 * Hamming distance. Contiguous runs matter more than short ones: a popcount over a run costs far less than
 * following pointers to scattered entries.
 *
 * <p>The sorted tables are rebuilt (a counting sort, linear time) each time {@code capacity / 64} new fingerprints
 * have arrived; the newest ones since the last rebuild are scanned directly. Storage is a ring: adding to a full
 * index overwrites the oldest entry, and entries older than the ring are skipped in the tables until the next
 * rebuild drops them. Memory is about {@code capacity * (16 + 12 * (maxDistance + 1))} bytes: 12 MB for 100,000
 * fingerprints at the default distance of 8. A lookup never reads more than {@code (maxDistance + 1) * capacity}
 * entries, which only a store of thousands of fingerprints sharing whole blocks comes near.
 *
 * <p>Thread-safe: methods synchronise on the index (a lookup takes microseconds, so contention is low).
 */
public final class NearDuplicateIndex {
    /** Largest supported distance: beyond it blocks get so short that a lookup reads most of the store anyway. */
    public static final int MAX_DISTANCE = 12;

    private final int capacity;
    private final int maxDistance;
    private final int tables;
    /** New fingerprints scanned directly before the tables are rebuilt. */
    private final int rebuildEvery;
    /** Per table: where its key starts in the fingerprint and how many bits it takes. */
    private final int[] keyShift, keyBits;

    /** The ring: fingerprint and caller's id of sequence number {@code s} live at slot {@code (s - 1) % capacity}. */
    private final long[] fingerprints;
    private final long[] ids;
    private long lastSeq;

    /** Sorted tables as of the last rebuild, covering sequence numbers {@code tableBase .. tableBase + tableSize - 1}. */
    private final int[][] offsets;
    private final long[][] sortedFingerprints;
    /** Per table entry: its sequence number minus {@code tableBase}. */
    private final int[][] sortedSeqs;
    private long tableBase = 1;
    private int tableSize;

    /**
     * @param capacity how many of the most recent fingerprints are kept, at least 1
     * @param maxDistance the largest Hamming distance that counts as near, 0 to {@link #MAX_DISTANCE}
     */
    public NearDuplicateIndex(int capacity, int maxDistance) {
        if (capacity < 1 || capacity > (1 << 26)) {
            throw new IllegalArgumentException("capacity must be between 1 and 2^26, was " + capacity);
        }
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("maxDistance must be between 0 and " + MAX_DISTANCE + ", was " + maxDistance);
        }
        this.capacity = capacity;
        this.maxDistance = maxDistance;
        this.tables = maxDistance + 1;
        // Balances the two costs: a lookup scans up to this many unsorted entries, a rebuild sorts the whole ring.
        this.rebuildEvery = Math.max(64, capacity / 64);
        // A key wider than the store is large only wastes offset memory: any subset of a block's bits keeps the
        // pigeonhole guarantee, so wide blocks are cut to about log2(capacity) bits.
        int maxKeyBits = Math.max(4, 33 - Integer.numberOfLeadingZeros(capacity));
        keyShift = new int[tables];
        keyBits = new int[tables];
        for (int b = 0, pos = 0; b < tables; b++) {
            int width = 64 / tables + (b < 64 % tables ? 1 : 0);
            keyBits[b] = Math.min(width, maxKeyBits);
            keyShift[b] = pos;
            pos += width;
        }
        fingerprints = new long[capacity];
        ids = new long[capacity];
        offsets = new int[tables][];
        sortedFingerprints = new long[tables][capacity];
        sortedSeqs = new int[tables][capacity];
        for (int t = 0; t < tables; t++) offsets[t] = new int[(1 << keyBits[t]) + 1];
    }

    /** An index for the default near-duplicate distance of {@link ContentFingerprint#DEFAULT_MAX_DISTANCE}. */
    public static NearDuplicateIndex withCapacity(int capacity) {
        return new NearDuplicateIndex(capacity, ContentFingerprint.DEFAULT_MAX_DISTANCE);
    }

    /**
     * Stores a fingerprint under the caller's id (an article id, say), evicting the oldest entry when full.
     * The same fingerprint may be stored under several ids.
     */
    public synchronized void add(long simhash, long id) {
        long seq = ++lastSeq;
        int slot = slotOf(seq);
        fingerprints[slot] = simhash;
        ids[slot] = id;
        if (seq - (tableBase + tableSize - 1) >= rebuildEvery) rebuild();
    }

    /**
     * The id of the stored fingerprint closest to {@code simhash} within the index's distance (the newest among
     * equally close ones), or empty when none is that near.
     */
    public OptionalLong findNear(long simhash) {
        return findNear(simhash, maxDistance);
    }

    /**
     * Like {@link #findNear(long)} with a tighter distance.
     *
     * @throws IllegalArgumentException when {@code distance} exceeds the distance the index was built for, which it
     *     could not answer without false negatives
     */
    public synchronized OptionalLong findNear(long simhash, int distance) {
        if (distance < 0 || distance > maxDistance) {
            throw new IllegalArgumentException("distance must be between 0 and " + maxDistance + ", was " + distance);
        }
        long seq = search(simhash, distance, false);
        return seq < 0 ? OptionalLong.empty() : OptionalLong.of(ids[slotOf(seq)]);
    }

    /**
     * Whether a stored fingerprint is within the index's distance of {@code simhash}; faster than
     * {@link #findNear(long)} on a hit, as it stops at the first match rather than looking for the closest.
     */
    public synchronized boolean containsNear(long simhash) {
        return search(simhash, maxDistance, true) >= 0;
    }

    /** How many fingerprints are stored: the number added, up to the capacity. */
    public synchronized int size() {
        return (int) Math.min(lastSeq, capacity);
    }

    public int capacity() {
        return capacity;
    }

    public int maxDistance() {
        return maxDistance;
    }

    /** How many sorted tables the distance needs; memory and lookup time grow with it. */
    int tables() {
        return tables;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Sequence number of the closest (then newest) match, or of the first match when {@code any}; -1 if none. */
    private long search(long simhash, int distance, boolean any) {
        long oldestLive = Math.max(1, lastSeq - capacity + 1);
        int bestDistance = Integer.MAX_VALUE;
        long bestSeq = -1;
        // Newest first, so that the first exact match is the newest one.
        long firstUnsorted = Math.max(tableBase + tableSize, oldestLive);
        // Ring positions are walked with a wrap check, not a division per entry: this loop is the hot one.
        int slot = slotOf(lastSeq);
        for (long s = lastSeq; s >= firstUnsorted; s--, slot = slot == 0 ? capacity - 1 : slot - 1) {
            int d = Long.bitCount(fingerprints[slot] ^ simhash);
            if (d <= distance && d < bestDistance) {
                bestDistance = d;
                bestSeq = s;
                if (any || d == 0) return s;
            }
        }
        if (tableSize == 0) return bestSeq;
        for (int t = 0; t < tables; t++) {
            int key = key(t, simhash);
            long[] fps = sortedFingerprints[t];
            int[] seqs = sortedSeqs[t];
            for (int i = offsets[t][key], end = offsets[t][key + 1]; i < end; i++) {
                int d = Long.bitCount(fps[i] ^ simhash);
                if (d > distance || d > bestDistance) continue;
                long s = tableBase + seqs[i];
                if (s < oldestLive) continue; // overwritten in the ring since the tables were built
                if (d < bestDistance || s > bestSeq) {
                    bestDistance = d;
                    bestSeq = s;
                    if (any) return s;
                }
            }
        }
        return bestSeq;
    }

    /** Counting sort of the live ring into each table by that table's key. */
    private void rebuild() {
        long base = Math.max(1, lastSeq - capacity + 1);
        int size = (int) (lastSeq - base + 1);
        for (int t = 0; t < tables; t++) {
            int[] offset = offsets[t];
            java.util.Arrays.fill(offset, 0);
            int first = slotOf(base);
            for (int i = 0, slot = first; i < size; i++, slot = slot + 1 == capacity ? 0 : slot + 1) {
                offset[key(t, fingerprints[slot]) + 1]++;
            }
            for (int k = 1; k < offset.length; k++) offset[k] += offset[k - 1];
            long[] fps = sortedFingerprints[t];
            int[] seqs = sortedSeqs[t];
            // offset[k] serves as the write cursor of key k, then is restored from the next key's start.
            for (int i = 0, slot = first; i < size; i++, slot = slot + 1 == capacity ? 0 : slot + 1) {
                long fp = fingerprints[slot];
                int pos = offset[key(t, fp)]++;
                fps[pos] = fp;
                seqs[pos] = i;
            }
            for (int k = offset.length - 1; k > 0; k--) offset[k] = offset[k - 1];
            offset[0] = 0;
        }
        tableBase = base;
        tableSize = size;
    }

    private int key(int table, long fp) {
        return (int) ((fp >>> keyShift[table]) & ((1L << keyBits[table]) - 1));
    }

    private int slotOf(long seq) {
        return (int) ((seq - 1) % capacity);
    }
}
