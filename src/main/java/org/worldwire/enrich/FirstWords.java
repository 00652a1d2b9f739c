package org.worldwire.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For each word that begins a name of several words, the most words such a name has ("new" 3, from "new south
 * wales"). The geotagger tries every span of capitalised words from the longest a name may have down to one, making a
 * key and a lookup of each; a span no name begins with its first word is one it need not make at all (those keys and
 * their lookups were 4 % of the bytes and 3 % of the CPU of ingest). Immutable.
 */
final class FirstWords {
    private final PackedKeys words;
    private final byte[] longest;

    private FirstWords(PackedKeys words, byte[] longest) {
        this.words = words;
        this.longest = longest;
    }

    /**
     * The most words of any name that begins with {@code word} followed by a space (keys as {@link Gazetteer#key}
     * makes them); 1 when none does.
     */
    int longest(String word) {
        int i = words.indexOf(word);
        return i < 0 ? 1 : longest[i];
    }

    /** Collects names (lookup keys); single words are ignored. */
    static final class Builder {
        private final Map<String, Integer> most = new LinkedHashMap<>();

        Builder add(String key) {
            int space = key.indexOf(' ');
            if (space < 0) return this;
            most.merge(key.substring(0, space), Math.min(Gazetteer.words(key), Byte.MAX_VALUE), Math::max);
            return this;
        }

        FirstWords build() {
            var keys = new ArrayList<String>(most.size());
            byte[] longest = new byte[most.size()];
            for (Map.Entry<String, Integer> e : most.entrySet()) {
                longest[keys.size()] = (byte) (int) e.getValue();
                keys.add(e.getKey());
            }
            return new FirstWords(new PackedKeys(keys), longest);
        }
    }
}
