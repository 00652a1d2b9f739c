package org.worldwire.feed;

import org.jspecify.annotations.Nullable;
import org.worldwire.model.ParsedFeed;

/**
 * Parses feed documents: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed, from bytes and the HTTP context they came
 * in. Well-formed XML is streamed through StAX; a document that is not well-formed is read again by a forgiving
 * parser so that what can be recovered still is. Never throws on bad input: problems are reported in the result.
 */
public final class FeedParser {
    private FeedParser() {}

    /** Documents above this size are refused outright: no real feed is this large. */
    public static final int MAX_BYTES = 128 << 20;
    /** The recovery parser builds a tree; above this size a broken document keeps what the stream read. */
    static final int MAX_LENIENT_CHARS = 16 << 20;

    public static ParsedFeed parse(byte @Nullable [] body, @Nullable FeedContext context) {
        FeedContext ctx = context == null ? FeedContext.NONE : context;
        if (body == null || body.length == 0) return ParsedFeed.unreadable("empty document");
        if (body.length > MAX_BYTES) {
            return ParsedFeed.unreadable("document too large: " + body.length + " bytes (limit " + MAX_BYTES + ")");
        }
        try {
            String base = ctx.baseUri();
            if (JsonFeedReader.looksLikeJson(body)) return JsonFeedReader.read(body, base);
            Encodings.Decoded decoded = Encodings.decode(body, ctx.contentType());
            String text = decoded.text();
            FeedBuilder strict = new FeedBuilder(base);
            if (decoded.problem() != null) strict.problem(decoded.problem());
            InternalEntities entities = InternalEntities.of(text);
            String error = StaxReader.read(text, strict, entities);
            if (error == null) return strict.result();
            if (error.contains("JAXP000")) {
                // A parser limit (attributes, depth, name length) was hit: the document is hostile or absurd,
                // and the recovery parser has no such limits. Keep what the stream read.
                strict.problem("refused: " + error);
                return strict.result();
            }
            if (text.length() > MAX_LENIENT_CHARS || LenientReader.hasAbsurdTagName(text)) {
                strict.problem("not well-formed XML: " + error + "; kept what was read before the error");
                return strict.result();
            }
            FeedBuilder lenient = new FeedBuilder(base);
            if (decoded.problem() != null) lenient.problem(decoded.problem());
            lenient.problem("not well-formed XML: " + error);
            LenientReader.read(text, lenient, entities);
            return lenient.result();
        } catch (RuntimeException | StackOverflowError e) {
            return ParsedFeed.unreadable("unreadable feed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
