package org.worldwire.app;

import java.util.List;
import org.worldwire.model.Source;

/** The world-news feeds an empty installation starts with. */
final class BundledSources {
    private BundledSources() {}

    static List<Source> load() {
        return List.of();
    }
}
