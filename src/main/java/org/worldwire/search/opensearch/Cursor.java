package org.worldwire.search.opensearch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.opensearch.client.opensearch._types.FieldValue;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.SearchSyntaxException;

/**
 * Where the next page of a search starts: OpenSearch's {@code search_after} values of the last hit, with what a page
 * must share with the first to continue it. Handed out as an opaque string (URL-safe base64) and validated when it
 * comes back: it must belong to the same query (text, order and filters, by fingerprint), so that a cursor of one
 * search cannot page through another. Stateless on the server, so any web node can serve any page.
 *
 * @param fingerprint of the query's text, order and filters
 * @param originMillis the time news ranking measured ages from on the first page, kept so that every page ranks
 *     alike (0 for the other orders)
 * @param after the first sort value of the last hit (its score, or its time for newest-first)
 * @param afterId the id of the last hit, the tie-break
 */
record Cursor(String fingerprint, long originMillis, FieldValue after, long afterId) {
    private static final String VERSION = "o1";

    String encode() {
        String value = after.isDouble() ? "d" + Long.toHexString(Double.doubleToRawLongBits(after.doubleValue()))
                : "l" + after.longValue();
        String plain = String.join("~", VERSION, fingerprint, Long.toString(originMillis), value, Long.toString(afterId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    List<FieldValue> searchAfter() {
        return List.of(after, FieldValue.of(afterId));
    }

    /** @throws SearchSyntaxException when the text is no cursor of this query */
    static Cursor decode(String cursor, SearchQuery query) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("~", -1);
            if (parts.length != 5 || !parts[0].equals(VERSION)) throw invalid();
            if (!parts[1].equals(fingerprint(query))) {
                throw new SearchSyntaxException("the cursor belongs to another search: start again from the first page", -1);
            }
            long origin = Long.parseLong(parts[2]);
            String v = parts[3];
            FieldValue after = switch (v.isEmpty() ? ' ' : v.charAt(0)) {
                case 'd' -> FieldValue.of(Double.longBitsToDouble(Long.parseUnsignedLong(v.substring(1), 16)));
                case 'l' -> FieldValue.of(Long.parseLong(v.substring(1)));
                default -> throw invalid();
            };
            if ((query.order() == SearchQuery.Order.NEWEST) != after.isLong()) throw invalid();
            return new Cursor(parts[1], origin, after, Long.parseLong(parts[4]));
        } catch (IllegalArgumentException e) { // bad base64, bad numbers
            if (e instanceof SearchSyntaxException s) throw s;
            throw invalid();
        }
    }

    private static SearchSyntaxException invalid() {
        return new SearchSyntaxException("the cursor is not one this search handed out", -1);
    }

    /** What a query's pages share: text, order and filters (not the page size, facets or highlighting). */
    static String fingerprint(SearchQuery q) {
        String canonical = String.join("\u0000", q.text(), q.order().name(), String.valueOf(q.filters()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
