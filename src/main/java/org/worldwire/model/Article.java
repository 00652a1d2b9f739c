package org.worldwire.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored article: the feed entry it came from, what extraction found, and what enrichment added.
 * {@code id} is 0 until the store assigns one.
 *
 * @param url the canonical URL (tracking parameters stripped); unique per article
 * @param guid the entry id the feed gave, or the URL when it gave none
 * @param published when the publisher says it appeared; {@code discovered} when we first saw it
 * @param countries ISO alpha-2 codes of every country mentioned; {@code primaryCountries} those it is about
 * @param storyId the story it reports, 0 until clustering has placed it
 * @param copyOf the id of the earlier article it is a copy of (agency copy reprinted), 0 when it is a report of its own
 */
public record Article(
        long id,
        long sourceId,
        String url,
        String guid,
        String title,
        @Nullable String byline,
        @Nullable Instant published,
        Instant discovered,
        List<String> paragraphs,
        @Nullable String summary,
        @Nullable String leadImage,
        @Nullable String language,
        List<String> countries,
        List<String> primaryCountries,
        long storyId,
        long copyOf) {

    public Article {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(discovered, "discovered");
        paragraphs = List.copyOf(paragraphs);
        countries = List.copyOf(countries);
        primaryCountries = List.copyOf(primaryCountries);
    }

    /** An article not placed in a story yet. */
    public Article(long id, long sourceId, String url, String guid, String title, @Nullable String byline,
            @Nullable Instant published, Instant discovered, List<String> paragraphs, @Nullable String summary,
            @Nullable String leadImage, @Nullable String language, List<String> countries, List<String> primaryCountries) {
        this(id, sourceId, url, guid, title, byline, published, discovered, paragraphs, summary, leadImage, language,
                countries, primaryCountries, 0, 0);
    }

    public Article withId(long newId) {
        return new Article(newId, sourceId, url, guid, title, byline, published, discovered, paragraphs,
                summary, leadImage, language, countries, primaryCountries, storyId, copyOf);
    }

    public Article inStory(long story, long original) {
        return new Article(id, sourceId, url, guid, title, byline, published, discovered, paragraphs,
                summary, leadImage, language, countries, primaryCountries, story, original);
    }

    public boolean isCopy() {
        return copyOf != 0;
    }

    /** The body as one string, paragraphs separated by a blank line. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }

    /** The time readers see: the publisher's, unless it is missing or claims to be in our future. */
    public Instant shownTime() {
        return published != null && !published.isAfter(discovered) ? published : discovered;
    }
}
