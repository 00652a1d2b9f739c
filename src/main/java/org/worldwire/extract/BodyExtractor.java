package org.worldwire.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * Finds the article body in a cleaned DOM and returns it as paragraphs.
 *
 * <p>One pass over the tree measures each element (text length, link text, commas, paragraph score handed up
 * to ancestors, as Readability does); the best-scoring container wins, its siblings that look like more of
 * the same join it, and a second walk over the winner emits block-level text while skipping boilerplate
 * subtrees (share bars, related links, newsletter boxes, captions, link lists). Text lengths are computed
 * once and cached, so the work stays linear in the size of the page.
 */
final class BodyExtractor {
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd",
            "dt", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "figure", "figcaption",
            "header", "footer", "aside", "nav", "address", "hr", "center", "form", "fieldset", "details", "summary",
            "caption", "body", "html", "noscript", "menu", "hgroup", "picture");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** Readability's "unlikely candidate" names, minus the ones that hit article wrappers on modern sites. */
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|"
                    + "related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
                    + "pagination|pager|popup|yom-remote|cookie|consent|newsletter|subscribe|signup|share|sharing|promo|"
                    + "recommend|outbrain|taboola|trending|most-popular|mostpopular|paywall|modal|overlay|toolbar|masthead");
    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|shadow|story|entry|post-text|text");
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|paragraph|rich-text|richtext");
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|"
                    + "outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|"
                    + "newsletter|subscribe|cookie|consent|byline|caption|credit|author|recirc|taboola|trending|popular|"
                    + "breadcrumb|nav|social|signup|paywall|disclaimer");
    /** Names that say "this is the article text" on most publishing systems. */
    private static final Pattern BODY_HINT = Pattern.compile(
            "articlebody|article-body|article__body|article_body|story-body|storybody|story__body|story-text|entry-content|"
                    + "post-content|post-body|postbody|article-content|article__content|articlecontent|article-text|"
                    + "articletext|body-text|bodytext|content-body|story-content|main-content|article-main|post-entry|"
                    + "td-post-content|single-content|news-content|text-content|rich-text|richtext|article-entry");

    /** Subtrees to drop while emitting text, matched on class and id. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(^|[^a-z])(?<!has-|with-|is-|no-|show-|enable-)(share|sharing|social|related|newsletter|subscribe|subscription|signup|sign-up|cookie|consent|gdpr|"
                    + "comment|comments|disqus|promo|sponsor|sponsored|outbrain|taboola|recommend|recommended|recirc|"
                    + "trending|most-?popular|popular|breadcrumbs?|byline|author-bio|author-info|bio|tags|tag-list|"
                    + "caption|credit|credits|figcaption|paywall|modal|popup|toolbar|widget|sidebar|nav|navigation|menu|"
                    + "footer|advert|advertisement|ad|ads|adslot|ad-slot|ad-container|ad-wrapper|dfp|banner|print-only|"
                    + "read-more|readmore|more-stories|also-read|see-also|next-article|prev-article|pagination|"
                    + "inline-related|rail|hidden|visually-hidden|sr-only|screen-reader|skip|meta|dateline|timestamp|"
                    + "headline|kicker|hero|lede-media|video|gallery|slideshow|audio|podcast|photo|image|img|picture|lightbox|"
                    + "infobox|factbox-links|contributor|disclaimer|"
                    + "print|email|feedback|rating|survey|poll|donate|membership|callout|pullquote|pull-quote)([^a-z]|$)");
    private static final Pattern BOILERPLATE_OVERRIDE = Pattern.compile("articlebody|article-body|story-body|entry-content|post-content|article-content|body-text|paragraph");

    /** What the first pass measures per element. */
    private static final class Stat {
        int text;       // characters of text, whitespace runs counted once
        int link;       // of which inside links
        int inlineText; // text not inside any nested block: the element's own paragraph text
        int commas;
        int paragraphs;
        byte unlikely;  // memo of isUnlikely: 0 unknown, 1 no, 2 yes
        int ptext;      // text inside paragraph-like blocks of low link density, this element included
        double score;
        boolean candidate;
    }

    private static final boolean DEBUG = Boolean.getBoolean("ww.debug");
    private final Map<Element, Stat> stats = new IdentityHashMap<>();
    private final Map<String, Integer> nameCache = new HashMap<>();
    private final @Nullable String title;
    private final List<Element> paragraphs = new ArrayList<>();
    private int pageText;
    private int rootText;
    private boolean lenient;
    private boolean teaserRun;
    private @Nullable Element debugBlock;

    private BodyExtractor(@Nullable String title) {
        this.title = title;
    }

    static List<String> extract(Element body, @Nullable String title) {
        return new BodyExtractor(title).run(body);
    }

    private List<String> run(Element body) {
        measure(body);
        Element top = pickTop(body);
        if (top == null) return List.of();
        List<Element> parts = withSiblings(top);
        if (DEBUG) {
            for (Element part : parts) System.err.println("PART " + part.normalName() + "." + part.className() + "#" + part.id() + " score=" + stats.get(part).score + " text=" + stats.get(part).text);
        }
        List<String> out = new ArrayList<>();
        for (Element part : parts) {
            rootText = stats.get(part).text;
            emit(part, out, true);
        }
        if (out.isEmpty()) {
            // Everything looked like furniture: better the whole container than nothing.
            lenient = true;
            for (Element part : parts) emit(part, out, true);
        }
        return out;
    }

    // ---------------------------------------------------------------- pass 1: measure and score

    private void measure(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) stats.put(e, new Stat());
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Element parent = (Element) t.parentNode();
                    if (parent == null) return;
                    String s = t.getWholeText();
                    int len = visibleLength(s);
                    if (len == 0) return;
                    Stat ps = stats.get(parent);
                    if (ps == null) return;
                    ps.text += len;
                    ps.inlineText += len;
                    ps.commas += countCommas(s);
                } else if (node instanceof Element e) {
                    Stat st = stats.get(e);
                    String tag = e.normalName();
                    if (tag.equals("a")) st.link = st.text;
                    Element parent = e.parent();
                    if (parent != null) {
                        Stat ps = stats.get(parent);
                        if (ps != null) {
                            ps.text += st.text;
                            ps.link += st.link;
                            if (!BLOCKS.contains(tag) && !tag.equals("br")) {
                                ps.inlineText += st.inlineText;
                                ps.commas += st.commas;
                            }
                        }
                    }
                    if (BLOCKS.contains(tag) && st.inlineText >= 25) {
                        paragraphs.add(e);
                        if (st.link * 3 < st.text) st.ptext += st.inlineText;
                    }
                    if (parent != null) {
                        Stat ps = stats.get(parent);
                        if (ps != null) ps.ptext += st.ptext;
                    }
                }
            }
        }, root);
        pageText = stats.get(root).text;
        for (Element p : paragraphs) scoreParagraph(p, stats.get(p));
    }

    private void scoreParagraph(Element e, Stat st) {
        if (st.inlineText < 25) return;
        String tag = e.normalName();
        if (HEADINGS.contains(tag) || tag.equals("li") || tag.equals("figcaption") || tag.equals("caption")) return;
        if (isUnlikely(e)) return;
        double contentScore = 1 + st.commas + Math.min(st.inlineText / 100.0, 3);
        // A block holding its own text and no paragraph tag around it is the paragraph; the score goes to the
        // block that holds it, as for <p>. A <div> mixing text runs and child blocks is itself the container.
        boolean pureParagraph = !tag.equals("td")
                && (tag.equals("p") || tag.equals("pre") || tag.equals("blockquote") || st.inlineText * 2 > st.text);
        Element target = pureParagraph ? e.parent() : e;
        for (int level = 0; target != null && level < 5; level++, target = target.parent()) {
            Stat ts = stats.get(target);
            if (ts == null) break;
            if (!ts.candidate) {
                ts.candidate = true;
                ts.score += initialScore(target);
            }
            if (level == 0) ts.paragraphs++;
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            ts.score += contentScore / divider;
            if (target.normalName().equals("body")) break;
        }
    }

    private double initialScore(Element e) {
        double s = switch (e.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return s + classWeight(e);
    }

    /** Class and id with camelCase words split ("imageEmbedCaption" reads "image-embed-caption"), lower case. */
    private static String splitCamel(Element e) {
        String raw = e.className() + " " + e.id();
        StringBuilder b = new StringBuilder(raw.length() + 8);
        char prev = ' ';
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isUpperCase(c) && Character.isLowerCase(prev)) b.append('-');
            b.append(Character.toLowerCase(c));
            prev = c;
        }
        return b.toString();
    }

    private static String names(Element e) {
        String c = e.className();
        String id = e.id();
        if (c.isEmpty() && id.isEmpty()) return "";
        return (c + " " + id).toLowerCase(Locale.ROOT);
    }

    private static final int NEG_CLASS = 1, POS_CLASS = 2, NEG_ID = 4, POS_ID = 8, BODY = 16, UNLIKELY_NAME = 32, FURNITURE_NAME = 64;

    /**
     * What an element's class and id say, as flags. Pages repeat the same class strings hundreds of times, so
     * the regular expressions run once per distinct string per page.
     */
    private int nameFlags(Element e) {
        String c = e.className();
        String id = e.id();
        if (c.isEmpty() && id.isEmpty()) return 0;
        String key = id.isEmpty() ? c : c + '\u0001' + id;
        Integer cached = nameCache.get(key);
        if (cached != null) return cached;
        int f = 0;
        String lc = c.toLowerCase(Locale.ROOT);
        String lid = id.toLowerCase(Locale.ROOT);
        if (!lc.isEmpty()) {
            if (NEGATIVE.matcher(lc).find()) f |= NEG_CLASS;
            if (POSITIVE.matcher(lc).find()) f |= POS_CLASS;
        }
        if (!lid.isEmpty()) {
            if (NEGATIVE.matcher(lid).find()) f |= NEG_ID;
            if (POSITIVE.matcher(lid).find()) f |= POS_ID;
        }
        String n = lc + " " + lid;
        if (BODY_HINT.matcher(n).find()) f |= BODY;
        if (UNLIKELY.matcher(n).find() && !MAYBE.matcher(n).find()) f |= UNLIKELY_NAME;
        if (BOILERPLATE.matcher(splitCamel(e)).find() && !BOILERPLATE_OVERRIDE.matcher(n).find()) f |= FURNITURE_NAME;
        nameCache.put(key, f);
        return f;
    }

    private double classWeight(Element e) {
        double w = 0;
        int f = nameFlags(e);
        if ((f & NEG_CLASS) != 0) w -= 25;
        if ((f & POS_CLASS) != 0) w += 25;
        if ((f & NEG_ID) != 0) w -= 25;
        if ((f & POS_ID) != 0) w += 25;
        if ((f & BODY) != 0) w += 30;
        if ("articleBody".equals(e.attr("itemprop"))) w += 40;
        if (e.normalName().equals("article")) w += 10;
        return w;
    }

    /** Whether the element or an ancestor is navigation, a sidebar, a footer or alike; memoised per element. */
    private boolean isUnlikely(Element e) {
        // Iterative, not recursive: broken pages nest thousands deep.
        List<Element> chain = new ArrayList<>();
        boolean result = false;
        for (Element a = e; a != null && !a.normalName().equals("body"); a = a.parent()) {
            Stat st = stats.get(a);
            if (st == null) break;
            if (st.unlikely != 0) {
                result = st.unlikely == 2;
                break;
            }
            chain.add(a);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            Element a = chain.get(i);
            Stat st = stats.get(a);
            result = result || unlikelySelf(a, st);
            st.unlikely = (byte) (result ? 2 : 1);
        }
        return result;
    }

    private boolean unlikelySelf(Element a, Stat st) {
        // A wrapper holding most of the page is the page, whatever its name says.
        if (st.text * 2 >= pageText) return false;
        String tag = a.normalName();
        if (tag.equals("aside") || tag.equals("nav") || tag.equals("footer")) return true;
        String role = a.attr("role");
        if (role.equals("complementary") || role.equals("navigation") || role.equals("banner") || role.equals("contentinfo")) {
            return true;
        }
        return (nameFlags(a) & UNLIKELY_NAME) != 0;
    }

    private @Nullable Element pickTop(Element body) {
        Element top = null;
        double best = Double.NEGATIVE_INFINITY;
        List<Element> candidates = new ArrayList<>();
        for (Map.Entry<Element, Stat> en : stats.entrySet()) {
            Stat st = en.getValue();
            if (!st.candidate) continue;
            st.score *= 1 - linkDensity(st);
            candidates.add(en.getKey());
        }
        for (Element c : candidates) {
            double s = stats.get(c).score;
            if (s > best) {
                best = s;
                top = c;
            }
        }
        if (top == null) return body;
        // When several strong candidates share an ancestor (an article split into blocks by ads or
        // pull quotes), the ancestor is the article.
        List<Element> alternatives = new ArrayList<>();
        for (Element c : candidates) {
            if (c != top && stats.get(c).score >= best * 0.75) alternatives.add(c);
        }
        if (alternatives.size() >= 2) {
            Element parent = top.parent();
            while (parent != null && !parent.normalName().equals("body")) {
                int contained = 0;
                for (Element alt : alternatives) if (isAncestor(parent, alt)) contained++;
                if (contained >= 2) {
                    top = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        // Climb while the parent holds more article than the top alone (Readability's lastScore walk).
        Element parent = top.parent();
        double last = stats.get(top).score;
        double threshold = last / 3;
        while (parent != null && !parent.normalName().equals("body")) {
            Stat ps = stats.get(parent);
            if (ps == null || !ps.candidate) {
                parent = parent.parent();
                continue;
            }
            if (ps.score < threshold) break;
            if (ps.score > last) {
                top = parent;
                break;
            }
            last = ps.score;
            parent = parent.parent();
        }
        // A single-child wrapper adds nothing but is where siblings live; step up through it.
        while (top.parent() != null && !top.parent().normalName().equals("body") && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    private static boolean isAncestor(Element a, Element b) {
        for (Element p = b.parent(); p != null; p = p.parent()) if (p == a) return true;
        return false;
    }

    private double linkDensity(Stat st) {
        return st.text == 0 ? 0 : (double) st.link / st.text;
    }

    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) return List.of(top);
        Stat ts = stats.get(top);
        double threshold = Math.max(10, ts.score * 0.2);
        String topClass = top.className();
        List<Element> out = new ArrayList<>();
        for (Element sib : parent.children()) {
            if (sib == top) {
                out.add(sib);
                continue;
            }
            Stat ss = stats.get(sib);
            if (ss == null || ss.text == 0) continue;
            double bonus = !topClass.isEmpty() && sib.className().equals(topClass) ? ts.score * 0.2 : 0;
            boolean append = ss.candidate && ss.score + bonus >= threshold && !isBoilerplate(sib);
            // More of the same container, or a block of plain paragraphs too deep for the score to reach.
            if (!append && !isBoilerplate(sib) && linkDensity(ss) < 0.3
                    && bonus > 0 && ss.ptext > 200) {
                append = true;
            }
            if (!append && sib.normalName().equals("p")) {
                double ld = linkDensity(ss);
                if (ss.text > 80 && ld < 0.25) append = true;
                else if (ss.text > 0 && ss.text <= 80 && ld == 0 && ss.commas > 0) append = true;
            }
            if (append) out.add(sib);
        }
        return out;
    }

    // ---------------------------------------------------------------- pass 2: emit paragraphs

    private boolean isBoilerplate(Element e) {
        String tag = e.normalName();
        switch (tag) {
            case "nav", "aside", "footer", "figcaption", "figure", "form", "button", "select", "label", "header", "caption", "menu" -> {
                return true;
            }
            default -> { }
        }
        String role = e.attr("role");
        if (!role.isEmpty() && (role.equals("navigation") || role.equals("complementary") || role.equals("banner")
                || role.equals("contentinfo") || role.equals("dialog") || role.equals("alert") || role.equals("menu"))) {
            return true;
        }
        return (nameFlags(e) & FURNITURE_NAME) != 0;
    }

    private void emit(Element root, List<String> out, boolean isRoot) {
        StringBuilder cur = new StringBuilder();
        walk(root, out, cur, isRoot);
        flush(out, cur);
    }

    private void walk(Element e, List<String> out, StringBuilder cur, boolean isRoot) {
        String tag = e.normalName();
        Stat st = stats.get(e);
        if (st == null || st.text == 0) return;
        if (!isRoot && !lenient && skip(e, st)) return;
        boolean block = BLOCKS.contains(tag);
        if (block) flush(out, cur);
        if (block) debugBlock = e;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                appendText(cur, t.getWholeText());
            } else if (child instanceof Element c) {
                if (c.normalName().equals("br")) {
                    // Two breaks in a row separate paragraphs in old templates.
                    Node next = c.nextSibling();
                    while (next instanceof TextNode tn && tn.isBlank()) next = next.nextSibling();
                    if (next instanceof Element ne && ne.normalName().equals("br")) flush(out, cur);
                    else if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ') cur.append(' ');
                } else {
                    walk(c, out, cur, false);
                }
            }
        }
        if (block) {
            if (!cur.isEmpty()) {
                String text = cur.toString().strip();
                double share = linkDensity(st);
                if (Furniture.opensTeaserList(text)) {
                    teaserRun = true;
                    cur.setLength(0);
                } else if (Furniture.isFurniture(text, share) || teaserRun && share >= 0.8) {
                    cur.setLength(0);
                } else if (!text.isEmpty()) {
                    teaserRun = false;
                }
            }
            flush(out, cur);
        }
    }

    private boolean skip(Element e, Stat st) {
        String tag = e.normalName();
        if (isBoilerplate(e)) {
            // A block holding most of the article's text is a wrapper with an unlucky name, not furniture.
            return st.text * 2 < rootText;
        }
        if (tag.equals("h1") && title != null) {
            return true;
        }
        double ld = linkDensity(st);
        switch (tag) {
            case "ul", "ol", "dl", "table", "div", "section" -> {
                if (ld > 0.5 && st.text < 2000) return true;
                if (ld > 0.33 && st.commas < 3 && st.text < 600 && !tag.equals("table")) return true;
            }
            case "li" -> {
                if (ld > 0.8) return true;
            }
            default -> { }
        }
        return false;
    }

    private static void appendText(StringBuilder cur, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
                if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ') cur.append(' ');
            } else {
                cur.append(c);
            }
        }
    }

    private void flush(List<String> out, StringBuilder cur) {
        if (cur.isEmpty()) return;
        String p = cur.toString().strip();
        cur.setLength(0);
        if (p.isEmpty()) return;
        if (p.length() < 80 && Furniture.MARKER.matcher(p).matches()) return;
        if (DEBUG && debugBlock != null) {
            StringBuilder path = new StringBuilder();
            for (Element a = debugBlock; a != null && a.parent() != null; a = a.parent()) path.insert(0, " > " + a.normalName() + "." + a.className().replace(' ', '.'));
            System.err.println("EMIT " + p.substring(0, Math.min(50, p.length())) + "  @" + path.substring(Math.max(0, path.length() - 170)));
        }
        out.add(p);
    }

    // ---------------------------------------------------------------- helpers

    private static int visibleLength(String s) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) n++;
                space = true;
            } else {
                n++;
                space = false;
            }
        }
        return n;
    }

    private static int countCommas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') n++;
        }
        return n;
    }
}
