package org.worldwire.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * English words that tell a place name from an ordinary word or a person's name, read from the bundled
 * {@code words.tsv.gz} (built from word frequencies in film subtitles and lists of first names). Immutable.
 * The words are packed in one {@link PackedKeys} with a byte of flags each, not in sets of strings.
 */
final class Words {
    private static final byte COMMON = 1, FIRST_NAME = 2;
    private final PackedKeys words;
    private final byte[] flags;

    private Words(PackedKeys words, byte[] flags) {
        this.words = words;
        this.flags = flags;
    }

    /** An English word mostly written in lower case ("police", "nice", "over"), given in its folded form. */
    boolean common(String folded) {
        return (flags(folded) & COMMON) != 0;
    }

    /** A common first name that is no ordinary word ("mary", "chad", "georgia"; not "bill" or "rose"). */
    boolean firstName(String folded) {
        return flags(folded) == FIRST_NAME;
    }

    private int flags(String folded) {
        int i = words.indexOf(folded);
        return i < 0 ? 0 : flags[i];
    }

    static Words read() {
        var words = new LinkedHashMap<String, Byte>(48_000);
        try (InputStream raw = Objects.requireNonNull(Words.class.getResourceAsStream("words.tsv.gz"),
                        "enrich: bundled words.tsv.gz is missing; run scripts/build-gazetteer.sh");
                var r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab <= 0) continue;
                String word = line.substring(0, tab);
                String flags = line.substring(tab + 1);
                int f = (flags.indexOf('w') >= 0 ? COMMON : 0) | (flags.indexOf('g') >= 0 ? FIRST_NAME : 0);
                if (f != 0) words.merge(word, (byte) f, (a, b) -> (byte) (a | b));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("enrich: cannot read bundled words.tsv.gz", e);
        }
        var packed = new PackedKeys(words.keySet());
        byte[] flags = new byte[packed.size()];
        int i = 0;
        for (byte f : words.values()) flags[i++] = f;
        return new Words(packed, flags);
    }
}
