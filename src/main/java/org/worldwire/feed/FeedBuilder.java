package org.worldwire.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Enclosure;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;

/**
 * Maps the element events of an RSS, RDF or Atom document to a {@link ParsedFeed}, following the field mapping of
 * the feed conformance suite. Bounded: entries, field lengths and the total text kept are capped.
 */
final class FeedBuilder implements XmlSink {
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_FIELD_CHARS = 1 << 20;
    static final long MAX_TOTAL_CHARS = 48L << 20;
    static final int MAX_PROBLEMS = 20;
    static final int MAX_URL_CHARS = 8192;

    private static final java.util.Set<String> VOID = java.util.Set.of("area", "base", "br", "col", "embed", "hr",
            "img", "input", "link", "meta", "param", "source", "track", "wbr");

    // Element roles on the stack
    private static final byte R_OTHER = 0, R_FEED = 1, R_ENTRY = 2, R_GROUP = 3;

    // Fields
    private static final int F_TITLE = 1, F_TITLE_FB = 2, F_LINK = 3, F_SUBTITLE = 4, F_SUBTITLE_FB = 5,
            F_UPDATED = 6, F_PUBLISHED = 7, F_ID = 8, F_SUMMARY = 9, F_SUMMARY_FB = 10, F_CONTENT = 11,
            F_AUTHOR = 12, F_AUTHOR_FB = 13, F_CATEGORY = 14, F_IGNORED = 15, F_KEYWORDS = 16;

    private final List<String> problems = new ArrayList<>();
    private String format = "unknown";
    private boolean sawRoot;
    private long totalChars;
    private boolean full;

    // Element stack
    private int depth;
    private String[] bases = new String[32];
    private byte[] roles = new byte[32];

    // Feed-level values
    private @Nullable String title, titleFb, link, linkFb, subtitle, subtitleFb, self;
    private @Nullable Instant updated, published;
    private final List<String> hubs = new ArrayList<>();
    private final List<FeedEntry> entries = new ArrayList<>();

    // Current entry
    private @Nullable Entry entry;
    private int entryDepth = -1;

    // Current capture (one field being read from an element's content)
    private @Nullable Capture cap;

    FeedBuilder(@Nullable String base) {
        bases[0] = base;
    }

    void problem(String p) {
        if (problems.size() < MAX_PROBLEMS) problems.add(p.length() > 300 ? p.substring(0, 300) + "..." : p);
    }

    @Override
    public boolean full() {
        return full;
    }

    private static final class Entry {
        @Nullable String id, link, linkFb, permalinkGuid, title, titleFb, summary, summaryFb, content, author, authorFb, about;
        @Nullable Instant published, updated;
        /** A content element (not a summary-like one standing in for it) was seen: see summaryLike. */
        boolean hasContent;
        final List<String> categories = new ArrayList<>();
        final List<Enclosure> enclosures = new ArrayList<>();
    }

    private static final class Capture {
        final int field;
        final int depth;
        final boolean feedLevel;
        final @Nullable String base;
        final @Nullable String type;
        final @Nullable String mode;
        final boolean atom;
        final boolean html;
        @Nullable String rel; // link without href
        boolean guidPermalink;
        final StringBuilder plain = new StringBuilder(256);
        @Nullable StringBuilder markup;
        int children;
        int topElements;
        boolean topIsDiv;
        int divInnerStart = -1, divInnerEnd = -1;
        boolean textOutsideTop;
        @Nullable StringBuilder name; // author/name
        int nameDepth = -1;
        boolean truncated;

        Capture(int field, int depth, boolean feedLevel, @Nullable String base, @Nullable String type, @Nullable String mode,
                boolean atom, boolean html) {
            this.field = field;
            this.depth = depth;
            this.feedLevel = feedLevel;
            this.base = base;
            this.type = type;
            this.mode = mode;
            this.atom = atom;
            this.html = html;
        }
    }

    // ---- events --------------------------------------------------------------------------------------------------

