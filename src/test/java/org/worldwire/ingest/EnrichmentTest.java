package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnrichmentTest {
    private static final String TEXT = "The prime minister of Kenya met farmers in Nairobi on Tuesday to discuss the drought.";

    /** A closing pipeline must not wait for a load a start has just begun: the article is parked instead. */
    @Test
    void aCallerGivesUpOnDataStillLoadingOnceToldToStopWaitingAndTheDataServesLater() throws InterruptedException {
        Enrichment enrichment = Enrichment.deferred();
        enrichment.stopWaiting();
        // the first call starts the load (hundreds of milliseconds of parsing), so the data cannot be there yet
        assertThatThrownBy(() -> enrichment.places("Drought", TEXT, null)).isInstanceOf(Enrichment.Unavailable.class);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                assertThat(enrichment.places("Drought", TEXT, null).countries()).contains("KE");
                assertThat(enrichment.language("Drought", TEXT, null)).isEqualTo("en");
                return;
            } catch (Enrichment.Unavailable stillLoading) {
                assertThat(System.nanoTime()).as("loaded within a minute").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }
}
