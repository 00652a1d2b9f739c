package org.worldwire.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * Scores a story clustering and a copy folding against the truth, with the definitions of the project's clustering
 * benchmark (pairwise precision, recall and F1 as Miranda et al. 2018 compute them; BCubed as Bagga and Baldwin
 * 1998), so the simulator's figures and those of labelled real streams mean the same thing.
 */
public final class StoryScore {
    private StoryScore() {}

    /**
     * Agreement of a predicted clustering with the gold one, from the contingency table n_ij of gold cluster i and
     * predicted cluster j (a_i, b_j its row and column sums, N the documents).
     *
     * <p>Pairwise: tp = Σ C(n_ij, 2), tp+fp = Σ C(b_j, 2), tp+fn = Σ C(a_i, 2); a precision or recall whose
     * denominator is 0 is 0, except that when neither side has any pair all three are 1. BCubed: P = (1/N) Σ
     * n_ij²/b_j, R = (1/N) Σ n_ij²/a_i, F1 their harmonic mean.
     */
    public record Clusters(int documents, int goldClusters, int predictedClusters, long tp, long fp, long fn,
            double pairwiseP, double pairwiseR, double pairwiseF1, double bcubedP, double bcubedR, double bcubedF1) {}

    /**
     * Copy folding: an article the truth calls a copy is folded right when the predicted original is the true one
     * or any copy of it.
     *
     * @param truth articles that are copies
     * @param predicted articles predicted to be copies
     * @param correct predicted copies that point at the right original or one of its copies
     */
    public record Copies(long truth, long predicted, long correct, double precision, double recall) {}

    /**
     * @param gold the gold cluster label of each document
     * @param predicted the predicted label of the same document at the same index
     */
    public static Clusters clusters(long[] gold, long[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold has " + gold.length + " labels, prediction " + predicted.length);
        }
        int n = gold.length;
        Map<Long, Integer> a = new HashMap<>();
        Map<Long, Integer> b = new HashMap<>();
        Map<Cell, Integer> cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            a.merge(gold[i], 1, Integer::sum);
            b.merge(predicted[i], 1, Integer::sum);
            cells.merge(new Cell(gold[i], predicted[i]), 1, Integer::sum);
        }
        long tp = 0;
        double bp = 0, br = 0;
        for (Map.Entry<Cell, Integer> e : cells.entrySet()) {
            long v = e.getValue();
            tp += comb2(v);
            bp += (double) (v * v) / b.get(e.getKey().predicted());
            br += (double) (v * v) / a.get(e.getKey().gold());
        }
        long tpFp = 0, tpFn = 0;
        for (int v : b.values()) tpFp += comb2(v);
        for (int v : a.values()) tpFn += comb2(v);
        double p, r, f;
        if (tpFp == 0 && tpFn == 0) {
            p = r = f = 1;
        } else {
            p = tpFp == 0 ? 0 : (double) tp / tpFp;
            r = tpFn == 0 ? 0 : (double) tp / tpFn;
            f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        if (n > 0) {
            bp /= n;
            br /= n;
        }
        double bf = bp + br == 0 ? 0 : 2 * bp * br / (bp + br);
        return new Clusters(n, a.size(), b.size(), tp, tpFp - tp, tpFn - tp, p, r, f, bp, br, bf);
    }

    /**
     * @param truthCopyOf for the article with id {@code i + 1}, the id of the original it copies, or 0; originals
     *     are never copies themselves
     * @param predictedCopyOf the predicted original of the same article, or 0
     */
    public static Copies copies(long[] truthCopyOf, long[] predictedCopyOf) {
        if (truthCopyOf.length != predictedCopyOf.length) {
            throw new IllegalArgumentException("truth has " + truthCopyOf.length + " articles, prediction "
                    + predictedCopyOf.length);
        }
        long truth = 0, predicted = 0, correct = 0;
        for (int i = 0; i < truthCopyOf.length; i++) {
            long t = truthCopyOf[i], p = predictedCopyOf[i];
            if (t != 0) truth++;
            if (p == 0) continue;
            predicted++;
            if (t != 0 && root(truthCopyOf, p) == t) correct++;
        }
        double precision, recall;
        if (truth == 0 && predicted == 0) {
            precision = recall = 1;
        } else {
            precision = predicted == 0 ? 0 : (double) correct / predicted;
            recall = truth == 0 ? 0 : (double) correct / truth;
        }
        return new Copies(truth, predicted, correct, precision, recall);
    }

    /** The original behind an article id: itself when it is one, the one it copies otherwise. */
    private static long root(long[] truthCopyOf, long id) {
        if (id < 1 || id > truthCopyOf.length) return -1;
        long original = truthCopyOf[(int) (id - 1)];
        return original != 0 ? original : id;
    }

    private static long comb2(long v) {
        return v * (v - 1) / 2;
    }

    private record Cell(long gold, long predicted) {}
}
