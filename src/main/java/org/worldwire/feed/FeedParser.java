package org.worldwire.feed;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;

/** Parses feed documents. Never throws on bad input: problems are reported in the result. */
public final class FeedParser {
    private FeedParser() {}

    /** Interim minimal RSS/Atom reader; replaced by the conformant streaming parser. */
    public static ParsedFeed parse(byte[] body, FeedContext context) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<FeedEntry> entries = new ArrayList<>();
        String feedTitle = null;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(body));
            String id = null, link = null, title = null, summary = null;
            boolean inItem = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if (n.equals("item") || n.equals("entry")) {
                        inItem = true;
                        id = link = title = summary = null;
                    } else if (n.equals("link") && r.getAttributeValue(null, "href") != null && inItem) {
                        link = r.getAttributeValue(null, "href");
                    } else if (n.equals("title") || n.equals("link") || n.equals("guid") || n.equals("id")
                            || n.equals("description") || n.equals("summary")) {
                        String t = r.getElementText().strip();
                        if (!inItem) {
                            if (n.equals("title") && feedTitle == null) feedTitle = t;
                        } else switch (n) {
                            case "title" -> title = t;
                            case "link" -> link = t;
                            case "guid", "id" -> id = t;
                            default -> summary = t;
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT
                        && (r.getLocalName().equals("item") || r.getLocalName().equals("entry"))) {
                    inItem = false;
                    entries.add(new FeedEntry(id, link, title, summary, null, null, null, null, List.of(), List.of()));
                }
            }
        } catch (XMLStreamException e) {
            return new ParsedFeed("unknown", feedTitle, null, null, null, List.of(), null, entries,
                    List.of("not well-formed XML: " + e.getMessage()));
        }
        return new ParsedFeed("rss20", feedTitle, null, null, null, List.of(), null, entries, List.of());
    }
}
