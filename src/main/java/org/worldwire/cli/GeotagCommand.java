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

    @Option(names = "--warm-passes", defaultValue = "0", paramLabel = "N",
            description = "Before printing, tag the input N times without output, so the printed throughput is the JIT-warm one.")
    int warmPasses;

    @Override
    public Integer call() throws Exception {
        long loadStart = System.nanoTime();
        Geotagger tagger = Geotagger.load();
        LanguageIdentifier lang = LanguageIdentifier.load();
        long loadNanos = System.nanoTime() - loadStart;
        // heap held once the gazetteer and the language profiles are loaded (whole process, after a collection)
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        for (int pass = 0; pass < warmPasses; pass++) warm(tagger, lang);
        int articles = 0, bad = 0, lineNo = 0;
        // CPU time of this thread: what one core does, however busy the machine is; wall time printed beside it
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long tagNanos = 0, wallNanos = 0;
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
                long t0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                GeoTags tags = tagger.tag(title, text, source);
                String language = lang.identify(title + "\n" + text, prior);
                tagNanos += cpu.getCurrentThreadCpuTime() - t0;
                wallNanos += System.nanoTime() - w0;
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
        double perWallSecond = wallNanos == 0 ? 0 : articles / (wallNanos / 1e9);
        System.err.printf("geotag: %d articles (%d bad lines skipped), %.0f articles/s on one core (CPU time; %.0f by the wall clock%s), "
                        + "gazetteer and language profiles loaded in %d ms, heap in use after loading %d MB%n",
                articles, bad, perSecond, perWallSecond, warmPasses > 0 ? ", after " + warmPasses + " warm-up passes" : ", cold JVM",
                loadNanos / 1_000_000, heapMb);
        return 0;
    }

    private void warm(Geotagger tagger, LanguageIdentifier lang) throws java.io.IOException {
        try (BufferedReader r = Files.newBufferedReader(in)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                try {
                    JsonNode a = Json.MAPPER.readTree(line);
                    String title = a.path("title").asText(""), text = a.path("text").asText("");
                    tagger.tag(title, text, null);
                    lang.identify(title + "\n" + text, null);
                } catch (Exception e) {
                    // reported by the measured pass
                }
            }
        }
    }
}
