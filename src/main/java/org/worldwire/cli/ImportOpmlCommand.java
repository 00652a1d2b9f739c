package org.worldwire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.worldwire.app.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import-opml", mixinStandardHelpOptions = true,
        description = "Import sources from an OPML file (feeds already watched are left as they are).")
final class ImportOpmlCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "FILE", description = "an OPML file")
    Path file;

    @Override
    public Integer call() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        try (Admin admin = Admin.open(store.deployment(), data.dataDir, false)) {
            var r = admin.importOpml(bytes);
            for (String p : r.problems()) System.err.println("warning: " + p);
            System.out.println("imported " + r.added() + " sources, " + r.alreadyKnown() + " already watched");
            return 0;
        }
    }
}
