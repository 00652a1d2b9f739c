package org.worldwire.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the templates get: plain records, already shaped for display. Source text stays raw; JTE escapes it. */
public final class Views {
    private Views() {}

    /**
     * Everything every page shows around its content.
     *
     * @param path the path of this page, where the consent form returns to
     */
    public record Chrome(
            String siteName,
            String tagline,
            Consent consent,
            String cssHref,
            String jsHref,
            String iconHref,
            String path,
            List<Link> regions) {}

    /** Head metadata: title, description, canonical URL, OpenGraph, JSON-LD, feeds. */
    public record Meta(
            String title,
            String description,
            String canonical,
            String ogType,
            @Nullable String ogImage,
            @Nullable String jsonLd,
            List<FeedLink> feeds) {}

    public record FeedLink(String title, String type, String href) {}

    public record Link(String label, String href) {}

    /** A country section link with its flag and how many recent updates mention it. */
    public record CountryLink(String iso2, String name, String flag, String href, int recent) {}

    /** One update in a river. {@code countries} is space-separated, for the live filter. */
    public record Item(
            long id,
            String href,
            String title,
            @Nullable String lang,
            long sourceId,
            String sourceName,
            String sourceHref,
            @Nullable String country,
            String flag,
            String countryName,
            String timeIso,
            String timeExact,
            String timeRelative,
            @Nullable String excerpt,
            String countries) {}

    /** A river with what the live script needs to add to it. */
    public record River(List<Item> items, long lastId, String filterSource, String filterCountries,
            @Nullable String olderHref) {}

    /**
     * One advertisement slot. {@code houseHtml} is the operator's HTML from the configuration (trusted);
     * the third-party fields are set only after the reader accepted advertising.
     */
    public record AdSlot(String id, String houseHtml, @Nullable String thirdPartyScript, @Nullable String thirdPartyHtml) {
        public boolean thirdParty() {
            return thirdPartyScript != null || thirdPartyHtml != null;
        }
    }

    /**
     * An article page. {@code paragraphs} are what the display policy allows; the inline ad follows paragraph
     * {@code adAfter} (1-based, clamped to the text).
     */
    public record ArticlePage(
            Item item,
            @Nullable String byline,
            List<String> paragraphs,
            boolean fullText,
            String originalUrl,
            @Nullable String leadImage,
            boolean leadImageWithheld,
            @Nullable AdSlot inlineAd,
            @Nullable AdSlot sideAd,
            int adAfter,
            @Nullable String storyHref,
            List<Item> related) {}

    public record SearchResult(Item item, String snippetHtml) {}

    /** A facet's values as links that narrow a search (or, {@code selected}, widen it again). */
    public record FacetGroup(String name, List<FacetLink> links) {}

    public record FacetLink(String label, long count, String href, boolean selected) {}

    /**
     * One story in a list: its lead report, and how much of the world covers it.
     *
     * @param coverage "3 sources, 2 countries": independent sources and the countries they are based in
     * @param countries space-separated countries it is about, for the live filter
     */
    public record StoryEntry(long id, String href, String title, @Nullable String summary, Item lead, int sources,
            int sourceCountries, String coverage, String countries) {}

    /** A ranked list of stories with what the live script needs to keep it current. */
    public record StoryList(List<StoryEntry> entries, String filterCountries) {}

    /** A report of a story with the copies reprinted from it, folded under it. */
    public record Report(Item item, List<Item> copies) {}

    /** The reports of a story from sources of one country ({@code iso2} null: sources of unknown country). */
    public record CountryGroup(@Nullable String iso2, String name, String flag, List<Report> reports) {}

    /** When a source reported, relative to the story's first report. */
    public record TimelineRow(String timeIso, String timeExact, String offset, String sourceName, String sourceHref,
            String href, String title, boolean copy) {}

    /** A story's full coverage. */
    public record StoryPage(StoryEntry story, String firstSeenIso, String firstSeenExact, String firstSeenRelative,
            List<CountryGroup> groups,
            List<TimelineRow> timeline, int copies, List<CountryLink> about) {}

    /** One option of a select: its value, what the reader sees, and whether it is the current one. */
    public record Choice(String value, String label, boolean selected) {}
}