    @Override
    public void start(String ns, String local, Attributes attrs) {
        int parent = depth;
        depth++;
        if (depth >= bases.length) {
            bases = Arrays.copyOf(bases, bases.length * 2);
            roles = Arrays.copyOf(roles, roles.length * 2);
        }
        String base = bases[parent];
        String xmlBase = attrs.xmlBase();
        if (xmlBase != null && xmlBase.length() <= MAX_URL_CHARS) base = Uris.resolve(base, xmlBase);
        bases[depth] = base;
        roles[depth] = R_OTHER;

        Capture c = cap;
        if (c != null) {
            inCapture(c, ns, local, attrs, base);
            return;
        }
        int kind = Namespaces.kind(ns);
        // Feed vocabularies are matched without regard to case, as the de-facto parsers do (feedparser lower-cases
        // every element name, in every namespace): <itunes:TITLE>, <PubDate> and <Description> are met in the wild.
        String name = lowerAscii(local);
        if (!sawRoot) {
            sawRoot = true;
            root(ns, name, attrs);
            if (name.equals("feed") && kind == Namespaces.CORE) {
                roles[depth] = R_FEED;
                return;
            }
        }
        byte parentRole = roles[parent];
        if (kind == Namespaces.CORE && (name.equals("item") || name.equals("entry")) && entry == null) {
            roles[depth] = R_ENTRY;
            entry = new Entry();
            entryDepth = depth;
            String about = attrs.get("about");
            if (about == null) about = rdfAbout(attrs);
            if (about != null) entry.about = about.strip();
            return;
        }
        if (kind == Namespaces.CORE && name.equals("channel") && entry == null) {
            roles[depth] = R_FEED;
            return;
        }
        if (parentRole == R_FEED) {
            feedField(kind, name, attrs, base);
        } else if (parentRole == R_ENTRY || parentRole == R_GROUP) {
            if (kind == Namespaces.MEDIA && name.equals("group")) {
                roles[depth] = R_GROUP;
                return;
            }
            entryField(kind, name, attrs, base, parentRole == R_GROUP);
        }
    }

