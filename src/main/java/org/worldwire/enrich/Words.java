package org.worldwire.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * English words that tell a place name from an ordinary word or a person's name, read from the bundled
 * {@code words.tsv.gz} (built from word frequencies in film subtitles and lists of first names). Immutable.
 */
final class Words {
    private final Set<String> common;
    private final Set<String> firstNames;

    private Words(Set<String> common, Set<String> firstNames) {
        this.common = common;
        this.firstNames = firstNames;
    }

    /** An English word mostly written in lower case ("police", "nice", "over"), given in its folded form. */
    boolean common(String folded) {
        return common.contains(folded);
    }

    /** A common first name that is no ordinary word ("mary", "chad", "georgia"; not "bill" or "rose"). */
    boolean firstName(String folded) {
        return firstNames.contains(folded) && !common.contains(folded);
    }

    static Words read() {
        var common = new HashSet<String>(32_000);
        var first = new HashSet<String>(12_000);
        try (InputStream raw = Objects.requireNonNull(Words.class.getResourceAsStream("words.tsv.gz"),
                        "enrich: bundled words.tsv.gz is missing; run scripts/build-gazetteer.sh");
                var r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab <= 0) continue;
                String word = line.substring(0, tab);
                String flags = line.substring(tab + 1);
                if (flags.indexOf('w') >= 0) common.add(word);
                if (flags.indexOf('g') >= 0) first.add(word);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("enrich: cannot read bundled words.tsv.gz", e);
        }
        return new Words(common, first); // HashSets: faster to probe than Set.copyOf for 20,000 words; never handed out
    }
}
