package org.worldwire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.worldwire.feed.FeedContext;
import org.worldwire.feed.FeedParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "parse-feed", mixinStandardHelpOptions = true, description = "Parse a feed file and print it as one JSON line.")
final class ParseFeedCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a feed file (RSS, Atom, JSON Feed)")
    Path file;

    @Option(names = "--url", description = "the URL the feed was fetched from (base of relative links)")
    String url;

    @Override
    public Integer call() throws Exception {
        var feed = FeedParser.parse(Files.readAllBytes(file), FeedContext.of(url));
        System.out.println(Json.MAPPER.writeValueAsString(feed));
        return 0;
    }
}
