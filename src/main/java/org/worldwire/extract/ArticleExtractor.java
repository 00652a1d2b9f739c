package org.worldwire.extract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.ArticleContent;

/** Finds the article in a page. Never throws on bad HTML. */
public final class ArticleExtractor {
    private ArticleExtractor() {}

    /** Interim: every paragraph of the page; replaced by the scoring extractor. */
    public static ArticleContent extract(byte[] html, @Nullable String url, @Nullable String contentType) {
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8), url == null ? "" : url);
        List<String> paragraphs = doc.select("article p, main p").eachText();
        return new ArticleContent(doc.title(), List.of(), null, null, paragraphs, null, null, null, null, null);
    }
}
