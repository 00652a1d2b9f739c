package org.worldwire.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, a seam so that the address guard can be tested without real DNS. */
@FunctionalInterface
public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
