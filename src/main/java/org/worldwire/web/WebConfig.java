package org.worldwire.web;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the operator decides about the reader site: its name, where it lives, its ads and what the privacy page
 * says about cookies.
 *
 * @param baseUrl absolute URL the site is reached at, without a trailing slash; canonical URLs, feeds and
 *     sitemaps are built on it
 * @param excerptLength characters of text shown for sources whose display policy is excerpt
 * @param riverSize articles on the home page and on each section page
 */
public record WebConfig(
        String siteName,
        String tagline,
        String baseUrl,
        Ads ads,
        ConsentCookie consentCookie,
        int excerptLength,
        int riverSize) {

    public WebConfig {
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(tagline, "tagline");
        Objects.requireNonNull(ads, "ads");
        Objects.requireNonNull(consentCookie, "consentCookie");
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        URI parsed = URI.create(baseUrl);
        if (!parsed.isAbsolute()) throw new IllegalArgumentException("baseUrl must be absolute, was " + baseUrl);
        if (excerptLength < 50 || excerptLength > 10_000) {
            throw new IllegalArgumentException("excerptLength must be 50..10000, was " + excerptLength);
        }
        if (riverSize < 5 || riverSize > 500) throw new IllegalArgumentException("riverSize must be 5..500, was " + riverSize);
    }

    public static WebConfig defaults() {
        return new WebConfig("Worldwire", "Fastest News Updates around the World", "http://localhost:8080",
                Ads.defaults(), ConsentCookie.defaults(), 400, 50);
    }

    public WebConfig withBaseUrl(String url) {
        return new WebConfig(siteName, tagline, url, ads, consentCookie, excerptLength, riverSize);
    }

    public WebConfig withAds(Ads newAds) {
        return new WebConfig(siteName, tagline, baseUrl, newAds, consentCookie, excerptLength, riverSize);
    }

    public WebConfig withSiteName(String name, String newTagline) {
        return new WebConfig(name, newTagline, baseUrl, ads, consentCookie, excerptLength, riverSize);
    }

    /** True when the site is served over TLS, so the consent cookie gets {@code Secure}. */
    public boolean secure() {
        return baseUrl.startsWith("https:");
    }

    /**
     * The advertisement slots. House ads are the operator's own HTML and always allowed; a third-party tag is
     * rendered only after the reader accepted advertising.
     *
     * @param houseAdHtml operator-written HTML shown in every slot when no third-party tag may run
     * @param adTagScriptUrl URL of a third-party ad script, loaded in each slot after consent; null for none
     * @param adTagHtml third-party ad markup rendered in each slot after consent; null for none
     * @param paragraphAfter the in-article slot follows this paragraph (1-based); a shorter text puts it at the end
     */
    public record Ads(
            boolean enabled,
            String houseAdHtml,
            @Nullable String adTagScriptUrl,
            @Nullable String adTagHtml,
            int paragraphAfter) {

        public Ads {
            Objects.requireNonNull(houseAdHtml, "houseAdHtml");
            if (paragraphAfter < 1) throw new IllegalArgumentException("paragraphAfter must be >= 1, was " + paragraphAfter);
            if (adTagScriptUrl != null && adTagScriptUrl.isBlank()) adTagScriptUrl = null;
            if (adTagHtml != null && adTagHtml.isBlank()) adTagHtml = null;
        }

        public static Ads defaults() {
            return new Ads(true,
                    "<a class=\"house-ad\" href=\"/api/openapi.json\"><strong>Build on the wire.</strong> "
                            + "Every update, as JSON, RSS and a live stream.</a>",
                    null, null, 3);
        }

        public boolean hasThirdPartyTag() {
            return adTagScriptUrl != null || adTagHtml != null;
        }

        public Ads withAdTag(@Nullable String scriptUrl, @Nullable String html) {
            return new Ads(enabled, houseAdHtml, scriptUrl, html, paragraphAfter);
        }
    }

    /**
     * The one cookie the site sets: the reader's consent choice. Described on the privacy page.
     *
     * @param maxAgeDays how long the choice is kept
     */
    public record ConsentCookie(String name, int maxAgeDays) {
        public ConsentCookie {
            if (!name.matches("[A-Za-z0-9_\\-]{1,64}")) throw new IllegalArgumentException("bad cookie name: " + name);
            if (maxAgeDays < 1 || maxAgeDays > 400) throw new IllegalArgumentException("maxAgeDays must be 1..400");
        }

        public static ConsentCookie defaults() {
            return new ConsentCookie("ww_consent", 180);
        }
    }

    /** Rows of the privacy page's cookie table, generated from this configuration. */
    public List<CookieRow> cookieRows() {
        return List.of(new CookieRow(consentCookie.name(), "first-party",
                "Remembers whether you accepted or rejected advertising, so we do not ask again.",
                consentCookie.maxAgeDays() + " days"));
    }

    public record CookieRow(String name, String party, String purpose, String duration) {}
}
