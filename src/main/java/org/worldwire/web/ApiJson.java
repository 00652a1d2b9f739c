package org.worldwire.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Article;
import org.worldwire.model.Source;
import org.worldwire.model.Story;
import org.worldwire.store.SourceHealth;

/** The API's JSON shapes (snake_case), and the one mapper that writes them. */
final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private ApiJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    /** JSON safe inside an HTML {@code <script>} element: no "<" can close it. */
    static String forScript(Object value) {
        return write(value).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    record SourceRef(long id, String title, @Nullable String country, @Nullable String siteUrl) {}

    /**
     * One article. {@code text} is the whole text for full-text sources and the excerpt otherwise;
     * {@code url} is the publisher's page, {@code link} ours.
     */
    record ArticleJson(
            long id,
            String title,
            String url,
            String link,
            SourceRef source,
            @Nullable String byline,
            @Nullable Instant published,
            Instant discovered,
            Instant time,
            @Nullable String language,
            List<String> countries,
            List<String> primaryCountries,
            @Nullable String leadImage,
            String text,
            boolean fullText,
            @Nullable Long story,
            @Nullable Long copyOf) {}

    record ArticlePage(List<ArticleJson> articles, @Nullable String nextCursor) {}

    record SourceJson(long id, String title, String feedUrl, @Nullable String siteUrl, @Nullable String country,
            @Nullable String language, String displayPolicy, String link, @Nullable HealthJson health) {}

    /**
     * How polling the source goes: {@code status} is new, ok, failing (the feed) or unreachable (its host, since
     * {@code unreachableSince}, tried again at {@code nextAttempt}). Error keys only: messages may name internal
     * addresses.
     */
    record HealthJson(String status, @Nullable Instant lastPoll, @Nullable Instant lastSuccess,
            @Nullable String error, int consecutiveErrors, @Nullable Instant unreachableSince,
            @Nullable Instant nextAttempt) {}

    record SourcesPage(List<SourceJson> sources) {}

    record Health(String status, long articles, long sources) {}

    record Error(String error) {}

    /** One page of a search; {@code total} is exact when {@code totalExact}, a lower bound otherwise. */
    record SearchPage(long total, boolean totalExact, List<SearchHitJson> hits, java.util.Map<String, List<FacetJson>> facets,
            @Nullable String nextCursor) {}

    record SearchHitJson(ArticleJson article, float score, String snippetHtml) {}

    record FacetJson(String value, long count) {}

    static ArticleJson article(Site site, Article a) {
        Source s = site.sourceOrUnknown(a.sourceId());
        boolean full = site.fullText(a);
        String text = full ? a.text() : Text.excerpt(a.paragraphs(), a.summary(), site.config.excerptLength());
        return new ArticleJson(a.id(), a.title(), a.url(), site.abs(Site.articlePath(a)),
                new SourceRef(s.id(), s.title(), s.country(), s.siteUrl()), a.byline(), a.published(), a.discovered(),
                a.shownTime(), a.language(), a.countries(), a.primaryCountries(), a.leadImage(), text, full,
                a.storyId() == 0 ? null : a.storyId(), a.copyOf() == 0 ? null : a.copyOf());
    }

    /**
     * One story. {@code sources} counts independent sources (a source that only reprinted a copy adds nothing);
     * {@code source_countries} how many countries they are based in; {@code countries} what it is about.
     */
    record StoryJson(
            long id,
            String title,
            @Nullable String summary,
            String link,
            long leadArticle,
            Instant firstSeen,
            Instant lastUpdate,
            int sources,
            int reports,
            int articles,
            int sourceCountries,
            List<String> countries,
            List<String> languages) {}

    record StoriesPage(List<StoryJson> stories, @Nullable String nextCursor) {}

    /** A report of a story with the copies reprinted from it. */
    record ReportJson(ArticleJson article, List<ArticleJson> copies) {}

    record StoryDetail(StoryJson story, List<ReportJson> reports) {}

    /** The live stream's {@code story} event: a story was founded or grew; {@code merged} were folded into it. */
    record StoryEvent(StoryJson story, boolean created, List<Long> merged) {}

    static StoryJson story(Site site, Story s) {
        return new StoryJson(s.id(), s.title(), s.summary(), site.abs(Site.storyPath(s.id())), s.leadArticleId(),
                s.firstSeen(), s.lastUpdate(), s.sources(), s.reports(), s.articles(), s.sourceCountries(), s.countries(),
                s.languages());
    }

    static StoryEvent storyEvent(Site site, Story s, boolean created, List<Long> merged) {
        return new StoryEvent(story(site, s), created, merged);
    }

    static SourceJson source(Site site, Source s, @Nullable SourceHealth h) {
        HealthJson health = h == null ? null : new HealthJson(h.status(), h.lastPoll(), h.lastSuccess(),
                h.hostOutage() != null ? h.hostOutage().reason().split(":", 2)[0] : h.lastError(), h.consecutiveErrors(),
                h.hostOutage() == null ? null : h.hostOutage().since(),
                h.hostOutage() == null ? null : h.hostOutage().nextAttempt());
        return new SourceJson(s.id(), s.title(), s.feedUrl(), s.siteUrl(), s.country(), s.language(),
                s.displayPolicy().name().toLowerCase(java.util.Locale.ROOT), site.abs(Site.sourcePath(s.id())), health);
    }
}
