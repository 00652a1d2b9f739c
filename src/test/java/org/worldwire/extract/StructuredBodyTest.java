package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.worldwire.model.ArticleContent;

class StructuredBodyTest {
    private static final String LONG_BODY = ("The council approved the new budget on Monday after a long debate. ").repeat(8)
            + "\\n" + ("Opposition members said the cuts to libraries went too far and promised to fight them. ").repeat(5);

    @Test
    void usesJsonLdArticleBodyWhenThePageRendersItsTextByScript() {
        String html = """
                <html><head><script type="application/ld+json">
                {"@type":"NewsArticle","headline":"Budget approved","articleBody":"%s"}
                </script></head><body><div id="app">Loading…</div><p>Menu</p></body></html>""".formatted(LONG_BODY);
        ArticleContent a = ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(a.paragraphs()).hasSize(2);
        assertThat(a.paragraphs().get(0)).startsWith("The council approved the new budget on Monday");
        assertThat(a.paragraphs().get(1)).startsWith("Opposition members said");
    }

    @Test
    void keepsTheDomBodyWhenItHoldsTheArticle() {
        String dom = "<p>" + "Residents of the valley woke to flooded streets on Sunday, and emergency crews worked through the day. ".repeat(3) + "</p>"
                + "<p>" + "The river rose two metres overnight, the highest level recorded since records began in the town. ".repeat(3) + "</p>";
        String html = """
                <html><head><script type="application/ld+json">
                {"@type":"NewsArticle","headline":"Floods","articleBody":"Residents of the valley woke to flooded streets on Sunday."}
                </script></head><body><article>%s</article></body></html>""".formatted(dom);
        ArticleContent a = ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(a.paragraphs()).hasSize(2);
        assertThat(a.paragraphs().get(1)).startsWith("The river rose two metres overnight");
    }
}
