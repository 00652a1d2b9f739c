package org.worldwire.feed;

import org.jspecify.annotations.Nullable;

/** What a document reader tells the feed builder, whichever reader (strict StAX or lenient recovery) it is. */
interface XmlSink {

    /** The attributes of the element just started; valid only during {@link #start}. */
    interface Attributes {
        int count();

        String namespace(int i);

        String localName(int i);

        String value(int i);

        /** The value of the attribute with this local name (in any case, as feeds vary it) and no namespace, or null. */
        @Nullable String get(String localName);

        /** The value of xml:base, or null. */
        @Nullable String xmlBase();
    }

    void start(String namespace, String localName, Attributes attributes);

    void text(char[] chars, int offset, int length);

    void text(String text);

    void end();

    /** True once the sink wants no more events (its budget is spent). */
    boolean full();
}
