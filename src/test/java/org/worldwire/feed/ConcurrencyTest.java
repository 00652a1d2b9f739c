package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.worldwire.model.ParsedFeed;

/** The ingest pipeline parses many feeds at once on virtual threads: the parser shares nothing mutable. */
class ConcurrencyTest {

    @Test
    void givesTheSameResultsWhenManyThreadsParseAtOnce() throws Exception {
        String[] names = {"rss20.xml", "atom10.xml", "atom03.xml", "rss10.xml", "rss091.xml", "jsonfeed.json"};
        List<ParsedFeed> expected = new ArrayList<>();
        for (String n : names) expected.add(Fixtures.parse(n, "http://example.com/f"));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < names.length; i++) {
                            if (!Fixtures.parse(names[i], "http://example.com/f").equals(expected.get(i))) return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) assertThat(f.get()).isTrue();
        }
    }
}
