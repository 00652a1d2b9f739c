package org.worldwire.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The world's countries with their region and sub-region, for sections and the region pages. Built from the
 * bundled {@code countries.tsv} (see scripts/build-gazetteer.sh). Immutable, thread-safe.
 */
public final class Regions {
    /** A section of the world. */
    public record Region(String slug, String name) {}

    /** One country: ISO 3166-1 codes, its region's slug, its sub-region and English names. */
    public record Country(String iso2, String iso3, String numeric, String region, String subregion, String name, String capital) {}

    /** The sections, in the order the site lists them. */
    public static final List<Region> REGIONS = List.of(
            new Region("africa", "Africa"),
            new Region("americas", "Americas"),
            new Region("asia-pacific", "Asia-Pacific"),
            new Region("europe", "Europe"),
            new Region("middle-east", "Middle East"),
            new Region("antarctica", "Antarctica"));

    private static volatile @Nullable Regions shared;

    private final Map<String, Country> byIso2;
    private final Map<String, List<String>> byRegion;

    private Regions(Map<String, Country> byIso2) {
        this.byIso2 = Collections.unmodifiableMap(byIso2);
        var regions = new LinkedHashMap<String, List<String>>();
        for (Region r : REGIONS) regions.put(r.slug(), new ArrayList<>());
        byIso2.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(c -> regions.computeIfAbsent(c.region(), k -> new ArrayList<>()).add(c.iso2()));
        regions.replaceAll((k, v) -> List.copyOf(v));
        this.byRegion = Collections.unmodifiableMap(regions);
    }

    /** The bundled table, read once per process. */
    public static Regions load() {
        Regions r = shared;
        if (r == null) {
            synchronized (Regions.class) {
                r = shared;
                if (r == null) shared = r = read();
            }
        }
        return r;
    }

    private static Regions read() {
        var map = new LinkedHashMap<String, Country>();
        try (InputStream in = Objects.requireNonNull(Regions.class.getResourceAsStream("countries.tsv"),
                        "enrich: bundled countries.tsv is missing; run scripts/build-gazetteer.sh");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length < 7) continue;
                map.put(f[0], new Country(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("enrich: cannot read bundled countries.tsv", e);
        }
        return new Regions(map);
    }

    /** @return the country of this ISO 3166-1 alpha-2 code (any case), or null when unknown */
    public @Nullable Country country(String iso2) {
        return byIso2.get(iso2.toUpperCase(Locale.ROOT));
    }

    /** @return the slug of the country's region ("middle-east"), or null when the code is unknown */
    public @Nullable String regionOf(String iso2) {
        Country c = country(iso2);
        return c == null ? null : c.region();
    }

    /** @return the country's sub-region ("Western Asia"), or null when the code is unknown */
    public @Nullable String subregionOf(String iso2) {
        Country c = country(iso2);
        return c == null ? null : c.subregion();
    }

    /** @return the English display name, or the code itself when unknown */
    public String name(String iso2) {
        Country c = country(iso2);
        return c == null ? iso2.toUpperCase(Locale.ROOT) : c.name();
    }

    /** @return ISO2 codes of the region's countries, sorted by name; empty for an unknown slug */
    public List<String> countriesIn(String regionSlug) {
        return byRegion.getOrDefault(regionSlug, List.of());
    }

    /** @return the region with this slug, or null */
    public @Nullable Region region(String slug) {
        for (Region r : REGIONS) if (r.slug().equals(slug)) return r;
        return null;
    }

    /** @return every country, in code order */
    public List<Country> countries() {
        return List.copyOf(byIso2.values());
    }

    /** @return the distinct region slugs of these countries, in the order of {@link #REGIONS} (an article's sections) */
    public List<String> sectionsOf(List<String> iso2s) {
        var out = new ArrayList<String>();
        for (Region r : REGIONS)
            for (String c : iso2s)
                if (r.slug().equals(regionOf(c))) {
                    out.add(r.slug());
                    break;
                }
        return out;
    }
}
