package org.worldwire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every input kept for {@link ParsersFuzzTest} (seeds and crashes found) without the fuzzer. */
class ParsersRegressionTest {
    static Stream<Path> inputs(String target) throws IOException, URISyntaxException {
        Path dir = Path.of(ParsersRegressionTest.class.getResource("ParsersFuzzTestInputs/" + target).toURI());
        return Files.list(dir).sorted();
    }

    static Stream<Path> feedInputs() throws Exception {
        return inputs("feedParserAlwaysReturnsAResult");
    }

    static Stream<Path> pageInputs() throws Exception {
        return inputs("extractorAlwaysReturnsAResult");
    }

    @ParameterizedTest
    @MethodSource("feedInputs")
    void feedParserSurvives(Path input) throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        assertThatCode(() -> assertTimeoutOk(() -> new ParsersFuzzTest().feedParserAlwaysReturnsAResult(bytes)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("pageInputs")
    void extractorSurvives(Path input) throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        assertThatCode(() -> assertTimeoutOk(() -> new ParsersFuzzTest().extractorAlwaysReturnsAResult(bytes)))
                .doesNotThrowAnyException();
    }

    private static void assertTimeoutOk(Runnable r) {
        long start = System.nanoTime();
        r.run();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
