package org.worldwire.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        CopyDetector small = new CopyDetector(new CopyDetector.Settings(Duration.ofDays(3), 6_000, 0.6, 0.1, 64, 100_000_000));
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

    /**
     * The detector against a plain reading of its rule: a copy of the remembered original with which it shares the
     * largest share of the smaller sample (at least the containment, and the coverage of the larger), the earliest
     * among equals; originals remembered in generations of a sixth of the cap, seven live. Generations of ten make the
     * stream cross two hundred of them, so that most lookups go to frozen ones.
     */
    @Test
    void decidesAsThePlainRuleWhileGenerationsFreezeAndExpire() {
        CopyDetector.Settings settings = new CopyDetector.Settings(Duration.ofDays(3), 60, 0.6, 0.1, Integer.MAX_VALUE, 100_000_000);
        CopyDetector small = new CopyDetector(settings);
        Random random = new Random(11);
        String[] vocabulary = vocabulary(3_000);
        List<String> texts = new ArrayList<>();
        List<long[]> originalSamples = new ArrayList<>();
        List<Long> originalIds = new ArrayList<>();
        CopyDetector.Shingler shingler = new CopyDetector.Shingler();
        int copies = 0;
        for (int id = 1; id <= 3_000; id++) {
            String text = texts.isEmpty() || random.nextInt(3) > 0
                    ? words(vocabulary, random, 150 + random.nextInt(250))
                    : edited(texts.get(texts.size() - 1 - random.nextInt(Math.min(texts.size(), 100))), vocabulary, random);
            texts.add(text);
            shingler.sample("t", text);
            assertThat(shingler.exactOnly).isFalse();
            long[] samples = Arrays.copyOf(shingler.samples, shingler.count);
            // live: the originals of the newest seven generations of ten
            int remembered = originalIds.size();
            int firstLive = remembered == 0 ? 0 : Math.max(0, ((remembered - 1) / 10 - 6) * 10);
            long expected = 0;
            double best = 0;
            for (int o = firstLive; o < remembered; o++) {
                long[] theirs = originalSamples.get(o);
                int shared = 0;
                for (long x : samples) if (Arrays.binarySearch(theirs, x) >= 0) shared++;
                double containment = (double) shared / Math.min(samples.length, theirs.length);
                double coverage = (double) shared / Math.max(samples.length, theirs.length);
                if (shared > 0 && containment >= 0.6 && coverage >= 0.1 && containment > best) {
                    best = containment;
                    expected = originalIds.get(o);
                }
            }
            long found = small.check(id, T0.plusSeconds(id), "t", text);
            assertThat(found).as("article %d", id).isEqualTo(expected);
            if (found == 0) {
                originalSamples.add(samples);
                originalIds.add((long) id);
            } else {
                copies++;
            }
        }
        assertThat(copies).isGreaterThan(300);
        assertThat(small.remembered()).isLessThanOrEqualTo(70);
    }

    /**
     * Six of seven generations are frozen: a full detector holds a posting in about 14 bytes over all seven, where
     * tables alone took about 60.
     */
    @Test
    void frozenGenerationsHoldAPostingInAboutSevenBytes() {
        CopyDetector detector = new CopyDetector(new CopyDetector.Settings(Duration.ofDays(3), 6_000, 0.6, 0.1, 64, 100_000_000));
        Random random = new Random(5);
        String[] vocabulary = vocabulary(5_000);
        for (int id = 1; id <= 6_900; id++) detector.check(id, T0.plusSeconds(id), "t", words(vocabulary, random, 400));
        // seven generations, the newest nearly full and still a table
        assertThat(detector.remembered()).isEqualTo(6_900);
        double bytesPerPosting = (double) detector.retainedBytes() / detector.postings();
        assertThat(bytesPerPosting).isLessThan(16);
    }

    private static String[] vocabulary(int size) {
        String[] vocabulary = new String[size];
        for (int i = 0; i < size; i++) vocabulary[i] = "w" + Integer.toString(i, 36);
        return vocabulary;
    }

    private static String words(String[] vocabulary, Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
        return text.toString();
    }

    /** A reprint: a few words changed, its ending cut or another paragraph added. */
    private static String edited(String text, String[] vocabulary, Random random) {
        String[] words = text.split(" ");
        for (int i = random.nextInt(6); i > 0; i--) words[random.nextInt(words.length)] = vocabulary[random.nextInt(vocabulary.length)];
        String out = String.join(" ", words);
        return switch (words.length < 200 ? 1 + random.nextInt(2) : random.nextInt(3)) {
            case 0 -> out.substring(0, out.length() / 2 + random.nextInt(out.length() / 2));
            case 1 -> out + " " + words(vocabulary, random, 20 + random.nextInt(200));
            default -> out;
        };
    }
}
