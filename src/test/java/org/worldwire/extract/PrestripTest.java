package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Script, style and comment bodies go before parsing; everything else reaches the parser as it was. */
class PrestripTest {
    private static String strip(String html) {
        return new String(stripped(html.getBytes(StandardCharsets.UTF_8), 0), StandardCharsets.UTF_8);
    }

    private static byte[] stripped(byte[] page, int from) {
        try {
            return Prestrip.strip(page, from).readAllBytes();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
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
        assertThat(stripped(page, 0)).isEqualTo(page);
    }

    @Test
    void startsAfterTheByteOrderMark() {
        byte[] page = "\uFEFF<p>a</p><!-- b --><p>c</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(stripped(page, 3), StandardCharsets.UTF_8)).isEqualTo("<p>a</p><p>c</p>");
    }

    @Test
    void readsByteByByteAndInChunksAlike() throws java.io.IOException {
        byte[] page = "<p>a</p><style>x</style><p>b</p><!--c--><p>d</p>".getBytes(StandardCharsets.UTF_8);
        var one = new java.io.ByteArrayOutputStream();
        try (var in = Prestrip.strip(page, 0)) {
            for (int c; (c = in.read()) >= 0; ) one.write(c);
        }
        var chunks = new java.io.ByteArrayOutputStream();
        try (var in = Prestrip.strip(page, 0)) {
            byte[] buf = new byte[3];
            for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) chunks.write(buf, 0, n);
        }
        assertThat(one.toString(StandardCharsets.UTF_8)).isEqualTo("<p>a</p><style></style><p>b</p><p>d</p>");
        assertThat(chunks.toByteArray()).isEqualTo(one.toByteArray());
    }

    @Test
    void keepsTheRestWhenAScriptIsNeverClosed() {
        assertThat(strip("<p>before</p><script>var x = 1;")).isEqualTo("<p>before</p><script>var x = 1;");
    }
}
