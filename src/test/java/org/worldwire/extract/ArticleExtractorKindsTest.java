package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.worldwire.model.ArticleContent;

/**
 * One test per kind of page layout that the extractor once got wrong on pages outside the news dev set, each
 * written as a small synthetic page that has the layout's shape and nothing of any real page.
 */
class ArticleExtractorKindsTest {

    private static ArticleContent extract(String html) {
        return ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Test
    void paragraphsWrittenStraightIntoBodyAreTheArticle() {
        // Hand-written pages and test documents have no wrapper: the body is the best container, and the
        // climb to a wrapper or a shared ancestor must stop there instead of leaving the measured tree.
        ArticleContent a = extract("""
                <html><head><title>Notes</title></head><body><h1>Notes</h1>
                <p>The first paragraph says what the page is about, with a comma, and enough words to count.</p>
                <h2>Second part</h2>
                <p>The second paragraph goes on, with another comma, and again enough words to be a paragraph.</p>
                <h2>Third part</h2>
                <p>The third paragraph closes the page, with a last comma, and the same length as the others.</p>
                </body></html>""");
        assertThat(a.title()).isEqualTo("Notes");
        assertThat(a.text()).contains("The first paragraph says", "Second part", "The third paragraph closes");
    }
}
