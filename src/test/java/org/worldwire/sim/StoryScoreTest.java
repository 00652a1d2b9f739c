package org.worldwire.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The metrics on cases small enough to count by hand; the same cases as the clustering benchmark's own self-test. */
class StoryScoreTest {
    private static final org.assertj.core.data.Offset<Double> EXACT = within(1e-12);

    /** Gold: A = {1, 2, 3}, B = {4, 5}, C = {6}. */
    private static final long[] GOLD = {1, 1, 1, 2, 2, 3};

    @Test
    void aPerfectPredictionScoresOneWhateverItsLabels() {
        StoryScore.Clusters s = StoryScore.clusters(GOLD, new long[] {70, 70, 70, 9, 9, 5});
        assertThat(s.pairwiseF1()).isEqualTo(1.0, EXACT);
        assertThat(s.bcubedF1()).isEqualTo(1.0, EXACT);
        assertThat(s.goldClusters()).isEqualTo(3);
        assertThat(s.predictedClusters()).isEqualTo(3);
        assertThat(s.fp()).isZero();
        assertThat(s.fn()).isZero();
    }

    @Test
    void aKnownContingencyTable() {
        // Predicted {1, 2}, {3, 4, 5}, {6}: gold pairs 3 + 1 = 4, predicted pairs 1 + 3 = 4, shared (1,2) and (4,5).
        StoryScore.Clusters s = StoryScore.clusters(GOLD, new long[] {7, 7, 8, 8, 8, 9});
        assertThat(s.tp()).isEqualTo(2);
        assertThat(s.fp()).isEqualTo(2);
        assertThat(s.fn()).isEqualTo(2);
        assertThat(s.pairwiseP()).isEqualTo(0.5, EXACT);
        assertThat(s.pairwiseR()).isEqualTo(0.5, EXACT);
        assertThat(s.pairwiseF1()).isEqualTo(0.5, EXACT);
        // BCubed P per item: 1, 1, 1/3, 2/3, 2/3, 1; R: 2/3, 2/3, 1/3, 1, 1, 1.
        double p = (2 + 1.0 / 3 + 4.0 / 3 + 1) / 6, r = (4.0 / 3 + 1.0 / 3 + 2 + 1) / 6;
        assertThat(s.bcubedP()).isEqualTo(p, EXACT);
        assertThat(s.bcubedR()).isEqualTo(r, EXACT);
        assertThat(s.bcubedF1()).isEqualTo(2 * p * r / (p + r), EXACT);
    }

    @Test
    void singletonsHaveNoPairsAndFullBcubedPrecision() {
        StoryScore.Clusters s = StoryScore.clusters(GOLD, new long[] {1, 2, 3, 4, 5, 6});
        assertThat(s.pairwiseP()).isZero();
        assertThat(s.pairwiseR()).isZero();
        assertThat(s.pairwiseF1()).isZero();
        assertThat(s.bcubedP()).isEqualTo(1.0, EXACT);
        assertThat(s.bcubedR()).isEqualTo((3 * (1.0 / 3) + 2 * (1.0 / 2) + 1) / 6, EXACT);
    }

    @Test
    void oneClusterHasFullRecall() {
        StoryScore.Clusters s = StoryScore.clusters(GOLD, new long[] {0, 0, 0, 0, 0, 0});
        assertThat(s.pairwiseP()).isEqualTo(4.0 / 15, EXACT);
        assertThat(s.pairwiseR()).isEqualTo(1.0, EXACT);
        assertThat(s.bcubedP()).isEqualTo((3 * 3 + 2 * 2 + 1) / 36.0, EXACT);
        assertThat(s.bcubedR()).isEqualTo(1.0, EXACT);
    }

    @Test
    void allSingletonsOnBothSidesIsPerfect() {
        StoryScore.Clusters s = StoryScore.clusters(new long[] {1, 2, 3}, new long[] {4, 5, 6});
        assertThat(s.pairwiseF1()).isEqualTo(1.0, EXACT);
        assertThat(s.bcubedF1()).isEqualTo(1.0, EXACT);
    }

    @Test
    void aCopyPointingAtTheOriginalOrAnotherCopyOfItIsRight() {
        // 1 and 4 are originals; 2, 3 copy 1; 5 copies 4; 6 is an original.
        long[] truth = {0, 1, 1, 0, 4, 0};
        // 2 -> 1 right; 3 -> 2 (a copy of the same original) right; 5 -> 1 wrong; 6 -> 4 a false copy.
        StoryScore.Copies c = StoryScore.copies(truth, new long[] {0, 1, 2, 0, 1, 4});
        assertThat(c.truth()).isEqualTo(3);
        assertThat(c.predicted()).isEqualTo(4);
        assertThat(c.correct()).isEqualTo(2);
        assertThat(c.precision()).isEqualTo(0.5, EXACT);
        assertThat(c.recall()).isEqualTo(2.0 / 3, EXACT);
    }

    @Test
    void noCopiesAnywhereIsPerfectAndNonePredictedHasNoRecall() {
        assertThat(StoryScore.copies(new long[] {0, 0}, new long[] {0, 0}).precision()).isEqualTo(1.0);
        StoryScore.Copies c = StoryScore.copies(new long[] {0, 1}, new long[] {0, 0});
        assertThat(c.recall()).isZero();
        assertThat(c.precision()).isZero();
        // An id the stream never had is simply wrong, not a crash.
        assertThat(StoryScore.copies(new long[] {0, 1}, new long[] {0, 99}).correct()).isZero();
    }

    @Test
    void mismatchedLengthsAreAClearError() {
        assertThatThrownBy(() -> StoryScore.clusters(new long[2], new long[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2").hasMessageContaining("3");
        assertThatThrownBy(() -> StoryScore.copies(new long[2], new long[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
