package org.worldwire.web.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Draws the world as one inline SVG, each country shaded by its number of stories and linking to its page.
 * Shapes come from the bundled {@code world.tsv} (Natural Earth via world-atlas, projected and simplified by
 * scripts/build-gazetteer.sh). Pure: no IO after loading, thread-safe.
 */
public final class WorldMapSvg {
    /** Light to dark blue: zero stories, then four steps up to the busiest country. */
    private static final String[] SHADES = {"#e6e9ee", "#c6dbef", "#6baed6", "#2171b5", "#08306b"};
    private static volatile @Nullable WorldMapSvg shared;

    private final Map<String, String> paths;
    private final String viewBox;

    WorldMapSvg(Map<String, String> paths, String viewBox) {
        this.paths = Map.copyOf(paths);
        this.viewBox = viewBox;
    }

    /** The bundled shapes, read once per process. */
    public static WorldMapSvg load() {
        WorldMapSvg m = shared;
        if (m == null) {
            synchronized (WorldMapSvg.class) {
                m = shared;
                if (m == null) shared = m = read();
            }
        }
        return m;
    }

    private static WorldMapSvg read() {
        var paths = new LinkedHashMap<String, String>();
        String viewBox = "0 0 1000 394";
        try (InputStream in = Objects.requireNonNull(WorldMapSvg.class.getResourceAsStream("/org/worldwire/enrich/world.tsv"),
                        "map: bundled world.tsv is missing; run scripts/build-gazetteer.sh");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    int at = line.indexOf("viewBox ");
                    if (at >= 0) viewBox = line.substring(at + 8, line.indexOf(')', at));
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab == 2) paths.put(line.substring(0, 2), line.substring(3));
            }
            double width = Double.parseDouble(viewBox.split(" ")[2]);
            paths.replaceAll((iso2, d) -> Antimeridian.mend(d, width));
        } catch (IOException e) {
            throw new UncheckedIOException("map: cannot read bundled world.tsv", e);
        }
        return new WorldMapSvg(paths, viewBox);
    }

    /** @return the ISO2 codes the map can draw */
    public java.util.Set<String> countries() {
        return paths.keySet();
    }

    /**
     * @param counts stories per country (ISO2, any case) in the period shown; missing means none
     * @param names display name of a country code, for titles and labels
     * @return an {@code <svg>} element, every country an {@code <a href="/country/xx">} with a {@code <title>}
     */
    public String render(Map<String, Integer> counts, Function<String, String> names) {
        var upper = new LinkedHashMap<String, Integer>();
        counts.forEach((k, v) -> upper.merge(k.toUpperCase(Locale.ROOT), v == null ? 0 : v, Integer::sum));
        int max = upper.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        var sb = new StringBuilder(paths.values().stream().mapToInt(String::length).sum() + paths.size() * 200);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"world-map\" viewBox=\"").append(viewBox)
                .append("\" role=\"img\" aria-labelledby=\"world-map-title\">")
                .append("<title id=\"world-map-title\">World map: stories per country</title>")
                .append("<g stroke=\"#ffffff\" stroke-width=\"0.4\">");
        paths.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String iso2 = e.getKey();
            int n = upper.getOrDefault(iso2, 0);
            String name = escape(names.apply(iso2));
            String label = name + ": " + n + (n == 1 ? " story" : " stories");
            sb.append("<a href=\"/country/").append(iso2.toLowerCase(Locale.ROOT)).append("\" aria-label=\"")
                    .append(label).append("\"><path id=\"country-").append(iso2.toLowerCase(Locale.ROOT))
                    .append("\" data-count=\"").append(n).append("\" fill=\"").append(shade(n, max))
                    .append("\" d=\"").append(e.getValue()).append("\"><title>").append(label)
                    .append("</title></path></a>");
        });
        return sb.append("</g></svg>").toString();
    }

    /** Zero is grey; otherwise four steps on a square-root scale, so a few stories still show. */
    static String shade(int count, int max) {
        if (count <= 0 || max <= 0) return SHADES[0];
        int step = (int) Math.ceil(Math.sqrt((double) count / max) * 4);
        return SHADES[Math.max(1, Math.min(4, step))];
    }

    private static String escape(String s) {
        var sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
