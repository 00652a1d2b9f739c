package org.worldwire.web;

import java.util.regex.Pattern;

/**
 * Search snippets come as HTML with the matched words in {@code <mark>}. They are checked, not trusted: only
 * {@code <mark>} and {@code </mark>} survive as tags; any other angle bracket or quote is escaped again.
 */
final class Snippets {
    private static final Pattern MARK = Pattern.compile("(</?mark>)");

    private Snippets() {}

    static String safe(String snippetHtml) {
        StringBuilder out = new StringBuilder(snippetHtml.length() + 16);
        var m = MARK.matcher(snippetHtml);
        int at = 0;
        int open = 0;
        while (m.find()) {
            out.append(escapeBrackets(snippetHtml.substring(at, m.start())));
            boolean closing = m.group(1).startsWith("</");
            if (closing && open > 0) {
                out.append("</mark>");
                open--;
            } else if (!closing) {
                out.append("<mark>");
                open++;
            }
            at = m.end();
        }
        out.append(escapeBrackets(snippetHtml.substring(at)));
        while (open-- > 0) out.append("</mark>");
        return out.toString();
    }

    private static String escapeBrackets(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
