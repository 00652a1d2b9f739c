package org.worldwire.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated news: events reported several times in several languages, copies with small edits, one-offs. */
class StoryStreamTest {
    private static final int N = 20_000;
    private static List<StoryStream.Article> stream;
    private static Map<Long, StoryStream.Article> byId;
    private static Map<Long, List<StoryStream.Article>> originalsByEvent;

    @BeforeAll
    static void generate() {
        stream = new ArrayList<>(N);
        StoryStream s = StoryStream.of(StoryStream.Spec.of(N, 7));
        while (s.hasNext()) stream.add(s.next());
        byId = new HashMap<>();
        originalsByEvent = new HashMap<>();
        for (StoryStream.Article a : stream) {
            byId.put(a.id(), a);
            if (a.copyOfId() == 0) originalsByEvent.computeIfAbsent(a.eventId(), k -> new ArrayList<>()).add(a);
        }
    }

    @Test
    void articlesComeInTimeOrderWithEveryField() {
        assertThat(stream).hasSize(N);
        Instant previous = Instant.MIN;
        for (int i = 0; i < N; i++) {
            StoryStream.Article a = stream.get(i);
            assertThat(a.id()).isEqualTo(i + 1);
            assertThat(a.time()).isAfterOrEqualTo(previous);
            previous = a.time();
            assertThat(a.title()).isNotBlank();
            assertThat(a.text()).isNotBlank();
            assertThat(a.language()).hasSize(2);
            assertThat(a.countries()).hasSize(1);
            assertThat(a.countries().getFirst()).matches("[A-Z]{2}");
            assertThat(a.sourceId()).isBetween(1L, 400L);
            assertThat(a.eventId()).isPositive();
        }
        // 2,000 an hour: twenty thousand articles span about ten simulated hours.
        assertThat(Duration.between(stream.getFirst().time(), stream.getLast().time()).toHours()).isBetween(8L, 12L);
    }

    @Test
    void mostEventsAreSmallAndAFewAreReportedManyTimesInManyLanguagesOverHours() {
        int small = 0, big = 0, bigMultilingual = 0;
        List<Double> spans = new ArrayList<>();
        for (List<StoryStream.Article> reports : originalsByEvent.values()) {
            if (reports.size() <= 3) small++;
            if (reports.size() < 8) continue;
            big++;
            Set<String> languages = new HashSet<>();
            Set<Long> sources = new HashSet<>();
            for (StoryStream.Article a : reports) {
                languages.add(a.language());
                sources.add(a.sourceId());
            }
            if (languages.size() >= 3 && sources.size() >= 6) bigMultilingual++;
            spans.add(Duration.between(reports.getFirst().time(), reports.getLast().time()).toMinutes() / 60.0);
        }
        assertThat((double) small / originalsByEvent.size()).isGreaterThan(0.8);
        assertThat(originalsByEvent.values().stream().mapToInt(List::size).max().orElseThrow()).isBetween(10, 40);
        assertThat(big).isGreaterThan(50);
        assertThat(bigMultilingual).isGreaterThan(big * 9 / 10);
        spans.sort(null);
        assertThat(spans.get(spans.size() / 2)).as("median hours from first to last report").isGreaterThan(1.5);
    }

    @Test
    void reportsOfOneEventDifferInWordsButShareItsFacts() {
        NewsEvent e = NewsEvent.random(1, new SplittableRandom(3), Instant.parse("2025-03-14T09:00:00Z"),
                EventKind.EARTHQUAKE, 4);
        Lexicon.Language en = Lexicon.language("en");
        List<Text.Story> reports = new ArrayList<>();
        for (int i = 0; i < 4; i++) reports.add(Reports.report(e, 0, en, new SplittableRandom(100 + i)));
        for (Text.Story r : reports) {
            String text = String.join(" ", r.paragraphs());
            assertThat(r.title()).contains("Cairo");
            assertThat(text).contains("Cairo", e.deadAt(0) + " dead", "March 14");
            assertThat(e.people().stream().anyMatch(p -> text.contains(p.full("en")))).isTrue();
            assertThat(text).containsAnyOf("earthquake", "quake");
        }
        assertThat(reports.stream().map(Text.Story::title).distinct()).hasSize(4);
        assertThat(shingleOverlap(reports.get(0), reports.get(1))).as("own words").isLessThan(0.1);

        // The same event in other languages and scripts: its place, numbers and names, transliterated.
        String ru = String.join(" ", Reports.report(e, 0, Lexicon.language("ru"), new SplittableRandom(5)).paragraphs());
        assertThat(ru).contains("Каир", NewsWords.of("ru").dead(e.deadAt(0)));
        assertThat(e.people().stream().anyMatch(p -> ru.contains(p.full("ru")))).isTrue();
        String zh = String.join("", Reports.report(e, 0, Lexicon.language("zh"), new SplittableRandom(5)).paragraphs());
        assertThat(zh).contains("开罗", "3月14日");
        String es = String.join(" ", Reports.report(e, 2, Lexicon.language("es"), new SplittableRandom(5)).paragraphs());
        assertThat(es).contains("El Cairo", "14 de marzo", NewsWords.of("es").dead(e.deadAt(2)));
    }

