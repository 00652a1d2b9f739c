package org.worldwire.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
        int controls;   // form controls (inputs, buttons) that the cleaner removed from this subtree
        int runs;       // text nodes with visible text
        int maxRun;     // visible length of the longest of them
        int breaks;     // block elements and line breaks inside: how many lines the text is cut into
    }

    private final Map<Element, Stat> stats = new IdentityHashMap<>();
    /** The measured elements in document order: ties between candidates go to the first, the same on every run. */
    private final List<Element> order = new ArrayList<>();
    private final Map<String, Integer> nameCache = new HashMap<>();
    private final @Nullable String title;
    private final Set<Element> controls;
    private final List<Element> paragraphs = new ArrayList<>();
    private int pageText;
    private int rootText;
    private boolean lenient;
    private boolean teaserRun;
    private int curLink; // characters of the paragraph being built that came from link text
    private List<Element> parts = List.of();
    private @Nullable String partsText; // the parts' text, read once when a pull quote needs it
    /** The best-scoring block and its ancestors: the heart of the article, never dropped as furniture. */
    private final Set<Element> coreChain = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private BodyExtractor(@Nullable String title, Set<Element> controls) {
        this.title = title;
        this.controls = controls;
    }

    /** @param controls elements that held form controls before cleaning (see {@link Cleaner#clean}) */
    static List<String> extract(Element body, @Nullable String title, Set<Element> controls) {
        return new BodyExtractor(title, controls).run(body);
    }

    private List<String> run(Element body) {
        measure(body);
        Element top = pickTop(body);
        if (top == null) return List.of();
        top = widenShortWinner(top, body);
        List<Element> parts = withSiblings(top);
        List<String> out = new ArrayList<>();
        // "Most of the article" is measured against all parts: a small sibling taken along (an author's line
        // under the text) must not count its furniture as most of the article.
        rootText = 0;
        for (Element part : parts) rootText += stats.get(part).text;
        this.parts = parts;
        for (Element part : parts) emit(part, out, true);
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
                if (node instanceof Element e) {
                    stats.put(e, new Stat());
                    order.add(e);
                }
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
                    ps.runs++;
                    if (len > ps.maxRun) ps.maxRun = len;
                } else if (node instanceof Element e) {
                    Stat st = stats.get(e);
                    String tag = e.normalName();
                    if (tag.equals("a")) st.link = st.text;
                    if (!controls.isEmpty() && controls.contains(e)) st.controls++;
                    Element parent = e.parent();
                    if (parent != null) {
                        Stat ps = stats.get(parent);
                        if (ps != null) {
                            ps.text += st.text;
                            ps.link += st.link;
                            ps.controls += st.controls;
                            ps.runs += st.runs;
                            if (st.maxRun > ps.maxRun) ps.maxRun = st.maxRun;
                            boolean breaksLine = BLOCKS.contains(tag) || tag.equals("br");
                            ps.breaks += st.breaks + (breaksLine ? 1 : 0);
                            if (!breaksLine) {
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

    /**
     * Whether an id is the slug of the element's heading: its own text for a heading, else the text of a
     * heading that is its first child. Compared letter and digit runs only, so any separator and case match.
     */
    private static boolean isHeadingSlug(Element e, String id) {
        Element h = HEADINGS.contains(e.normalName()) ? e : e.firstElementChild();
        if (h == null || !HEADINGS.contains(h.normalName())) return false;
        String slug = lettersAndDigits(id);
        return slug.length() >= 6 && lettersAndDigits(h.text()).startsWith(slug);
    }

    private static String lettersAndDigits(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char ch = s.charAt(i);
            if (Character.isLetterOrDigit(ch)) b.append(Character.toLowerCase(ch));
        }
        return b.toString();
    }

    /** Class and id with camelCase words split ("imageEmbedCaption" reads "image-embed-caption"), lower case. */
    private static String splitCamel(String raw) {
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

    private static final int NEG_CLASS = 1, POS_CLASS = 2, NEG_ID = 4, POS_ID = 8, BODY = 16, UNLIKELY_NAME = 32, FURNITURE_NAME = 64;

    /**
     * What an element's class and id say, as flags. Pages repeat the same class strings hundreds of times, so
     * the regular expressions run once per distinct string per page.
     */
    private int nameFlags(Element e) {
        String c = e.className();
        String id = e.id();
        // An id made from the section's own heading ("sharing-with-a-single-developer", as documentation
        // generators and Markdown renderers write them) repeats the content's words, not the block's role.
        if (!id.isEmpty() && isHeadingSlug(e, id)) id = "";
        if (c.isEmpty() && id.isEmpty()) return 0;
        String key = id.isEmpty() ? c : c + '\u0001' + id;
        Integer cached = nameCache.get(key);
        if (cached != null) return cached;
        int f = 0;
        String lc = c.toLowerCase(Locale.ROOT);
        String lid = id.toLowerCase(Locale.ROOT);
        if (!lc.isEmpty()) {
            if (Names.negative(lc)) f |= NEG_CLASS;
            if (Names.containsAny(lc, Names.POSITIVE)) f |= POS_CLASS;
        }
        if (!lid.isEmpty()) {
            if (Names.negative(lid)) f |= NEG_ID;
            if (Names.containsAny(lid, Names.POSITIVE)) f |= POS_ID;
        }
        String n = lc + " " + lid;
        if (Names.containsAny(n, Names.BODY_HINT)) f |= BODY;
        if (Names.containsAny(n, Names.UNLIKELY) && !Names.containsAny(n, Names.MAYBE)) f |= UNLIKELY_NAME;
        if (Names.furnitureWords(splitCamel(c + " " + id)) && !Names.containsAny(n, Names.FURNITURE_OVERRIDE)) f |= FURNITURE_NAME;
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
        // Teasers under their label are other articles however much of the page their excerpts fill.
        if (headedAsTeasers(a)) return true;
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

    /**
     * A block whose first element is a heading that announces teasers ("You may also like", "Related posts",
     * "Lesen Sie auch"): the list of other articles under it, however long their excerpts, is not this one.
     */
    private static boolean headedAsTeasers(Element e) {
        Element first = e.firstElementChild();
        if (first == null || !HEADINGS.contains(first.normalName())) return false;
        String label = first.text();
        return !label.isEmpty() && Furniture.opensTeaserList(label);
    }

    private @Nullable Element pickTop(Element body) {
        Element top = null;
        double best = Double.NEGATIVE_INFINITY;
        List<Element> candidates = new ArrayList<>();
        for (Element e : order) {
            Stat st = stats.get(e);
            if (!st.candidate) continue;
            st.score *= 1 - linkDensity(st);
            candidates.add(e);
        }
        for (Element c : candidates) {
            double s = stats.get(c).score;
            if (s > best) {
                best = s;
                top = c;
            }
        }
        if (top == null) return body;
        for (Element a = top; a != null; a = a.parent()) coreChain.add(a);
        // When several strong candidates share an ancestor (an article split into blocks by ads or
        // pull quotes), the ancestor is the article.
        List<Element> alternatives = new ArrayList<>();
        for (Element c : candidates) {
            // A wrapper around the top, or a block inside it, is the same article measured again, not another part.
            if (c != top && stats.get(c).score >= best * 0.75 && !isAncestor(c, top) && !isAncestor(top, c)) {
                alternatives.add(c);
            }
        }
        // A part and its own wrapper are one part: the outermost stands for it.
        List<Element> otherParts = new ArrayList<>();
        for (Element c : alternatives) if (alternatives.stream().noneMatch(o -> o != c && isAncestor(o, c))) otherParts.add(c);
        int needed = Math.min(2, otherParts.size());
        if (needed >= 1) {
            // Only ancestors inside the measured tree: when the top is the body itself (paragraphs written
            // straight into <body>), there is no wrapper to climb to; <html> and the document have no measurements.
            Element parent = top.parent();
            while (parent != null && stats.containsKey(parent) && !parent.normalName().equals("body")) {
                int contained = 0;
                for (Element part : otherParts) if (isAncestor(parent, part)) contained++;
                if (contained >= needed) {
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
        while (top.parent() != null && stats.containsKey(top.parent()) && !top.parent().normalName().equals("body")
                && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /**
     * A short winner inside a block that holds several times its paragraph text, at a low link density, is one
     * card of a page made of cards (a product or documentation landing page: each feature a heading, a line
     * and a link); the block holding the cards is the content.
     */
    private Element widenShortWinner(Element top, Element body) {
        Stat ts = stats.get(top);
        if (ts.text >= 500) return top;
        Element a = top.parent();
        for (int level = 0; level < 3 && a != null && a != body && stats.containsKey(a); level++, a = a.parent()) {
            Stat as = stats.get(a);
            if (as.ptext >= 3 * Math.max(ts.ptext, 150) && linkDensity(as) < 0.3 && !isUnlikely(a)) return a;
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
        int wrappedParagraphs = 0;
        for (Element sib : parent.children()) if (sib != top && wrapsOneParagraph(sib)) wrappedParagraphs++;
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
            // A template that wraps each paragraph in a block of its own ("firstPar", "secondPar") writes its
            // paragraphs as such blocks; one wrapped paragraph alone is more often a box after the article.
            boolean wrapped = wrappedParagraphs >= 2 && wrapsOneParagraph(sib);
            if (!append && (sib.normalName().equals("p") || wrapped)) {
                double ld = linkDensity(ss);
                if (ss.text > 80 && ld < 0.25) append = true;
                else if (ss.text > 0 && ss.text <= 80 && ld == 0 && ss.commas > 0) append = true;
            }
            if (append && isRecordList(sib, ss)) append = false;
            if (append) out.add(sib);
        }
        return out;
    }

    /** Whether a block only wraps one {@code <p>}: a single child paragraph and no text of its own. */
    private boolean wrapsOneParagraph(Element block) {
        Stat bs = stats.get(block);
        return bs != null && block.childrenSize() == 1 && bs.inlineText == 0 && !isBoilerplate(block)
                && block.child(0).normalName().equals("p");
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
        return (nameFlags(e) & FURNITURE_NAME) != 0 || headedAsTeasers(e);
    }

    private void emit(Element root, List<String> out, boolean isRoot) {
        StringBuilder cur = new StringBuilder();
        walk(root, out, cur, isRoot);
        dropIfFurniture(cur);
        flush(out, cur);
    }

    private void walk(Element e, List<String> out, StringBuilder cur, boolean isRoot) {
        String tag = e.normalName();
        Stat st = stats.get(e);
        if (st == null) return;
        if (st.text == 0) {
            // An inline element holding only a space ("libertés<strong> </strong>(CNIL)") still parts two words.
            if (!isRoot && !BLOCKS.contains(tag) && !e.wholeText().isEmpty()) appendText(cur, " ");
            return;
        }
        if (!isRoot && !lenient && skip(e, st, out.isEmpty() && cur.isEmpty())) return;
        boolean block = BLOCKS.contains(tag);
        if (block) {
            // Loose text before a block (a date line or a tag list written straight into the container) is a
            // paragraph of its own, as much a candidate for furniture as a block's.
            dropIfFurniture(cur);
            flush(out, cur);
        }
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                appendText(cur, t.getWholeText());
            } else if (child instanceof Element c) {
                if (c.normalName().equals("br")) {
                    // Two breaks in a row separate paragraphs in old templates.
                    Node next = c.nextSibling();
                    while (next instanceof TextNode tn && tn.isBlank()) next = next.nextSibling();
                    if (next instanceof Element ne && ne.normalName().equals("br")) {
                        // A paragraph of a <br>-separated body: as much a candidate for furniture as a block.
                        dropIfFurniture(cur);
                        flush(out, cur);
                    }
                    else if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ') cur.append(' ');
                } else if (c.normalName().equals("a")) {
                    int before = cur.length();
                    walk(c, out, cur, false);
                    if (cur.length() > before) curLink += cur.length() - before;
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

    private void dropIfFurniture(StringBuilder cur) {
        if (lenient || cur.isEmpty()) return;
        String text = cur.toString().strip();
        if (text.isEmpty()) return;
        if (Furniture.isFurniture(text, Math.min(1.0, (double) curLink / text.length()))) cur.setLength(0);
    }

    /** @param atStart nothing of the article has been emitted yet */
    private boolean skip(Element e, Stat st, boolean atStart) {
        // A wrapper of the best-scoring block holds the article: links or a furniture-like name beside the text
        // (a short report with a "listen" link and its tags) do not make it a link list.
        if (coreChain.contains(e)) return false;
        String tag = e.normalName();
        if (isBoilerplate(e) && !isContentRecord(e, tag) && !isOwnPullQuote(e) && !isEmbeddedPost(e)) {
            // A block holding most of the article's text is a wrapper with an unlucky name, not furniture. An
            // inline element inside running text (a glossary or footnote link styled as a "popup") is words of
            // the sentence: dropping it would cut holes into the paragraph.
            return st.text * 2 < rootText && !withinRunningText(e, tag);
        }
        // A small box that held an input field: a search, sign-up or comment form, whatever its language.
        if (st.controls > 0 && st.text < 400 && st.text * 4 < rootText) return true;
        if (isPanel(e, st)) return true;
        if (tag.equals("h1") && title != null) {
            // The headline is reported as the title, not as body text. Pages that use <h1> for every section
            // (HTML's sectioning outline, book and documentation chapters) keep their later section headings.
            return atStart || isTitle(e.text());
        }
        double ld = linkDensity(st);
        // A table's header row labels the columns of the data below it, even when each label is a link.
        if (tag.equals("tr") && isHeaderRow(e)) return false;
        switch (tag) {
            case "ul", "ol", "dl", "table", "div", "section", "tr" -> {
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

    /**
     * A block styled as a pull quote whose words the article does not say elsewhere: some publishing systems style
     * an emphasised passage of the text that way. A true pull quote repeats a sentence of the article.
     */
    private boolean isOwnPullQuote(Element e) {
        String names = (e.className() + ' ' + e.id()).toLowerCase(Locale.ROOT);
        if (!names.contains("pullquote") && !names.contains("pull-quote")) return false;
        String quote = e.text().strip();
        if (quote.length() < 20) return false;
        if (partsText == null) {
            StringBuilder b = new StringBuilder();
            for (Element part : parts) b.append(part.text()).append(' ');
            partsText = b.toString();
        }
        String probe = quote.substring(0, Math.min(60, quote.length()));
        int first = partsText.indexOf(probe);
        return first >= 0 && partsText.indexOf(probe, first + 1) < 0;
    }

    /**
     * A post of a social network quoted in the article (a tweet, an Instagram, Mastodon or Bluesky post): the embed
     * code is a blockquote that holds the post's words, which the story quotes, inside a block named for social media.
     */
    private static boolean isEmbeddedPost(Element e) {
        boolean quoteItself = e.normalName().equals("blockquote");
        // Only a block named for a post or a medium is searched for its quote: furniture is most of a page.
        if (!quoteItself && !EMBED_WRAPPER.matcher(e.className()).find()) return false;
        Element quote = quoteItself ? e : e.selectFirst("blockquote");
        if (quote == null) return false;
        return EMBED_QUOTE.matcher(quote.className() + ' ' + e.className()).find() && quote.text().length() >= 40;
    }

    private static final java.util.regex.Pattern EMBED_WRAPPER =
            java.util.regex.Pattern.compile("(?i)social|embed|tweet|instagram|tiktok|bluesky|mastodon|video");
    private static final java.util.regex.Pattern EMBED_QUOTE =
            java.util.regex.Pattern.compile("(?i)tweet|instagram|tiktok|bluesky|mastodon|embed");

    /** Whether a heading repeats the page title, which often carries the site name around the headline. */
    private boolean isTitle(String heading) {
        if (title == null) return false;
        String h = lettersAndDigits(heading);
        String t = lettersAndDigits(title);
        return !h.isEmpty() && (t.contains(h) || h.contains(t));
    }

    /** An inline element with words of its own paragraph right before or after it. */
    private static boolean withinRunningText(Element e, String tag) {
        if (BLOCKS.contains(tag)) return false;
        return hasWords(e.previousSibling()) || hasWords(e.nextSibling());
    }

    private static boolean hasWords(@Nullable Node n) {
        if (!(n instanceof TextNode t)) return false;
        String s = t.getWholeText();
        int letters = 0;
        for (int i = 0; i < s.length() && letters < 3; i++) if (Character.isLetter(s.charAt(i))) letters++;
        return letters >= 3;
    }

    /** A row in {@code <thead>}, or one whose cells are all header cells. */
    private static boolean isHeaderRow(Element tr) {
        Element parent = tr.parent();
        if (parent != null && parent.normalName().equals("thead")) return true;
        int th = 0;
        for (Element cell : tr.children()) {
            if (cell.normalName().equals("th")) th++;
            else if (cell.hasText()) return false;
        }
        return th >= 2;
    }

    /**
     * A panel of short labelled lines beside the text it belongs to: a forum post's user panel (name, rank,
     * "joined", post count), a product's stock and price box, a byline card. Its text comes in many short runs
     * cut into lines, and a sibling holds much more text. Language-independent: only lengths and structure.
     */
    private boolean isPanel(Element e, Stat st) {
        String tag = e.normalName();
        if (!(tag.equals("div") || tag.equals("dl") || tag.equals("td") || tag.equals("section"))) return false;
        if (st.runs < 3 || st.breaks < 3 || st.maxRun > 40 || st.text > 300 || st.text * 4 >= rootText) return false;
        // Short lines in a list or a table are the list's items (ingredients, specifications), not a panel.
        if (e.selectFirst("li, tr") != null) return false;
        Element parent = e.parent();
        if (parent == null) return false;
        // A block whose template repeats beside it is one record of a series (a how-to's steps, a list of
        // entries), and a short record of that series is content, not a panel beside it.
        for (Element sib : parent.children()) {
            if (sib != e && sameKind(sib, e)) return false;
        }
        for (Element sib : parent.children()) {
            if (sib == e) continue;
            Stat ss = stats.get(sib);
            if (ss != null && ss.text > st.text * 2 && ss.maxRun > 60) return true;
        }
        return false;
    }

    /**
     * A block whose name sounds like furniture ("item item-image") but whose family class, the first of its
     * classes, it shares with a sibling of the same tag that is not furniture and holds paragraph text: one
     * record of the content's own series (a list article's items), the furniture word only says what it shows.
     */
    private boolean isContentRecord(Element e, String tag) {
        if (!tag.equals("div") && !tag.equals("section") && !tag.equals("li")) return false;
        if (!e.attr("role").isEmpty()) return false;
        String family = familyClass(e.className());
        if (family.isEmpty()) return false;
        Element parent = e.parent();
        if (parent == null || parent.childrenSize() > 200) return false;
        for (Element sib : parent.children()) {
            if (sib == e || !sib.normalName().equals(tag) || !family.equals(familyClass(sib.className()))) continue;
            Stat ss = stats.get(sib);
            if (ss != null && ss.ptext > 0 && !isBoilerplate(sib)) return true;
        }
        return false;
    }

    private static String familyClass(String className) {
        String c = className.strip();
        int sp = c.indexOf(' ');
        return sp < 0 ? c : c.substring(0, sp);
    }

    /** Same tag and the same non-empty class: blocks a template repeats. */
    private static boolean sameKind(Element a, Element b) {
        String k = kindOf(a);
        return k != null && k.equals(kindOf(b));
    }

    /** The template an element comes from, as its tag and class; null for an element without a class. */
    private static @Nullable String kindOf(Element e) {
        String c = e.className();
        return c.isEmpty() ? null : e.normalName() + ' ' + c; // a tag name holds no space
    }

    /**
     * Whether a block is a list of short records of one kind (comments, teasers, cards): two or more children
     * with the same tag and class, each short, holding most of its text. More of the article is paragraphs.
     */
    private boolean isRecordList(Element e, Stat st) {
        Map<String, int[]> kinds = new HashMap<>();
        for (Element c : e.children()) {
            String tag = c.normalName();
            String kind = kindOf(c);
            if (tag.equals("p") || kind == null) continue;
            Stat cs = stats.get(c);
            if (cs == null || cs.text == 0) continue;
            int[] k = kinds.computeIfAbsent(kind, x -> new int[3]);
            k[0]++;
            k[1] += cs.text;
            if (cs.text >= 300) k[2]++;
        }
        for (int[] k : kinds.values()) {
            if (k[0] >= 2 && k[2] == 0 && k[1] * 2 >= st.text) return true;
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
        curLink = 0;
        if (cur.isEmpty()) return;
        String p = cur.toString().strip();
        cur.setLength(0);
        if (p.isEmpty()) return;
        if (p.length() < 80 && Furniture.MARKER.matcher(p).matches()) return;
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
