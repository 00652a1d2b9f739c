package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.worldwire.model.ParsedFeed;

/** A hostile feed gets a clear error or a bounded result: never an out-of-memory, a hang, or a file read. */
class HostileInputTest {

    private static ParsedFeed parse(String xml) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), FeedContext.NONE);
    }

    @Test
    @Timeout(20)
    void doesNotExpandBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) dtd.append("&lol").append(i - 1).append(';');
            dtd.append("\">\n");
        }
        dtd.append("]>\n<rss><channel><title>&lol9;</title><item><title>still read</title></item></channel></rss>");
        ParsedFeed f = parse(dtd.toString());
        assertThat(f.title() == null ? "" : f.title()).hasSizeLessThan(100);
        assertThat(f.entries()).extracting(e -> e.title()).containsExactly("still read");
    }

    @Test
    void neverReadsExternalEntities() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>
                <rss><channel><title>a&xxe;b</title></channel></rss>""";
        ParsedFeed f = parse(xml);
        assertThat(f.title()).doesNotContain("root:");
        assertThat(f.title()).startsWith("a").endsWith("b");
    }

    @Test
    @Timeout(60)
    void boundsAHundredMegabyteFeed() {
        String item = "<item><title>t</title><description>" + "x".repeat(1000) + "</description></item>\n";
        int n = 100_000_000 / item.length();
        StringBuilder sb = new StringBuilder(100_000_100).append("<rss><channel><title>Big</title>");
        for (int i = 0; i < n; i++) sb.append(item);
        sb.append("</channel></rss>");
        byte[] body = sb.toString().getBytes(StandardCharsets.US_ASCII);
        sb = null;
        ParsedFeed f = FeedParser.parse(body, FeedContext.NONE);
        assertThat(f.title()).isEqualTo("Big");
        assertThat(f.entries()).hasSizeLessThanOrEqualTo(FeedBuilder.MAX_ENTRIES).isNotEmpty();
        assertThat(f.problems()).anySatisfy(p -> assertThat(p).contains("entries"));
    }

    @Test
    void refusesADocumentAboveTheSizeLimitWithAClearError() {
        byte[] body = new byte[FeedParser.MAX_BYTES + 1];
        ParsedFeed f = FeedParser.parse(body, FeedContext.NONE);
        assertThat(f.format()).isEqualTo("unknown");
        assertThat(f.problems()).singleElement().asString().contains("too large");
    }

    @Test
    @Timeout(30)
    void survivesTenThousandDeepNesting() {
        String deep = "<x>".repeat(10_000) + "deep" + "</x>".repeat(10_000);
        ParsedFeed f = parse("<rss><channel><item><title>ok</title><description>" + deep + "</description></item></channel></rss>");
        assertThat(f.entries()).hasSize(1);
        assertThat(f.entries().getFirst().title()).isEqualTo("ok");
        assertThat(f.entries().getFirst().summary()).contains("deep");
    }

    @Test
    @Timeout(30)
    void survivesAHundredThousandDeepUnclosedNesting() {
        ParsedFeed f = parse("<rss><channel><title>t</title><item><title>ok</title></item>" + "<x>".repeat(100_000));
        assertThat(f.title()).isEqualTo("t");
        assertThat(f.problems()).isNotEmpty();
    }

    @Test
    @Timeout(30)
    void boundsEnormousAttributes() {
        String huge = "a".repeat(20_000_000);
        ParsedFeed f = parse("<rss><channel><item><title>t</title><enclosure url=\"http://x/" + huge
                + "\" type=\"" + huge + "\"/><link href=\"" + huge + "\"/></item></channel></rss>");
        assertThat(f.entries()).hasSize(1);
        assertThat(f.entries().getFirst().enclosures()).isEmpty();
    }

    @Test
    @Timeout(30)
    void boundsManyAttributesAndLongNames() {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 200_000; i++) attrs.append(" a").append(i).append("=\"v\"");
        ParsedFeed f = parse("<rss><channel><title" + attrs + ">t</title><item><title>i</title></item></channel></rss>");
        assertThat(f.entries()).hasSizeLessThanOrEqualTo(1);
        assertThat(parse("<rss><" + "n".repeat(1_000_000) + "/></rss>").entries()).isEmpty();
    }

    @Test
    void neverThrowsOnGarbage() {
        for (String s : new String[] {"", "\u0000\u0001\u0002", "<", "<?xml", "<rss", "<<<>>>", "{", "{\"items\":7}",
                "<!DOCTYPE html><html><body>not a feed</body></html>", "\uFEFF\uFEFF<rss/>", "<rss><channel><item>"}) {
            ParsedFeed f = FeedParser.parse(s.getBytes(StandardCharsets.UTF_8), FeedContext.of("::bad url::"));
            assertThat(f).isNotNull();
        }
        assertThat(FeedParser.parse(null, null).problems()).isNotEmpty();
        byte[] random = new byte[100_000];
        new java.util.SplittableRandom(7).nextBytes(random);
        assertThat(FeedParser.parse(random, FeedContext.NONE)).isNotNull();
    }

    @Test
    void keepsTheProblemListBounded() {
        StringBuilder sb = new StringBuilder("<rss><channel>");
        for (int i = 0; i < 50_000; i++) sb.append("<item><title>").append("x".repeat(FeedBuilder.MAX_FIELD_CHARS / 1000)).append("</title></item>");
        ParsedFeed f = parse(sb.append("</channel></rss>").toString());
        assertThat(f.problems()).hasSizeLessThanOrEqualTo(FeedBuilder.MAX_PROBLEMS);
    }

    @Test
    @Timeout(10)
    void parsesQuicklyWhenDatesAreHostile() {
        String date = "Mon, " + "1 ".repeat(50_000);
        ParsedFeed f = parse("<rss><channel><item><pubDate>" + date + "</pubDate></item></channel></rss>");
        assertThat(f.entries().getFirst().published()).isNull();
    }

    @Test
    void expandsLiteralInternalEntitiesWithinBounds() {
        ParsedFeed f = parse("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY co "Example &amp; Co &#169;"><!ENTITY full "&co; Inc">
                <!ENTITY ext SYSTEM "file:///etc/passwd">]>
                <rss><channel><title>&full; &ext;</title></channel></rss>""");
        assertThat(f.title()).isEqualTo("Example & Co © Inc &ext;");
        assertThat(InternalEntities.of("<!DOCTYPE x [<!ENTITY a \"" + "a".repeat(4000) + "\"><!ENTITY b \"&a;&a;&a;\">]>")
                .expand("b")).hasSize(InternalEntities.MAX_EXPANSION);
    }

    @Test
    @Timeout(20)
    void recoversABrokenDocumentWithManyDeclaredEntitiesInOnePass() {
        // Many declarations and a large broken body: the recovery path expands references in one pass, not one
        // scan per declared name, and within the expansion budget.
        StringBuilder doc = new StringBuilder("<!DOCTYPE rss [");
        for (int i = 0; i < 256; i++) doc.append("<!ENTITY e").append(i).append(" \"v").append(i).append("\">");
        doc.append("]><rss><channel><title>&e7; &lang;</title><item><description>");
        doc.append("&e1; text &lt;!' ".repeat(400_000));
        doc.append("</description></item></channel></rss"); // no end: not well-formed
        ParsedFeed f = parse(doc.toString());
        assertThat(f.title()).isEqualTo("v7 \u2329");
        assertThat(f.entries()).hasSize(1);
        assertThat(f.entries().getFirst().summary()).startsWith("v1 text &lt;!' v1");
    }
}
