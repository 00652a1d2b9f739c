package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {
    @Test
    void keepsMarksAndEscapesAnyOtherTag() {
        assertThat(Snippets.safe("the <mark>summit</mark> &amp; talks")).isEqualTo("the <mark>summit</mark> &amp; talks");
        assertThat(Snippets.safe("<script>x</script> <mark>a")).isEqualTo("&lt;script&gt;x&lt;/script&gt; <mark>a</mark>");
        assertThat(Snippets.safe("</mark>\"")).isEqualTo("&quot;");
    }
}
