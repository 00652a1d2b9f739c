package org.worldwire.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The {@link AddressGuard}'s verdict on a URL before any request is made: whether the fetcher, configured as given,
 * would refuse the address its host resolves to. For saying so when a source is added, instead of accepting it and
 * refusing it at every poll.
 *
 * <p>A name that does not resolve now is not refused here: that may pass, and polling reports it on the source's
 * health. Thread-safe.
 */
public final class AddressCheck {
    /** Allows everything the operator may ever allow, to tell "refused unless allowed" from "always refused". */
    private static final AddressGuard MOST_PERMISSIVE = new AddressGuard(true, true);

    private final AddressGuard guard;
    private final HostResolver resolver;

    public AddressCheck(FetchConfig config, HostResolver resolver) {
        this.guard = new AddressGuard(config.allowLoopback(), config.allowPrivate());
        this.resolver = resolver;
    }

    /** A check with the system's resolver. */
    public static AddressCheck of(FetchConfig config) {
        return new AddressCheck(config, HostResolver.system());
    }

    /**
     * Why the address of this URL would be refused.
     *
     * @param message what is refused and why ("127.0.0.2 is a loopback address 127.0.0.2")
     * @param allowable true when allowing private networks would let it through (loopback, private ranges); false for
     *     addresses never fetched (link-local such as the cloud metadata address, multicast, unspecified)
     */
    public record Refusal(String message, boolean allowable) {}

    /**
     * @return the refusal, or empty when the address may be fetched, when the host does not resolve now, or when the
     *     URL is not one the fetcher would try at all (that is for the URL's own validation to say)
     */
    public Optional<Refusal> refusal(String url) {
        URI uri;
        try {
            uri = Fetcher.checkedUri(url);
        } catch (IllegalArgumentException notFetchable) {
            return Optional.empty();
        }
        String host = uri.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = Fetcher.isLiteral(bare) ? new InetAddress[] {InetAddress.ofLiteral(bare)} : resolver.resolve(bare);
        } catch (UnknownHostException unresolved) {
            return Optional.empty();
        }
        for (InetAddress a : addresses) {
            String why = guard.refusal(a);
            if (why != null) {
                String message = Fetcher.isLiteral(bare) ? "its address is a " + why : host + " resolves to a " + why;
                return Optional.of(new Refusal(message, MOST_PERMISSIVE.refusal(a) == null));
            }
        }
        return Optional.empty();
    }
}
