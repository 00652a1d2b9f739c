package org.worldwire.enrich;

import org.jspecify.annotations.Nullable;

/** Tells the language of a text. Thread-safe once built. */
public final class LanguageIdentifier {
    /** Interim: trusts the prior; replaced by a real identifier. */
    public static LanguageIdentifier load() {
        return new LanguageIdentifier();
    }

    /** @return a BCP 47 primary tag ("en", "zh"), or null when the text is too short or unclear */
    public @Nullable String identify(String text, @Nullable String prior) {
        return prior;
    }
}
