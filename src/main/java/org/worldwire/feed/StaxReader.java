package org.worldwire.feed;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * The fast path: a streaming StAX read of a well-formed document. DTDs and external entities are off, so neither
 * entity expansion (billion laughs) nor external fetches (XXE) can happen; entity references the document did not
 * define are decoded as HTML named entities, which is what feed authors mean by them.
 */
final class StaxReader {
    private StaxReader() {}

    /**
     * Factories configured to reuse their reader: creating a reader costs more than parsing a small feed. A factory
     * with a reader to reuse serves one parse at a time, so parses take one from this pool and give it back.
     */
    private static final java.util.concurrent.ConcurrentLinkedQueue<XMLInputFactory> POOL = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final int POOL_MAX = 64;

    private static XMLInputFactory factory() {
        // The JDK's own implementation, whose entity limits are set below: newFactory() asked every jar on the class
        // path for another one at each new factory, and would have taken the first it found.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        trySet(f, "reuse-instance", Boolean.TRUE);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        trySet(f, "jdk.xml.entityExpansionLimit", "1000");
        trySet(f, "jdk.xml.maxGeneralEntitySizeLimit", "65536");
        trySet(f, "jdk.xml.totalEntitySizeLimit", "1000000");
        trySet(f, "jdk.xml.elementAttributeLimit", "1000");
        trySet(f, "jdk.xml.maxElementDepth", "20000");
        return f;
    }

    private static void trySet(XMLInputFactory f, String name, Object value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException e) {
            // A JDK that lacks one of these limits: the other protections still hold.
        }
    }

    /** Reads the document into the sink; returns null when it was well-formed, else what was wrong. */
    static @Nullable String read(String text, XmlSink sink, InternalEntities entities) {
        XMLStreamReader r = null;
        XMLInputFactory factory = POOL.poll();
        if (factory == null) factory = factory();
        try {
            r = factory.createXMLStreamReader(new StringReader(text));
            Attrs attrs = new Attrs(r);
            while (r.hasNext()) {
                if (sink.full()) return null;
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String ns = r.getNamespaceURI();
                        sink.start(ns == null ? "" : ns, r.getLocalName(), attrs);
                    }
                    case XMLStreamConstants.END_ELEMENT -> sink.end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            sink.text(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        String name = r.getLocalName();
                        String value = entities.expand(name);
                        if (value == null) value = HtmlText.entity(name);
                        sink.text(value != null ? value : "&" + name + ";");
                    }
                    default -> {}
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            String msg = e.getMessage();
            return msg == null ? e.getClass().getSimpleName() : msg.replaceAll("\\s+", " ").strip();
        } finally {
            boolean closed = r == null;
            if (r != null) {
                try {
                    r.close();
                    closed = true;
                } catch (XMLStreamException | RuntimeException ignored) {
                    // nothing is held open on a string; a reader that would not close is not reused
                }
            }
            if (closed && POOL.size() < POOL_MAX) POOL.offer(factory);
        }
    }

    private static final class Attrs implements XmlSink.Attributes {
        private final XMLStreamReader r;

        Attrs(XMLStreamReader r) {
            this.r = r;
        }

        @Override
        public int count() {
            return r.getAttributeCount();
        }

        @Override
        public String namespace(int i) {
            String ns = r.getAttributeNamespace(i);
            return ns == null ? "" : ns;
        }

        @Override
        public String localName(int i) {
            return r.getAttributeLocalName(i);
        }

        @Override
        public String value(int i) {
            return r.getAttributeValue(i);
        }

        @Override
        public @Nullable String get(String localName) {
            for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                if (r.getAttributeLocalName(i).equalsIgnoreCase(localName)) {
                    String ns = r.getAttributeNamespace(i);
                    if (ns == null || ns.isEmpty()) return r.getAttributeValue(i);
                }
            }
            return null;
        }

        @Override
        public @Nullable String xmlBase() {
            int n = r.getAttributeCount();
            if (n == 0) return null;
            for (int i = 0; i < n; i++) {
                if (r.getAttributeLocalName(i).equals("base") && Namespaces.XML_NS.equals(r.getAttributeNamespace(i))) {
                    return r.getAttributeValue(i);
                }
            }
            return null;
        }
    }
}
