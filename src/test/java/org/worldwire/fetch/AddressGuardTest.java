package org.worldwire.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {
    final AddressGuard production = new AddressGuard(false, false);

    @ParameterizedTest
    @ValueSource(strings = {
        "127.0.0.1", "127.1.2.3", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", // cloud metadata
        "100.64.0.1", "0.0.0.0", "::", "fe80::1", "fc00::1", "fd12:3456::1", "224.0.0.1", "255.255.255.255",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1" // IPv4-mapped forms of internal addresses
    })
    void internalAddressesAreRefused(String literal) throws Exception {
        assertThat(production.refusal(InetAddress.getByName(literal))).as(literal).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"})
    void publicAddressesAreAllowed(String literal) throws Exception {
        // Only classified, never contacted.
        assertThat(production.refusal(InetAddress.getByName(literal))).as(literal).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void loopbackCanBeAllowedForTestsAndTheSimulator(String literal) throws Exception {
        assertThat(new AddressGuard(true, false).refusal(InetAddress.getByName(literal))).isNull();
        assertThat(new AddressGuard(true, false).refusal(InetAddress.getByName("10.0.0.1"))).isNotNull();
    }
}
