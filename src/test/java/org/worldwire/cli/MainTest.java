package org.worldwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    private static final String KEY = "jdk.virtualThreadScheduler.parallelism";

    @Test
    void virtualThreadsGetSeveralCarriersPerCoreUnlessTheCommandLineSaysHowMany() {
        String given = System.getProperty(KEY);
        try {
            System.clearProperty(KEY);
            Main.moreCarriers();
            int cores = Runtime.getRuntime().availableProcessors();
            assertThat(Integer.parseInt(System.getProperty(KEY)))
                    .isEqualTo(Math.max(Main.MIN_CARRIERS, Main.CARRIERS_PER_CORE * cores))
                    .isGreaterThan(cores);
            System.setProperty(KEY, "3");
            Main.moreCarriers();
            assertThat(System.getProperty(KEY)).isEqualTo("3");
        } finally {
            if (given == null) System.clearProperty(KEY);
            else System.setProperty(KEY, given);
        }
    }
}
