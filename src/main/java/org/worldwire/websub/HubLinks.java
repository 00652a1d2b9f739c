package org.worldwire.websub;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a topic can be subscribed to.
 *
 * @param hubs the hubs the publisher named, absolute, in the order given
 * @param self the topic URL to subscribe with (rel="self"), or null when the publisher named none
 */
public record HubLinks(List<URI> hubs, @Nullable URI self) {
    public static final HubLinks NONE = new HubLinks(List.of(), null);

    public HubLinks {
        hubs = List.copyOf(hubs);
    }

    /** Push needs a hub and a topic URL; without rel="self" the URL the feed was fetched from serves as topic. */
    public boolean pushCapable() {
        return !hubs.isEmpty();
    }
}
