package org.worldwire.sim;

import java.net.URI;

/**
 * One simulated publisher as a subscriber sees it.
 *
 * @param index position in the world, 0-based; also the {@code n} of its {@code /p/n/} paths
 * @param name newspaper name in the publisher's language
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param language ISO 639-1 code, lower case
 * @param ratePerMinute mean articles per minute at rate multiplier 1 (Poisson)
 */
public record Publisher(
        int index,
        String name,
        URI homeUrl,
        URI feedUrl,
        String country,
        String language,
        FeedFormat format,
        FaultKind fault,
        double ratePerMinute) {

    public boolean faulty() {
        return fault != FaultKind.NONE;
    }
}
