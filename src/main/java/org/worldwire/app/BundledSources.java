package org.worldwire.app;

import java.util.List;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.opml.Opml;

/** The world-news feeds an empty installation starts with (the bundled OPML). */
final class BundledSources {
    private BundledSources() {}

    static List<Source> load() {
        return Opml.seedSources().stream().map(s -> s.toSource(DisplayPolicy.EXCERPT)).toList();
    }
}
