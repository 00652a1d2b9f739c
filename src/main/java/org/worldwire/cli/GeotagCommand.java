package org.worldwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.worldwire.enrich.GeoTags;
import org.worldwire.enrich.Geotagger;
import org.worldwire.enrich.LanguageIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "geotag", mixinStandardHelpOptions = true,
        description = "Tag articles (JSON lines {id,title,text[,sourceCountry][,lang]}) with countries and language. "
                + "One JSON line per article on stdout; the throughput goes to stderr.")
final class GeotagCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, paramLabel = "ARTICLES.jsonl")
    Path in;

    @Override
    public Integer call() throws Exception {
        long loadStart = System.nanoTime();
        Geotagger tagger = Geotagger.load();
        LanguageIdentifier lang = LanguageIdentifier.load();
        long loadNanos = System.nanoTime() - loadStart;
        int articles = 0, bad = 0, lineNo = 0;
        long tagNanos = 0;
        var stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try (BufferedReader r = Files.newBufferedReader(in)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode a;
                try {
                    a = Json.MAPPER.readTree(line);
                } catch (Exception e) {
                    bad++;
                    System.err.println("geotag: line " + lineNo + " is not JSON (" + e.getMessage().lines().findFirst().orElse("") + "), skipped");
                    continue;
                }
                String title = a.path("title").asText(""), text = a.path("text").asText("");
                String source = a.hasNonNull("sourceCountry") ? a.get("sourceCountry").asText() : null;
                String prior = a.hasNonNull("lang") ? a.get("lang").asText() : null;
                long t0 = System.nanoTime();
                GeoTags tags = tagger.tag(title, text, source);
                String language = lang.identify(title + "\n" + text, prior);
                tagNanos += System.nanoTime() - t0;
                articles++;
                var out = new LinkedHashMap<String, Object>();
                out.put("id", a.get("id"));
                out.put("countries", tags.countries());
                out.put("primary", tags.primary());
                out.put("organisations", tags.organisations());
                out.put("lang", language);
                stdout.write(Json.MAPPER.writeValueAsString(out));
                stdout.newLine();
            }
        }
        stdout.flush();
        double perSecond = tagNanos == 0 ? 0 : articles / (tagNanos / 1e9);
        System.err.printf("geotag: %d articles (%d bad lines skipped), %.0f articles/s on one thread (gazetteer and language profiles loaded in %d ms)%n",
                articles, bad, perSecond, loadNanos / 1_000_000);
        return 0;
    }
}
