package org.worldwire.sim;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The ground truth kept for every article ever published, small enough to keep them all.
 *
 * @param url canonical article URL
 * @param publishedAt the true moment the article became visible in its feed
 * @param placeCountry ISO 3166-1 alpha-2 code of the place the article is about
 * @param storyId shared by syndicated copies of one report
 * @param event the event the article reports, shared by every report and copy of it
 * @param copyOf the URL of the original this article reprints, or null when it is an original
 */
public record Publication(
        String url, String guid, int publisher, String title, Instant publishedAt, String language,
        String placeCountry, long storyId, long event, @Nullable String copyOf) {

    static Publication of(SimArticle a) {
        return new Publication(a.url().toString(), a.guid(), a.publisher(), a.title(), a.publishedAt(),
                a.language(), a.placeCountry(), a.storyId(), a.eventId(),
                a.copyOf() == null ? null : a.copyOf().toString());
    }
}
