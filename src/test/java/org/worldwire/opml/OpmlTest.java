package org.worldwire.opml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;

class OpmlTest {

    private static List<OpmlSource> read(String xml) {
        return Opml.read(xml.getBytes(UTF_8));
    }

    @Test
    void readsNestedOutlinesAsCategories() {
        var sources = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>My news</title></head>
                  <body>
                    <outline text="Europe">
                      <outline text="France">
                        <outline type="rss" text="Le Monde" xmlUrl="https://www.lemonde.fr/rss/une.xml" htmlUrl="https://www.lemonde.fr/"/>
                      </outline>
                      <outline type="rss" title="BBC" text="ignored when title is set" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml"/>
                    </outline>
                    <outline type="rss" text="Top level" xmlUrl="https://example.com/feed"/>
                  </body>
                </opml>
                """);
        assertThat(sources).extracting(OpmlSource::title, OpmlSource::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Le Monde", "Europe/France"),
                org.assertj.core.groups.Tuple.tuple("BBC", "Europe"),
                org.assertj.core.groups.Tuple.tuple("Top level", null));
        assertThat(sources.getFirst().siteUrl()).isEqualTo("https://www.lemonde.fr/");
    }

    @Test
    void acceptsAnyCaseOfXmlUrl() {
        // Exporters disagree: xmlUrl (spec), xmlurl, XMLURL, xmlURL all occur in the wild.
        var sources = read("""
                <opml version="1.0"><body>
                  <outline text="a" xmlurl="https://a.example/feed"/>
                  <outline text="b" XMLURL="https://b.example/feed"/>
                  <outline text="c" xmlURL="https://c.example/feed" HTMLURL="https://c.example/"/>
                </body></opml>
                """);
        assertThat(sources).extracting(OpmlSource::feedUrl)
                .containsExactly("https://a.example/feed", "https://b.example/feed", "https://c.example/feed");
        assertThat(sources.get(2).siteUrl()).isEqualTo("https://c.example/");
    }

    @Test
    void readsCountryAndLanguageFromOurNamespace() {
        var s = read("""
                <opml version="2.0" xmlns:w="https://worldwire.org/opml"><body>
                  <outline text="NHK" xmlUrl="https://www3.nhk.or.jp/rss/news/cat0.xml" w:country="jp" w:language="JA"/>
                </body></opml>
                """).getFirst();
        // The prefix is the writer's choice; the namespace is what counts.
        assertThat(s.country()).isEqualTo("JP");
        assertThat(s.language()).isEqualTo("ja");
    }

    @Test
    void fallsBackToPlainLanguageAndCategoryMarkers() {
        var sources = read("""
                <opml version="2.0"><body>
                  <outline text="a" xmlUrl="https://a.example/feed" language="pt-BR" category="/country/br,/Sport/Football"/>
                  <outline text="b" xmlUrl="https://b.example/feed" category="/language/de, /country/at"/>
                </body></opml>
                """);
        assertThat(sources.get(0).language()).isEqualTo("pt");
        assertThat(sources.get(0).country()).isEqualTo("BR");
        assertThat(sources.get(0).category()).isEqualTo("Sport/Football");
        assertThat(sources.get(1).language()).isEqualTo("de");
        assertThat(sources.get(1).country()).isEqualTo("AT");
        assertThat(sources.get(1).category()).isNull();
    }

    @Test
    void skipsOutlinesThatAreNotUsableFeedsAndSaysWhy() {
        var doc = Opml.parse("""
                <opml version="2.0"><head><title> List </title></head><body>
                  <outline text="folder without feeds"/>
                  <outline text="js" xmlUrl="javascript:alert(1)"/>
                  <outline text="ok" xmlUrl="https://a.example/feed" ww:country="France" xmlns:ww="https://worldwire.org/opml"/>
                  <outline text="twice" xmlUrl="https://a.example/feed"/>
                  <outline text="empty" xmlUrl="  "/>
                </body></opml>
                """.getBytes(UTF_8));
        assertThat(doc.title()).isEqualTo("List");
        assertThat(doc.sources()).extracting(OpmlSource::title).containsExactly("ok");
        assertThat(doc.sources().getFirst().country()).isNull();
        assertThat(doc.problems()).hasSize(3).anySatisfy(p -> assertThat(p).contains("not http(s)"))
                .anySatisfy(p -> assertThat(p).contains("listed twice"))
                .anySatisfy(p -> assertThat(p).contains("ignored country 'France'"));
    }

    @Test
    void readsTheDeclaredEncoding() {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <opml version="1.0"><body><outline text="Süddeutsche" xmlUrl="https://rss.example/top"/></body></opml>
                """;
        assertThat(Opml.read(xml.getBytes(Charset.forName("ISO-8859-1"))).getFirst().title()).isEqualTo("Süddeutsche");
    }

