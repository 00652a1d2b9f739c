package org.worldwire.cli;

import java.util.concurrent.Callable;
import org.worldwire.app.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "export-opml", mixinStandardHelpOptions = true, description = "Print every watched source as OPML 2.0.")
final class ExportOpmlCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (Admin admin = Admin.open(store.deployment(), data.dataDir, false)) {
            System.out.print(admin.exportOpml());
            return 0;
        }
    }
}
