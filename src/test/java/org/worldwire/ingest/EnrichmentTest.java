package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.worldwire.enrich.Geotagger;
import org.worldwire.enrich.LanguageIdentifier;

class EnrichmentTest {
    private static final String TEXT = "The prime minister of Kenya met farmers in Nairobi on Tuesday to discuss the drought.";

    /** A closing pipeline must not wait for a load a start has just begun: the article is parked instead. */
    @Test
    void aCallerGivesUpOnDataStillLoadingOnceToldToStopWaitingAndTheDataServesLater() throws InterruptedException {
        // The gazetteer is read once per process, and another test of this JVM may have read it already: the load
        // here is held until the test lets it go, so that it is surely still loading when the caller comes.
        CountDownLatch release = new CountDownLatch(1);
        Enrichment enrichment = Enrichment.deferred(LanguageIdentifier::load, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Geotagger.load();
        });
        enrichment.stopWaiting();
        assertThatThrownBy(() -> enrichment.places("Drought", TEXT, null)).isInstanceOf(Enrichment.Unavailable.class);
        release.countDown();

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