    @Test
    void malformedXmlIsAClearError() {
        assertThatThrownBy(() -> read("<opml><body><outline text='a' xmlUrl='https://a.example/'></body></opml>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed OPML at line 1");
        assertThatThrownBy(() -> read("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("<rss version='2.0'><channel/></rss>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root element is <rss>");
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        String lol = """
                <?xml version="1.0"?>
                <!DOCTYPE opml [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <opml version="2.0"><body><outline text="&lol9;" xmlUrl="https://a.example/feed"/></body></opml>
                """;
        long start = System.nanoTime();
        assertThatThrownBy(() -> read(lol)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
        // Expanding would take gigabytes and minutes; refusing takes milliseconds.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        // Would read a local file (or fetch a URL) and put it in the title if entities were resolved.
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE opml [ <!ENTITY xxe SYSTEM "file:///etc/hostname"> ]>
                <opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://a.example/feed"/></body></opml>
                """;
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
        String undeclared = "<opml version='2.0'><body><outline text='&xxe;' xmlUrl='https://a.example/feed'/></body></opml>";
        assertThatThrownBy(() -> read(undeclared)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<opml><body>" + "<outline text='x'>".repeat(200) + "</outline>".repeat(200) + "</body></opml>";
        assertThatThrownBy(() -> read(deep)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper");
    }

    @Test
    void roundTripsEverythingItWrites() {
        var sources = List.of(
                new OpmlSource("https://a.example/feed?x=1&y=2", "A & B <News> \"quoted\" 'single'",
                        "https://a.example/", "fr", "fr", "Europe/France"),
                new OpmlSource("https://b.example/rss", "Ünïcödé 日本語 عربي", null, "JP", "ja", "Asia"),
                new OpmlSource("https://c.example/atom", "Line\nbreak\tand tab", null, null, null, null),
                new OpmlSource("https://d.example/rss", "Second in France", null, "FR", "fr", "Europe/France"));
        String xml = Opml.write(sources, "Worldwire & friends");
        var doc = Opml.parse(xml.getBytes(UTF_8));
        assertThat(doc.title()).isEqualTo("Worldwire & friends");
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.sources()).containsExactlyInAnyOrderElementsOf(sources);
    }

    @Test
    void writesOpml2WithOurNamespaceAndGroupsByCategory() {
        String xml = Opml.write(List.of(
                new OpmlSource("https://a.example/feed", "A", null, "DE", "de", "Europe"),
                new OpmlSource("https://b.example/feed", "B", null, "KE", "sw", "Africa"),
                new OpmlSource("https://c.example/feed", "C", null, "AT", "de", "Europe")), "t");
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<opml version=\"2.0\" xmlns:ww=\"https://worldwire.org/opml\">")
                .contains("ww:country=\"DE\" ww:language=\"de\"");
        // One folder per category, in order of first appearance.
        assertThat(xml.indexOf("text=\"Europe\"")).isLessThan(xml.indexOf("text=\"Africa\""));
        assertThat(xml.split("text=\"Europe\"", -1)).hasSize(2);
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        String xml = Opml.write(List.of(new OpmlSource("https://a.example/f", "bell\u0007 nul\u0000 \uD800end", null,
                null, null, null)), "t\u0001");
        assertThat(Opml.read(xml.getBytes(UTF_8)).getFirst().title()).isEqualTo("bell nul end");
    }

    @Test
    void convertsToAndFromTheModelSource() {
        var s = new OpmlSource("https://a.example/feed", "A", "https://a.example/", "fr", "FR", "Europe");
        Source source = s.toSource(DisplayPolicy.EXCERPT);
        assertThat(source.country()).isEqualTo("FR");
        assertThat(source.language()).isEqualTo("fr");
        assertThat(OpmlSource.of(source, "Europe")).isEqualTo(s);
    }
}
