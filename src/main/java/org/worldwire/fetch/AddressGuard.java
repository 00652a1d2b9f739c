package org.worldwire.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * Refuses addresses that a URL from a stranger must not reach: loopback, private, link-local (including the
 * cloud metadata address 169.254.169.254), carrier-grade NAT, multicast and unspecified ones, and their
 * IPv4-mapped IPv6 forms. Loopback and private ranges can be allowed by the operator.
 */
public final class AddressGuard {
    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** @return null when the address may be fetched, otherwise why not */
    public @Nullable String refusal(InetAddress address) {
        InetAddress a = unmapped(address);
        if (a.isLoopbackAddress()) return allowLoopback ? null : "loopback address " + a.getHostAddress();
        if (a.isAnyLocalAddress()) return "unspecified address " + a.getHostAddress();
        if (a.isMulticastAddress()) return "multicast address " + a.getHostAddress();
        if (a.isLinkLocalAddress()) return "link-local address " + a.getHostAddress();
        if (isInternal(a)) return allowPrivate ? null : "private address " + a.getHostAddress();
        return null;
    }

    private static boolean isInternal(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff, b1 = b[1] & 0xff;
            return b0 == 10
                    || (b0 == 172 && b1 >= 16 && b1 <= 31)
                    || (b0 == 192 && b1 == 168)
                    || (b0 == 100 && b1 >= 64 && b1 <= 127) // carrier-grade NAT
                    || b0 == 0
                    || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
                    || b0 >= 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            return a.isSiteLocalAddress() || (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        return true;
    }

    private static InetAddress unmapped(InetAddress a) {
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (java.net.UnknownHostException e) {
                    return a;
                }
            }
        }
        return a;
    }
}
