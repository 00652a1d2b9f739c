package org.worldwire.search.lucene;

import java.io.IOException;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.jspecify.annotations.Nullable;

/**
 * The page of the relevance and news orders, found without scoring most matches, and the matches counted on the
 * way. The index is sorted newest first, so within a segment the recency bonus of the documents still to come is
 * bounded by the current one's: once the best text score the query can reach ({@link Scorer#getMaxScore}) plus that
 * bound cannot beat the page's worst hit, the rest of the segment is skipped, exactly. Before that, the text score a
 * later document needs is handed to the scorer ({@link Scorer#setMinCompetitiveScore}), which skips blocks of
 * postings that cannot reach it (block-max WAND). Hits are ordered by score, then by document, as Lucene's own
 * collectors order them, so cursors mean the same.
 *
 * <p>Where confirming a match is the costly part (a phrase reads positions), the matches are counted in the same
 * pass, up to a cap: until the cap is reached every match is visited (a separate counting pass would confirm them all
 * again), but a match is only scored when its block's best text score plus its recency could make the page; past the
 * cap, skipping starts. Elsewhere skipping starts at once, and the caller counts in bulk the segments left uncounted.
 */
final class Ranker {
    private Ranker() {}

    /**
     * The page's hits, best first, and the matches counted in the segments marked {@code counted} (by leaf ordinal),
     * exactly when below the cap.
     */
    record Top(ScoreDoc[] hits, long matches, boolean[] counted) {}

    /** Hits better first: higher score, then lower document. */
    private static boolean better(float s1, int d1, float s2, int d2) {
        return s1 > s2 || (s1 == s2 && d1 < d2);
    }

    /**
     * @param weight the text query with filters, made for {@link org.apache.lucene.search.ScoreMode#TOP_SCORES}
     * @param k hits wanted
     * @param after the last hit of the previous page, or null
     * @param news whether recency is added to the text score ({@code weight * pivot / (pivot + age)})
     * @param countCap matches are counted up to this many (0: not at all, the caller counts)
     */
    static Top top(IndexSearcher searcher, Weight weight, int k, @Nullable ScoreDoc after, boolean news, String timeField,
            long origin, float recencyWeight, long pivotMs, long countCap) throws IOException {
        PriorityQueue<ScoreDoc> heap = new PriorityQueue<>(k + 1, (a, b) -> better(a.score, a.doc, b.score, b.doc) ? 1 : a == b ? 0 : -1);
        long matches = 0;
        boolean[] counted = new boolean[searcher.getIndexReader().leaves().size()];
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            if (supplier == null) {
                counted[leaf.ord] = true;
                continue;
            }
            // Its scores are the ones ranked (not parts of a sum): a disjunction may then skip as WAND does.
            supplier.setTopLevelScoringClause();
            Scorer scorer = supplier.get(Long.MAX_VALUE);
            scorer.advanceShallow(0);
            float textMax = scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
            SortedNumericDocValues times = news ? DocValues.getSortedNumeric(leaf.reader(), timeField) : null;
            Bits live = leaf.reader().getLiveDocs();
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator it = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            boolean counting = twoPhase != null && matches < countCap;
            counted[leaf.ord] = counting;
            boolean ranking = true;
            float lastMin = 0;
            // The best text score of the block of postings the current document is in, and where that block ends.
            int blockEnd = -1;
            float blockMax = textMax;
            // The recency bonus of the last document whose time was read: no later one here has more (newest first).
            float bound = news ? recencyWeight : 0;
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (live != null && !live.get(d)) continue;
                if (twoPhase != null && !twoPhase.matches()) continue;
                if (counting && ++matches >= countCap) {
                    counting = false;
                    if (!ranking) break;
                    if (lastMin > 0) scorer.setMinCompetitiveScore(lastMin);
                }
                if (!ranking) continue;
                // While counting, every match is visited: score only those that might still make the page. (Else
                // the scorer itself skips what cannot, and asking for block maxima here would only cost.)
                boolean full = counting && heap.size() == k;
                if (full) {
                    if (d > blockEnd) {
                        blockEnd = scorer.advanceShallow(d);
                        blockMax = scorer.getMaxScore(blockEnd);
                    }
                    if (blockMax + bound < belowRounding(heap.peek().score)) continue;
                }
                float recency = 0;
                if (times != null) {
                    long t = times.advanceExact(d) ? times.nextValue() : Long.MIN_VALUE;
                    recency = recency(t, origin, recencyWeight, pivotMs);
                    // Later documents are older: their bonus is at most this one's, unless this one is newer than
                    // the origin (the bonus grows towards it).
                    bound = t >= origin ? recencyWeight : recency;
                    if (full && blockMax + bound < belowRounding(heap.peek().score)) continue;
                }
                float score = scorer.score() + recency;
                int doc = leaf.docBase + d;
                if (after != null && !better(after.score, after.doc, score, doc)) continue;
                if (heap.size() < k) {
                    heap.add(new ScoreDoc(doc, score));
                } else if (better(score, doc, heap.peek().score, heap.peek().doc)) {
                    ScoreDoc worst = heap.poll();
                    worst.doc = doc;
                    worst.score = score;
                    heap.add(worst);
                }
                if (heap.size() == k) {
                    float min = heap.peek().score;
                    float needed = belowRounding(min - bound);
                    if (textMax < needed) {
                        // no later document here can make the page; go on only to count
                        ranking = false;
                        if (!counting) break;
                    } else if (needed > lastMin) {
                        lastMin = needed;
                        if (!counting) scorer.setMinCompetitiveScore(needed);
                    }
                }
            }
        }
        ScoreDoc[] out = new ScoreDoc[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) out[i] = heap.poll();
        return new Top(out, matches, counted);
    }

    /**
     * A score a little below {@code score}: a margin for float rounding when skipping, where skipping too little is
     * only slower and too much would be wrong.
     */
    private static float belowRounding(float score) {
        return score * 0.9999f - 1e-4f;
    }

    static float recency(long time, long origin, float weight, long pivotMs) {
        double age = Math.abs((double) time - origin);
        return (float) (weight * (pivotMs / (pivotMs + age)));
    }
}
