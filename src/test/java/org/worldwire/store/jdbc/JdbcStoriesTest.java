package org.worldwire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcStoriesTest {
    @Test
    void aLongSummaryBecomesOneLine() {
        assertThat(JdbcStories.oneLine("The minister resigned on Tuesday after weeks of pressure. The party now meets."))
                .isEqualTo("The minister resigned on Tuesday after weeks of pressure.");
        assertThat(JdbcStories.oneLine("word ".repeat(100))).endsWith("…").hasSizeLessThanOrEqualTo(221);
        assertThat(JdbcStories.oneLine("  ")).isNull();
    }

    @Test
    void codesAreCommaSeparatedAndEmptyMeansNone() {
        assertThat(Rows.codes("TR,AZ")).containsExactly("TR", "AZ");
        assertThat(Rows.codes("")).isEmpty();
        assertThat(Rows.codes(null)).isEmpty();
        assertThat(Rows.strings("not json")).containsExactly("not json");
    }
}
