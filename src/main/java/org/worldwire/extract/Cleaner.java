package org.worldwire.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Removes what is never article text: code, styles, embeds, form controls and hidden elements. Returns the
 * elements that held a form control: a small box with an input field is a search, sign-up or comment form in any
 * language, which the body extractor uses as evidence.
 */
final class Cleaner {
    private static final Set<String> DROP = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "input",
            "select", "textarea", "link", "meta", "map", "audio", "video", "source", "dialog", "math", "head", "option",
            "label");

    private Cleaner() {}

    private static final Set<String> CONTROLS = Set.of("input", "button", "select", "textarea");

    static Set<Element> clean(Document doc) {
        List<Element> drop = new ArrayList<>();
        Set<Element> controlParents = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e && (DROP.contains(e.normalName()) || hidden(e))) drop.add(e);
            }
        }, doc);
        for (Element e : drop) {
            if (CONTROLS.contains(e.normalName()) && !"hidden".equalsIgnoreCase(e.attr("type")) && e.parent() != null) {
                controlParents.add(e.parent());
            }
            e.remove();
        }
        return controlParents;
    }

    private static boolean hidden(Element e) {
        if (e.hasAttr("hidden")) return true;
        String style = e.attr("style");
        if (style.isEmpty()) return false;
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }
}
