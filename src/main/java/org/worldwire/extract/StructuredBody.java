package org.worldwire.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides between the DOM body and a JSON-LD {@code articleBody}. The DOM wins when it holds the article: it has
 * the paragraph structure and the publisher's markup is the visible truth. The structured copy wins when the DOM
 * yields much less than it (a page rendered by script, a body hidden behind a consent wall).
 */
final class StructuredBody {
    private static final int MIN_STRUCTURED = 400;
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private StructuredBody() {}

    static List<String> choose(List<String> dom, @Nullable String articleBody) {
        if (articleBody == null) return dom;
        String structured = org.jsoup.parser.Parser.unescapeEntities(articleBody, false).strip();
        if (structured.contains("</")) structured = org.jsoup.Jsoup.parseBodyFragment(structured).text();
        if (structured.length() < MIN_STRUCTURED) return dom;
        int domLength = 0;
        for (String p : dom) domLength += p.length();
        if (domLength * 2 >= structured.length()) return dom;
        List<String> out = new ArrayList<>();
        for (String line : LINE_BREAK.split(structured)) {
            String p = WHITESPACE.matcher(line).replaceAll(" ").strip();
            if (!p.isEmpty()) out.add(p);
        }
        return out;
    }
}
