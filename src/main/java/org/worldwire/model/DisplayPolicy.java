package org.worldwire.model;

/** How much of a source's article text readers see on our pages. */
public enum DisplayPolicy {
    /** A short excerpt and a prominent link to the original: the safe default for third-party sources. */
    EXCERPT,
    /** The whole extracted text, for sources whose licence allows it. */
    FULL_TEXT
}