    @Test
    void copiesAreTheirOriginalWithSmallEdits() {
        int copies = 0, newTitle = 0, trimmed = 0, extended = 0;
        for (StoryStream.Article c : stream) {
            if (c.copyOfId() == 0) continue;
            copies++;
            StoryStream.Article o = byId.get(c.copyOfId());
            assertThat(o.id()).isLessThan(c.id());
            assertThat(o.copyOfId()).as("copies are of originals").isZero();
            assertThat(c.language()).isEqualTo(o.language());
            assertThat(c.sourceId()).isNotEqualTo(o.sourceId());
            assertThat(c.eventId()).isEqualTo(o.eventId());
            assertThat(Duration.between(o.time(), c.time()).toMinutes()).isLessThanOrEqualTo(180);
            List<String> op = Arrays.asList(o.text().split("\n\n"));
            List<String> cp = new ArrayList<>(Arrays.asList(c.text().split("\n\n")));
            // Boilerplate at the top, the bottom or both; what remains is the original, maybe trimmed or extended.
            int at = cp.indexOf(op.getFirst());
            assertThat(at).as("the original's first paragraph, after at most a top line").isBetween(0, 1);
            boolean bottom = cp.getLast().startsWith("©");
            List<String> body = cp.subList(at, bottom ? cp.size() - 1 : cp.size());
            int kept = 0;
            while (kept < body.size() && kept < op.size() && body.get(kept).equals(op.get(kept))) kept++;
            assertThat(kept).as("kept paragraphs").isGreaterThanOrEqualTo(op.size() - 2);
            assertThat(body.size() - kept).as("added paragraphs").isLessThanOrEqualTo(1);
            assertThat(at == 1 || bottom).as("at least one boilerplate line").isTrue();
            if (!c.title().equals(o.title())) newTitle++;
            if (kept < op.size()) trimmed++;
            if (body.size() > kept) extended++;
        }
        assertThat(copies).isBetween(N / 5, N * 3 / 10);
        assertThat((double) newTitle / copies).isBetween(0.45, 0.75);
        assertThat(trimmed).isGreaterThan(copies / 10);
        assertThat(extended).isGreaterThan(copies / 10);
    }

    @Test
    void severalEventsOfOneKindRunAtOnceInDifferentPlaces() {
        // Storms open at the same moment, five hours in: several, in more than one country.
        Instant at = stream.getFirst().time().plus(Duration.ofHours(5));
        Map<Long, Instant[]> spans = new HashMap<>();
        Map<Long, String> country = new HashMap<>();
        for (StoryStream.Article a : stream) {
            if (!a.eventKind().equals("storm") || a.copyOfId() != 0) continue;
            spans.computeIfAbsent(a.eventId(), k -> new Instant[] {a.time(), a.time()})[1] = a.time();
            country.put(a.eventId(), a.countries().getFirst());
        }
        Set<String> countries = new HashSet<>();
        int open = 0;
        for (Map.Entry<Long, Instant[]> e : spans.entrySet()) {
            if (e.getValue()[0].isBefore(at) && e.getValue()[1].isAfter(at)) {
                open++;
                countries.add(country.get(e.getKey()));
            }
        }
        assertThat(open).isGreaterThanOrEqualTo(5);
        assertThat(countries.size()).isGreaterThanOrEqualTo(3);
        assertThat(stream.stream().filter(a -> a.eventKind().equals("one-off")).count()).isGreaterThan(N / 20);
    }

    @Test
    void differentEventsRarelyShareNames() {
        SplittableRandom r = new SplittableRandom(11);
        Set<String> full = new HashSet<>();
        Set<String> family = new HashSet<>();
        int people = 0;
        for (int i = 0; i < 5_000; i++) {
            NewsEvent e = NewsEvent.random(i, r, Instant.EPOCH, EventKind.TRIAL, 0);
            for (Names.Person p : e.people()) {
                people++;
                full.add(p.full("en"));
                family.add(p.family("en"));
            }
        }
        assertThat(people - full.size()).isLessThanOrEqualTo(2);
        assertThat(people - family.size()).isLessThan(people / 100);
    }

    @Test
    void aSeedGivesOneStream() {
        StoryStream a = StoryStream.of(StoryStream.Spec.of(300, 7));
        for (int i = 0; i < 300; i++) assertThat(a.next()).isEqualTo(stream.get(i));
        assertThat(a.hasNext()).isFalse();
        assertThat(StoryStream.of(StoryStream.Spec.of(10, 8)).next().title()).isNotEqualTo(stream.getFirst().title());
    }

    @Test
    void badSpecsAreClearErrors() {
        assertThatThrownBy(() -> StoryStream.Spec.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("articles");
        assertThatThrownBy(() -> StoryStream.Spec.of(10, 1).withArticlesPerHour(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("articlesPerHour");
        assertThatThrownBy(() -> StoryStream.Spec.of(10, 1).withCopyShare(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double shingleOverlap(Text.Story a, Text.Story b) {
        Set<String> x = shingles(String.join(" ", a.paragraphs())), y = shingles(String.join(" ", b.paragraphs()));
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> any = new HashSet<>(x);
        any.addAll(y);
        return (double) both.size() / any.size();
    }

    private static Set<String> shingles(String text) {
        String[] w = text.toLowerCase(java.util.Locale.ROOT).split("\\W+");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= w.length; i++) out.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
        return out;
    }
}
