package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.cli.Commands;
import org.worldwire.store.StoreException;
import picocli.CommandLine;

/** A data directory that cannot be used stops the server at once, with a message an operator can act on. */
class DataDirectoryFailureTest {
    @TempDir Path dir;

    @Test
    void serveExitsWithAClearMessageWhenTheDataDirectoryCannotBeCreated() throws Exception {
        // A regular file where a directory must go: fails for every user, root included.
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        StringWriter err = new StringWriter();
        CommandLine cl = Commands.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("serve", "--data", blocker.resolve("data").toString(), "--port", "0", "--host", "127.0.0.1", "--no-seed");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("worldwire: cannot create the data directory").contains(blocker.toString());
    }

    @Test
    void aDatabaseFileThatIsNotADatabaseIsNamedInTheError() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("worldwire.db"), "this is not an SQLite file, it is plain text and long enough "
                + "to fill the header SQLite looks at when it opens a database file");
        assertThatThrownBy(() -> Worldwire.start(Config.defaults().withDataDir(data).withHost("127.0.0.1").withPort(0)
                .withSeedSources(false)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("worldwire.db");
    }
}
