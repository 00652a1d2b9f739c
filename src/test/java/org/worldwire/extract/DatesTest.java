package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2019-11-19T12:34:56Z|2019-11-19T12:34:56Z",
        "2019-11-19T12:34:56.789+05:30|2019-11-19T12:34:56+05:30",
        // offsets without a colon are common in WordPress themes
        "2019-11-19T12:34:56-0500|2019-11-19T12:34:56-05:00",
        "2019-11-19 08:00|2019-11-19T08:00Z",
        "2019-11-19|2019-11-19T00:00Z",
        "20191119|2019-11-19T00:00Z",
        "Tue, 19 Nov 2019 12:00:00 GMT|2019-11-19T12:00Z",
        "November 19, 2019 3:05 pm|2019-11-19T15:05Z",
        "Nov. 19, 2019|2019-11-19T00:00Z",
    })
    void readsCommonFormatsKeepingTheOffset(String raw, String expected) {
        assertThat(Dates.parse(raw)).isNotNull();
        assertThat(Dates.parse(raw).toString()).isEqualTo(expected.replace(":00Z", ":00Z"));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "13/45/2019", "0000-00-00", "1870-01-01"})
    void returnsNullForWhatIsNotAPlausibleDate(String raw) {
        assertThat(Dates.parse(raw)).isNull();
    }
}
