package org.worldwire.feed.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Feeds to measure parsers on: generated RSS 2.0 and Atom 1.0 documents shaped like real news feeds (escaped HTML
 * descriptions, content:encoded, Dublin Core, categories, enclosures) in several sizes, and, when the conformance
 * suite is checked out beside the repository, its feed files.
 */
public final class FeedCorpus {
    private FeedCorpus() {}

    private static final String[] WORDS = ("government minister said on tuesday that the new policy would be "
            + "announced after talks with union leaders in the capital where thousands gathered to protest against "
            + "rising prices of fuel and food while markets fell sharply across asia europe and the americas").split(" ");

    /** Generated feeds: for each of a few sizes, one RSS 2.0 and one Atom 1.0 document. */
    public static List<byte[]> generated() {
        List<byte[]> out = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(42);
        for (int items : new int[] {10, 50, 200}) {
            out.add(rss(items, rnd).getBytes(StandardCharsets.UTF_8));
            out.add(atom(items, rnd).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The feed files of the conformance suite at {@code dir} (XML only), or none when it is absent. */
    public static List<byte[]> suite(Path dir) {
        List<byte[]> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the suite at " + dir, e);
        }
        return out;
    }

    static String words(SplittableRandom rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

    static String rss(int items, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(items * 3000);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" ")
                .append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\" ")
                .append("xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n")
                .append("<title>World News - Example Daily</title>\n<link>https://news.example.com/world</link>\n")
                .append("<description>The latest world news &amp; analysis</description>\n")
                .append("<atom:link rel=\"self\" href=\"https://news.example.com/world/rss.xml\"/>\n")
                .append("<atom:link rel=\"hub\" href=\"https://hub.example.com/\"/>\n")
                .append("<lastBuildDate>Sat, 28 Nov 2026 10:00:00 +0000</lastBuildDate>\n<language>en</language>\n");
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        for (int i = 0; i < items; i++) {
            String date = RFC822.format(t.minusSeconds(600L * i).atOffset(ZoneOffset.UTC));
            sb.append("<item>\n<title>").append(words(rnd, 10)).append(" &amp; more</title>\n")
                    .append("<link>https://news.example.com/world/2026/11/28/story-").append(i).append("</link>\n")
                    .append("<guid isPermaLink=\"false\">urn:example:story:").append(i).append("</guid>\n")
                    .append("<pubDate>").append(date).append("</pubDate>\n")
                    .append("<dc:creator>").append(words(rnd, 2)).append("</dc:creator>\n")
                    .append("<category>World</category><category>").append(words(rnd, 1)).append("</category>\n")
                    .append("<description>&lt;p&gt;").append(words(rnd, 60)).append("&lt;/p&gt;&lt;img src=\"/img/")
                    .append(i).append(".jpg\"/&gt;</description>\n")
                    .append("<content:encoded><![CDATA[<p>").append(words(rnd, 150)).append("</p><p><a href=\"/more/")
                    .append(i).append("\">Read more</a> ").append(words(rnd, 100)).append("</p>]]></content:encoded>\n")
                    .append("<media:content url=\"https://cdn.example.com/").append(i).append(".jpg\" medium=\"image\"/>\n")
                    .append("<enclosure url=\"https://cdn.example.com/").append(i)
                    .append(".mp3\" type=\"audio/mpeg\" length=\"123456\"/>\n</item>\n");
        }
        return sb.append("</channel>\n</rss>\n").toString();
    }

    static String atom(int entries, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(entries * 3000);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n")
                .append("<title type=\"text\">Example Wire</title>\n<subtitle>Breaking news from everywhere</subtitle>\n")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"https://wire.example.org/\"/>\n")
                .append("<link rel=\"self\" href=\"https://wire.example.org/atom.xml\"/>\n")
                .append("<id>tag:wire.example.org,2026:feed</id>\n<updated>2026-11-28T10:00:00Z</updated>\n");
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        for (int i = 0; i < entries; i++) {
            String when = t.minusSeconds(900L * i).toString();
            sb.append("<entry>\n<title type=\"html\">").append(words(rnd, 9)).append(" &amp;amp; co</title>\n")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"https://wire.example.org/a/").append(i).append("\"/>\n")
                    .append("<id>tag:wire.example.org,2026:").append(i).append("</id>\n")
                    .append("<published>").append(when).append("</published>\n<updated>").append(when).append("</updated>\n")
                    .append("<author><name>").append(words(rnd, 2)).append("</name><email>desk@example.org</email></author>\n")
                    .append("<category term=\"world\"/><category term=\"").append(words(rnd, 1)).append("\"/>\n")
                    .append("<summary type=\"text\">").append(words(rnd, 50)).append("</summary>\n")
                    .append("<content type=\"html\">&lt;p&gt;").append(words(rnd, 200))
                    .append("&lt;/p&gt;&lt;p&gt;&lt;a href=\"/b/").append(i).append("\"&gt;more&lt;/a&gt;&lt;/p&gt;</content>\n")
                    .append("</entry>\n");
        }
        return sb.append("</feed>\n").toString();
    }
}
