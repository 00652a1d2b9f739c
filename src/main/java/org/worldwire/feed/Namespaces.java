package org.worldwire.feed;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The vocabularies the feed builder understands, by namespace URI, and their usual prefixes. */
final class Namespaces {
    private Namespaces() {}

    static final int OTHER = 0;
    /** RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 elements, and elements in no namespace. */
    static final int CORE = 1;
    static final int DC = 2;
    static final int DCTERMS = 3;
    static final int CONTENT = 4;
    static final int MEDIA = 5;
    static final int ITUNES = 6;
    static final int XHTML = 7;
    static final int RDF = 8;

    static final String ATOM10 = "http://www.w3.org/2005/Atom";
    static final String ATOM03 = "http://purl.org/atom/ns#";
    static final String RSS090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String RSS10 = "http://purl.org/rss/1.0/";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private static final Map<String, Integer> BY_URI = new HashMap<>();
    private static final Map<String, String> BY_PREFIX = new HashMap<>();

    static {
        for (String core : new String[] {"", ATOM10, ATOM03, RSS090, RSS10, "http://purl.org/net/rss1.1#",
                "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss", "http://backend.userland.com/rss",
                "http://purl.org/rss/1.0/modules/rss091#",
                // The names Atom had before it was Atom (Echo, Pie), still seen in old feeds.
                "http://example.com/newformat#", "http://example.com/necho", "http://purl.org/echo/",
                "uri/of/echo/namespace#", "http://purl.org/pie/"}) {
            BY_URI.put(core, CORE);
        }
        BY_URI.put("http://purl.org/dc/elements/1.1/", DC);
        BY_URI.put("http://purl.org/dc/elements/1.0/", DC);
        BY_URI.put("http://purl.org/dc/terms/", DCTERMS);
        BY_URI.put("http://purl.org/rss/1.0/modules/content/", CONTENT);
        BY_URI.put("http://search.yahoo.com/mrss/", MEDIA);
        BY_URI.put("http://search.yahoo.com/mrss", MEDIA);
        BY_URI.put("http://tools.search.yahoo.com/mrss/", MEDIA);
        BY_URI.put("http://www.itunes.com/dtds/podcast-1.0.dtd", ITUNES);
        BY_URI.put("http://example.com/dtds/podcast-1.0.dtd", ITUNES);
        BY_URI.put(XHTML_NS, XHTML);
        BY_URI.put(RDF_NS, RDF);

        BY_PREFIX.put("atom", ATOM10);
        BY_PREFIX.put("dc", "http://purl.org/dc/elements/1.1/");
        BY_PREFIX.put("dcterms", "http://purl.org/dc/terms/");
        BY_PREFIX.put("content", "http://purl.org/rss/1.0/modules/content/");
        BY_PREFIX.put("media", "http://search.yahoo.com/mrss/");
        BY_PREFIX.put("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");
        BY_PREFIX.put("xhtml", XHTML_NS);
        BY_PREFIX.put("rdf", RDF_NS);
        BY_PREFIX.put("xml", XML_NS);
    }


    static int kind(String uri) {
        Integer k = BY_URI.get(uri);
        if (k != null) return k;
        String lower = uri.toLowerCase(Locale.ROOT);
        k = BY_URI.get(lower);
        if (k != null) return k;
        if (lower.startsWith("http://www.itunes.com/dtds/podcast")) return ITUNES;
        if (lower.startsWith("http://purl.org/atom/ns#") || lower.equals("http://www.w3.org/2005/atom")) return CORE;
        if (lower.endsWith("/mrss") || lower.endsWith("/mrss/")) return MEDIA;
        // RSS 2.0's namespace never settled: userland and harvard URIs of any revision are the core vocabulary.
        if (lower.startsWith("http://backend.userland.com/rss") || lower.startsWith("http://blogs.law.harvard.edu/tech/rss")) return CORE;
        if (lower.startsWith("http://search.yahoo.com/mrss")) return MEDIA;
        return OTHER;
    }

    /** The usual namespace of a prefix a sloppy feed forgot to declare, or null. */
    static @Nullable String guess(String prefix) {
        return BY_PREFIX.get(prefix.toLowerCase(Locale.ROOT));
    }
}
