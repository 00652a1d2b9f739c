package org.worldwire.sim;

import java.time.Instant;

/**
 * The ground truth kept for every article ever published, small enough to keep them all.
 *
 * @param url canonical article URL
 * @param publishedAt the true moment the article became visible in its feed
 * @param placeCountry ISO 3166-1 alpha-2 code of the place the article is about
 * @param storyId shared by syndicated copies of one story
 */
public record Publication(
        String url, String guid, int publisher, String title, Instant publishedAt, String language,
        String placeCountry, long storyId) {

    static Publication of(SimArticle a) {
        return new Publication(a.url().toString(), a.guid(), a.publisher(), a.title(), a.publishedAt(),
                a.language(), a.placeCountry(), a.storyId());
    }
}
