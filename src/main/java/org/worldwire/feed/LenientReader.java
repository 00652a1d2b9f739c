package org.worldwire.feed;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * The recovery path for documents that are not well-formed: jsoup's forgiving XML tree builder (which closes what
 * a truncated document left open and decodes HTML named entities), walked iteratively with namespace prefixes
 * resolved by hand, so the same {@link FeedBuilder} maps it. Prefixes a feed forgot to declare are guessed from
 * their usual names.
 */
final class LenientReader {
    private LenientReader() {}

    /** Tag names are never this long in a real document; jsoup's tokeniser is slow on them. */
    static final int MAX_TAG_NAME = 1000;

    /** True when some tag name is longer than {@link #MAX_TAG_NAME}: such input must not reach the recovery parser. */
    static boolean hasAbsurdTagName(String text) {
        int n = text.length();
        int i = text.indexOf('<');
        while (i >= 0) {
            int p = i + 1;
            if (p < n && text.charAt(p) == '/') p++;
            int start = p;
            while (p < n) {
                char c = text.charAt(p);
                if (c <= ' ' || c == '>' || c == '/' || c == '<') break;
                p++;
            }
            if (p - start > MAX_TAG_NAME) return true;
            i = text.indexOf('<', Math.max(p, i + 1));
        }
        return false;
    }

    static void read(String text, XmlSink sink, InternalEntities entities) {
        Parser parser = Parser.xmlParser();
        Document doc = parser.parseInput(escapeStrayMarkup(withHtml4References(text, entities)), "");
        NodeTraversor.traverse(new Walker(sink, entities), doc);
    }

