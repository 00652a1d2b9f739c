package org.worldwire.sim;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One published article with everything a benchmark may compare against.
 *
 * @param publisher index of the publisher
 * @param sequence per-publisher number, 1-based
 * @param url canonical URL of the article page
 * @param feedLink the link the feed carries: the canonical URL, or it with tracking parameters for some publishers
 * @param publishedAt the true moment the article became visible in its feed
 * @param placeCountry ISO 3166-1 alpha-2 code of the real place the title and lead mention
 * @param storyId the report this is a version of; syndicated copies at other publishers share it
 * @param eventId the event it reports (truth); reports of one event by different publishers in different words and
 *     languages share it, and so do copies; an unrelated one-off story has one of its own
 * @param copyOf the canonical URL of the original this article reprints with small edits, or null for an original
 */
public record SimArticle(
        int publisher,
        long sequence,
        URI url,
        URI feedLink,
        String guid,
        String title,
        String author,
        Instant publishedAt,
        String summary,
        List<String> paragraphs,
        String language,
        String placeCountry,
        String placeName,
        long storyId,
        long eventId,
        @Nullable URI copyOf) {

    public SimArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    /** What a feed shows of it: the body goes. */
    SimArticle withoutParagraphs() {
        return new SimArticle(publisher, sequence, url, feedLink, guid, title, author, publishedAt, summary, List.of(),
                language, placeCountry, placeName, storyId, eventId, copyOf);
    }
}
