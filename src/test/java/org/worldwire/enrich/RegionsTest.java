package org.worldwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {
    private final Regions regions = Regions.load();

    @Test
    void everyCountryBelongsToAKnownRegion() {
        var slugs = Regions.REGIONS.stream().map(Regions.Region::slug).toList();
        assertThat(regions.countries()).hasSizeGreaterThan(240)
                .allSatisfy(c -> assertThat(slugs).contains(c.region()));
    }

    @Test
    void theMiddleEastHoldsWesternAsiaEgyptAndIranButNotTheCaucasus() {
        assertThat(regions.countriesIn("middle-east")).contains("EG", "IR", "IL", "SA", "SY").doesNotContain("GE", "AZ");
        assertThat(regions.regionOf("ge")).isEqualTo("europe");
        assertThat(regions.regionOf("JP")).isEqualTo("asia-pacific");
        assertThat(regions.subregionOf("NG")).isEqualTo("Western Africa");
    }

    @Test
    void namesAndSectionsForTheSite() {
        assertThat(regions.name("de")).isEqualTo("Germany");
        assertThat(regions.name("ZZ")).isEqualTo("ZZ");
        assertThat(regions.regionOf("ZZ")).isNull();
        assertThat(regions.sectionsOf(List.of("FR", "EG", "DE"))).containsExactly("europe", "middle-east");
    }
}
