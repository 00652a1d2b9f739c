package org.worldwire.web.admin;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Feed outlines of an uploaded OPML file, read with DTDs and external entities off (an upload is untrusted).
 * Only what the admin import needs; the full reader and writer is {@code org.worldwire.opml} once merged.
 */
final class OpmlOutlines {
    static final int MAX_BYTES = 16 * 1024 * 1024;
    static final int MAX_OUTLINES = 100_000;

    record Outline(String xmlUrl, @Nullable String title, @Nullable String language) {}

    private OpmlOutlines() {}

    static List<Outline> read(byte[] xml) {
        if (xml.length > MAX_BYTES) throw new IllegalArgumentException("OPML file larger than " + MAX_BYTES + " bytes");
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        List<Outline> out = new ArrayList<>();
        boolean sawOpml = false;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                    String name = r.getLocalName();
                    if (name.equalsIgnoreCase("opml")) sawOpml = true;
                    if (!name.equalsIgnoreCase("outline")) continue;
                    String url = attr(r, "xmlUrl");
                    if (url == null) continue;
                    String title = attr(r, "title");
                    if (title == null) title = attr(r, "text");
                    out.add(new Outline(url.strip(), title, attr(r, "language")));
                    if (out.size() >= MAX_OUTLINES) break;
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not a readable OPML file: " + e.getMessage(), e);
        }
        if (!sawOpml) throw new IllegalArgumentException("not an OPML file: no <opml> element");
        return out;
    }

    private static @Nullable String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                String v = r.getAttributeValue(i);
                return v == null || v.isBlank() ? null : v;
            }
        }
        return null;
    }
}
