package org.worldwire.feed;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * General entities declared with literal values in a document's internal DTD subset, expanded by this class
 * instead of the XML parser (whose DTD support stays off) under hard bounds: nesting depth, size of one expansion
 * and total expanded size per document. External (SYSTEM/PUBLIC) and parameter entities are never read.
 */
final class InternalEntities {
    static final InternalEntities NONE = new InternalEntities(Map.of());
    static final int MAX_DEPTH = 4;
    static final int MAX_EXPANSION = 4096;
    static final int MAX_TOTAL = 1 << 20;
    private static final int MAX_DECLARATIONS = 256;

    private static final Pattern DECLARATION =
            Pattern.compile("<!ENTITY\\s+([A-Za-z_][\\w.\\-]{0,100})\\s+(\"([^\"]{0,4096})\"|'([^']{0,4096})')\\s*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z_][\\w.\\-]{0,100});");

    private final Map<String, String> values;
    private int total;

    private InternalEntities(Map<String, String> values) {
        this.values = values;
    }

    /** The entities declared in the internal subset of the document's DOCTYPE, if it has one. */
    static InternalEntities of(String document) {
        int head = Math.min(document.length(), 4096);
        int doctype = document.substring(0, head).indexOf("<!DOCTYPE");
        if (doctype < 0) return NONE;
        int open = document.indexOf('[', doctype);
        int firstTag = document.indexOf('>', doctype);
        if (open < 0 || (firstTag >= 0 && firstTag < open)) return NONE;
        int close = document.indexOf("]>", open);
        if (close < 0) close = document.indexOf(']', open);
        if (close < 0 || close - open > 1 << 20) return NONE;
        return parse(document.substring(doctype, close));
    }

    /** Replaces references to declared entities left in text by a parser that did not know them. */
    String replaceIn(String text) {
        if (values.isEmpty() || text.indexOf('&') < 0) return text;
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String ref = m.group(1);
            if (!values.containsKey(ref)) continue;
            String v = expand(ref);
            if (v == null) break;
            if (out == null) out = new StringBuilder(text.length() + 64);
            out.append(text, last, m.start()).append(v);
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    static InternalEntities parse(@Nullable String doctype) {
        if (doctype == null || doctype.indexOf("<!ENTITY") < 0 || doctype.length() > 1 << 20) return NONE;
        Map<String, String> values = new HashMap<>();
        Matcher m = DECLARATION.matcher(doctype);
        while (m.find() && values.size() < MAX_DECLARATIONS) {
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            values.putIfAbsent(m.group(1), value);
        }
        return values.isEmpty() ? NONE : new InternalEntities(values);
    }

    /** The names the document declares. */
    java.util.Set<String> names() {
        return values.keySet();
    }

    /** The replacement text of a declared entity, or null when it was not declared (or the budget is spent). */
    @Nullable String expand(String name) {
        if (!values.containsKey(name) || total >= MAX_TOTAL) return null;
        StringBuilder out = new StringBuilder();
        expandInto(name, out, 0);
        total += out.length();
        return out.toString();
    }

    private void expandInto(String name, StringBuilder out, int depth) {
        String value = values.get(name);
        if (value == null || depth > MAX_DEPTH) return;
        Matcher m = REFERENCE.matcher(value);
        int last = 0;
        while (m.find()) {
            append(out, value, last, m.start());
            String ref = m.group(1);
            if (ref.startsWith("#")) {
                try {
                    int cp = ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
                    if (Character.isValidCodePoint(cp) && out.length() < MAX_EXPANSION) out.appendCodePoint(cp);
                } catch (NumberFormatException e) {
                    // not a number after all: dropped
                }
            } else if (ref.equals("amp") || ref.equals("lt") || ref.equals("gt") || ref.equals("quot") || ref.equals("apos")) {
                append(out, HtmlText.entity(ref), 0, 1);
            } else if (values.containsKey(ref)) {
                expandInto(ref, out, depth + 1);
            } else {
                String html = HtmlText.entity(ref);
                if (html != null) append(out, html, 0, html.length());
            }
            last = m.end();
        }
        append(out, value, last, value.length());
    }

    private static void append(StringBuilder out, @Nullable String s, int from, int to) {
        if (s == null) return;
        int room = MAX_EXPANSION - out.length();
        if (room > 0) out.append(s, from, Math.min(to, from + room));
    }
}
