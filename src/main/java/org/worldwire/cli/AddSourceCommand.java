package org.worldwire.cli;

import java.util.concurrent.Callable;
import org.worldwire.app.Admin;
import org.worldwire.app.Config;
import org.worldwire.model.DisplayPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add-source", mixinStandardHelpOptions = true,
        description = "Add a source by its feed URL (RSS, Atom or JSON Feed). A running server picks it up within seconds.")
final class AddSourceCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "URL", description = "the feed's URL")
    String url;

    @Option(names = "--title", description = "display name (default: the URL until the feed is read)")
    String title;

    @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 code of where the source is based")
    String country;

    @Option(names = "--language", paramLabel = "LANG", description = "the language the source writes in (e.g. fr)")
    String language;

    @Option(names = "--full-text", description = "show readers the whole text (only where the source's licence allows it)")
    boolean fullText;

    @Option(names = "--allow-private-networks", description = "accept a feed on a loopback or private address, for a "
            + "server run with the same switch (default: off, or on with " + Config.ALLOW_PRIVATE_NETWORKS_ENV + "=1)")
    boolean allowPrivateNetworks;

    @Override
    public Integer call() {
        boolean allowPrivate = allowPrivateNetworks || Config.allowPrivateNetworks(System.getenv());
        try (Admin admin = Admin.open(store.deployment(), data.dataDir, allowPrivate)) {
            var s = admin.addSource(url, title, country, language, fullText ? DisplayPolicy.FULL_TEXT : DisplayPolicy.EXCERPT);
            System.out.println("source " + s.id() + " " + s.feedUrl());
            return 0;
        }
    }
}
