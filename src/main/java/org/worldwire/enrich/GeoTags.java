package org.worldwire.enrich;

import java.util.List;

/**
 * Countries an article speaks of, as ISO 3166-1 alpha-2 codes, and the organisations of states it names.
 *
 * @param countries every country mentioned, in order of first mention
 * @param primary the country or countries the story is about (a subset of countries)
 * @param organisations organisations of states named ("EU", "NATO", "UN", "AU", ...), never counted as countries
 */
public record GeoTags(List<String> countries, List<String> primary, List<String> organisations) {
    public static final GeoTags NONE = new GeoTags(List.of(), List.of(), List.of());

    public GeoTags {
        countries = List.copyOf(countries);
        primary = List.copyOf(primary);
        organisations = List.copyOf(organisations);
    }

    public GeoTags(List<String> countries, List<String> primary) {
        this(countries, primary, List.of());
    }
}