    /** The name in ASCII lower case; the same instance when it has no upper-case letter (the common case). */
    static String lowerAscii(String name) {
        for (int i = 0, n = name.length(); i < n; i++) {
            char ch = name.charAt(i);
            if (ch >= 'A' && ch <= 'Z') return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }

    private static @Nullable String rdfAbout(Attributes attrs) {
        for (int i = 0; i < attrs.count(); i++) {
            if (attrs.localName(i).equals("about") && attrs.namespace(i).equals(Namespaces.RDF_NS)) return attrs.value(i);
        }
        return null;
    }

    private void root(String ns, String local, Attributes attrs) {
        switch (local) {
            case "rss" -> {
                String v = attrs.get("version");
                format = v == null ? "rss" : "rss" + v.strip().replace(".", "");
                if (format.length() > 10) format = "rss";
            }
            case "rdf" -> format = "rss10";
            case "feed" -> format = ns.equals(Namespaces.ATOM10) ? "atom10" : ns.equals(Namespaces.ATOM03) ? "atom03" : "atom";
            default -> format = "unknown";
        }
    }

    private void feedField(int kind, String local, Attributes attrs, @Nullable String base) {
        if (kind == Namespaces.CORE) {
            switch (local) {
                case "title" -> capture(F_TITLE, true, attrs, base, false, true);
                case "link" -> {
                    String href = attrs.get("href");
                    String rel = relOf(attrs);
                    if (href != null) {
                        if (href.length() > MAX_URL_CHARS) return;
                        String abs = Uris.resolve(base, href);
                        switch (rel) {
                            case "alternate" -> {
                                if (isHtmlLinkType(attrs.get("type"))) {
                                    if (link == null) link = abs;
                                } else if (linkFb == null) {
                                    linkFb = abs;
                                }
                            }
                            case "self" -> {
                                if (self == null) self = abs;
                            }
                            case "hub" -> {
                                if (hubs.size() < 16 && !hubs.contains(abs)) hubs.add(abs);
                            }
                            default -> {}
                        }
                    } else {
                        Capture c = capture(F_LINK, true, attrs, base, false, false);
                        c.rel = rel;
                    }
                }
                case "description", "subtitle", "tagline" -> capture(F_SUBTITLE, true, attrs, base, local.equals("description"), true);
                case "updated", "modified", "lastbuilddate" -> capture(F_UPDATED, true, attrs, base, false, false);
                case "pubdate", "published", "issued" -> capture(F_PUBLISHED, true, attrs, base, false, false);
                default -> {}
            }
        } else if (kind == Namespaces.DCTERMS && local.equals("issued")) {
            capture(F_PUBLISHED, true, attrs, base, false, false);
        } else if (kind == Namespaces.DC && local.equals("title")) {
            capture(F_TITLE_FB, true, attrs, base, false, false);
        } else if (kind == Namespaces.DC && local.equals("date") || kind == Namespaces.DCTERMS && local.equals("modified")) {
            capture(F_UPDATED, true, attrs, base, false, false);
        } else if (kind == Namespaces.ITUNES && local.equals("subtitle")) {
            capture(F_SUBTITLE_FB, true, attrs, base, false, false);
        }
    }

    private void entryField(int kind, String local, Attributes attrs, @Nullable String base, boolean inGroup) {
        Entry e = entry;
        if (e == null) return;
        if (kind == Namespaces.CORE && !inGroup) {
            switch (local) {
                case "title" -> capture(F_TITLE, false, attrs, base, false, true);
                case "link" -> {
                    String href = attrs.get("href");
                    String rel = relOf(attrs);
                    if (href != null) {
                        if (href.length() > MAX_URL_CHARS) return;
                        String abs = Uris.resolve(base, href);
                        if (rel.equals("alternate")) {
                            if (isHtmlLinkType(attrs.get("type"))) {
                                if (e.link == null) e.link = abs;
                            } else if (e.linkFb == null) {
                                e.linkFb = abs;
                            }
                        } else if (rel.equals("enclosure")) {
                            addEnclosure(e, abs, attrs.get("type"), attrs.get("length"));
                        }
                    } else {
                        Capture c = capture(F_LINK, false, attrs, base, false, false);
                        c.rel = rel;
                    }
                }
                case "guid" -> {
                    Capture c = capture(F_ID, false, attrs, base, false, false);
                    String perma = attrs.get("ispermalink");
                    c.guidPermalink = perma == null || !perma.strip().equalsIgnoreCase("false");
                }
                case "id" -> capture(F_ID, false, attrs, base, false, false);
                case "description", "summary" -> summaryLike(e, attrs, base, true, true);
                case "content", "fullitem" -> {
                    e.hasContent = true;
                    capture(F_CONTENT, false, attrs, base, true, true);
                }
                case "body" -> capture(F_CONTENT, false, attrs, base, true, true);
                case "pubdate", "published", "issued" -> capture(F_PUBLISHED, false, attrs, base, false, false);
                case "updated", "modified" -> capture(F_UPDATED, false, attrs, base, false, false);
                case "author", "creator" -> capture(F_AUTHOR, false, attrs, base, false, false);
                case "category" -> {
                    String term = attrs.get("term");
                    if (term != null) {
                        addCategory(e, term);
                    } else {
                        capture(F_CATEGORY, false, attrs, base, false, false);
                    }
                }
                case "enclosure" -> {
                    String url = attrs.get("url");
                    if (url == null) url = attrs.get("href");
                    if (url != null && url.length() <= MAX_URL_CHARS) {
                        addEnclosure(e, Uris.resolve(base, url), attrs.get("type"), attrs.get("length"));
                    }
                }
                default -> {}
            }
            return;
        }
        switch (kind) {
            case Namespaces.DC -> {
                switch (local) {
                    case "creator", "author" -> capture(F_AUTHOR, false, attrs, base, false, false);
                    case "date" -> capture(F_UPDATED, false, attrs, base, false, false);
                    case "subject" -> capture(F_CATEGORY, false, attrs, base, false, false);
                    case "description" -> summaryLike(e, attrs, base, true, false);
                    case "title" -> capture(F_TITLE, false, attrs, base, false, false);
                    default -> {}
                }
            }
            case Namespaces.DCTERMS -> {
                switch (local) {
                    case "issued" -> capture(F_PUBLISHED, false, attrs, base, false, false);
                    case "modified" -> capture(F_UPDATED, false, attrs, base, false, false);
                    default -> {}
                }
            }
            case Namespaces.CONTENT -> {
                if (local.equals("encoded")) {
                    e.hasContent = true;
                    capture(F_CONTENT, false, attrs, base, true, false);
                }
            }
            case Namespaces.XHTML -> {
                if (local.equals("body") || local.equals("div")) capture(F_CONTENT, false, attrs, base, true, false);
            }
            case Namespaces.MEDIA -> {
                switch (local) {
                    case "title" -> capture(F_TITLE_FB, false, attrs, base, false, false);
                    case "description" -> capture(F_SUMMARY_FB, false, attrs, base, "html".equals(attrs.get("type")), false);
                    case "category" -> capture(F_CATEGORY, false, attrs, base, false, false);
                    default -> {}
                }
            }
            case Namespaces.ITUNES -> {
                switch (local) {
                    case "summary" -> summaryLike(e, attrs, base, false, false);
                    case "author" -> capture(F_AUTHOR_FB, false, attrs, base, false, false);
                    case "keywords" -> capture(F_KEYWORDS, false, attrs, base, false, false);
                    case "category" -> {
                        String text = attrs.get("text");
                        if (text != null) addCategory(e, text);
                    }
                    default -> {}
                }
            }
            default -> {}
        }
    }

    /**
     * A summary-like element of an item: RSS {@code description}, Atom or RSS {@code summary}, {@code dc:description},
     * {@code itunes:summary}. Which of two of them is the summary and which the content follows the precedence of
     * the reference parser (feedparser), whatever their order: the first is the summary; a later one, while the
     * item has no content element yet, is its content (an item's {@code content:encoded}, {@code fullitem} or Atom
     * {@code content} are its content, and a summary-like element after them is the summary again).
     */
    private void summaryLike(Entry e, Attributes attrs, @Nullable String base, boolean rssHtml, boolean textConstruct) {
        if (e.summary != null && !e.hasContent) {
            e.hasContent = true;
            capture(F_CONTENT, false, attrs, base, rssHtml, textConstruct);
        } else {
            capture(F_SUMMARY, false, attrs, base, rssHtml, textConstruct);
        }
    }

    /** An alternate link without a type, or of an HTML type, is the page; other types (a PDF, a feed) are fallbacks. */
    private static boolean isHtmlLinkType(@Nullable String type) {
        if (type == null) return true;
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.startsWith("text/html") || t.startsWith("application/xhtml+xml") || t.equals("html");
    }

    private static String relOf(Attributes attrs) {
        String rel = attrs.get("rel");
        if (rel == null) return "alternate";
        rel = rel.strip().toLowerCase(Locale.ROOT);
        if (rel.isEmpty()) return "alternate";
        if (rel.startsWith("http://www.iana.org/assignments/relation/")) rel = rel.substring(41);
        return rel;
    }

    private void addCategory(Entry e, String term) {
        String t = term.strip();
        if (!t.isEmpty() && e.categories.size() < 256 && budget(t.length())) e.categories.add(t);
    }

    private void addEnclosure(Entry e, String url, @Nullable String type, @Nullable String length) {
        if (e.enclosures.size() >= 64 || url.isEmpty()) return;
        for (Enclosure x : e.enclosures) if (x.url().equals(url)) return;
        String t = type == null || type.isBlank() || type.length() > 200 ? null : type.strip();
        String l = length == null || length.isBlank() || length.length() > 40 ? null : length.strip();
        if (budget(url.length())) e.enclosures.add(new Enclosure(url, t, l));
    }

    /** Starts reading the text of the current element into a field. */
    private Capture capture(int field, boolean feedLevel, Attributes attrs, @Nullable String base, boolean rssHtml, boolean textConstruct) {
        String type = null, mode = null;
        boolean atomish = false;
        if (textConstruct) {
            type = attrs.get("type");
            mode = attrs.get("mode");
            if (type != null) type = type.strip().toLowerCase(Locale.ROOT);
            if (mode != null) mode = mode.strip().toLowerCase(Locale.ROOT);
            atomish = format.startsWith("atom");
        }
        boolean html;
        if (type != null || mode != null) {
            html = isHtmlType(type) || "escaped".equals(mode) || "xml".equals(mode);
        } else {
            html = rssHtml;
        }
        Capture c = new Capture(field, depth, feedLevel, base, type, mode, atomish, html);
        cap = c;
        return c;
    }

    private static boolean isHtmlType(@Nullable String type) {
        if (type == null) return false;
        return type.equals("html") || type.equals("xhtml") || type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    private void inCapture(Capture c, String ns, String local, Attributes attrs, @Nullable String base) {
        c.children++;
        if (c.field == F_AUTHOR) {
            if (c.nameDepth < 0 && lowerAscii(local).equals("name")) {
                c.nameDepth = depth;
                c.name = new StringBuilder();
            }
            return;
        }
        StringBuilder m = c.markup;
        if (m == null) {
            m = c.markup = new StringBuilder(c.plain.length() + 64);
            HtmlText.escapeText(m, c.plain, 0, c.plain.length());
        }
        if (depth == c.depth + 1) {
            c.topElements++;
            if (c.topElements == 1 && lowerAscii(local).equals("div")) {
                c.topIsDiv = true;
            }
        }
        openTags.add(local);
        if (m.length() > MAX_FIELD_CHARS) {
            c.truncated = true;
            return;
        }
        m.append('<').append(local);
        for (int i = 0, n = attrs.count(); i < n; i++) {
            String an = attrs.localName(i);
            String ans = attrs.namespace(i);
            if (!ans.isEmpty() && !ans.equals(Namespaces.XHTML_NS)) {
                if (ans.equals(Namespaces.XML_NS)) continue;
            }
            String v = attrs.value(i);
            if (base != null && (an.equals("href") || an.equals("src") || an.equals("cite") || an.equals("background"))) {
                v = Uris.resolve(base, v);
            }
            m.append(' ').append(an).append("=\"");
            HtmlText.escapeAttribute(m, v);
            m.append('"');
        }
        m.append('>');
        if (depth == c.depth + 1 && c.topElements == 1) c.divInnerStart = m.length();
    }

    @Override
    public void text(char[] chars, int offset, int length) {
        Capture c = cap;
        if (c == null || length == 0) return;
        if (c.nameDepth >= 0) {
            StringBuilder n = c.name;
            if (n != null && n.length() < 4096) n.append(chars, offset, length);
            return;
        }
        if (c.plain.length() + length > MAX_FIELD_CHARS || !budget(length)) {
            c.truncated = true;
            return;
        }
        c.plain.append(chars, offset, length);
        StringBuilder m = c.markup;
        if (m != null) HtmlText.escapeText(m, chars, offset, length);
        if (c.topElements > 0 && depth == c.depth && !isBlank(chars, offset, length)) c.textOutsideTop = true;
    }

    @Override
    public void text(String s) {
        text(s.toCharArray(), 0, s.length());
    }

    private static boolean isBlank(char[] ch, int off, int len) {
        for (int i = off; i < off + len; i++) if (ch[i] > ' ') return false;
        return true;
    }

    private boolean budget(int chars) {
        totalChars += chars;
        if (totalChars > MAX_TOTAL_CHARS) {
            if (!full) problem("feed too large: stopped after " + entries.size() + " entries");
            full = true;
            return false;
        }
        return true;
    }

    @Override
    public void end() {
        if (depth <= 0) return;
        Capture c = cap;
        if (c != null) {
            if (depth == c.depth) {
                cap = null;
                finishCapture(c);
            } else {
                if (c.field == F_AUTHOR) {
                    if (depth == c.nameDepth) c.nameDepth = -1;
                } else {
                    StringBuilder m = c.markup;
                    String name = openTags.isEmpty() ? null : openTags.removeLast();
                    if (m != null && name != null && !c.truncated) {
                        if (depth == c.depth + 1 && c.topElements == 1) c.divInnerEnd = m.length();
                        if (VOID.contains(name) && m.length() > 0 && m.charAt(m.length() - 1) == '>'
                                && m.lastIndexOf("<" + name) >= 0 && m.lastIndexOf("<") == m.lastIndexOf("<" + name)) {
                            m.setLength(m.length() - 1);
                            m.append(" />");
                        } else {
                            m.append("</").append(name).append('>');
                        }
                    }
                }
            }
        }
        if (depth == entryDepth) {
            Entry e = entry;
            entry = null;
            entryDepth = -1;
            if (e != null) finishEntry(e);
        }
        depth--;
    }

    /** Names of the elements open inside the current capture, so their end tags can be written. */
    private final ArrayList<String> openTags = new ArrayList<>();

    private void finishCapture(Capture c) {
        openTags.clear();
        String value;
        if (c.field == F_AUTHOR && c.name != null) {
            value = c.name.toString().strip();
        } else if ("base64".equals(c.mode) || isBase64Type(c)) {
            value = base64(c.plain);
        } else if (c.markup != null && c.children > 0) {
            StringBuilder m = c.markup;
            // RFC 4287 §3.1.1.3: the content of an xhtml text construct is a single XHTML div, and "the XHTML div
            // element itself MUST NOT be considered part of the content". Atom 0.3 has no such wrapper.
            boolean xhtmlType = "xhtml".equals(c.type) || "application/xhtml+xml".equals(c.type) && format.equals("atom10");
            if (xhtmlType && c.topIsDiv && c.topElements == 1 && !c.textOutsideTop
                    && c.divInnerStart >= 0 && c.divInnerEnd >= c.divInnerStart) {
                value = m.substring(c.divInnerStart, c.divInnerEnd);
            } else {
                value = m.toString();
            }
        } else if (isXhtmlText(c)) {
            // XHTML content is markup by its elements only: its character data is text, so an escaped "&lt;b&gt;"
            // stays the text "<b>" (RFC 4287 §3.1.1.3: entities in xhtml content are text, not markup) and is
            // written escaped into the HTML value.
            StringBuilder escaped = new StringBuilder(c.plain.length() + 16);
            HtmlText.escapeText(escaped, c.plain, 0, c.plain.length());
            value = escaped.toString();
        } else {
            value = c.plain.toString();
            // Escaped HTML (an RSS description, Atom type="html") is HTML once unescaped; a "<" in it that starts
            // no tag, comment or declaration ("<!'", "a < b") is text, and is escaped so that no HTML reader takes
            // it, or what follows it, for markup.
            if (c.html && !"base64".equals(c.mode) && value.indexOf('<') >= 0) value = HtmlText.escapeStrayLessThan(value);
        }
        if (c.truncated) problem("field truncated at " + MAX_FIELD_CHARS + " characters");
        value = HtmlText.repairMojibake(value);
        boolean html = c.html || (c.children > 0 && c.field != F_AUTHOR) || "base64".equals(c.mode) && looksHtml(c.type)
                || isBase64Type(c);
        if (html && c.base != null && (c.field == F_TITLE || c.field == F_SUBTITLE || c.field == F_SUMMARY
                || c.field == F_CONTENT || c.field == F_SUMMARY_FB || c.field == F_SUBTITLE_FB || c.field == F_TITLE_FB)) {
            value = HtmlText.resolveUrls(value, c.base);
        }
        if (c.feedLevel) {
            switch (c.field) {
                case F_TITLE -> title = value;
                case F_SUBTITLE -> subtitle = value;
                case F_SUBTITLE_FB -> subtitleFb = value;
                case F_TITLE_FB -> titleFb = value;
                case F_PUBLISHED -> {
                    Instant t = FeedDates.parse(value);
                    if (t != null) published = t;
                }
                case F_LINK -> {
                    String v = value.strip();
                    if (!v.isEmpty() && v.length() <= MAX_URL_CHARS && "alternate".equals(c.rel) && link == null) {
                        link = Uris.resolve(c.base, v);
                    }
                }
                case F_UPDATED -> {
                    Instant t = FeedDates.parse(value);
                    if (t != null) updated = t;
                }
                default -> {}
            }
            return;
        }
        Entry e = entry;
        if (e == null) return;
        switch (c.field) {
            case F_TITLE -> e.title = value;
            case F_TITLE_FB -> e.titleFb = value;
            case F_SUMMARY -> e.summary = value;
            case F_SUMMARY_FB -> e.summaryFb = value;
            case F_CONTENT -> {
                if (e.content == null) e.content = value;
                // A textual content stands in for a missing summary (feedparser copies it, and so its users see it).
                if (e.summary == null && isTextual(c)) e.summary = value;
            }
            case F_KEYWORDS -> {
                // itunes:keywords is a comma-separated list of terms, each a category as feedparser reads it.
                for (String term : value.split(",")) addCategory(e, term);
            }
            case F_LINK -> {
                String v = value.strip();
                if (!v.isEmpty() && v.length() <= MAX_URL_CHARS) {
                    String abs = Uris.resolve(c.base, v);
                    if ("alternate".equals(c.rel)) {
                        if (e.link == null) e.link = abs;
                    } else if ("enclosure".equals(c.rel)) {
                        addEnclosure(e, abs, null, null);
                    }
                }
            }
            case F_ID -> {
                String v = value.strip();
                if (v.length() > MAX_URL_CHARS) v = v.substring(0, MAX_URL_CHARS);
                if (c.guidPermalink && looksLikeUrl(v)) {
                    e.permalinkGuid = Uris.resolve(c.base, v);
                }
                if (!c.guidPermalink && c.base != null && !v.isEmpty() && !Uris.hasScheme(v) && format.startsWith("atom")) {
                    v = Uris.resolve(c.base, v);
                }
                e.id = v;
            }
            case F_PUBLISHED -> {
                Instant t = FeedDates.parse(value);
                if (t != null) e.published = t;
            }
            case F_UPDATED -> {
                Instant t = FeedDates.parse(value);
                if (t != null) e.updated = t;
            }
            case F_AUTHOR -> {
                if (e.author == null) {
                    String name = authorName(value);
                    if (name != null) e.author = name;
                }
            }
            case F_AUTHOR_FB -> {
                if (e.authorFb == null) e.authorFb = authorName(value);
            }
            case F_CATEGORY -> addCategory(e, value);
            default -> {}
        }
    }

    /** An XHTML-typed text construct (Atom 1.0 type="xhtml", Atom 0.3 type="application/xhtml+xml" in XML mode). */
    private static boolean isXhtmlText(Capture c) {
        if (c.mode != null && !c.mode.equals("xml")) return false;
        return "xhtml".equals(c.type) || "application/xhtml+xml".equals(c.type);
    }

    /** Text, HTML or XHTML (not a media type such as an image in base64): what may stand in for a summary. */
    private boolean isTextual(Capture c) {
        String t = c.type;
        if (t == null || isBase64Type(c)) return t == null;
        return t.equals("text") || t.equals("text/plain") || isHtmlType(t);
    }

    /** Atom 1.0: a text construct typed with a MIME type that is neither text nor XML holds base64. */
    private boolean isBase64Type(Capture c) {
        String t = c.type;
        if (t == null || !format.equals("atom10") || c.mode != null || isHtmlType(t)) return false;
        if (t.equals("text") || t.startsWith("text/") || t.endsWith("+xml") || t.endsWith("/xml")) return false;
        return t.indexOf('/') > 0;
    }

    private static boolean looksHtml(@Nullable String type) {
        return type == null || isHtmlType(type);
    }

    private static boolean looksLikeUrl(String v) {
        return v.startsWith("http://") || v.startsWith("https://") || v.startsWith("HTTP://") || v.startsWith("HTTPS://");
    }

    private static String base64(CharSequence text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch > ' ') clean.append(ch);
        }
        try {
            return new String(Base64.getMimeDecoder().decode(clean.toString()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text.toString();
        }
    }

    /** "me@x.com (Name)" and "Name <me@x.com>" give "Name"; anything else is kept. */
    static @Nullable String authorName(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) return null;
        int open = s.indexOf('(');
        if (open > 0 && s.endsWith(")")) {
            String before = s.substring(0, open).strip();
            String inside = s.substring(open + 1, s.length() - 1).strip();
            if (before.contains("@") && !inside.isEmpty()) return inside;
            if (inside.contains("@") && !before.isEmpty()) return before;
        }
        int lt = s.indexOf('<');
        if (lt > 0 && s.endsWith(">") && s.substring(lt).contains("@")) {
            String name = s.substring(0, lt).strip();
            if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
            if (!name.isEmpty()) return name;
        }
        return s;
    }

    private void finishEntry(Entry e) {
        if (entries.size() >= MAX_ENTRIES) {
            if (!full) problem("more than " + MAX_ENTRIES + " entries: the rest were skipped");
            full = true;
            return;
        }
        String id = e.id != null && !e.id.isEmpty() ? e.id : e.about;
        String lnk = e.link != null ? e.link : e.linkFb != null ? e.linkFb : e.permalinkGuid;
        String ttl = e.title != null ? e.title : e.titleFb;
        String sum = e.summary != null ? e.summary : e.summaryFb;
        String auth = e.author != null ? e.author : e.authorFb;
        // As the reference parser does, an entry that only says when it was published was last updated then.
        Instant upd = e.updated != null ? e.updated : e.published;
        entries.add(new FeedEntry(id, lnk, ttl, sum, e.content, e.published, upd, auth, e.categories, e.enclosures));
    }

    /** Closes what is still open (a truncated document) and returns the feed. */
    ParsedFeed result() {
        while (depth > 0) end();
        return new ParsedFeed(format, title != null ? title : titleFb, link != null ? link : linkFb,
                subtitle != null ? subtitle : subtitleFb, updated != null ? updated : published, hubs, self, entries, problems);
    }
}
