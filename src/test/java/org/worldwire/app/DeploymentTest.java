package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.cli.Commands;
import picocli.CommandLine;

/** Issue 12: where the state lives and what a process does, from flag, environment, config file or default. */
class DeploymentTest {
    private static final String PG = "postgres://ww:secret@127.0.0.1:5432/worldwire";

    @Test
    void nothingGivenIsTheEmbeddedDefault() {
        Deployment d = Deployment.resolve(Map.of(), Map.of(), null);
        assertThat(d).isEqualTo(Deployment.EMBEDDED);
        assertThat(d.sharedStore()).isFalse();
        assertThat(d.kafka()).isNull();
        assertThat(d.role()).isEqualTo(Role.ALL);
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheConfigFileWhichWinsOverTheDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("worldwire.properties");
        Files.writeString(file, """
                # every key from the file
                store = postgres://file@127.0.0.1:1/filedb
                kafka = 127.0.0.1:9001
                search = opensearch://127.0.0.1:9201
                role = web
                """);
        Deployment fileOnly = Deployment.resolve(Map.of(), Map.of(), file);
        assertThat(fileOnly).isEqualTo(new Deployment("postgres://file@127.0.0.1:1/filedb", "127.0.0.1:9001",
                Deployment.DEFAULT_KAFKA_PREFIX, "opensearch://127.0.0.1:9201", Role.WEB, Deployment.DEFAULT_POLLER_LEASE));

        Map<String, String> env = Map.of("WORLDWIRE_STORE", "postgres://env@127.0.0.1:2/envdb",
                "WORLDWIRE_KAFKA", "127.0.0.1:9002", "WORLDWIRE_ROLE", "worker",
                "WORLDWIRE_SEARCH", " "); // blank is unset: the file's value stands
        Deployment envOverFile = Deployment.resolve(Map.of(), env, file);
        assertThat(envOverFile.store()).isEqualTo("postgres://env@127.0.0.1:2/envdb");
        assertThat(envOverFile.kafka()).isEqualTo("127.0.0.1:9002");
        assertThat(envOverFile.search()).isEqualTo("opensearch://127.0.0.1:9201");
        assertThat(envOverFile.role()).isEqualTo(Role.WORKER);

        Deployment flagOverEnv = Deployment.resolve(Map.of("role", "poller", "kafka", "127.0.0.1:9003,127.0.0.1:9004"),
                env, file);
        assertThat(flagOverEnv.role()).isEqualTo(Role.POLLER);
        assertThat(flagOverEnv.kafka()).isEqualTo("127.0.0.1:9003,127.0.0.1:9004");
        assertThat(flagOverEnv.store()).isEqualTo("postgres://env@127.0.0.1:2/envdb");

        // The defaults spelled out are the defaults: a flag can put a process back on its own engines.
        Deployment local = Deployment.resolve(Map.of("store", "sqlite", "kafka", "local", "search", "lucene", "role", "all"),
                env, file);
        assertThat(local).isEqualTo(Deployment.EMBEDDED);
    }

    @Test
    void aBadValueIsRefusedNamingWhereItCameFrom(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Deployment.resolve(Map.of("role", "boss"), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flag --role: role must be one of all|poller|worker|web, was 'boss'");
        assertThatThrownBy(() -> Deployment.resolve(Map.of(), Map.of("WORLDWIRE_STORE", "mysql://u:hunter2@db/x"), null))
                .hasMessageStartingWith("environment variable WORLDWIRE_STORE: store must be 'sqlite' or a PostgreSQL URL")
                .hasMessageContaining("mysql://u:***@db/x")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Deployment.resolve(Map.of("kafka", "127.0.0.1"), Map.of(), null))
                .hasMessageStartingWith("flag --kafka: kafka must be 'local' or bootstrap servers host:port")
                .hasMessageContaining("'127.0.0.1'");
        assertThatThrownBy(() -> Deployment.resolve(Map.of("search", "elastic://127.0.0.1:9200"), Map.of(), null))
                .hasMessageStartingWith("flag --search: search must be 'lucene' or an OpenSearch URL");
        assertThatThrownBy(() -> Deployment.resolve(Map.of("search", "opensearch://127.0.0.1"), Map.of(), null))
                .hasMessageContaining("names a host and a port");

        Path typo = dir.resolve("typo.properties");
        Files.writeString(typo, "stor=sqlite\n");
        assertThatThrownBy(() -> Deployment.resolve(Map.of(), Map.of(), typo))
                .hasMessage("config file " + typo + ": unknown key 'stor' (known: store, kafka, search, role, kafka-prefix, poller-lease)");
        Path badValue = dir.resolve("bad.properties");
        Files.writeString(badValue, "role=everything\n");
        assertThatThrownBy(() -> Deployment.resolve(Map.of(), Map.of(), badValue))
                .hasMessageStartingWith("config file " + badValue + ", key role: role must be one of");
        assertThatThrownBy(() -> Deployment.resolve(Map.of(), Map.of(), dir.resolve("missing.properties")))
                .hasMessageEndingWith("missing.properties does not exist");
    }

