package org.worldwire.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event as the world reports it: every source's report of it, and the copies reprinted from them.
 *
 * @param id the id of the article that founded it
 * @param title the headline of its most representative report ({@code leadArticleId})
 * @param summary a one-line summary from that report, or null
 * @param firstSeen when its first report was discovered; {@code lastUpdate} when its latest was
 * @param sources independent sources: those with a report of their own (a source that only reprinted a copy adds
 *     nothing, so fifty reprints of one agency story count once)
 * @param reports articles that are not copies; {@code articles} every article, copies included
 * @param sourceCountries how many countries its reporting sources are based in
 * @param countries ISO alpha-2 codes of the countries it is about, most reported first
 * @param languages the languages it is reported in, most reported first
 */
public record Story(
        long id,
        String title,
        @Nullable String summary,
        long leadArticleId,
        Instant firstSeen,
        Instant lastUpdate,
        int sources,
        int reports,
        int articles,
        int sourceCountries,
        List<String> countries,
        List<String> languages) {

    public Story {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastUpdate, "lastUpdate");
        countries = List.copyOf(countries);
        languages = List.copyOf(languages);
    }

    /**
     * How prominently to show it at {@code now}: more independent sources count, with diminishing returns, and
     * the score halves every {@code halfLifeHours} of age. Age runs from the middle of its reporting span, so a
     * story still gaining reports stays current while one that stopped fades: a breaking story with ten sources in
     * the last hour outranks yesterday's with twelve.
     */
    public double rank(Instant now, double halfLifeHours) {
        long mid = firstSeen.toEpochMilli() / 2 + lastUpdate.toEpochMilli() / 2;
        double ageHours = Math.max(0, now.toEpochMilli() - mid) / 3_600_000.0;
        return Math.log(1 + Math.max(1, sources)) / Math.log(2) * Math.pow(0.5, ageHours / halfLifeHours);
    }
}
