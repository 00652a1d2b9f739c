package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MetadataTest {

    @Test
    void fallsBackFromOpenGraphToMetaTagsAndTimeElement() {
        Metadata m = Metadata.read(Jsoup.parse("""
                <html><head><title>Quake hits coast - Example News</title>
                <meta name="author" content="By Jane Doe">
                <meta name="description" content="A strong quake.">
                </head><body><article><h1>Quake hits coast</h1>
                <time datetime="2022-07-01T12:00:00Z">1 July</time><p>Text.</p></article></body></html>"""));
        assertThat(m.title).isEqualTo("Quake hits coast");
        assertThat(m.authors).containsExactly("Jane Doe");
        assertThat(m.published).isNotNull();
        assertThat(m.published.toString()).isEqualTo("2022-07-01T12:00Z");
        assertThat(m.description).isEqualTo("A strong quake.");
    }

    @Test
    void readsBrokenJsonLdWithTrailingCommasAndRawNewlines() {
        Metadata m = Metadata.read(Jsoup.parse("""
                <script type="application/ld+json">
                {"@type": "Article", "headline": "Line one
                line two", "author": {"name": "Li Wei",}, "datePublished": "2021-02-03",}
                </script>"""));
        assertThat(m.title).isEqualTo("Line one\nline two".replace("\n", " ").replace(" line", " line"));
        assertThat(m.authors).containsExactly("Li Wei");
        assertThat(m.published.toLocalDate().toString()).isEqualTo("2021-02-03");
    }

    @Test
    void stripsTheSiteNameFromTheTitle() {
        assertThat(Metadata.cleanTitle("Markets rally as rates fall | Example Times", "Example Times", null))
                .isEqualTo("Markets rally as rates fall");
        assertThat(Metadata.cleanTitle("Example Times - Markets rally as rates fall", "Example Times", null))
                .isEqualTo("Markets rally as rates fall");
        assertThat(Metadata.cleanTitle("Markets rally as rates fall across the region - Example", null, null))
                .isEqualTo("Markets rally as rates fall across the region");
        assertThat(Metadata.cleanTitle("Q&A: what the rate cut means", null, null)).isEqualTo("Q&A: what the rate cut means");
    }
}
