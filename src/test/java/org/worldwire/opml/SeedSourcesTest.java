package org.worldwire.opml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.worldwire.dedup.UrlCanonicalizer;

/** The bundled list is what a new installation watches: it must be broad, well-formed and complete. */
class SeedSourcesTest {
    private static final Set<String> ISO_COUNTRIES = Set.of(java.util.Locale.getISOCountries());
    private static final Set<String> ISO_LANGUAGES = Set.of(java.util.Locale.getISOLanguages());

    @Test
    void parsesWithoutProblemsAndHoldsAtLeast150Feeds() throws Exception {
        byte[] xml;
        try (var in = Opml.class.getResourceAsStream("seed-sources.opml")) {
            assertThat(in).as("seed-sources.opml on the classpath").isNotNull();
            xml = in.readAllBytes();
        }
        OpmlDocument doc = Opml.parse(xml);
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.sources()).hasSizeGreaterThanOrEqualTo(150).isEqualTo(Opml.seedSources());
    }

    @Test
    void coversEveryContinentAndTheMiddleEast() {
        Map<String, Long> perRegion = Opml.seedSources().stream()
                .collect(Collectors.groupingBy(s -> String.valueOf(s.category()), Collectors.counting()));
        assertThat(perRegion).containsOnlyKeys(
                "Africa", "Asia", "Europe", "Middle East", "North America", "South America", "Oceania");
        // A token entry per region would not make a world service: each needs a real spread of sources.
        assertThat(perRegion.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(15));
    }

    @Test
    void everyRegionHasPublishersFromSeveralCountries() {
        Map<String, Set<String>> countries = Opml.seedSources().stream().collect(Collectors.groupingBy(
                s -> String.valueOf(s.category()), Collectors.mapping(OpmlSource::country, Collectors.toSet())));
        assertThat(countries.values()).allSatisfy(c -> assertThat(c).hasSizeGreaterThanOrEqualTo(4));
    }

    @Test
    void spansAtLeastTwentyLanguages() {
        Set<String> languages = Opml.seedSources().stream().map(OpmlSource::language).collect(Collectors.toCollection(TreeSet::new));
        assertThat(languages).hasSizeGreaterThanOrEqualTo(20)
                .contains("en", "fr", "es", "pt", "ar", "ru", "zh", "ja", "hi", "sw", "de", "tr", "fa", "id");
    }

    @Test
    void everyEntryHasAValidCountryAndLanguage() {
        assertThat(Opml.seedSources()).allSatisfy(s -> {
            assertThat(s.country()).as(s.title()).isNotNull().isIn(ISO_COUNTRIES);
            assertThat(s.language()).as(s.title()).isNotNull().hasSize(2).isIn(ISO_LANGUAGES);
            assertThat(s.title()).isNotEqualTo(s.feedUrl());
        });
    }

    @Test
    void feedUrlsAreUsableAndUniqueEvenAfterCanonicalisation() {
        var sources = Opml.seedSources();
        Set<String> canonical = sources.stream()
                .map(s -> UrlCanonicalizer.canonicalize(s.feedUrl(), null))
                .collect(Collectors.toSet());
        assertThat(canonical).hasSameSizeAs(sources);
    }

    @Test
    void prefersHttps() {
        long plainHttp = Opml.seedSources().stream().filter(s -> s.feedUrl().startsWith("http:")).count();
        // A few long-standing feeds are only published over http; they must stay the exception.
        assertThat(plainHttp).isLessThanOrEqualTo(Opml.seedSources().size() / 20);
    }
}
