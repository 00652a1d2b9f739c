package org.worldwire.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

    /** Flips {@code bits} distinct random bits. */
    static long flip(long fp, int bits, Random random) {
        long mask = 0;
        while (Long.bitCount(mask) < bits) mask |= 1L << random.nextInt(64);
        return fp ^ mask;
    }

    @Test
    void findsAStoredFingerprintAtExactlyTheDistanceAndNotOneBitFurther() {
        Random random = new Random(7);
        var index = new NearDuplicateIndex(1000, 8);
        long target = random.nextLong();
        index.add(target, 42);
        for (int i = 0; i < 500; i++) index.add(random.nextLong(), 1000 + i);
        for (int trial = 0; trial < 200; trial++) {
            assertThat(index.findNear(flip(target, 8, random))).hasValue(42);
        }
        // Random 64-bit neighbours sit about 32 bits away; 9 flipped bits must not match anything.
        assertThat(index.findNear(flip(target, 9, random))).isEmpty();
    }

    @Test
    void answersExactlyWhatALinearScanAnswers() {
        // The pigeonhole argument promises no false negatives; checked against brute force on clustered data,
        // where many entries share blocks and chains are long.
        Random random = new Random(11);
        int k = 6;
        var index = new NearDuplicateIndex(5000, k);
        long[] stored = new long[5000];
        long[] centres = new long[50];
        for (int c = 0; c < centres.length; c++) centres[c] = random.nextLong();
        for (int i = 0; i < stored.length; i++) {
            stored[i] = flip(centres[random.nextInt(centres.length)], random.nextInt(12), random);
            index.add(stored[i], i);
        }
        for (int q = 0; q < 2000; q++) {
            long query = flip(centres[random.nextInt(centres.length)], random.nextInt(14), random);
            int best = Integer.MAX_VALUE;
            for (long s : stored) best = Math.min(best, Long.bitCount(s ^ query));
            OptionalLong found = index.findNear(query);
            if (best <= k) {
                assertThat(found).as("query %d", q).isPresent();
                assertThat(Long.bitCount(stored[(int) found.getAsLong()] ^ query)).isEqualTo(best);
            } else {
                assertThat(found).as("query %d", q).isEmpty();
            }
        }
    }

    @Test
    void forgetsTheOldestWhenFullAndStaysExactAcrossEviction() {
        // A small ring overwritten many times: chains pass through reused slots, which must end the walk
        // without losing live entries or returning evicted ones.
        Random random = new Random(3);
        int capacity = 64, k = 4;
        var index = new NearDuplicateIndex(capacity, k);
        Deque<long[]> window = new ArrayDeque<>();
        long centre = random.nextLong();
        for (int i = 0; i < 20_000; i++) {
            long fp = flip(centre, random.nextInt(10), random);
            index.add(fp, i);
            window.addLast(new long[] {fp, i});
            if (window.size() > capacity) window.removeFirst();
            if (i % 7 == 0) {
                long query = flip(centre, random.nextInt(10), random);
                int best = Integer.MAX_VALUE;
                long bestId = -1;
                for (long[] e : window) {
                    int d = Long.bitCount(e[0] ^ query);
                    if (d < best || (d == best && e[1] > bestId)) {
                        best = d;
                        bestId = e[1];
                    }
                }
                OptionalLong found = index.findNear(query);
                assertThat(index.containsNear(query)).isEqualTo(best <= k);
                if (best <= k) assertThat(found).as("after %d adds", i + 1).hasValue(bestId);
                else assertThat(found).as("after %d adds", i + 1).isEmpty();
            }
        }
        assertThat(index.size()).isEqualTo(capacity);
    }

    @Test
    void evictedEntriesAreNotFound() {
        var index = new NearDuplicateIndex(3, 3);
        index.add(0x0F0F_0F0F_0F0F_0F0FL, 1);
        index.add(0x1234_5678_9ABC_DEF0L, 2);
        index.add(0x7777_0000_7777_0000L, 3);
        assertThat(index.findNear(0x0F0F_0F0F_0F0F_0F0FL)).hasValue(1);
        index.add(0x5555_5555_5555_5555L, 4);
        assertThat(index.findNear(0x0F0F_0F0F_0F0F_0F0FL)).isEmpty();
        assertThat(index.findNear(0x5555_5555_5555_5555L)).hasValue(4);
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void prefersTheClosestThenTheNewest() {
        var index = new NearDuplicateIndex(100, 8);
        long fp = 0xDEAD_BEEF_CAFE_BABEL;
        index.add(fp ^ 0b111, 1);   // 3 bits away
        index.add(fp ^ 0b1, 2);     // 1 bit away
        index.add(fp ^ 0b10, 3);    // 1 bit away, newer
        index.add(fp ^ 0b11111, 4); // 5 bits away, newest
        assertThat(index.findNear(fp)).hasValue(3);
        index.add(fp, 5);
        index.add(fp, 6);
        assertThat(index.findNear(fp)).hasValue(6);
    }

    @Test
    void aTighterDistanceCanBeAskedButNotAWiderOne() {
        var index = NearDuplicateIndex.withCapacity(10);
        index.add(0L, 1);
        assertThat(index.findNear(0b1111L, 4)).hasValue(1);
        assertThat(index.findNear(0b1111L, 3)).isEmpty();
        assertThatThrownBy(() -> index.findNear(0L, ContentFingerprint.DEFAULT_MAX_DISTANCE + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distance must be between 0 and 8");
    }

    @Test
    void emptyIndexFindsNothing() {
        var index = new NearDuplicateIndex(1, 0);
        assertThat(index.findNear(123L)).isEmpty();
        assertThat(index.containsNear(123L)).isFalse();
        index.add(123L, 9);
        assertThat(index.containsNear(123L)).isTrue();
        assertThat(index.containsNear(122L)).isFalse();
    }

    @Test
    void refusesUnboundedOrMeaninglessParameters() {
        assertThatThrownBy(() -> new NearDuplicateIndex(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicateIndex(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicateIndex(10, NearDuplicateIndex.MAX_DISTANCE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tableCountFollowsThePigeonhole() {
        // k + 1 blocks, one sorted table per block.
        assertThat(new NearDuplicateIndex(10, 3).tables()).isEqualTo(4);
        assertThat(new NearDuplicateIndex(10, 8).tables()).isEqualTo(9);
        assertThat(new NearDuplicateIndex(10, 0).tables()).isEqualTo(1);
    }

    @Test
    void exactBothBeforeAndAfterTheSortedTablesAreRebuilt() {
        // Capacity 1000 rebuilds every 64 adds: lookups right before and right after a rebuild see the same.
        Random random = new Random(17);
        var index = new NearDuplicateIndex(1000, 5);
        long[] stored = new long[3000];
        long centre = random.nextLong();
        for (int i = 0; i < stored.length; i++) {
            stored[i] = flip(centre, random.nextInt(16), random);
            index.add(stored[i], i);
            long query = flip(centre, random.nextInt(16), random);
            int best = Integer.MAX_VALUE;
            long bestId = -1;
            for (int j = Math.max(0, i - 999); j <= i; j++) {
                int d = Long.bitCount(stored[j] ^ query);
                if (d < best || d == best) {
                    best = d;
                    bestId = j;
                }
            }
            if (best <= 5) assertThat(index.findNear(query)).as("after %d adds", i + 1).hasValue(bestId);
            else assertThat(index.findNear(query)).as("after %d adds", i + 1).isEmpty();
        }
    }

    @Test
    void findsNearDuplicateArticlesEndToEnd() {
        var index = NearDuplicateIndex.withCapacity(1000);
        var original = ContentFingerprint.of(ContentFingerprintTest.TITLE, ContentFingerprintTest.TEXT);
        index.add(original.simhash(), 77);
        index.add(ContentFingerprint.of("Central bank holds rates", ContentFingerprintTest.OTHER_TEXT).simhash(), 78);
        var copy = ContentFingerprint.of(ContentFingerprintTest.TITLE,
                ContentFingerprintTest.TEXT.replace("urged", "told"));
        assertThat(index.findNear(copy.simhash())).hasValue(77);
    }
}
