package org.worldwire.opml;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;

/**
 * One feed of an OPML list.
 *
 * @param feedUrl the feed's address as written in the list (trimmed, otherwise untouched)
 * @param title what the list calls the feed; the feed URL when the list gives no name
 * @param siteUrl the publisher's home page, or null
 * @param country ISO 3166-1 alpha-2 code of where the publisher is based, upper case, or null
 * @param language ISO 639 primary language code of the feed, lower case ("fr", not "fr-CA"), or null
 * @param category the folder path the feed sits in, segments joined by '/' ("Europe/France"), or null
 */
public record OpmlSource(
        String feedUrl,
        String title,
        @Nullable String siteUrl,
        @Nullable String country,
        @Nullable String language,
        @Nullable String category) {

    public OpmlSource {
        Objects.requireNonNull(feedUrl, "feedUrl");
        feedUrl = feedUrl.strip();
        if (feedUrl.isEmpty()) throw new IllegalArgumentException("feedUrl is empty");
        title = title == null || title.isBlank() ? feedUrl : title.strip();
        siteUrl = siteUrl == null || siteUrl.isBlank() ? null : siteUrl.strip();
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        language = language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
        category = category == null || category.isBlank() ? null : category.strip();
    }

    /** A list entry for a source we watch, filed under {@code category} (null for none). */
    public static OpmlSource of(Source source, @Nullable String category) {
        return new OpmlSource(source.feedUrl(), source.title(), source.siteUrl(), source.country(),
                source.language(), category);
    }

    /** The source to watch for this entry; it has no id until the store assigns one. */
    public Source toSource(DisplayPolicy displayPolicy) {
        return new Source(0, feedUrl, title, siteUrl, country, language, displayPolicy);
    }
}
