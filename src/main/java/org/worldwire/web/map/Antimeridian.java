package org.worldwire.web.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends rings that cross the antimeridian (Chukotka, Fiji). Projected naively, such a ring jumps from the right edge of
 * the map to the left and back, and its fill becomes a band across the whole map. Each such ring is made continuous
 * (it then runs past one edge of the map) and drawn twice, once as is and once shifted by the map's width, so the
 * SVG's viewBox clips each copy to the half that belongs on its side.
 */
final class Antimeridian {
    private static final Pattern SUBPATH = Pattern.compile("M[^M]*");
    private static final Pattern POINT = Pattern.compile("(-?[0-9.]+)[ ,](-?[0-9.]+)");

    private Antimeridian() {}

    /**
     * @param path an SVG path of closed rings made only of M, L and Z commands, x in [0, width]
     * @return the same path, with every ring that jumps across the map replaced by its two continuous copies
     */
    static String mend(String path, double width) {
        Matcher rings = SUBPATH.matcher(path);
        StringBuilder out = new StringBuilder(path.length());
        while (rings.find()) {
            String ring = rings.group();
            List<double[]> points = new ArrayList<>();
            Matcher m = POINT.matcher(ring);
            while (m.find()) points.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            double shift = 0;
            boolean crosses = false;
            for (int i = 1; i < points.size(); i++) {
                double dx = points.get(i)[0] + shift - points.get(i - 1)[0];
                if (Math.abs(dx) > width / 2) {
                    crosses = true;
                    shift -= Math.signum(dx) * width;
                }
                points.get(i)[0] += shift;
            }
            // A ring that does not come back to its own side (one around a pole) cannot be mended this way.
            if (!crosses || shift != 0) {
                out.append(ring);
                continue;
            }
            double minX = points.stream().mapToDouble(p -> p[0]).min().orElse(0);
            double other = minX < 0 ? width : -width;
            append(out, points, 0);
            append(out, points, other);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, List<double[]> points, double dx) {
        for (int i = 0; i < points.size(); i++) {
            out.append(i == 0 ? 'M' : 'L').append(format(points.get(i)[0] + dx)).append(' ').append(format(points.get(i)[1]));
        }
        out.append('Z');
    }

    private static String format(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
