package org.worldwire.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CappedReaderTest {
    private static InputStream bytes(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return new ByteArrayInputStream(b);
    }

    @Test
    void readsABodyUpToTheCapWhole() throws Exception {
        assertThat(CappedReader.readAtMost(bytes(0), 10)).isEmpty();
        assertThat(CappedReader.readAtMost(bytes(10), 10)).hasSize(10);
        // more than one 16 KB chunk, joined in order
        byte[] big = new byte[40_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        assertThat(CappedReader.readAtMost(new ByteArrayInputStream(big), 40_000)).isEqualTo(big);
    }

    @Test
    void refusesABodyOneByteOverTheCap() throws Exception {
        assertThat(CappedReader.readAtMost(bytes(11), 10)).isNull();
        assertThat(CappedReader.readAtMost(bytes(40_001), 40_000)).isNull();
    }
}
