package org.worldwire.extract;

import java.util.Set;

/**
 * Class-and-id vocabulary. Substring lists are checked with {@code indexOf} and word lists with a hash lookup
 * per word: both much faster than the equivalent alternation regexes, which try every branch at every position.
 */
final class Names {
    /** Readability's "unlikely candidate" names, plus consent, newsletter and recommendation widgets. */
    static final String[] UNLIKELY = {
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer",
        "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
        "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "cookie",
        "consent", "newsletter", "subscribe", "signup", "share", "sharing", "promo", "recommend", "outbrain", "taboola",
        "trending", "most-popular", "mostpopular", "paywall", "modal", "overlay", "toolbar", "masthead"
    };
    /** Names that rescue an unlikely-looking element because they also say "content". */
    static final String[] MAYBE = {"and", "article", "body", "column", "content", "main", "shadow", "story", "entry", "post-text", "text"};
    static final String[] POSITIVE = {
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
        "story", "prose", "paragraph", "rich-text", "richtext",
        // "content", "body" and "text" in the class names of German, French, Spanish, Italian, Portuguese, Dutch and
        // Polish templates; not their words for "article" or "news", which name a page's meta blocks as often
        "inhalt", "contenu", "contenido", "contenuto", "conteudo", "inhoud", "tresc", "cuerpo", "testo", "texto"
    };
    static final String[] NEGATIVE = {
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "gdpr", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "tool", "widget", "newsletter", "subscribe", "cookie", "consent", "byline", "caption", "credit",
        "author", "recirc", "taboola", "trending", "popular", "breadcrumb", "nav", "social", "signup", "paywall", "disclaimer",
        "werbung", "kommentar", "commentaire", "comentario", "commenti", "reacties", "komentarz", "publicidad", "publicite",
        "pubblicita", "publicidade", "reklam", "autor", "auteur", "seitenleiste", "empfehlung"
    };
    /** Names that say "this is the article text" on most publishing systems. */
    static final String[] BODY_HINT = {
        "articlebody", "article-body", "article__body", "article_body", "story-body", "storybody", "story__body", "story-text",
        "entry-content", "post-content", "post-body", "postbody", "article-content", "article__content", "articlecontent",
        "article-text", "articletext", "body-text", "bodytext", "content-body", "story-content", "main-content", "article-main",
        "post-entry", "td-post-content", "single-content", "news-content", "text-content", "rich-text", "richtext", "article-entry"
    };
    /** Names that keep a block even when one of its words sounds like furniture. */
    static final String[] FURNITURE_OVERRIDE = {
        "articlebody", "article-body", "story-body", "entry-content", "post-content", "article-content", "body-text", "paragraph"
    };

    /** Words (class names split at non-letters and camelCase) that mark a subtree as not the article. */
    private static final Set<String> FURNITURE_WORDS = Set.of(
            "share", "sharing", "social", "related", "newsletter", "subscribe", "subscription", "signup", "cookie", "consent",
            "gdpr", "comment", "comments", "disqus", "promo", "sponsor", "sponsored", "outbrain", "taboola", "recommend",
            "recommended", "recirc", "trending", "mostpopular", "popular", "breadcrumb", "breadcrumbs", "byline", "bio", "tags",
            "caption", "credit", "credits", "figcaption", "paywall", "modal", "popup", "toolbar", "widget", "sidebar", "nav",
            "navigation", "menu", "footer", "advert", "advertisement", "ad", "ads", "adslot", "dfp", "banner", "readmore",
            "pagination", "rail", "hidden", "skip", "meta", "dateline", "timestamp", "headline", "kicker", "hero", "video",
            "gallery", "slideshow", "audio", "podcast", "photo", "image", "img", "picture", "lightbox", "infobox",
            "contributor", "disclaimer", "print", "email", "feedback", "rating", "survey", "poll", "donate", "membership",
            "callout", "pullquote", "signature", "signaturecontainer",
            // furniture words of other languages' templates: ads, comments, sharing, authors, recommendations
            "werbung", "anzeige", "kommentar", "kommentare", "teilen", "empfehlung", "empfehlungen", "autor", "auteur",
            "partage", "commentaires", "publicite", "pub", "publicidad", "comentarios", "compartir", "relacionados",
            "condividi", "commenti", "pubblicita", "correlati", "reacties", "delen", "reklama", "komentarze",
            "publicidade", "compartilhar", "relacionadas");
    /** Two-word names whose words alone are innocent. */
    private static final Set<String> FURNITURE_PAIRS = Set.of(
            "sign-up", "tag-list", "print-only", "read-more", "more-stories", "also-read", "see-also", "next-article",
            "prev-article", "sr-only", "screen-reader", "lede-media", "factbox-links", "pull-quote", "author-info");
    /** Modifier prefixes: "has-image" describes the block, it is not an image. */
    private static final Set<String> MODIFIERS = Set.of("has", "with", "is", "no", "show", "enable");

    private Names() {}

    static boolean containsAny(String s, String[] needles) {
        for (String n : needles) if (s.indexOf(n) >= 0) return true;
        return false;
    }

    /** Negative hint with Readability's special case: the bare word "hid" as a class. */
    static boolean negative(String lower) {
        if (containsAny(lower, NEGATIVE)) return true;
        for (String w : lower.split(" ")) if (w.equals("hid")) return true;
        return false;
    }

    /** True when a word of the (camelCase-split, lower-case) names marks furniture. */
    static boolean furnitureWords(String split) {
        int n = split.length();
        String prev = null;
        int i = 0;
        while (i < n) {
            while (i < n && !isLower(split.charAt(i))) i++;
            int start = i;
            while (i < n && isLower(split.charAt(i))) i++;
            if (start == i) break;
            String word = split.substring(start, i);
            boolean modified = prev != null && MODIFIERS.contains(prev) && start > 0 && split.charAt(start - 1) == '-';
            if (!modified) {
                if (FURNITURE_WORDS.contains(word)) return true;
                if (prev != null && start > 0 && split.charAt(start - 1) == '-' && FURNITURE_PAIRS.contains(prev + "-" + word)) return true;
            }
            prev = word;
        }
        return false;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
