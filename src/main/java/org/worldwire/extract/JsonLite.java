package org.worldwire.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small, forgiving JSON reader for JSON-LD blocks. Pages ship broken JSON-LD often (trailing commas, raw
 * newlines in strings, HTML comments around it), so this repairs what it can and returns null rather than throw.
 * Values come back as {@code Map<String,Object>}, {@code List<Object>}, {@code String}, {@code Double},
 * {@code Boolean} or null.
 */
final class JsonLite {
    private static final int MAX_DEPTH = 64;
    private final String s;
    private int i;

    private JsonLite(String s) {
        this.s = s;
    }

    static @Nullable Object parse(String text) {
        String t = text.strip();
        if (t.startsWith("<!--")) t = t.substring(4);
        if (t.endsWith("-->")) t = t.substring(0, t.length() - 3);
        if (t.startsWith("//<![CDATA[")) t = t.substring(11);
        if (t.endsWith("//]]>")) t = t.substring(0, t.length() - 5);
        try {
            JsonLite p = new JsonLite(t);
            p.ws();
            return p.value(0);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\u00a0' || c == '\ufeff') i++;
            else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end + 1;
            } else break;
        }
    }

    private @Nullable Object value(int depth) {
        if (depth > MAX_DEPTH) throw new IllegalStateException("too deep");
        if (i >= s.length()) throw new IllegalStateException("end");
        char c = s.charAt(i);
        switch (c) {
            case '{' -> {
                i++;
                Map<String, Object> map = new LinkedHashMap<>();
                while (true) {
                    ws();
                    if (i >= s.length()) return map;
                    if (s.charAt(i) == '}') { i++; return map; }
                    if (s.charAt(i) == ',') { i++; continue; }
                    String key = s.charAt(i) == '"' || s.charAt(i) == '\'' ? string(s.charAt(i)) : bareWord();
                    ws();
                    if (i < s.length() && s.charAt(i) == ':') i++;
                    ws();
                    Object v = value(depth + 1);
                    if (v != null) map.put(key, v);
                    ws();
                }
            }
            case '[' -> {
                i++;
                List<Object> list = new ArrayList<>();
                while (true) {
                    ws();
                    if (i >= s.length()) return list;
                    if (s.charAt(i) == ']') { i++; return list; }
                    if (s.charAt(i) == ',') { i++; continue; }
                    Object v = value(depth + 1);
                    if (v != null) list.add(v);
                    ws();
                }
            }
            case '"', '\'' -> {
                return string(c);
            }
            default -> {
                String w = bareWord();
                return switch (w) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    case "null", "" -> {
                        if (w.isEmpty()) i++;
                        yield null;
                    }
                    default -> {
                        try {
                            yield Double.valueOf(w);
                        } catch (NumberFormatException e) {
                            yield w;
                        }
                    }
                };
            }
        }
    }

    private String bareWord() {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ',' || c == '}' || c == ']' || c == ':' || Character.isWhitespace(c)) break;
            i++;
        }
        return s.substring(start, i);
    }

    private String string(char quote) {
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == quote) return b.toString();
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b', 'f' -> b.append(' ');
                    case 'u' -> {
                        if (i + 4 <= s.length()) {
                            try {
                                b.append((char) Integer.parseInt(s, i, i + 4, 16));
                            } catch (NumberFormatException ex) {
                                b.append('?');
                            }
                            i += 4;
                        }
                    }
                    default -> b.append(e);
                }
            } else b.append(c);
        }
        return b.toString();
    }
}
