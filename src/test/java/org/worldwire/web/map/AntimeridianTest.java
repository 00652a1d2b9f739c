package org.worldwire.web.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AntimeridianTest {
    @Test
    void leavesRingsThatStayOnOneSideAlone() {
        String path = "M10 10L20 10L20 20ZM500 100L510 100L505 110Z";
        assertThat(Antimeridian.mend(path, 1000)).isEqualTo(path);
    }

    @Test
    void drawsARingAcrossTheAntimeridianAsTwoContinuousCopies() {
        // An island straddling 180°: two points at the right edge, two at the left.
        String mended = Antimeridian.mend("M998 50L2 50L2 60L998 60Z", 1000);
        assertThat(mended).isEqualTo("M998 50L1002 50L1002 60L998 60ZM-2 50L2 50L2 60L-2 60Z");
    }

    @Test
    void noRingOfTheBundledMapJumpsAcrossItAnyMore() {
        WorldMapSvg map = WorldMapSvg.load();
        String svg = map.render(java.util.Map.of(), c -> c);
        Matcher paths = Pattern.compile(" d=\"([^\"]+)\"").matcher(svg);
        Pattern point = Pattern.compile("(-?[0-9.]+) (-?[0-9.]+)");
        int rings = 0;
        while (paths.find()) {
            for (String ring : paths.group(1).split("Z")) {
                Matcher m = point.matcher(ring);
                Double last = null;
                while (m.find()) {
                    double x = Double.parseDouble(m.group(1));
                    if (last != null) assertThat(Math.abs(x - last)).as("jump in %s", ring).isLessThan(500);
                    last = x;
                }
                rings++;
            }
        }
        assertThat(rings).isGreaterThan(200);
    }
}
