package org.worldwire.web.admin;

import java.util.List;
import org.worldwire.model.Source;
import org.worldwire.store.SourceHealth;

/** What the operator can change, implemented by the application so a new source is polled at once. */
public interface AdminActions {
    List<SourceHealth> health();

    /**
     * Adds a source, or returns the existing one with the same feed URL.
     *
     * @throws IllegalArgumentException when the URL or a code is malformed (the message says which)
     */
    Source addSource(SourceForm form);

    boolean removeSource(long id);

    /**
     * Adds every feed of an OPML document.
     *
     * @throws IllegalArgumentException when the document is not OPML at all
     */
    ImportResult importOpml(byte[] opml);

    /** What the operator typed in the add-source form or sent to the API. */
    record SourceForm(String feedUrl, @org.jspecify.annotations.Nullable String title,
            @org.jspecify.annotations.Nullable String country, @org.jspecify.annotations.Nullable String language,
            boolean fullText) {}

    /** @param problems outlines skipped and why, at most a hundred */
    record ImportResult(int added, int existing, List<String> problems) {}
}
