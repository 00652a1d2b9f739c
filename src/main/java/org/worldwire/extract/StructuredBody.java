package org.worldwire.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Decides between the DOM body and a JSON-LD {@code articleBody}. */
final class StructuredBody {
    private StructuredBody() {}

    static List<String> choose(List<String> dom, @Nullable String articleBody) {
        return dom;
    }
}
