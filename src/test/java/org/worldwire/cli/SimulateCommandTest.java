package org.worldwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {
    /** A benchmark's world in a child process must not outlive a parent that died without closing it. */
    @Test
    void aWorldThatWatchesItsStandardInputStopsWhenItEnds() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", cp,
                Main.class.getName(), "simulate", "--publishers", "2", "--bind", "127.0.0.1", "--until-stdin-closes")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("http://127.0.0.1:"); // listening: its first feed
            assertThat(p.waitFor(1, TimeUnit.SECONDS)).as("still publishing while its input is open").isFalse();
            p.getOutputStream().close(); // what the operating system does when the parent exits
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped once its input ended").isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
