package org.worldwire.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard's verdict when a source is added. Loopback addresses and a stubbed resolver only: no name server is asked. */
class AddressCheckTest {
    private static final Map<String, String> NAMES = Map.of(
            "bridge.local.test", "127.0.0.2",
            "intranet.test", "192.168.1.20",
            "metadata.test", "169.254.169.254",
            "public.test", "93.184.215.14");
    private static final HostResolver STUB = name -> {
        String address = NAMES.get(name);
        if (address == null) throw new UnknownHostException(name);
        return new InetAddress[] {InetAddress.ofLiteral(address)};
    };

    private final AddressCheck byDefault = new AddressCheck(FetchConfig.defaults(), STUB);
    private final AddressCheck privateAllowed = new AddressCheck(FetchConfig.defaults().allowingPrivateNetworks(), STUB);

    @Test
    void loopbackAndPrivateAddressesAreRefusedByDefaultAndSaySo() {
        assertThat(byDefault.refusal("http://127.0.0.2/feed")).hasValueSatisfying(r -> {
            assertThat(r.message()).isEqualTo("its address is a loopback address 127.0.0.2");
            assertThat(r.allowable()).isTrue();
        });
        assertThat(byDefault.refusal("http://bridge.local.test:8080/rss")).hasValueSatisfying(r ->
                assertThat(r.message()).isEqualTo("bridge.local.test resolves to a loopback address 127.0.0.2"));
        assertThat(byDefault.refusal("http://intranet.test/feed")).hasValueSatisfying(r -> {
            assertThat(r.message()).contains("private address 192.168.1.20");
            assertThat(r.allowable()).isTrue();
        });
        assertThat(byDefault.refusal("http://[::ffff:127.0.0.1]/feed")).isPresent();
    }

    @Test
    void allowingPrivateNetworksLetsThemThroughButNeverTheMetadataAddress() {
        assertThat(privateAllowed.refusal("http://127.0.0.2/feed")).isEmpty();
        assertThat(privateAllowed.refusal("http://bridge.local.test:8080/rss")).isEmpty();
        assertThat(privateAllowed.refusal("http://intranet.test/feed")).isEmpty();
        assertThat(privateAllowed.refusal("http://metadata.test/latest/")).hasValueSatisfying(r -> {
            assertThat(r.message()).contains("link-local address 169.254.169.254");
            assertThat(r.allowable()).isFalse();
        });
    }

    @Test
    void publicAndUnresolvableNamesAndNonHttpUrlsAreNotItsBusiness() {
        assertThat(byDefault.refusal("https://public.test/feed")).isEmpty();
        // A name that does not resolve now may resolve later: polling reports it on the source's health.
        assertThat(byDefault.refusal("https://nowhere.test/feed")).isEmpty();
        assertThat(byDefault.refusal("file:///etc/passwd")).isEmpty();
    }
}
