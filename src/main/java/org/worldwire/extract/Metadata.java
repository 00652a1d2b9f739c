package org.worldwire.extract;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * Article metadata from structured data first (JSON-LD, OpenGraph, meta tags, microdata), then from the
 * visible page ({@code <h1>}, {@code <time>}, bylines).
 */
final class Metadata {
    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "(?i).*(Article|BlogPosting|Report|Posting|LiveBlog|WebPage|Review|Story|Column|Opinion|Analysis).*");
    private static final Pattern STRONG_ARTICLE_TYPE = Pattern.compile("(?i).*(Article|BlogPosting|Report|LiveBlog).*");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+[|\\-–—:·•»]\\s+");
    private static final Pattern BYLINE_CLASS = Pattern.compile("(?i)byline|author|author-name|byline__name|byline-name");
    private static final Pattern BY_PREFIX = Pattern.compile("(?iu)^\\s*(by|von|par|por|di|door|av|af|от|від|bởi)\\s*[:]?\\s+");
    // Compiled once: String.matches, replaceAll and split compile their pattern on every call, and these run a few
    // times for every page ingested.
    private static final Pattern PUBLISHER_TYPE = Pattern.compile("(?i).*(NewsMediaOrganization|Organization|WebSite).*");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern AUTHOR_SEPARATORS = Pattern.compile("\\s*(?:,|;|\\band\\b|&|\\bund\\b|\\bet\\b)\\s*");

    @Nullable String title;
    final List<String> authors = new ArrayList<>();
    @Nullable OffsetDateTime published;
    @Nullable OffsetDateTime modified;
    @Nullable String image;
    @Nullable String siteName;
    @Nullable String description;
    @Nullable String canonical;
    @Nullable String language;
    @Nullable String articleBody;

    static Metadata read(Document doc) {
        Scan scan = new Scan();
        NodeTraversor.traverse(scan, doc);
        Metadata m = new Metadata();
        m.readJsonLd(scan);
        m.readMeta(doc, scan);
        m.readPage(doc, scan);
        return m;
    }

    /** Everything the metadata readers look at, gathered in one walk over the tree instead of one per query. */
    private static final class Scan implements NodeVisitor {
        final List<Element> jsonLd = new ArrayList<>();
        final List<Element> metas = new ArrayList<>();
        final List<Element> times = new ArrayList<>();
        final List<Element> authorProps = new ArrayList<>();
        final List<Element> bylines = new ArrayList<>();
        final List<Element> h1s = new ArrayList<>();
        @Nullable Element canonical;
        @Nullable Element datePublished;
        @Nullable Element dateModified;
        @Nullable Element headline;
        @Nullable Element h1InArticle;
        private int articleDepth = -1;

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) return;
            switch (e.normalName()) {
                case "script" -> {
                    if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) jsonLd.add(e);
                }
                case "meta" -> metas.add(e);
                case "link" -> {
                    if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) canonical = e;
                }
                case "time" -> {
                    if (articleDepth >= 0 || e.hasAttr("pubdate") || e.hasAttr("datetime")) times.add(e);
                }
                case "article", "main" -> {
                    if (articleDepth < 0) articleDepth = depth;
                }
                case "h1" -> {
                    h1s.add(e);
                    if (h1InArticle == null && articleDepth >= 0) h1InArticle = e;
                }
                case "a" -> {
                    if (e.attr("rel").equalsIgnoreCase("author")) bylines.add(e);
                }
                default -> { }
            }
            if (e.hasAttr("itemprop")) {
                switch (e.attr("itemprop")) {
                    case "datePublished" -> { if (datePublished == null) datePublished = e; }
                    case "dateModified" -> { if (dateModified == null) dateModified = e; }
                    case "author" -> authorProps.add(e);
                    case "headline" -> { if (headline == null) headline = e; }
                    default -> { }
                }
            }
            String cls = e.className();
            if (!cls.isEmpty() && BYLINE_CLASS.matcher(cls).matches()) bylines.add(e);
        }

        @Override
        public void tail(Node node, int depth) {
            if (depth == articleDepth && node instanceof Element) articleDepth = -1;
        }
    }

    // ------------------------------------------------------------------ JSON-LD

    private void readJsonLd(Scan scan) {
        Map<String, Object> best = null;
        int bestRank = -1;
        for (Element script : scan.jsonLd) {
            Object root = JsonLite.parse(script.data());
            List<Map<String, Object>> nodes = new ArrayList<>();
            flatten(root, nodes, 0);
            for (Map<String, Object> node : nodes) {
                String type = typeOf(node);
                int rank = STRONG_ARTICLE_TYPE.matcher(type).matches() ? 3 : ARTICLE_TYPE.matcher(type).matches() ? 1 : 0;
                if (rank > 0 && node.get("headline") != null) rank++;
                if (rank > 0 && node.get("articleBody") != null) rank++;
                if (rank > bestRank && rank > 0) {
                    best = node;
                    bestRank = rank;
                }
                if (siteName == null && PUBLISHER_TYPE.matcher(type).matches()) {
                    String name = str(node.get("name"));
                    if (name != null && name.length() < 80 && !type.contains("Person")) siteName = name;
                }
            }
        }
        if (best == null) return;
        title = firstNonBlank(str(best.get("headline")), bestRank >= 3 ? str(best.get("name")) : null);
        for (String a : people(best.get("author"))) addAuthor(a);
        if (authors.isEmpty()) for (String a : people(best.get("creator"))) addAuthor(a);
        published = Dates.parse(str(best.get("datePublished")));
        if (published == null) published = Dates.parse(str(best.get("dateCreated")));
        modified = Dates.parse(str(best.get("dateModified")));
        image = imageUrl(best.get("image"));
        if (image == null) image = imageUrl(best.get("thumbnailUrl"));
        description = str(best.get("description"));
        Object publisher = best.get("publisher");
        if (publisher instanceof Map<?, ?> pm) {
            String name = str(pm.get("name"));
            if (name != null) siteName = name;
        }
        String lang = str(best.get("inLanguage"));
        if (lang != null) language = lang;
        String body = str(best.get("articleBody"));
        if (body != null && !body.isBlank()) articleBody = body;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(@Nullable Object o, List<Map<String, Object>> out, int depth) {
        if (o == null || depth > 6) return;
        if (o instanceof List<?> list) {
            for (Object x : list) flatten(x, out, depth + 1);
        } else if (o instanceof Map<?, ?> map) {
            out.add((Map<String, Object>) map);
            flatten(map.get("@graph"), out, depth + 1);
            Object main = map.get("mainEntity");
            if (main instanceof Map<?, ?>) flatten(main, out, depth + 1);
        }
    }

    private static String typeOf(Map<String, Object> node) {
        Object t = node.get("@type");
        if (t instanceof List<?> l) {
            StringBuilder b = new StringBuilder();
            for (Object x : l) b.append(x).append(' ');
            return b.toString();
        }
        return t == null ? "" : t.toString();
    }

    private static List<String> people(@Nullable Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) out.addAll(people(x));
        } else if (o instanceof Map<?, ?> m) {
            String name = str(m.get("name"));
            if (name == null) {
                String given = str(m.get("givenName"));
                String family = str(m.get("familyName"));
                if (given != null || family != null) name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
            }
            if (name != null) out.add(name);
        } else if (o instanceof String s) {
            out.add(s);
        }
        return out;
    }

    private static @Nullable String imageUrl(@Nullable Object o) {
        if (o instanceof String s) return s.isBlank() ? null : s.strip();
        if (o instanceof List<?> l && !l.isEmpty()) return imageUrl(l.get(0));
        if (o instanceof Map<?, ?> m) return firstNonBlank(str(m.get("url")), str(m.get("contentUrl")));
        return null;
    }

    private static @Nullable String str(@Nullable Object o) {
        if (o instanceof String s) {
            String t = s.strip();
            return t.isEmpty() ? null : org.jsoup.parser.Parser.unescapeEntities(t, false);
        }
        if (o instanceof List<?> l && !l.isEmpty()) return str(l.get(0));
        if (o instanceof Map<?, ?> m) return str(m.get("@value"));
        return null;
    }

    // ------------------------------------------------------------------ meta tags

    private void readMeta(Document doc, Scan scan) {
        String ogTitle = null, twTitle = null, metaTitle = null;
        String pub = null, mod = null, metaAuthor = null, ogImage = null, ogSite = null, desc = null, ogDesc = null;
        String ogUrl = null, locale = null;
        List<String> articleAuthors = new ArrayList<>();
        for (Element meta : scan.metas) {
            String key = meta.hasAttr("property") ? meta.attr("property") : meta.hasAttr("name") ? meta.attr("name") : meta.attr("itemprop");
            if (key.isEmpty()) {
                if (meta.attr("http-equiv").equalsIgnoreCase("content-language") && language == null) {
                    language = blankToNull(meta.attr("content"));
                }
                continue;
            }
            String content = meta.attr("content").strip();
            if (content.isEmpty()) continue;
            switch (key.toLowerCase(Locale.ROOT)) {
                case "og:title" -> ogTitle = ogTitle == null ? content : ogTitle;
                case "twitter:title" -> twTitle = twTitle == null ? content : twTitle;
                case "title", "dc.title", "headline", "sailthru.title", "parsely-title" -> metaTitle = metaTitle == null ? content : metaTitle;
                case "article:published_time", "article:published", "datepublished", "date", "pubdate", "publishdate",
                        "publish-date", "published_time", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                        "sailthru.date", "parsely-pub-date", "og:published_time", "article.published", "cxenseparse:recs:publishtime",
                        "dc.date.created", "original-publish-date", "display-date", "publication_date", "release_date" ->
                        pub = pub == null ? content : pub;
                case "article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified",
                        "article.updated", "lastmod", "modified_time" -> mod = mod == null ? content : mod;
                case "author", "dc.creator", "sailthru.author", "parsely-author", "byl", "article.author", "dcterms.creator" ->
                        metaAuthor = metaAuthor == null ? content : metaAuthor;
                case "article:author" -> {
                    if (!content.startsWith("http")) articleAuthors.add(content);
                }
                case "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnailurl" ->
                        ogImage = ogImage == null ? content : ogImage;
                case "og:site_name", "application-name", "publisher" -> ogSite = ogSite == null ? content : ogSite;
                case "description", "dc.description" -> desc = desc == null ? content : desc;
                case "og:description", "twitter:description" -> ogDesc = ogDesc == null ? content : ogDesc;
                case "og:url" -> ogUrl = content;
                case "og:locale", "language", "dc.language", "content-language" -> locale = locale == null ? content : locale;
                default -> { }
            }
        }
        if (title == null) title = firstNonBlank(ogTitle, twTitle, metaTitle);
        if (published == null) published = Dates.parse(pub);
        if (modified == null) modified = Dates.parse(mod);
        if (authors.isEmpty()) {
            if (metaAuthor != null && !metaAuthor.startsWith("http")) addAuthor(metaAuthor);
            else for (String a : articleAuthors) addAuthor(a);
        }
        if (image == null) image = ogImage;
        if (siteName == null) siteName = ogSite;
        if (description == null) description = firstNonBlank(ogDesc, desc);
        Element canon = scan.canonical;
        canonical = canon != null ? canon.absUrl("href") : null;
        if (canonical != null && canonical.isEmpty()) canonical = canon.attr("href");
        if (canonical == null) canonical = ogUrl;
        Element html = doc.firstElementChild();
        if (language == null && html != null) language = blankToNull(html.attr("lang"));
        if (language == null && locale != null) language = locale;
        if (language != null) language = normaliseLanguage(language);
    }

    private static @Nullable String normaliseLanguage(String raw) {
        String l = raw.strip().replace('_', '-');
        int comma = l.indexOf(',');
        if (comma > 0) l = l.substring(0, comma);
        if (!LANGUAGE_TAG.matcher(l).matches()) return null;
        String[] parts = l.split("-");
        StringBuilder b = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
        for (int k = 1; k < parts.length; k++) {
            b.append('-').append(parts[k].length() == 2 ? parts[k].toUpperCase(Locale.ROOT) : parts[k]);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ visible page

    private void readPage(Document doc, Scan scan) {
        if (published == null) {
            Element e = scan.datePublished;
            if (e != null) published = Dates.parse(firstNonBlank(e.attr("content"), e.attr("datetime"), e.text()));
        }
        if (modified == null) {
            Element e = scan.dateModified;
            if (e != null) modified = Dates.parse(firstNonBlank(e.attr("content"), e.attr("datetime"), e.text()));
        }
        if (published == null) {
            for (Element t : scan.times) {
                OffsetDateTime d = Dates.parse(firstNonBlank(t.attr("datetime"), t.text()));
                if (d != null) {
                    published = d;
                    break;
                }
            }
        }
        if (authors.isEmpty()) {
            for (Element e : scan.authorProps) {
                Element name = e.selectFirst("[itemprop=name]");
                String n = name != null ? firstNonBlank(name.attr("content"), name.text()) : firstNonBlank(e.attr("content"), e.text());
                if (n != null) addAuthor(n);
                if (authors.size() >= 5) break;
            }
        }
        if (authors.isEmpty()) {
            for (Element e : scan.bylines) {
                addAuthor(e.text());
                if (authors.size() >= 3) break;
            }
        }
        String h1 = null;
        List<Element> h1s = scan.h1s;
        if (!h1s.isEmpty()) {
            Element inArticle = scan.h1InArticle != null ? scan.h1InArticle : scan.headline;
            h1 = (inArticle != null ? inArticle : h1s.get(0)).text().strip();
            if (h1.isEmpty()) h1 = null;
        }
        String docTitle = blankToNull(doc.title());
        if (title == null) title = h1 != null ? h1 : docTitle;
        if (title != null) title = cleanTitle(title, siteName, h1);
    }

    /** Drops a site name glued to the headline ("Headline | Site"), keeping the headline part. */
    static String cleanTitle(String raw, @Nullable String site, @Nullable String h1) {
        String t = WHITESPACE.matcher(raw).replaceAll(" ").strip();
        if (h1 != null && !h1.equals(t) && t.startsWith(h1) && h1.length() > 10) return h1;
        var m = TITLE_SEPARATORS.matcher(t);
        List<int[]> cuts = new ArrayList<>();
        while (m.find()) cuts.add(new int[] {m.start(), m.end()});
        if (cuts.isEmpty()) return t;
        String siteLower = site == null ? null : site.toLowerCase(Locale.ROOT);
        // Last segment is the site name: drop it.
        int[] last = cuts.get(cuts.size() - 1);
        String tail = t.substring(last[1]).strip();
        String headPart = t.substring(0, last[0]).strip();
        boolean tailIsSite = siteLower != null && (tail.toLowerCase(Locale.ROOT).contains(siteLower) || siteLower.contains(tail.toLowerCase(Locale.ROOT)));
        if (tailIsSite || (tail.split(" ").length <= 4 && headPart.split(" ").length >= 4 && tail.length() * 2 < headPart.length())) {
            return cleanTitle(headPart, site, h1);
        }
        int[] first = cuts.get(0);
        String lead = t.substring(0, first[0]).strip();
        String rest = t.substring(first[1]).strip();
        if (siteLower != null && lead.toLowerCase(Locale.ROOT).equals(siteLower)) return rest;
        return t;
    }

    void addAuthor(@Nullable String raw) {
        if (raw == null) return;
        String a = WHITESPACE.matcher(raw).replaceAll(" ").strip();
        a = BY_PREFIX.matcher(a).replaceFirst("");
        if (a.isEmpty() || a.length() > 80 || a.startsWith("http") || a.contains("@") && a.contains(".")) return;
        Set<String> parts = new LinkedHashSet<>();
        for (String p : AUTHOR_SEPARATORS.split(a)) {
            String q = p.strip();
            if (q.length() >= 2 && q.length() <= 60) parts.add(q);
        }
        for (String p : parts) {
            boolean dup = false;
            for (String have : authors) dup |= have.equalsIgnoreCase(p);
            if (!dup) authors.add(p);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }
}
