package org.worldwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
        assertThat(ServeCommand.parseQuickly(List.of("--no-seed")).seed).isFalse();
        assertThat(ServeCommand.parseQuickly(List.of()).seed).isTrue();
    }

    /** What a parse set, field by field, to compare the quick parse with picocli's. */
    private static List<Object> fields(ServeCommand c) {
        List<Object> f = new ArrayList<>();
        f.add(c.data.dataDir);
        f.add(c.port);
        f.add(c.host);
        f.add(String.valueOf(c.baseUrl));
        f.add(c.seed);
        f.add(c.demo);
        f.add(c.allowPrivateNetworks);
        f.add(c.demoPublishers);
        f.add(c.deploymentFlags());
        f.add(String.valueOf(c.configFile));
        return f;
    }

    @Test
    void theQuickParseReadsWhatPicocliReads() {
        List<String[]> cases = List.of(
                new String[] {},
                new String[] {"--data", "/tmp/d", "--port", "0", "--no-seed"},
                new String[] {"--data=d2", "--port=9090", "--host", "127.0.0.1", "--base-url", "https://news.example"},
                new String[] {"--demo", "--demo-publishers", "7", "--allow-private-networks", "--seed"},
                new String[] {"--store", "postgres://u:p@h:5432/db", "--kafka", "h:9092", "--search", "opensearch://h:9200",
                        "--role", "web", "--config", "ww.properties"},
                new String[] {"--kafka-prefix=team.", "--poller-lease", "30"});
        for (String[] args : cases) {
            ServeCommand quick = ServeCommand.parseQuickly(List.of(args));
            assertThat(quick).as(String.join(" ", args)).isNotNull();
            assertThat(fields(quick)).as(String.join(" ", args)).isEqualTo(fields(parse(args)));
        }
    }

    @Test
    void anythingUnusualIsLeftToPicocliAndItsMessages() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"--prot", "80"},
                new String[] {"--port", "eighty"}, new String[] {"--port"}, new String[] {"--port", "1", "--port", "2"},
                new String[] {"--seed", "--no-seed"}, new String[] {"--demo=yes"}, new String[] {"stray"},
                new String[] {"--data", "--port", "1"})) {
            assertThat(ServeCommand.parseQuickly(List.of(args))).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void theQuickParseKnowsExactlyTheOptionsOfPicocliModel() {
        Set<String> modelled = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : new CommandLine(new ServeCommand()).getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            modelled.addAll(List.of(o.names()));
            if (o.negatable()) modelled.add(o.longestName().replaceFirst("^--", "--no-"));
        }
        assertThat(new TreeSet<>(ServeCommand.QUICK_OPTIONS.keySet())).isEqualTo(modelled);
    }
}
