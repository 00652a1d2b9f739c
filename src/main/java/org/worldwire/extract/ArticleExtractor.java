package org.worldwire.extract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.ArticleContent;

/**
 * Finds the article in a page: metadata from structured data (JSON-LD, OpenGraph, meta tags, microdata,
 * {@code <time>}), the body by content scoring over the DOM. Never throws on bad HTML; a page with no
 * recognisable article yields empty paragraphs.
 */
public final class ArticleExtractor {
    private ArticleExtractor() {}

    /**
     * @param html        the page bytes as fetched
     * @param url         the page URL, used to resolve links and as a charset hint; may be null
     * @param contentType the HTTP {@code Content-Type} header, whose charset wins over the page's own; may be null
     */
    public static ArticleContent extract(byte[] html, @Nullable String url, @Nullable String contentType) {
        return extractDetailed(html, url, contentType).content();
    }

    /** As {@link #extract}, also keeping the publication times with the page's own UTC offset. */
    public static Extraction extractDetailed(byte[] html, @Nullable String url, @Nullable String contentType) {
        try {
            Charsets.Decision charset = Charsets.detect(html, contentType, url);
            // Parse from a reader over the bytes: the decoded page never exists as one string, which keeps
            // memory near the DOM's own size on very large pages.
            String cs = charset.charset().name();
            InputStream page = cs.startsWith("UTF-16") || cs.startsWith("UTF-32")
                    ? new ByteArrayInputStream(html, charset.bomLength(), html.length - charset.bomLength())
                    : Prestrip.strip(html, charset.bomLength());
            Reader reader = new InputStreamReader(page, charset.charset());
            Document doc = Parser.htmlParser().parseInput(reader, url == null ? "" : url);
            return extract(doc, url);
        } catch (RuntimeException | StackOverflowError e) {
            // Extraction is best effort: a page that defeats it yields no article rather than an error.
            return new Extraction(empty(), null, null);
        }
    }

    private static Extraction extract(Document doc, @Nullable String url) {
        Metadata meta = Metadata.read(doc);
        java.util.Set<Element> controls = Cleaner.clean(doc);
        Element body = doc.body();
        List<String> paragraphs = BodyExtractor.extract(body, meta.title, controls);
        paragraphs = StructuredBody.choose(paragraphs, meta.articleBody);
        String image = meta.image;
        if (image != null && url != null && !image.startsWith("http")) {
            image = resolve(url, image);
        }
        ArticleContent content = new ArticleContent(
                meta.title,
                meta.authors,
                instant(meta.published),
                instant(meta.modified),
                paragraphs,
                image,
                meta.siteName,
                meta.description,
                meta.canonical,
                meta.language);
        return new Extraction(content, meta.published, meta.modified);
    }

    private static java.time.@Nullable Instant instant(@Nullable OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String resolve(String base, String rel) {
        try {
            return java.net.URI.create(base).resolve(rel).toString();
        } catch (IllegalArgumentException e) {
            return rel;
        }
    }

    private static ArticleContent empty() {
        return new ArticleContent(null, List.of(), null, null, List.of(), null, null, null, null, null);
    }
}
