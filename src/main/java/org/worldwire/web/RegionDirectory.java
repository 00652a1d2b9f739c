package org.worldwire.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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

    /** Continental grouping close to the UN geoscheme, with the Middle East on its own as newsrooms use it. */
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
            Map<String, List<String>> m = new LinkedHashMap<>();
            m.put("Africa", codes("DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ GQ ER SZ ET GA GM GH GN GW KE LS LR LY "
                    + "MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW"));
            m.put("Americas", codes("AI AG AR AW BS BB BZ BM BO BQ BR VG CA KY CL CO CR CU CW DM DO EC SV FK GF GL GD "
                    + "GP GT GY HT HN JM MQ MX MS NI PA PY PE PR BL KN LC MF PM VC SX SR TT TC US UY VE VI UM"));
            m.put("Asia", codes("AF BD BT BN KH CN HK IN ID JP KZ KP KR KG LA MO MY MV MN MM NP PK PH SG LK TW TJ TH "
                    + "TL TM UZ VN IO"));
            m.put("Europe", codes("AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV "
                    + "LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA"));
            m.put("Middle East", codes("BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE AM AZ GE"));
            m.put("Oceania", codes("AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF"));
            return m;
        }

        private static List<String> codes(String s) {
            return List.of(s.trim().split("\\s+"));
        }
    }
}
