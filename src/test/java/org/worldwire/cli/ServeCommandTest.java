package org.worldwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {
    private static ServeCommand parse(String... args) {
        ServeCommand c = new ServeCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void noSeedStartsWithoutTheBundledSources() {
        assertThat(parse("--no-seed").seed).isFalse();
        assertThat(parse().seed).isTrue();
        assertThat(parse("--seed").seed).isTrue();
    }
}
