package org.worldwire.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CopyDetectorTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    static final String REPORT = """
            Rescue teams in northern Chile pulled 14 miners from a flooded copper mine near Antofagasta on Tuesday, \
            ending a 40-hour operation that had gripped the country. The men, employed by a contractor of the state \
            company Codelco, had been trapped 300 metres below ground after a water pipe burst during a night shift.
            Mining minister Aurora Williams said all of them were in stable condition and had been taken to the \
            regional hospital for checks. Two of the miners were treated for mild hypothermia, doctors said.
            Relatives who had kept vigil at the entrance of the mine cheered as the last man was brought to the \
            surface shortly after dawn. The company said it would open an investigation into the cause of the flood \
            and suspend work in the affected galleries until engineers had inspected the pumps.
            Chile is the world's largest producer of copper, and accidents in its mines draw close attention since \
            the rescue of 33 men trapped for 69 days at the San Jose mine in 2010.""";

    static final String TRANSLATION = """
            Los equipos de rescate del norte de Chile sacaron a 14 mineros de una mina de cobre inundada cerca de \
            Antofagasta el martes, poniendo fin a una operación de 40 horas que había conmovido al país. Los hombres, \
            empleados de una contratista de la empresa estatal Codelco, habían quedado atrapados a 300 metros bajo \
            tierra después de que reventara una tubería de agua durante un turno de noche.
            La ministra de Minería, Aurora Williams, dijo que todos estaban en condición estable y que habían sido \
            trasladados al hospital regional para controles. Dos de los mineros fueron tratados por hipotermia leve.
            Los familiares que habían esperado a la entrada de la mina aplaudieron cuando el último hombre fue \
            subido a la superficie poco después del amanecer.""";

    static final String OTHER_REPORT = """
            Fourteen workers trapped underground at a copper mine in Chile's Antofagasta region were rescued on \
            Tuesday after almost two days, officials said. A burst pipe had flooded the lower levels of the mine, \
            which is run by a Codelco contractor, cutting the men off at a depth of about 300 metres.
            "All of them were in stable condition," Mining minister Aurora Williams told reporters outside the \
            hospital in Antofagasta. Families had gathered at the site through the night.
            Unions said pumps at the mine had failed before and demanded an independent inquiry. Codelco said \
            it had suspended work in the flooded section.""";

    private final CopyDetector detector = new CopyDetector();

    @Test
    void aCopyWithANewHeadlineIsACopyOfTheReport() {
        assertThat(detector.check(1, T0, "14 miners rescued in Chile", REPORT)).isZero();
        assertThat(detector.check(2, T0.plusSeconds(600), "Chile: all trapped miners out alive after 40 hours", REPORT))
                .isEqualTo(1);
    }

    @Test
    void aCopyWithItsEndingTrimmedIsACopy() {
        detector.check(1, T0, "Miners rescued", REPORT);
        String trimmed = REPORT.substring(0, REPORT.indexOf("Relatives who"));
        assertThat(detector.check(2, T0.plusSeconds(60), "Miners rescued", trimmed)).isEqualTo(1);
    }

    @Test
    void aCopyWithAnExtendedEndingAndOtherBoilerplateIsACopy() {
        detector.check(1, T0, "Miners rescued", REPORT);
        String extended = "SANTIAGO (Wire) - " + REPORT.replace("on Tuesday", "on Tuesday morning")
                + "\nOur local reporter adds: the regional governor will visit the hospital on Wednesday and meet the "
                + "families of the rescued miners, several of whom live in the port city.\n"
                + "Subscribe to our newsletter for the latest news from the region. Copyright 2026 Daily Courier.";
        assertThat(detector.check(2, T0.plusSeconds(60), "Governor to visit rescued miners", extended)).isEqualTo(1);
    }

    @Test
    void aCopyOfACopyIsACopyOfTheOriginalReport() {
        detector.check(1, T0, "Miners rescued", REPORT);
        String first = REPORT + "\nMore to follow.";
        assertThat(detector.check(2, T0.plusSeconds(60), "Miners out", first)).isEqualTo(1);
        assertThat(detector.check(3, T0.plusSeconds(120), "Miners out alive", first + "\nUpdated at noon.")).isEqualTo(1);
    }

    @Test
    void aTranslationIsNotACopy() {
        detector.check(1, T0, "Miners rescued", REPORT);
        assertThat(detector.check(2, T0.plusSeconds(60), "Rescatan a 14 mineros en Chile", TRANSLATION)).isZero();
    }

    @Test
    void anotherReportOfTheSameEventIsNotACopyEvenWhenItSharesAQuotation() {
        detector.check(1, T0, "Miners rescued", REPORT + "\n\"All of them were in stable condition,\" she said.");
        assertThat(detector.check(2, T0.plusSeconds(60), "Fourteen rescued", OTHER_REPORT)).isZero();
    }

    @Test
    void aHeadlineOnlyItemIsACopyOnlyOfTheSameHeadline() {
        detector.check(1, T0, "Miners rescued in Chile", "");
        assertThat(detector.check(2, T0.plusSeconds(5), "Miners rescued in Chile", "")).isEqualTo(1);
        assertThat(detector.check(3, T0.plusSeconds(9), "Miners rescued in Peru", "")).isZero();
    }

    @Test
    void anOriginalOlderThanTheWindowIsForgotten() {
        detector.check(1, T0, "Miners rescued", REPORT);
        detector.check(2, T0.plus(Duration.ofDays(4)), "Something else", OTHER_REPORT);
        assertThat(detector.check(3, T0.plus(Duration.ofDays(4)).plusSeconds(1), "Miners rescued", REPORT)).isZero();
    }

    @Test
    void restoredOriginalsAreFoundAndRestoredCopiesAreNotIndexed() {
        detector.restore(1, T0, "Miners rescued", REPORT, 0);
        detector.restore(2, T0.plusSeconds(5), "Miners out", REPORT, 1);
        assertThat(detector.remembered()).isEqualTo(1);
        assertThat(detector.check(3, T0.plusSeconds(9), "Chile rescue", REPORT)).isEqualTo(1);
    }

    @Test
    void memoryStaysWithinTheCapWhateverTheStream() {
        CopyDetector small = new CopyDetector(new CopyDetector.Settings(Duration.ofDays(3), 6_000, 0.6, 0.1, 64));
        Random random = new Random(3);
        String[] vocabulary = new String[5000];
        for (int i = 0; i < vocabulary.length; i++) vocabulary[i] = "w" + Integer.toString(i, 36);
        int maxRemembered = 0;
        for (int i = 1; i <= 30_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 120; w++) text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            assertThat(small.check(i, T0.plusSeconds(i), "t", text.toString())).isZero();
            maxRemembered = Math.max(maxRemembered, small.remembered());
        }
        // seven generations of a sixth of the cap at most
        assertThat(maxRemembered).isLessThanOrEqualTo(7_000);
        assertThat(small.postings()).isLessThanOrEqualTo(7_000L * CopyDetector.MAX_SAMPLES);
    }
}
