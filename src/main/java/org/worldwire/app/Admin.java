package org.worldwire.app;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.worldwire.fetch.FetchConfig;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.opml.Opml;
import org.worldwire.opml.OpmlDocument;
import org.worldwire.opml.OpmlSource;
import org.worldwire.store.SourceHealth;
import org.worldwire.store.SourceStore;
import org.worldwire.store.Store;
import org.worldwire.web.admin.AdminActions;
import org.worldwire.web.admin.SourceAdminActions;

/**
 * Operator tasks on an installation's store without starting ingest: the command line's view. A running server on
 * the same data directory or database notices the changes within seconds.
 */
public final class Admin implements AutoCloseable {
    private final Store store;
    private final SourceAdminActions.RefusedAddresses refused;

    private Admin(Store store, SourceAdminActions.RefusedAddresses refused) {
        this.store = store;
        this.refused = refused;
    }

    /** Operator tasks on a data directory whose server does not allow private networks (the default). */
    public static Admin open(Path dataDir) {
        return open(dataDir, false);
    }

    /**
     * @param allowPrivateNetworks whether the server fetches loopback and private addresses: if not, sources at such
     *     addresses are refused when added
     */
    public static Admin open(Path dataDir, boolean allowPrivateNetworks) {
        return open(Deployment.EMBEDDED, dataDir, allowPrivateNetworks);
    }

    /**
     * Operator tasks on the deployment's store: the data directory's SQLite, or the shared PostgreSQL database.
     *
     * @param allowPrivateNetworks as for {@link #open(Path, boolean)}
     */
    public static Admin open(Deployment deployment, Path dataDir, boolean allowPrivateNetworks) {
        FetchConfig fetch = allowPrivateNetworks ? FetchConfig.defaults().allowingPrivateNetworks() : FetchConfig.defaults();
        return new Admin(Engines.openStore(deployment, dataDir, InstantSource.system()), AddressRefusals.of(fetch));
    }

    public SourceStore sources() {
        return store.sources();
    }

    public List<SourceHealth> health() {
        return store.sources().health();
    }

    /**
     * Adds a feed by URL.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL, its address would be refused by
     *     the fetcher (the message says why and what allows it), or a code is malformed
     */
    public Source addSource(String feedUrl, @Nullable String title, @Nullable String country, @Nullable String language,
            DisplayPolicy policy) {
        // The same checks as the admin page and the write API.
        return store.sources().add(SourceAdminActions.validated(new AdminActions.SourceForm(feedUrl, title, country,
                language, policy == DisplayPolicy.FULL_TEXT), refused));
    }

    /** What an OPML import did. */
    public record ImportResult(int added, int alreadyKnown, List<String> problems) {}

    /**
     * Adds every feed of an OPML document that is not watched yet.
     *
     * @throws IllegalArgumentException when the document is not OPML (the message says where)
     */
    public ImportResult importOpml(byte[] opml) {
        OpmlDocument doc = Opml.parse(opml);
        int added = 0, known = 0;
        for (OpmlSource s : doc.sources()) {
            if (store.sources().findByFeedUrl(s.feedUrl()).isPresent()) {
                known++;
            } else {
                store.sources().add(s.toSource(DisplayPolicy.EXCERPT));
                added++;
            }
        }
        return new ImportResult(added, known, doc.problems());
    }

    /** Every watched source as an OPML 2.0 document, grouped by country. */
    public String exportOpml() {
        List<OpmlSource> all = store.sources().all().stream()
                .map(s -> OpmlSource.of(s, s.country()))
                .toList();
        return Opml.write(all, "Worldwire sources");
    }

    @Override
    public void close() {
        store.close();
    }
}
