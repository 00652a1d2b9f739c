package org.worldwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What an article's features hold: names found without capitals and across scripts, numbers across languages. */
class FeaturesTest {
    private final Features.Extractor extractor = new Features.Extractor();

    private Features.Vector names(String text) {
        return extractor.extract("", text, List.of()).names(t -> true);
    }

    @Test
    void oneNameInLatinCyrillicAndArabicLettersIsOneTerm() {
        long[] latin = names("Talks went on. The minister met Putin in the evening.").terms();
        long[] cyrillic = names("Переговоры продолжились. Министр встретился с Путиным вечером, сказал Путин.").terms();
        long[] arabic = names("التقى الوزير بوتين مساء").terms();
        assertThat(latin).isNotEmpty();
        assertThat(java.util.Arrays.stream(cyrillic).anyMatch(t -> contains(latin, t))).isTrue();
        assertThat(java.util.Arrays.stream(arabic).anyMatch(t -> contains(latin, t))).isTrue();
    }

    @Test
    void aCapitalisedWordOpeningASentenceIsANameOnlyWhenCapitalisedInsideOneToo() {
        Features.Vector opening = names("Officials said the road was closed. Rain fell all day.");
        Features.Vector inside = names("Officials said. The talks with Officials went well.");
        assertThat(opening.isEmpty()).isTrue();
        assertThat(inside.size()).isEqualTo(1);
    }

    @Test
    void numbersGroupedWithANoBreakSpaceAreOneNumber() {
        Features fr = extractor.extract("", "Le bilan est de 1\u00a0250 morts.", List.of());
        Features en = extractor.extract("", "The toll is 1,250 dead.", List.of());
        assertThat(fr.numbers.terms()).containsExactly(en.numbers.terms());
    }

    @Test
    void chineseTextIsCutIntoCharacterPairs() {
        Features zh = extractor.extract("", "化工厂爆炸", List.of());
        assertThat(zh.text.size()).isEqualTo(4);
    }

    private static boolean contains(long[] sorted, long t) {
        return java.util.Arrays.binarySearch(sorted, t) >= 0;
    }
}
