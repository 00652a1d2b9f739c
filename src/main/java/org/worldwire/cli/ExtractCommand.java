package org.worldwire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.worldwire.extract.ArticleExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true, description = "Extract the article from an HTML file and print it as JSON.")
final class ExtractCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "an HTML file")
    Path file;

    @Override
    public Integer call() throws Exception {
        var content = ArticleExtractor.extract(Files.readAllBytes(file), null, null);
        System.out.println(Json.MAPPER.writeValueAsString(content));
        return 0;
    }
}
