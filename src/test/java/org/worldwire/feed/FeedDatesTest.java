package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Thu, 01 Jan 2004 19:48:21 GMT|2004-01-01T19:48:21Z",
            "Thu, 01 Jan 2004 19:48:21 +0000|2004-01-01T19:48:21Z",
            "Thu, 01 Jan 2004 19:48:21 -0500|2004-01-02T00:48:21Z",
            "Thu, 1 Jan 2004 19:48:21 EST|2004-01-02T00:48:21Z",
            "Thu, 01 Jan 04 19:48:21 GMT|2004-01-01T19:48:21Z",
            "01 Jan 2004 19:48 GMT|2004-01-01T19:48:00Z",
            "Thu,01 Jan 2004 19:48:21 PDT|2004-01-02T02:48:21Z",
            "Thursday, 01 January 2004 19:48:21 GMT|2004-01-01T19:48:21Z",
            "Thu, 01 Jan 2004 19:48:21 +01:00|2004-01-01T18:48:21Z",
            "Thu, 01 Jan 2004 19:48:21 GMT+1|2004-01-01T18:48:21Z",
            "Thu, 01 Jan 2004 19:48:21 Z|2004-01-01T19:48:21Z",
            "Thu, 01 Jan 2004 19:48:21|2004-01-01T19:48:21Z",
            "Thu, 01 Jan 2004 19:48:21.123 +0000|2004-01-01T19:48:21Z",
            "Thu Jan 01 19:48:21 2004|2004-01-01T19:48:21Z",
            "Jan 1, 2004 7:48:21 PM GMT|2004-01-01T19:48:21Z",
            "Thu, 01 Jan 2004 19:48:21 UT|2004-01-01T19:48:21Z",
            "2003-12-31T10:14:55Z|2003-12-31T10:14:55Z",
            "2003-12-31T10:14:55.123456Z|2003-12-31T10:14:55.123456Z",
            "2003-12-31T10:14:55-08:00|2003-12-31T18:14:55Z",
            "2003-12-31T10:14:55+0100|2003-12-31T09:14:55Z",
            "2003-12-31T10:14Z|2003-12-31T10:14:00Z",
            "2003-12-31 10:14:55|2003-12-31T10:14:55Z",
            "2003-12-31|2003-12-31T00:00:00Z",
            "2003-12|2003-12-01T00:00:00Z",
            "2003|2003-01-01T00:00:00Z",
            "20031231T101455Z|2003-12-31T10:14:55Z",
            "20031231|2003-12-31T00:00:00Z",
            "2003-365|2003-12-31T00:00:00Z",
            "2003-12-31T24:00:00Z|2004-01-01T00:00:00Z",
            "  2003-12-31T10:14:55Z  |2003-12-31T10:14:55Z",
    })
    void normalisesToUtc(String raw, String expected) {
        assertThat(FeedDates.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "Thu, 99 Foo 2004", "2003-13-45T99:99:99Z", "not a date at all, really"})
    void givesNullForWhatIsNoDate(String raw) {
        assertThat(FeedDates.parse(raw)).isNull();
    }
}