    @Test
    void theKafkaPrefixAndThePollerLeaseAreSetLikeTheOtherSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("worldwire.properties");
        Files.writeString(file, "kafka-prefix=newsroom-b.\npoller-lease=30s\n");
        Deployment fromFile = Deployment.resolve(Map.of(), Map.of(), file);
        assertThat(fromFile.kafkaPrefix()).isEqualTo("newsroom-b.");
        assertThat(fromFile.pollerLease()).isEqualTo(Duration.ofSeconds(30));

        Deployment fromEnv = Deployment.resolve(Map.of("poller-lease", "9"),
                Map.of("WORLDWIRE_KAFKA_PREFIX", "newsroom-c.", "WORLDWIRE_KAFKA", "127.0.0.1:9092"), file);
        assertThat(fromEnv.kafkaPrefix()).isEqualTo("newsroom-c.");
        assertThat(fromEnv.pollerLease()).isEqualTo(Duration.ofSeconds(9));
        assertThat(fromEnv.kafkaConfig().entriesTopic()).startsWith("newsroom-c.");

        assertThatThrownBy(() -> Deployment.resolve(Map.of("poller-lease", "1"), Map.of(), null))
                .hasMessage("flag --poller-lease: poller-lease must be 3 to 3600 seconds, was 1");
        assertThatThrownBy(() -> Deployment.resolve(Map.of(), Map.of("WORLDWIRE_POLLER_LEASE", "soon"), null))
                .hasMessage("environment variable WORLDWIRE_POLLER_LEASE: poller-lease is whole seconds such as 15 or 15s,"
                        + " was 'soon'");
        assertThatThrownBy(() -> Deployment.resolve(Map.of("kafka-prefix", "news room"), Map.of(), null))
                .hasMessageStartingWith("flag --kafka-prefix: Kafka topic prefix may hold only letters");
    }

    @Test
    void rolesThatShareTheWorkRefuseTheEmbeddedEngines() {
        for (String role : new String[] {"poller", "worker", "web"}) {
            assertThatThrownBy(() -> Deployment.resolve(Map.of("role", role), Map.of(), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("role " + role + " shares its work with other processes")
                    .hasMessageContaining("postgres:// URL (was sqlite)")
                    .hasMessageContaining("(was local)");
            // PostgreSQL alone is not enough: the workers share their queue through Kafka.
            assertThatThrownBy(() -> Deployment.resolve(Map.of("role", role, "store", PG), Map.of(), null))
                    .hasMessageContaining("(was local)")
                    .hasMessageNotContaining("secret");
        }
        Deployment worker = Deployment.resolve(Map.of("role", "worker", "store", PG, "kafka", "127.0.0.1:9092"), Map.of(), null);
        assertThat(worker.role().works()).isTrue();
        assertThat(worker.role().polls()).isFalse();
        assertThat(worker.describe()).contains("store=postgres://ww:***@127.0.0.1:5432/worldwire").doesNotContain("secret");
    }

    @Test
    void serveRefusesABadRoleWithExitCode2AndTheReason(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = Commands.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("serve", "--data", dir.toString(), "--port", "0", "--role", "worker");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("worldwire: role worker shares its work with other processes").doesNotContain("Exception");
        int code2 = Commands.commandLine().execute("serve", "--data", dir.toString(), "--config", dir.resolve("nope").toString());
        assertThat(code2).isEqualTo(2);
    }
}
