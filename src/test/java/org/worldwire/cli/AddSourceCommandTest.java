package org.worldwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.app.Admin;
import org.worldwire.app.Config;
import org.worldwire.store.postgres.PostgresServer;
import picocli.CommandLine;

/** Issue 16: a source the fetcher would refuse is refused when it is added, with the reason, not at every poll. */
class AddSourceCommandTest {
    @Test
    void aLoopbackFeedIsRefusedAtOnceUnlessPrivateNetworksAreAllowed(@TempDir Path data) {
        StringWriter err = new StringWriter();
        CommandLine cli = Commands.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int refused = cli.execute("add-source", "--data", data.toString(), "http://127.0.0.2/feed");
        assertThat(refused).isEqualTo(2);
        assertThat(err.toString())
                .contains("http://127.0.0.2/feed would be refused at every poll: its address is a loopback address 127.0.0.2")
                .contains("--allow-private-networks").contains(Config.ALLOW_PRIVATE_NETWORKS_ENV + "=1");
        try (Admin admin = Admin.open(data)) {
            assertThat(admin.sources().all()).isEmpty();
        }

        int accepted = Commands.commandLine().execute("add-source", "--data", data.toString(), "--allow-private-networks",
                "http://127.0.0.2/feed");
        assertThat(accepted).isZero();
        try (Admin admin = Admin.open(data)) {
            assertThat(admin.sources().all()).singleElement().satisfies(s -> assertThat(s.feedUrl()).isEqualTo("http://127.0.0.2/feed"));
        }
    }

    @Test
    void sourcesAreAddedAndListedInTheSharedPostgresStoreOfAScaledOutInstallation(@TempDir Path data) throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String db = pg.createMigratedDatabase();
        try {
            int added = Commands.commandLine().execute("add-source", "--data", data.toString(), "--store", pg.url(db),
                    "--allow-private-networks",
                    "--country", "CL", "http://127.0.0.2/feed");
            assertThat(added).isZero();

            // the same store named by the installation's config file, as the servers read it
            Path config = data.resolve("worldwire.properties");
            Files.writeString(config, "store=" + pg.url(db) + "\nrole=worker\nkafka=127.0.0.1:9\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int listed;
            try {
                listed = Commands.commandLine().execute("sources", "--data", data.toString(), "--config", config.toString(),
                        "--json");
            } finally {
                System.setOut(stdout);
            }
            assertThat(listed).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"feedUrl\":\"http://127.0.0.2/feed\"")
                    .contains("\"country\":\"CL\"");
            assertThat(Files.exists(data.resolve("worldwire.db"))).as("no SQLite file made beside it").isFalse();
        } finally {
            pg.dropDatabase(db);
        }
    }

    @Test
    void theMetadataAddressIsRefusedEvenWhenPrivateNetworksAreAllowed(@TempDir Path data) {
        StringWriter err = new StringWriter();
        CommandLine cli = Commands.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("add-source", "--data", data.toString(), "--allow-private-networks",
                "http://169.254.169.254/latest/meta-data/");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("link-local address 169.254.169.254, which is never fetched");
    }

    @Test
    void theEnvironmentSwitchTakesTheUsualSpellingsAndRefusesOthers() {
        String key = Config.ALLOW_PRIVATE_NETWORKS_ENV;
        assertThat(Config.allowPrivateNetworks(Map.of())).isFalse();
        assertThat(Config.allowPrivateNetworks(Map.of(key, "1"))).isTrue();
        assertThat(Config.allowPrivateNetworks(Map.of(key, "TRUE"))).isTrue();
        assertThat(Config.allowPrivateNetworks(Map.of(key, "0"))).isFalse();
        assertThat(Config.allowPrivateNetworks(Map.of(key, " off "))).isFalse();
        // A typo must not silently mean "off".
        assertThatThrownBy(() -> Config.allowPrivateNetworks(Map.of(key, "ye")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key).hasMessageContaining("'ye'");
    }
}
