package org.worldwire.opml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes OPML subscription lists (OPML 1.0 and 2.0).
 *
 * <p>Country and language of a feed travel as {@code ww:country} (ISO 3166-1 alpha-2) and {@code ww:language}
 * (ISO 639) attributes in the {@value #NAMESPACE} namespace. On reading, a plain {@code language} attribute and
 * OPML 2.0 {@code category} entries of the form {@code /country/fr} and {@code /language/fr} are understood too,
 * so lists written by other tools keep what they know.
 *
 * <p>Reading is safe on hostile input: a document with a DOCTYPE is refused before any entity could expand (no
 * billion laughs, no external entities, no network), input size, nesting depth and number of feeds are bounded.
 */
public final class Opml {
    /** The namespace of our outline attributes. */
    public static final String NAMESPACE = "https://worldwire.org/opml";
    /** Larger files are refused: the biggest public OPML directories are a few megabytes. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** Feeds beyond this many are dropped with a problem noted. */
    public static final int MAX_SOURCES = 100_000;
    /** Deeper outline nesting is refused: no real list nests folders this deep. */
    public static final int MAX_DEPTH = 64;
    /** Problems beyond this many are counted, not listed. */
    public static final int MAX_PROBLEMS = 100;

    private static final XMLInputFactory FACTORY = newFactory();

    private Opml() {}

    /**
     * The feeds of an OPML document, in document order, one per feed URL. Outlines without {@code xmlUrl} are
     * folders (their names form the category); outlines whose feed URL is not http(s) are skipped.
     *
     * @throws IllegalArgumentException when the bytes are not well-formed OPML, contain a DOCTYPE, or exceed
     *     the bounds; the message says what and where
     */
    public static List<OpmlSource> read(byte[] xml) {
        return parse(xml).sources();
    }

    /** The stored seed list: public world-news feeds on every continent, grouped by region. */
    public static List<OpmlSource> seedSources() {
        try (InputStream in = Opml.class.getResourceAsStream("seed-sources.opml")) {
            if (in == null) throw new IllegalStateException("seed-sources.opml is missing from the classpath");
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled seed list", e);
        }
    }

    /** Like {@link #read} but also gives the document's title and why outlines were skipped or corrected. */
    public static OpmlDocument parse(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length > MAX_BYTES) {
            throw new IllegalArgumentException("OPML larger than " + MAX_BYTES + " bytes (" + xml.length + ")");
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            return new Reader(r).read();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("malformed OPML" + where(e.getLocation()) + ": " + firstLine(e.getMessage()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing an in-memory reader frees nothing worth reporting
                }
            }
        }
    }

    /**
     * An OPML 2.0 document listing {@code sources}, folders nested by category path in order of first appearance,
     * feeds without a category directly in the body.
     */
    public static String write(List<OpmlSource> sources, String title) {
        Objects.requireNonNull(sources, "sources");
        Folder root = new Folder("");
        for (OpmlSource s : sources) {
            Folder f = root;
            if (s.category() != null) {
                for (String segment : s.category().split("/")) {
                    if (!segment.isBlank()) f = f.child(segment.strip());
                }
            }
            f.feeds.add(s);
        }
        StringBuilder out = new StringBuilder(256 + sources.size() * 200);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<opml version=\"2.0\" xmlns:ww=\"").append(NAMESPACE).append("\">\n");
        out.append("  <head>\n    <title>");
        escape(out, title == null ? "" : title, false);
        out.append("</title>\n  </head>\n  <body>\n");
        writeFolder(out, root, 2);
        out.append("  </body>\n</opml>\n");
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
        return f;
    }

    /** One pass over the stream with a stack of folder names. */
    private static final class Reader {
        private final XMLStreamReader r;
        private final List<OpmlSource> sources = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private final List<String> problems = new ArrayList<>();
        private final List<@Nullable String> folders = new ArrayList<>();
        private int problemCount;
        private @Nullable String title;

        Reader(XMLStreamReader r) {
            this.r = r;
        }

        OpmlDocument read() throws XMLStreamException {
            boolean rootSeen = false, inHead = false, inBody = false;
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new IllegalArgumentException(
                            "OPML with a DOCTYPE is refused" + where(r.getLocation())
                                    + ": DTDs can define entities that expand without bound");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new IllegalArgumentException(
                            "undeclared entity &" + r.getLocalName() + ";" + where(r.getLocation()));
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw new IllegalArgumentException("OPML nested deeper than " + MAX_DEPTH + where(r.getLocation()));
                        }
                        String name = r.getLocalName();
                        if (!rootSeen) {
                            rootSeen = true;
                            if (!name.equalsIgnoreCase("opml")) {
                                throw new IllegalArgumentException("not OPML: the root element is <" + name + ">");
                            }
                        } else if (depth == 2 && name.equalsIgnoreCase("head")) {
                            inHead = true;
                        } else if (depth == 2 && name.equalsIgnoreCase("body")) {
                            inBody = true;
                        } else if (inHead && depth == 3 && name.equalsIgnoreCase("title") && title == null) {
                            String t = r.getElementText().strip();
                            depth--; // getElementText consumed the end tag
                            title = t.isEmpty() ? null : t;
                        } else if (inBody && name.equalsIgnoreCase("outline")) {
                            outline();
                        } else if (inBody) {
                            folders.add(null); // unknown element inside the body: keep the stack balanced
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = r.getLocalName();
                        if (depth == 2 && name.equalsIgnoreCase("head")) inHead = false;
                        else if (depth == 2 && name.equalsIgnoreCase("body")) inBody = false;
                        else if (inBody && !folders.isEmpty()) folders.removeLast();
                        depth--;
                    }
                    default -> { }
                }
            }
            if (!rootSeen) throw new IllegalArgumentException("empty document: no <opml> element");
            if (problemCount > problems.size()) problems.add("... and " + (problemCount - problems.size()) + " more problems");
            return new OpmlDocument(title, sources, problems);
        }

        private void outline() {
            String xmlUrl = null, htmlUrl = null, titleAttr = null, text = null, language = null, category = null;
            String wwCountry = null, wwLanguage = null;
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String ns = r.getAttributeNamespace(i);
                String local = r.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
                String value = r.getAttributeValue(i);
                if (NAMESPACE.equals(ns)) {
                    if (local.equals("country")) wwCountry = value;
                    else if (local.equals("language")) wwLanguage = value;
                } else if (ns == null || ns.isEmpty()) {
                    switch (local) {
                        case "xmlurl" -> xmlUrl = value;
                        case "htmlurl" -> htmlUrl = value;
                        case "title" -> titleAttr = value;
                        case "text" -> text = value;
                        case "language" -> language = value;
                        case "category" -> category = value;
                        default -> { }
                    }
                }
            }
            String name = firstNonBlank(titleAttr, text);
            if (xmlUrl == null || xmlUrl.isBlank()) {
                folders.add(name == null ? null : name.strip().replace('/', '-'));
                return;
            }
            folders.add(null); // outlines nested under a feed keep the feed's folder path
            String url = xmlUrl.strip();
            String label = name == null ? url : name.strip();
            if (!isHttp(url)) {
                problem("skipped '" + abbreviate(label) + "': feed URL is not http(s): " + abbreviate(url));
                return;
            }
            if (sources.size() >= MAX_SOURCES) {
                problem("skipped '" + abbreviate(label) + "': more than " + MAX_SOURCES + " feeds");
                return;
            }
            if (!seen.add(url)) {
                problem("skipped '" + abbreviate(label) + "': feed URL listed twice: " + abbreviate(url));
                return;
            }
            String country = firstNonBlank(wwCountry, categoryValue(category, "country"));
            String lang = firstNonBlank(wwLanguage, language, categoryValue(category, "language"));
            sources.add(new OpmlSource(url, label, isHttp(htmlUrl) ? htmlUrl : null,
                    country(country, label), language(lang, label), folderPath(category)));
        }

        private @Nullable String folderPath(@Nullable String categoryAttr) {
            StringBuilder sb = new StringBuilder();
            for (String f : folders) {
                if (f == null || f.isBlank()) continue;
                if (!sb.isEmpty()) sb.append('/');
                sb.append(f);
            }
            if (!sb.isEmpty()) return sb.toString();
            if (categoryAttr == null) return null;
            // OPML 2.0: comma-separated, slash-delimited category strings; our own markers are not categories.
            for (String c : categoryAttr.split(",")) {
                String path = c.strip();
                while (path.startsWith("/")) path = path.substring(1);
                String lower = path.toLowerCase(Locale.ROOT);
                if (!path.isEmpty() && !lower.startsWith("country/") && !lower.startsWith("language/")) return path;
            }
            return null;
        }

        private @Nullable String country(@Nullable String raw, String label) {
            if (raw == null) return null;
            String c = raw.strip();
            if (c.length() == 2 && isAsciiLetters(c)) return c.toUpperCase(Locale.ROOT);
            problem("'" + abbreviate(label) + "': ignored country '" + abbreviate(c) + "', not an ISO 3166 alpha-2 code");
            return null;
        }

        private @Nullable String language(@Nullable String raw, String label) {
            if (raw == null) return null;
            String tag = raw.strip();
            int cut = indexOfAny(tag, '-', '_');
            String primary = cut < 0 ? tag : tag.substring(0, cut);
            if ((primary.length() == 2 || primary.length() == 3) && isAsciiLetters(primary)) {
                return primary.toLowerCase(Locale.ROOT);
            }
            problem("'" + abbreviate(label) + "': ignored language '" + abbreviate(tag) + "', not an ISO 639 code");
            return null;
        }

        private void problem(String message) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) problems.add(message + where(r.getLocation()));
        }
    }

    /** The value of a {@code /key/value} entry in an OPML 2.0 category attribute, or null. */
    private static @Nullable String categoryValue(@Nullable String category, String key) {
        if (category == null) return null;
        for (String c : category.split(",")) {
            String[] parts = c.strip().split("/");
            // "/country/fr" splits into "", "country", "fr"
            if (parts.length == 3 && parts[0].isEmpty() && parts[1].equalsIgnoreCase(key) && !parts[2].isBlank()) {
                return parts[2].strip();
            }
        }
        return null;
    }

    private static final class Folder {
        final String name;
        final Map<String, Folder> children = new LinkedHashMap<>();
        final List<OpmlSource> feeds = new ArrayList<>();

        Folder(String name) {
            this.name = name;
        }

        Folder child(String childName) {
            return children.computeIfAbsent(childName, Folder::new);
        }
    }

    private static void writeFolder(StringBuilder out, Folder folder, int level) {
        for (OpmlSource s : folder.feeds) {
            indent(out, level);
            out.append("<outline type=\"rss\"");
            attribute(out, "text", s.title());
            attribute(out, "title", s.title());
            attribute(out, "xmlUrl", s.feedUrl());
            if (s.siteUrl() != null) attribute(out, "htmlUrl", s.siteUrl());
            if (s.country() != null) attribute(out, "ww:country", s.country());
            if (s.language() != null) attribute(out, "ww:language", s.language());
            out.append("/>\n");
        }
        for (Folder child : folder.children.values()) {
            indent(out, level);
            out.append("<outline");
            attribute(out, "text", child.name);
            attribute(out, "title", child.name);
            out.append(">\n");
            writeFolder(out, child, level + 1);
            indent(out, level);
            out.append("</outline>\n");
        }
    }

    private static void indent(StringBuilder out, int level) {
        out.repeat("  ", level);
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"");
        escape(out, value, true);
        out.append('"');
    }

    /**
     * Escapes markup characters; in attributes also tabs and line breaks, which a parser would otherwise normalise
     * to spaces. Characters XML 1.0 cannot carry at all (most C0 controls, unpaired surrogates, U+FFFE/U+FFFF) are
     * dropped: no escape can represent them.
     */
    static void escape(StringBuilder out, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) continue;
                    if (Character.isHighSurrogate(c)) {
                        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        }
                        continue;
                    }
                    if (Character.isLowSurrogate(c)) continue;
                    out.append(c);
                }
            }
        }
    }

    private static boolean isHttp(@Nullable String url) {
        if (url == null) return false;
        String u = url.strip().toLowerCase(Locale.ROOT);
        return (u.startsWith("http://") || u.startsWith("https://")) && u.length() > u.indexOf("//") + 2;
    }

    private static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    private static boolean isAsciiLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
        }
        return !s.isEmpty();
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) return i;
        }
        return -1;
    }

    private static String where(@Nullable Location location) {
        if (location == null || location.getLineNumber() < 0) return "";
        return " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) return "unknown error";
        String m = message.strip();
        int nl = m.lastIndexOf("Message: ");
        if (nl >= 0) m = m.substring(nl + "Message: ".length());
        int eol = m.indexOf('\n');
        return eol < 0 ? m : m.substring(0, eol);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
