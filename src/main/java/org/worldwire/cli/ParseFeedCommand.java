package org.worldwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.worldwire.feed.FeedContext;
import org.worldwire.feed.FeedParser;
import org.worldwire.model.Enclosure;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "parse-feed", mixinStandardHelpOptions = true,
        description = {"Parse a feed file and print it as one JSON line.",
                "With --cases, parse every file of a conformance cases.jsonl and print RESULTS.jsonl."})
final class ParseFeedCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a feed file (RSS, Atom, JSON Feed)")
    @Nullable Path file;

    @Option(names = "--url", description = "the URL the feed was fetched from (base of relative links)")
    @Nullable String url;

    @Option(names = "--header", paramLabel = "'Name: value'",
            description = "an HTTP response header the feed came with (Content-Type, Content-Location); repeatable")
    List<String> headers = new ArrayList<>();

    @Option(names = "--cases", paramLabel = "CASES.jsonl", description = "a conformance cases file: parse every file it names")
    @Nullable Path cases;

    @Option(names = "--root", paramLabel = "DIR", description = "the directory the files of --cases are relative to (default: its directory)")
    @Nullable Path root;

    @Override
    public Integer call() throws IOException {
        if (cases != null) return runCases(cases);
        if (file == null) {
            System.err.println("parse-feed: give a FILE or --cases CASES.jsonl");
            return 2;
        }
        Map<String, String> h = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                System.err.println("parse-feed: a header must look like 'Name: value': " + header);
                return 2;
            }
            h.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        ParsedFeed feed = FeedParser.parse(Files.readAllBytes(file), context(url, h));
        ObjectNode out = toJson(feed);
        out.put("format", feed.format());
        ArrayNode hubs = out.putArray("hubs");
        feed.hubs().forEach(hubs::add);
        out.put("self", feed.self());
        ArrayNode problems = out.putArray("problems");
        feed.problems().forEach(problems::add);
        System.out.println(Json.MAPPER.writeValueAsString(out));
        return 0;
    }

    private static FeedContext context(@Nullable String url, Map<String, String> lowerCaseHeaders) {
        return new FeedContext(url, lowerCaseHeaders.get("content-type"), lowerCaseHeaders.get("content-location"));
    }

    /** One process for the whole suite: every distinct file once, with the HTTP context of its first case. */
    private int runCases(Path casesFile) throws IOException {
        Path dir = root != null ? root : casesFile.toAbsolutePath().getParent();
        Map<String, FeedContext> files = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(casesFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode c = Json.MAPPER.readTree(line);
                String f = c.path("file").asText(null);
                if (f == null || files.containsKey(f)) continue;
                JsonNode http = c.get("http");
                FeedContext ctx = FeedContext.NONE;
                if (http != null && http.isObject()) {
                    Map<String, String> h = new LinkedHashMap<>();
                    http.path("headers").properties().forEach(e -> h.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
                    ctx = context(http.path("url").asText(null), h);
                }
                files.put(f, ctx);
            }
        }
        try (PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)))) {
            for (Map.Entry<String, FeedContext> e : files.entrySet()) {
                ParsedFeed feed;
                try {
                    feed = FeedParser.parse(Files.readAllBytes(dir.resolve(e.getKey())), e.getValue());
                } catch (IOException ex) {
                    feed = ParsedFeed.unreadable("cannot read " + e.getKey() + ": " + ex.getMessage());
                }
                ObjectNode line = Json.MAPPER.createObjectNode();
                line.put("file", e.getKey());
                line.setAll(toJson(feed));
                out.println(Json.MAPPER.writeValueAsString(line));
            }
        }
        return 0;
    }

    /** The RESULTS.jsonl schema of the feed conformance suite. */
    static ObjectNode toJson(ParsedFeed feed) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode f = out.putObject("feed");
        f.put("title", feed.title());
        f.put("link", feed.link());
        f.put("subtitle", feed.subtitle());
        f.put("updated", iso(feed.updated()));
        ArrayNode entries = out.putArray("entries");
        for (FeedEntry e : feed.entries()) {
            ObjectNode j = entries.addObject();
            j.put("title", e.title());
            j.put("link", e.link());
            j.put("id", e.id());
            j.put("summary", e.summary());
            j.put("content", e.content());
            j.put("published", iso(e.published()));
            j.put("updated", iso(e.updated()));
            j.put("author", e.author());
            ArrayNode cats = j.putArray("categories");
            e.categories().forEach(cats::add);
            ArrayNode encs = j.putArray("enclosures");
            for (Enclosure x : e.enclosures()) {
                ObjectNode en = encs.addObject();
                en.put("url", x.url());
                en.put("type", x.type());
                en.put("length", x.length());
            }
        }
        return out;
    }

    private static @Nullable String iso(@Nullable Instant t) {
        return t == null ? null : t.toString();
    }
}
