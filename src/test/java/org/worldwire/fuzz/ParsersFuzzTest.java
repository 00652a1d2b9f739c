package org.worldwire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.worldwire.extract.ArticleExtractor;
import org.worldwire.feed.FeedContext;
import org.worldwire.feed.FeedParser;

/**
 * The parsers take bytes from strangers: whatever the bytes, they must return a result, never throw, and
 * stay within time. Run with {@code mvn -Pfuzz test} to fuzz; a normal run replays the inputs kept under
 * src/test/resources/org/worldwire/fuzz/ParsersFuzzTestInputs (every crash found is kept there).
 */
class ParsersFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void feedParserAlwaysReturnsAResult(byte[] input) {
        var feed = FeedParser.parse(input, new FeedContext("http://example.org/feed", "application/xml", null));
        assertThat(feed).isNotNull();
        assertThat(feed.problems().size()).isLessThan(1_000);
    }

    @FuzzTest(maxDuration = "60s")
    void extractorAlwaysReturnsAResult(byte[] input) {
        var article = ArticleExtractor.extract(input, "http://example.org/a", "text/html");
        assertThat(article).isNotNull();
    }
}
