package org.worldwire.sim;

/** The syndication formats publishers serve, each with its own path and media type. */
public enum FeedFormat {
    RSS2("feed.xml", "application/rss+xml"),
    ATOM("atom.xml", "application/atom+xml"),
    RSS1_RDF("rdf.xml", "application/rdf+xml"),
    JSON_FEED("feed.json", "application/feed+json");

    private final String fileName;
    private final String mediaType;

    FeedFormat(String fileName, String mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    /** The last path segment of a feed of this format, e.g. {@code atom.xml}. */
    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }
}
