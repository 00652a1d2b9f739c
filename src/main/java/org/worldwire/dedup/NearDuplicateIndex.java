package org.worldwire.dedup;

import java.util.OptionalLong;

/**
 * The most recent {@code capacity} SimHash fingerprints, answering "is a stored article within {@code maxDistance}
 * bits of this one?" in microseconds, with no false negatives among the stored ones.
 *
 * <p>How: the 64 bits are cut into {@code maxDistance + 2} blocks. Two fingerprints at most {@code maxDistance}
 * bits apart differ in at most {@code maxDistance} blocks, so some pair of blocks is identical in both (the
 * pigeonhole argument of Manku, Jain and Das Sarma, "Detecting near-duplicates for web crawling", 2007). One hash
 * table per pair of blocks, keyed by those two blocks, therefore always brings a true match up as a candidate;
 * candidates are confirmed by their full Hamming distance. With keys of about {@code 128 / (maxDistance + 2)} bits
 * a bucket holds only a handful of entries.
 *
 * <p>Storage is a ring: adding to a full index overwrites the oldest entry, which is how the index stays bounded.
 * Chains are linked newest first through the ring slots; a walk stops where it meets a slot that has since been
 * reused, so eviction costs nothing. Memory is about {@code capacity * (24 + 4 * tables) + tables * 2 * capacity}
 * bytes, {@code tables = (maxDistance + 2)(maxDistance + 1) / 2}: 45 tables for the default distance of 8, about
 * 30 MB for 100,000 articles.
 *
 * <p>Thread-safe: methods synchronise on the index (one add or lookup takes microseconds, so contention is low).
 */
public final class NearDuplicateIndex {
    /** Largest supported distance; beyond it the number of tables (and memory) grows past usefulness. */
    public static final int MAX_DISTANCE = 16;
    /**
     * A lookup walks at most this many entries per table. Only a pathological store (thousands of entries sharing
     * two whole blocks but not matching) reaches it; it keeps every lookup bounded.
     */
    static final int MAX_CHAIN = 2048;

    private final int capacity;
    private final int maxDistance;
    private final int tables;
    private final int bucketBits;
    /** Per table: the shift and width of its two blocks. */
    private final int[] shiftA, widthA, shiftB, widthB;
    /** Per table, per bucket: ring slot + 1 of the newest entry, 0 for none. */
    private final int[][] heads;
    /** Per table, per slot: ring slot + 1 of the next older entry in the same bucket, 0 for none. */
    private final int[][] next;
    /**
     * Per slot, side by side so that one cache line serves a chain step: the fingerprint at {@code 2 * slot} and
     * the entry's sequence number (0 when never used) at {@code 2 * slot + 1}.
     */
    private final long[] entries;
    private final long[] ids;
    private long lastSeq;

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
        int blocks = maxDistance + 2;
        int[] shift = new int[blocks];
        int[] width = new int[blocks];
        for (int b = 0, pos = 0; b < blocks; b++) {
            width[b] = 64 / blocks + (b < 64 % blocks ? 1 : 0);
            shift[b] = pos;
            pos += width[b];
        }
        this.tables = blocks * (blocks - 1) / 2;
        shiftA = new int[tables];
        widthA = new int[tables];
        shiftB = new int[tables];
        widthB = new int[tables];
        int t = 0;
        for (int a = 0; a < blocks; a++) {
            for (int b = a + 1; b < blocks; b++, t++) {
                shiftA[t] = shift[a];
                widthA[t] = width[a];
                shiftB[t] = shift[b];
                widthB[t] = width[b];
            }
        }
        // About two entries per bucket when full: short chains, heads half the size of the slot arrays.
        this.bucketBits = Math.max(4, 32 - Integer.numberOfLeadingZeros(Math.max(1, capacity - 1)) - 1);
        heads = new int[tables][1 << bucketBits];
        next = new int[tables][capacity];
        entries = new long[2 * capacity];
        ids = new long[capacity];
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
        int slot = (int) ((seq - 1) % capacity);
        entries[2 * slot] = simhash;
        entries[2 * slot + 1] = seq;
        ids[slot] = id;
        for (int t = 0; t < tables; t++) {
            int bucket = bucket(t, simhash);
            next[t][slot] = heads[t][bucket];
            heads[t][bucket] = slot + 1;
        }
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
        int slot = search(simhash, distance, false);
        return slot < 0 ? OptionalLong.empty() : OptionalLong.of(ids[slot]);
    }

    /**
     * Whether a stored fingerprint is within the index's distance of {@code simhash}; faster than
     * {@link #findNear(long)} on a hit, as it stops at the first match rather than looking for the closest.
     */
    public synchronized boolean containsNear(long simhash) {
        return search(simhash, maxDistance, true) >= 0;
    }

    /** The slot of the closest (then newest) match, or of the first match found when {@code any}; -1 for none. */
    private int search(long simhash, int distance, boolean any) {
        int bestDistance = Integer.MAX_VALUE;
        long bestSeq = -1;
        int bestSlot = -1;
        for (int t = 0; t < tables; t++) {
            int bucket = bucket(t, simhash);
            int cur = heads[t][bucket];
            long newerSeq = Long.MAX_VALUE;
            for (int steps = 0; cur != 0 && steps < MAX_CHAIN; steps++) {
                int slot = cur - 1;
                long seq = entries[2 * slot + 1];
                // A slot reused since it was linked holds a newer entry: the rest of this chain was evicted.
                if (seq >= newerSeq) break;
                long stored = entries[2 * slot];
                if (steps == 0 && bucket(t, stored) != bucket) break; // head slot reused by another bucket
                int d = Long.bitCount(stored ^ simhash);
                if (d <= distance && (d < bestDistance || (d == bestDistance && seq > bestSeq))) {
                    bestDistance = d;
                    bestSeq = seq;
                    bestSlot = slot;
                    if (any || (d == 0 && t == 0)) return slot; // chains are newest first
                }
                newerSeq = seq;
                cur = next[t][slot];
            }
        }
        return bestSlot;
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

    /** How many hash tables the distance needs; memory and lookup time grow with it. */
    int tables() {
        return tables;
    }

    private int bucket(int table, long fp) {
        long a = (fp >>> shiftA[table]) & ((1L << widthA[table]) - 1);
        long b = (fp >>> shiftB[table]) & ((1L << widthB[table]) - 1);
        long key = (a << widthB[table]) | b;
        // Murmur3's finaliser, seeded by the table, so that no two tables crowd the same buckets.
        long k = key ^ ((long) table * 0x9E3779B97F4A7C15L);
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return (int) (k >>> (64 - bucketBits));
    }
}