    /**
     * jsoup decodes named references itself, with HTML5's table, before the walker sees the text. So the references
     * the document declares in its internal subset are expanded first (as text: their replacement is escaped), and
     * the few names HTML 4.01 maps elsewhere (see {@link HtmlText#HTML4_DIFFERENCES}) are written as numeric
     * references.
     */
    static String withHtml4References(String text, InternalEntities entities) {
        int amp = text.indexOf('&');
        if (amp < 0) return text;
        boolean declared = !entities.names().isEmpty();
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        // One pass over the references: a document may declare many entities, and must not cost a scan for each.
        for (; amp >= 0; amp = text.indexOf('&', amp + 1)) {
            int semi = -1;
            for (int i = amp + 1, max = Math.min(n, amp + 102); i < max; i++) {
                char c = text.charAt(i);
                if (c == ';') {
                    semi = i;
                    break;
                }
                if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) break;
            }
            if (semi <= amp + 1) continue;
            String name = text.substring(amp + 1, semi);
            String replacement = null;
            if (declared && entities.names().contains(name)) {
                String value = entities.expand(name);
                if (value != null) replacement = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            } else {
                String html4 = HtmlText.HTML4_DIFFERENCES.get(name);
                if (html4 != null) replacement = "&#" + html4.codePointAt(0) + ";";
            }
            if (replacement == null) continue;
            if (out == null) out = new StringBuilder(n + 64);
            out.append(text, copied, amp).append(replacement);
            copied = semi + 1;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    private static final String[] DECLARATIONS = {"doctype", "entity", "element", "attlist", "notation"};

    /**
     * Escapes each "<" that can begin no XML markup (XML 1.0 §2.4: "<" is markup's start delimiter and must
     * otherwise be escaped): one not followed by a name, "/" and a name, "?", a comment, a CDATA section or a
     * declaration. Such text ("<!'", "a < b") is what a feed's author meant as text, and left alone it makes the
     * recovery parser swallow what follows as a bogus declaration. Comments and CDATA sections are skipped over.
     */
    static String escapeStrayMarkup(String text) {
        int i = text.indexOf('<');
        if (i < 0) return text;
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        while (i >= 0) {
            int skipTo = -1;
            if (text.startsWith("<!--", i)) {
                skipTo = text.indexOf("-->", i + 4);
                if (skipTo < 0) break;
                skipTo += 3;
            } else if (text.startsWith("<![CDATA[", i)) {
                skipTo = text.indexOf("]]>", i + 9);
                if (skipTo < 0) break;
                skipTo += 3;
            } else if (!beginsMarkup(text, i, n)) {
                if (out == null) out = new StringBuilder(n + 64);
                out.append(text, copied, i).append("&lt;");
                copied = i + 1;
            }
            i = text.indexOf('<', skipTo >= 0 ? skipTo : i + 1);
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    private static boolean beginsMarkup(String text, int lt, int n) {
        if (lt + 1 >= n) return false;
        char c = text.charAt(lt + 1);
        if (c == '?' || isNameStart(c)) return true;
        if (c == '/') return lt + 2 < n && isNameStart(text.charAt(lt + 2));
        if (c == '!') {
            for (String d : DECLARATIONS) {
                if (text.regionMatches(true, lt + 2, d, 0, d.length())) return true;
            }
        }
        return false;
    }

    /** XML 1.0 NameStartChar, near enough: a letter (of any script), "_" or ":". */
    private static boolean isNameStart(char c) {
        return c == '_' || c == ':' || Character.isLetter(c);
    }

    private static final class Walker implements NodeVisitor {
        private final XmlSink sink;
        /** Namespace declarations in scope: prefix, uri, element depth. */
        private final List<String[]> decls = new ArrayList<>();
        private final List<Integer> declDepths = new ArrayList<>();
        private final JsoupAttrs attrs = new JsoupAttrs();

        private final InternalEntities entities;

        Walker(XmlSink sink, InternalEntities entities) {
            this.sink = sink;
            this.entities = entities;
        }

        @Override
        public void head(Node node, int depth) {
            if (sink.full()) return;
            if (node instanceof Element el && !(node instanceof Document)) {
                for (Attribute a : el.attributes()) {
                    String k = a.getKey();
                    if (k.equals("xmlns")) declare("", a.getValue(), depth);
                    else if (k.startsWith("xmlns:")) declare(k.substring(6), a.getValue(), depth);
                }
                String tag = el.tagName();
                int colon = tag.indexOf(':');
                String prefix = colon > 0 ? tag.substring(0, colon) : "";
                String local = colon > 0 ? tag.substring(colon + 1) : tag;
                String ns = lookup(prefix);
                attrs.reset(el, this);
                sink.start(ns == null ? "" : ns, local, attrs);
            } else if (node instanceof TextNode t) {
                sink.text(entities.replaceIn(t.getWholeText()));
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element && !(node instanceof Document)) {
                if (!sink.full()) sink.end();
                while (!declDepths.isEmpty() && declDepths.getLast() >= depth) {
                    declDepths.removeLast();
                    decls.removeLast();
                }
            }
        }

        private void declare(String prefix, String uri, int depth) {
            decls.add(new String[] {prefix, uri.strip()});
            declDepths.add(depth);
        }

        @Nullable String lookup(String prefix) {
            for (int i = decls.size() - 1; i >= 0; i--) {
                if (decls.get(i)[0].equals(prefix)) return decls.get(i)[1];
            }
            if (prefix.isEmpty()) return "";
            if (prefix.equals("xml")) return Namespaces.XML_NS;
            return Namespaces.guess(prefix);
        }
    }

    private static final class JsoupAttrs implements XmlSink.Attributes {
        private final List<String> ns = new ArrayList<>();
        private final List<String> local = new ArrayList<>();
        private final List<String> value = new ArrayList<>();

        void reset(Element el, Walker w) {
            ns.clear();
            local.clear();
            value.clear();
            for (Attribute a : el.attributes()) {
                String k = a.getKey();
                if (k.equals("xmlns") || k.startsWith("xmlns:")) continue;
                int colon = k.indexOf(':');
                String prefix = colon > 0 ? k.substring(0, colon) : "";
                String uri = prefix.isEmpty() ? "" : w.lookup(prefix);
                ns.add(uri == null ? "" : uri);
                local.add(colon > 0 ? k.substring(colon + 1) : k);
                value.add(a.getValue());
            }
        }

        @Override
        public int count() {
            return local.size();
        }

        @Override
        public String namespace(int i) {
            return ns.get(i);
        }

        @Override
        public String localName(int i) {
            return local.get(i);
        }

        @Override
        public String value(int i) {
            return value.get(i);
        }

        @Override
        public @Nullable String get(String localName) {
            for (int i = 0; i < local.size(); i++) {
                if (local.get(i).equalsIgnoreCase(localName) && ns.get(i).isEmpty()) return value.get(i);
            }
            return null;
        }

        @Override
        public @Nullable String xmlBase() {
            for (int i = 0; i < local.size(); i++) {
                if (local.get(i).equals("base") && ns.get(i).equals(Namespaces.XML_NS)) return value.get(i);
            }
            return null;
        }
    }
}
