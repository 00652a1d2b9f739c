package org.worldwire.opml;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an OPML file held: its title, the feeds that could be read, and why any others were skipped.
 *
 * @param title the {@code head/title} of the file, or null
 * @param sources the feeds in document order, at most one per feed URL
 * @param problems one line per skipped or corrected outline, at most {@link Opml#MAX_PROBLEMS}
 */
public record OpmlDocument(@Nullable String title, List<OpmlSource> sources, List<String> problems) {
    public OpmlDocument {
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }
}
