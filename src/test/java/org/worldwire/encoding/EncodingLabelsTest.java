package org.worldwire.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The label table itself; how feeds and pages decode with it is pinned in their own packages' tests. */
class EncodingLabelsTest {

    @Test
    void everyDecoderTheTableNamesExists() {
        // The table names JDK charsets and this package's own; a name that resolves to nothing would be a typo.
        for (String target : EncodingLabels.targets()) {
            Charset own = LegacyCharsets.named(target);
            assertThat(own != null || Charset.isSupported(target)).as(target).isTrue();
        }
        assertThat(EncodingLabels.size()).isGreaterThan(500);
    }

    @Test
    void matchesLabelsLooselyAsUts22Says() {
        // UTS #22 §1.4: ignore case, non-alphanumerics and zeros not preceded by a digit.
        assertThat(EncodingLabels.normalize("ISO_8859-1:1987")).isEqualTo("iso885911987");
        assertThat(EncodingLabels.normalize("IBM00858")).isEqualTo("ibm858");
        assertThat(EncodingLabels.lookup("ISO_8859-1:1987")).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void readsEveryWhatwgLabelOfKoreanAsWindows949() {
        // Encoding Standard §4.2: "euc-kr" and its labels name the decoder of index EUC-KR, which is Windows' code
        // page 949 (the Unified Hangul Code), a superset of KS X 1001; 0x8141 is U+AC02, outside KS X 1001.
        for (String label : new String[] {"euc-kr", "ks_c_5601-1987", "csEUCKR", "korean", "windows-949"}) {
            Charset cs = EncodingLabels.lookup(label);
            assertThat(cs).as(label).isNotNull();
            assertThat(new String(new byte[] {(byte) 0x81, 0x41}, cs)).as(label).isEqualTo("\uac02");
        }
        assertThat(new String("\ud55c".getBytes(Charset.forName("x-windows-949")), EncodingLabels.lookup("euc-kr")))
                .isEqualTo("\ud55c");
        assertThat(StandardCharsets.UTF_8).isEqualTo(EncodingLabels.lookup("unicode-1-1-utf-8"));
    }
}
