package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrestripTest {
    private static String strip(String html) {
        return new String(Prestrip.strip(html.getBytes(StandardCharsets.UTF_8), 0), StandardCharsets.UTF_8);
    }

    @Test
    void dropsScriptStyleAndCommentBodiesButKeepsJsonLd() {
        String html = "<head><SCRIPT type=\"text/javascript\">var a = '<p>x</p>';</SCRIPT><style>p{color:red}</style>"
                + "<script type=\"application/ld+json\">{\"@type\":\"Article\"}</script></head><body><!-- hidden <p>no</p> --><p>yes</p></body>";
        assertThat(strip(html)).isEqualTo("<head><SCRIPT type=\"text/javascript\"></SCRIPT><style></style>"
                + "<script type=\"application/ld+json\">{\"@type\":\"Article\"}</script></head><body><p>yes</p></body>");
    }

    @Test
    void returnsThePageUntouchedWhenThereIsNothingToDrop() {
        byte[] page = "<p>Only text, a <scripture> tag that is not a script.</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(Prestrip.strip(page, 0)).isSameAs(page);
    }

    @Test
    void keepsTheRestWhenAScriptIsNeverClosed() {
        assertThat(strip("<p>before</p><script>var x = 1;")).isEqualTo("<p>before</p><script>var x = 1;");
    }
}
