package org.worldwire.app;

import org.worldwire.fetch.AddressCheck;
import org.worldwire.fetch.FetchConfig;
import org.worldwire.fetch.HostResolver;
import org.worldwire.web.admin.SourceAdminActions;

/**
 * The fetcher's address guard as the admin page, the write API and {@code add-source} see it: a source whose address
 * would be refused at every poll is refused when it is added, with the reason and, where one exists, the switch that
 * allows it.
 */
final class AddressRefusals {
    private AddressRefusals() {}

    static SourceAdminActions.RefusedAddresses of(FetchConfig fetch) {
        return of(fetch, HostResolver.system());
    }

    static SourceAdminActions.RefusedAddresses of(FetchConfig fetch, HostResolver resolver) {
        AddressCheck check = new AddressCheck(fetch, resolver);
        return url -> check.refusal(url).map(r -> url + " would be refused at every poll: " + r.message()
                + (r.allowable()
                        ? ". To watch feeds on your own machine or network, allow private networks: serve"
                                + " --allow-private-networks (add-source takes it too) or " + Config.ALLOW_PRIVATE_NETWORKS_ENV + "=1"
                        : ", which is never fetched"));
    }
}
