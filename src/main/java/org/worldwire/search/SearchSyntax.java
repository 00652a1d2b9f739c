package org.worldwire.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The query language readers type, parsed once here so that every adapter understands the same thing:
 * <ul>
 *   <li>{@code flood warning}: every word must match (in the title or the text);</li>
 *   <li>{@code "prime minister"}: the words next to each other, in this order;</li>
 *   <li>{@code flood OR storm}: either (upper-case {@code OR}; it binds tighter than the implicit AND, so
 *       {@code rain flood OR storm} is rain and (flood or storm));</li>
 *   <li>{@code -sport}, {@code -"world cup"}: must not match;</li>
 *   <li>{@code (flood OR storm) -sport}: parentheses group;</li>
 *   <li>{@code title:ceasefire}, {@code title:"peace talks"}: in the headline only;</li>
 *   <li>{@code minist*}: words that begin so (at least two characters before the star).</li>
 * </ul>
 * Words are matched as the adapter's language analysis makes them (case, accents and word endings folded). Anything
 * else that looks like syntax is a word: {@code AT&T}, {@code covid-19} ("-" inside a word), {@code 3:0}. Errors name
 * what is wrong and where: an unclosed quote or parenthesis, a lone {@code OR}, a bare {@code -}, an empty field.
 */
public final class SearchSyntax {
    private SearchSyntax() {}

    /** A parsed query. */
    public sealed interface Node permits Everything, Word, Phrase, Not, All, Any {}

    /** A blank query: every article. */
    public record Everything() implements Node {}

    /** One word as typed (the adapter analyses it); {@code prefix} when it ended in {@code *}. */
    public record Word(String text, boolean titleOnly, boolean prefix) implements Node {}

    /** Words that must stand together in this order, as typed. */
    public record Phrase(String text, boolean titleOnly) implements Node {}

    /** Must not match. Only ever inside {@link All}, next to something that may match, or as its only part. */
    public record Not(Node node) implements Node {}

    /** Every part must match ({@link Not} parts must not). */
    public record All(List<Node> parts) implements Node {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part must match. */
    public record Any(List<Node> parts) implements Node {
        public Any {
            parts = List.copyOf(parts);
        }
    }

    /** Longest query text we parse; the web and API cut longer input before asking. */
    public static final int MAX_LENGTH = 500;

    /** @throws SearchSyntaxException with the position of the first problem */
    public static Node parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new SearchSyntaxException("a query is at most " + MAX_LENGTH + " characters, this one has " + text.length(), MAX_LENGTH);
        }
        Parser p = new Parser(text);
        Node n = p.sequence(false);
        if (p.pos < text.length()) throw new SearchSyntaxException("')' at " + (p.pos + 1) + " closes no '('", p.pos);
        return n;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        /** Clauses up to the end, or up to a ')' when inside parentheses. */
        Node sequence(boolean nested) {
            List<Node> parts = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) break;
                if (s.charAt(pos) == ')') {
                    if (!nested) throw new SearchSyntaxException("')' at " + (pos + 1) + " closes no '('", pos);
                    break;
                }
                if (isOr()) throw new SearchSyntaxException("OR at " + (pos + 1) + " has nothing before it", pos);
                Node first = unary();
                List<Node> alternatives = new ArrayList<>(List.of(first));
                while (true) {
                    int save = pos;
                    skipSpace();
                    if (!isOr()) {
                        pos = save;
                        break;
                    }
                    int orAt = pos;
                    pos += 2;
                    skipSpace();
                    if (pos >= s.length() || s.charAt(pos) == ')' || isOr()) {
                        throw new SearchSyntaxException("OR at " + (orAt + 1) + " has nothing after it", orAt);
                    }
                    alternatives.add(unary());
                }
                parts.add(alternatives.size() == 1 ? first : new Any(alternatives));
            }
            if (parts.isEmpty()) return nested ? new All(List.of()) : new Everything();
            return parts.size() == 1 ? parts.getFirst() : new All(parts);
        }

        private boolean isOr() {
            return s.startsWith("OR", pos) && (pos + 2 == s.length() || boundary(s.charAt(pos + 2)));
        }

        private static boolean boundary(char c) {
            return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
        }

        Node unary() {
            char c = s.charAt(pos);
            if (c == '-') {
                int at = pos;
                pos++;
                if (pos >= s.length() || Character.isWhitespace(s.charAt(pos)) || s.charAt(pos) == ')') {
                    throw new SearchSyntaxException("'-' at " + (at + 1) + " excludes nothing: write -word", at);
                }
                if (s.charAt(pos) == '-') throw new SearchSyntaxException("'--' at " + (at + 1) + ": exclude a word once", at);
                return new Not(unary());
            }
            if (c == '(') {
                int open = pos;
                pos++;
                Node inner = sequence(true);
                if (pos >= s.length()) throw new SearchSyntaxException("'(' at " + (open + 1) + " is never closed", open);
                pos++; // ')'
                if (inner instanceof All(List<Node> parts) && parts.isEmpty()) {
                    throw new SearchSyntaxException("'()' at " + (open + 1) + " holds nothing", open);
                }
                return inner;
            }
            if (c == '"') return phrase(false, pos);
            int start = pos;
            while (pos < s.length() && !boundary(s.charAt(pos))) pos++;
            String token = s.substring(start, pos);
            int colon = token.indexOf(':');
            if (colon > 0 && token.substring(0, colon).equals("title")) {
                if (colon == token.length() - 1) {
                    if (pos < s.length() && s.charAt(pos) == '"') return phrase(true, start);
                    throw new SearchSyntaxException("title: at " + (start + 1) + " names no word", start);
                }
                return word(token.substring(colon + 1), true, start + colon + 1);
            }
            return word(token, false, start);
        }

        private Node word(String token, boolean titleOnly, int at) {
            if (token.endsWith("*")) {
                String stem = token.substring(0, token.length() - 1);
                if (stem.codePointCount(0, stem.length()) < 2 || stem.contains("*")) {
                    throw new SearchSyntaxException("'" + token + "' at " + (at + 1) + ": a prefix search needs at least two letters before one '*'", at);
                }
                return new Word(stem, titleOnly, true);
            }
            return new Word(token, titleOnly, false);
        }

        private Node phrase(boolean titleOnly, int at) {
            int open = pos;
            int close = s.indexOf('"', open + 1);
            if (close < 0) throw new SearchSyntaxException("the quote at " + (open + 1) + " is never closed", open);
            String text = s.substring(open + 1, close).strip();
            pos = close + 1;
            if (text.isEmpty()) throw new SearchSyntaxException("the quotes at " + (at + 1) + " hold no words", at);
            return new Phrase(text, titleOnly);
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }
    }
}
