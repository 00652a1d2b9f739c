package org.worldwire.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A feed we watch. {@code id} is 0 until the store assigns one.
 *
 * @param country ISO 3166-1 alpha-2 code of where the source is based, upper case, or null when unknown
 * @param language BCP 47 primary language tag the source declares ("en", "fr"), or null
 */
public record Source(
        long id,
        String feedUrl,
        String title,
        @Nullable String siteUrl,
        @Nullable String country,
        @Nullable String language,
        DisplayPolicy displayPolicy) {

    public Source {
        Objects.requireNonNull(feedUrl, "feedUrl");
        Objects.requireNonNull(displayPolicy, "displayPolicy");
        title = title == null || title.isBlank() ? feedUrl : title.strip();
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
        language = language == null || language.isBlank() ? null : language.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static Source of(String feedUrl) {
        return new Source(0, feedUrl, feedUrl, null, null, null, DisplayPolicy.EXCERPT);
    }

    public Source withId(long newId) {
        return new Source(newId, feedUrl, title, siteUrl, country, language, displayPolicy);
    }
}
