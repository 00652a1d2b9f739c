package org.worldwire.app;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a process without the site (role poller or worker): {@code /health}, a JSON object that says the
 * role and its state, and {@code /metrics} for Prometheus; the poller adds the WebSub callback to it. A process
 * that serves the site answers these on the site's server instead.
 */
final class RoleServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RoleServer.class);
    private final Javalin javalin;

    /** @param health the JSON of {@code /health}, computed at each request */
    RoleServer(PrometheusMeterRegistry metrics, Supplier<String> health) {
        javalin = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = true;
        });
        javalin.get("/health", ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("application/json").result(health.get());
        });
        javalin.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }

    Javalin javalin() {
        return javalin;
    }

    /** @return the port it listens on */
    int start(String host, int port) {
        javalin.start(host, port);
        log.info("health serving host={} port={}", host, javalin.port());
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
