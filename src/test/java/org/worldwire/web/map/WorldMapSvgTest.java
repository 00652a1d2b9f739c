package org.worldwire.web.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorldMapSvgTest {
    private final WorldMapSvg map = WorldMapSvg.load();

    @Test
    void drawsEveryBigCountryAsALinkToItsPage() {
        assertThat(map.countries()).hasSizeGreaterThan(170).contains("US", "FR", "CN", "BR", "NG", "AU", "RU");
        String svg = map.render(Map.of(), c -> c);
        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("role=\"img\"", "aria-labelledby=\"world-map-title\"", "<a href=\"/country/fr\"");
        assertThat(svg).doesNotContain("http://tile", "https://");
    }

    @Test
    void shadesCountriesByTheirNumberOfStories() {
        String svg = map.render(Map.of("us", 40, "FR", 1), c -> c.equals("FR") ? "France" : c);
        assertThat(svg).contains("aria-label=\"France: 1 story\"", "<title>France: 1 story</title>");
        assertThat(between(svg, "id=\"country-us\"")).contains("data-count=\"40\"", "fill=\"#08306b\"");
        assertThat(between(svg, "id=\"country-fr\"")).contains("fill=\"#c6dbef\"");
        assertThat(between(svg, "id=\"country-de\"")).contains("data-count=\"0\"", "fill=\"#e6e9ee\"");
    }

    @Test
    void escapesNamesInLabels() {
        String svg = map.render(Map.of(), c -> c.equals("CI") ? "Côte d'Ivoire <\"&>" : c);
        assertThat(svg).contains("Côte d'Ivoire &lt;&quot;&amp;&gt;").doesNotContain("<\"&>");
    }

    @Test
    void shadeStepsGrowWithTheShareOfTheBusiestCountry() {
        assertThat(WorldMapSvg.shade(0, 10)).isEqualTo("#e6e9ee");
        assertThat(WorldMapSvg.shade(10, 10)).isEqualTo("#08306b");
        assertThat(WorldMapSvg.shade(1, 1000)).isEqualTo("#c6dbef");
    }

    private static String between(String svg, String marker) {
        int at = svg.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        return svg.substring(at, svg.indexOf('>', at));
    }
}
