package org.worldwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A long generated stream: what the clusterer holds and how long it takes must not grow with the stream. */
class StoryStreamTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void liveStateAndTimePerArticleStayFlatOverFiftyThousandArticles() {
        StoryClusterer clusterer = new StoryClusterer();
        Stream stream = new Stream(11);
        int articles = 50_000;
        Duration gap = Duration.ofSeconds(20); // 50,000 articles over 11.6 days: several cold and copy windows
        long firstNanos = 0, lastNanos = 0;
        int maxLive = 0, maxOriginals = 0, maxTerms = 0, liveAtHalf = 0, copies = 0;
        for (int i = 1; i <= articles; i++) {
            Instant time = T0.plus(gap.multipliedBy(i));
            StoryArticle a = stream.next(i, time);
            long t = System.nanoTime();
            StoryAssignment s = clusterer.add(a);
            long dt = System.nanoTime() - t;
            if (s.isCopy()) copies++;
            if (i > 5_000 && i <= 10_000) firstNanos += dt; // after the JIT has settled
            if (i > articles - 5_000) lastNanos += dt;
            if (i > articles / 4) {
                maxLive = Math.max(maxLive, clusterer.activeStories());
                maxOriginals = Math.max(maxOriginals, clusterer.rememberedOriginals());
                maxTerms = Math.max(maxTerms, clusterer.indexedTerms());
            }
            if (i == articles / 2) liveAtHalf = clusterer.activeStories();
        }
        // Two days of news is 8,640 articles at this rate: live stories can be no more, and are far fewer as
        // reports of one event share a story.
        assertThat(maxLive).isLessThan(8_640);
        assertThat(clusterer.activeStories()).isLessThan(liveAtHalf * 2);
        // the copy window holds three days (12,960 articles) and at most one generation more
        assertThat(maxOriginals).isLessThanOrEqualTo(12_960 + 12_960 / 6 + 1);
        assertThat(maxTerms).isLessThan(8_640 * 45);
        assertThat(copies).isGreaterThan(articles / 20);
        // the last 5,000 take no more than a small multiple of 5,000 early ones (a loose bound: the machine is shared)
        assertThat(lastNanos).isLessThan(firstNanos * 3);
    }

    /** Events of 120 words each (short, so that the test stays quick), reported several times in different draws of their words, and copies. */
    static final class Stream {
        private final Random random;
        private final String[] common = new String[3000];
        private final String[][] events = new String[400][];
        private final String[] lastTexts = new String[200];

        Stream(long seed) {
            random = new Random(seed);
            for (int i = 0; i < common.length; i++) common[i] = word(random, 3 + random.nextInt(6));
        }

        StoryArticle next(long id, Instant time) {
            if (random.nextInt(10) == 0 && lastTexts[0] != null) {
                String text = lastTexts[random.nextInt(lastTexts.length)];
                if (text != null) return new StoryArticle(id, id, time, "en", "Copy " + id, text + " Subscribe.", List.of());
            }
            int e = (int) ((id / 25 + random.nextInt(8)) % events.length); // events come and go along the stream
            if (events[e] == null || random.nextInt(200) == 0) {
                events[e] = new String[30];
                for (int k = 0; k < 30; k++) {
                    events[e][k] = k < 5 ? capital(word(random, 5 + random.nextInt(4))) : word(random, 6 + random.nextInt(5));
                }
            }
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 120; w++) {
                boolean eventWord = random.nextInt(5) == 0;
                String word = eventWord ? events[e][random.nextInt(30)] : common[(int) Math.min(common.length - 1,
                        Math.abs(random.nextGaussian()) * common.length / 4)];
                text.append(word).append(w % 15 == 14 ? ". " : " ");
            }
            text.append(' ').append(random.nextInt(100_000));
            String t = text.toString();
            lastTexts[(int) (id % lastTexts.length)] = t;
            return new StoryArticle(id, id, time, "en", events[e][0] + " " + events[e][6], t, List.of());
        }

        private static String word(Random random, int length) {
            char[] c = new char[length];
            for (int i = 0; i < length; i++) c[i] = (char) ('a' + random.nextInt(26));
            return new String(c);
        }

        private static String capital(String w) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
    }
}
