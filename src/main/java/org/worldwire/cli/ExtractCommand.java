package org.worldwire.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.worldwire.extract.ArticleExtractor;
import org.worldwire.extract.Extraction;
import org.worldwire.model.ArticleContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Extract the article from an HTML file or URL and print it as JSON.",
            "With --batch, extract every DIR/ID.html in one process, write {\"ID\": {text, title, author, date}} to --out,"
                    + " and print 'docs N seconds S' for the extraction loop alone."
        })
final class ExtractCommand implements Callable<Integer> {
    private static final int MAX_FETCH_BYTES = 20 * 1024 * 1024;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|URL", description = "an HTML file, or an http(s) URL to fetch")
    @Nullable String input;

    @Option(names = "--batch", paramLabel = "DIR", description = "extract every DIR/*.html")
    @Nullable Path batch;

    @Option(names = "--out", paramLabel = "OUT.json", description = "where --batch writes its results")
    @Nullable Path out;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "passes over the --batch set (timing)")
    int repeat;

    @Option(names = "--url", paramLabel = "URL", description = "the page's URL when extracting a FILE")
    @Nullable String url;

    @Override
    public Integer call() throws Exception {
        if (batch != null) return runBatch(batch);
        if (input == null) throw new IllegalArgumentException("give a FILE or URL, or --batch DIR --out OUT.json");
        String lower = input.toLowerCase(Locale.ROOT);
        Extraction result;
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            Fetched page = fetch(input);
            result = ArticleExtractor.extractDetailed(page.body(), page.url(), page.contentType());
        } else {
            Path file = Path.of(input);
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no such file: " + input);
            result = ArticleExtractor.extractDetailed(Files.readAllBytes(file), url, null);
        }
        System.out.println(Json.MAPPER.writeValueAsString(single(result)));
        return 0;
    }

    private static Map<String, Object> single(Extraction x) {
        ArticleContent c = x.content();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("authors", c.authors());
        m.put("published", x.published() == null ? null : x.published().toString());
        m.put("modified", x.modified() == null ? null : x.modified().toString());
        m.put("siteName", c.siteName());
        m.put("description", c.description());
        m.put("canonicalUrl", c.canonicalUrl());
        m.put("language", c.language());
        m.put("leadImage", c.leadImage());
        m.put("paragraphs", c.paragraphs());
        m.put("text", c.text());
        return m;
    }

    private Integer runBatch(Path dir) throws IOException {
        if (out == null) throw new IllegalArgumentException("--batch needs --out OUT.json");
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("not a directory: " + dir);
        if (repeat < 1) throw new IllegalArgumentException("--repeat must be at least 1");
        List<String> ids = new ArrayList<>();
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".html") || !Files.isRegularFile(p)) continue;
                ids.add(name.substring(0, name.length() - 5));
                pages.add(Files.readAllBytes(p));
            }
        }
        Extraction[] results = new Extraction[pages.size()];
        long start = System.nanoTime();
        for (int pass = 0; pass < repeat; pass++) {
            for (int i = 0; i < pages.size(); i++) {
                results[i] = ArticleExtractor.extractDetailed(pages.get(i), null, null);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ObjectNode root = Json.MAPPER.createObjectNode();
        for (int i = 0; i < ids.size(); i++) {
            Extraction x = results[i];
            ObjectNode o = root.putObject(ids.get(i));
            o.put("text", x.content().text());
            o.put("title", x.content().title());
            o.put("author", x.content().authors().isEmpty() ? null : String.join("; ", x.content().authors()));
            o.put("date", x.published() == null ? null : x.published().toString());
        }
        Json.MAPPER.writeValue(out.toFile(), root);
        System.out.printf(Locale.ROOT, "docs %d seconds %.3f%n", (long) pages.size() * repeat, seconds);
        return 0;
    }

    private record Fetched(byte[] body, String url, @Nullable String contentType) {}

    /** A plain GET with a timeout and a size cap; the ingest pipeline has the full fetcher, this is for trying pages. */
    private static Fetched fetch(String address) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(address))
                .timeout(Duration.ofSeconds(20))
                .header("User-Agent", "worldwire-extract/0.1")
                .GET()
                .build();
        HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (resp.statusCode() / 100 != 2) {
            resp.body().close();
            throw new IOException("fetch " + address + ": HTTP " + resp.statusCode());
        }
        byte[] body;
        try (InputStream in = resp.body()) {
            body = in.readNBytes(MAX_FETCH_BYTES + 1);
        }
        if (body.length > MAX_FETCH_BYTES) throw new IOException("fetch " + address + ": larger than " + MAX_FETCH_BYTES + " bytes");
        return new Fetched(body, resp.uri().toString(), resp.headers().firstValue("Content-Type").orElse(null));
    }
}
