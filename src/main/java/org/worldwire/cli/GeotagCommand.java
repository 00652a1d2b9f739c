package org.worldwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.worldwire.enrich.Geotagger;
import org.worldwire.enrich.LanguageIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "geotag", mixinStandardHelpOptions = true, description = "Tag articles (JSON lines {id,title,text}) with countries and language.")
final class GeotagCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, paramLabel = "ARTICLES.jsonl")
    Path in;

    @Override
    public Integer call() throws Exception {
        Geotagger tagger = Geotagger.load();
        LanguageIdentifier lang = LanguageIdentifier.load();
        try (BufferedReader r = Files.newBufferedReader(in)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode a = Json.MAPPER.readTree(line);
                String title = a.path("title").asText(""), text = a.path("text").asText("");
                var tags = tagger.tag(title, text, null);
                var out = new LinkedHashMap<String, Object>();
                out.put("id", a.get("id"));
                out.put("countries", tags.countries());
                out.put("primary", tags.primary());
                out.put("lang", lang.identify(title + "\n" + text, null));
                System.out.println(Json.MAPPER.writeValueAsString(out));
            }
        }
        return 0;
    }
}
