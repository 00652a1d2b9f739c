package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document describes every route the running system serves, and Redocly's linter finds nothing. */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCUMENT = Path.of("src/main/resources/org/worldwire/web/openapi.json");

    @Test
    void everyRouteOfTheRunningSystemIsDescribedWithAnOperationId(@TempDir Path dir) throws IOException {
        JsonNode doc = JSON.readTree(DOCUMENT.toFile());
        try (Worldwire app = Worldwire.start(Config.defaults().withDataDir(dir).withHost("127.0.0.1").withPort(0)
                .withSeedSources(false))) {
            List<String> missing = new ArrayList<>();
            List<ParsedEndpoint> endpoints = app.web().javalin().unsafeConfig().pvt.internalRouter.allHttpHandlers();
            assertThat(endpoints).hasSizeGreaterThan(30);
            for (ParsedEndpoint p : endpoints) {
                Endpoint e = p.getEndpoint();
                if (e.getMethod() == HandlerType.BEFORE || e.getMethod() == HandlerType.AFTER) continue;
                JsonNode op = doc.path("paths").path(e.getPath()).path(e.getMethod().name().toLowerCase(Locale.ROOT));
                if (op.isMissingNode()) {
                    missing.add(e.getMethod() + " " + e.getPath());
                    continue;
                }
                assertThat(op.path("operationId").asText()).as(e.getPath()).isNotBlank();
                assertThat(op.path("responses").fieldNames()).toIterable().as(e.getPath() + " has an error response")
                        .anyMatch(code -> code.startsWith("4"));
            }
            assertThat(missing).as("routes the OpenAPI document does not describe").isEmpty();
        }
        JsonNode write = doc.at("/paths/~1api~1v1~1sources/post");
        assertThat(write.at("/security/0").has("bearerAuth")).isTrue();
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void redoclysRecommendedRulesFindNoErrorAndNoWarning() throws Exception {
        Path redocly = Path.of(".tools/npm/node_modules/.bin/redocly");
        if (System.getenv("CI") == null) assumeTrue(Files.isExecutable(redocly), "redocly is installed by .ci/run");
        Process p = new ProcessBuilder(redocly.toString(), "lint", DOCUMENT.toString(), "--format=summary")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(out).doesNotContain("error ");
        assertThat(out.lines().filter(l -> l.startsWith("warning ")).toList()).as(out).isEmpty();
    }

    @Test
    void theDocumentNamesTheLicenceTheProjectShipsUnder() throws IOException {
        JsonNode licence = JSON.readTree(DOCUMENT.toFile()).at("/info/license");
        assertThat(licence.path("identifier").asText()).isEqualTo("Apache-2.0");
        assertThat(Files.readString(Path.of("LICENSE"))).contains("Apache License").contains("Version 2.0, January 2004");
    }
}
