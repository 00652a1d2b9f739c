package org.worldwire.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.worldwire.enrich.Regions;

/**
 * Which countries make up each region section. The site ships a built-in grouping ({@link #builtIn()}); the
 * application may pass another (the enrichment's region table) to {@link WebApp}.
 */
public interface RegionDirectory {
    /** Region names in display order. */
    List<String> regions();

    /** ISO alpha-2 codes of the countries in the region, empty for an unknown region. */
    List<String> countriesIn(String region);

    /** The region a country belongs to, or empty. */
    Optional<String> regionOf(String iso2);

    /** URL part of a region: lower case, hyphens ("middle-east"). */
    static String slug(String region) {
        return Text.slug(region);
    }

    /** The region whose slug is {@code slug}, or null. */
    default @Nullable String bySlug(String slug) {
        for (String r : regions()) {
            if (slug(r).equals(slug.toLowerCase(Locale.ROOT))) return r;
        }
        return null;
    }

    /** The enrichment's region table ({@link Regions}): the same sections the geotagger files countries under. */
    static RegionDirectory builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** A directory over a fixed map of region name to member countries, in the map's order. */
    static RegionDirectory of(Map<String, List<String>> members) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Map<String, String> reverse = new TreeMap<>();
        members.forEach((region, codes) -> {
            List<String> upper = codes.stream().map(c -> c.toUpperCase(Locale.ROOT)).sorted().toList();
            copy.put(region, upper);
            for (String c : upper) reverse.putIfAbsent(c, region);
        });
        List<String> names = List.copyOf(copy.keySet());
        return new RegionDirectory() {
            @Override
            public List<String> regions() {
                return names;
            }

            @Override
            public List<String> countriesIn(String region) {
                return copy.getOrDefault(region, List.of());
            }

            @Override
            public Optional<String> regionOf(String iso2) {
                return Optional.ofNullable(reverse.get(iso2.toUpperCase(Locale.ROOT)));
            }
        };
    }

    final class BuiltIn {
        static final RegionDirectory INSTANCE = of(table());

        private BuiltIn() {}

        private static Map<String, List<String>> table() {
            Regions regions = Regions.load();
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (Regions.Region r : Regions.REGIONS) {
                List<String> members = regions.countriesIn(r.slug());
                if (!members.isEmpty()) m.put(r.name(), members);
            }
            return m;
        }
    }
}
