package org.worldwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSetupTest {
    /** Logback's own layout for the pattern that {@link LogSetup.Line} writes out by hand: the line must not change. */
    private static String byPattern(LoggerContext context, LoggingEvent event) {
        var pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} %msg%n");
        pattern.start();
        return pattern.doLayout(event);
    }

    private static LoggingEvent event(LoggerContext context, String logger, Level level, long at, String message,
            Throwable thrown, Object... args) {
        Logger l = context.getLogger(logger);
        var e = new LoggingEvent(Logger.class.getName(), l, level, message, thrown, args);
        e.setTimeStamp(at);
        return e;
    }

    private static LogSetup.Line started(LoggerContext context) {
        var line = new LogSetup.Line();
        line.setContext(context);
        line.start();
        return line;
    }

    @Test
    void aLineReadsAsLogbacksPatternWritesIt() {
        var context = new LoggerContext();
        var line = started(context);
        long[] times = {0L, 1_796_602_109_007L, 1_796_645_999_999L, 1_800_000_000_120L};
        for (long at : times) {
            for (Level level : List.of(Level.INFO, Level.WARN, Level.ERROR, Level.DEBUG)) {
                for (String logger : List.of("org.worldwire.web.WebApp", "Worldwire", "a.b.C$Inner")) {
                    LoggingEvent e = event(context, logger, level, at, "stored article id={} in {} ms", null, 42, 3.5);
                    assertThat(line.doLayout(e)).isEqualTo(byPattern(context, e));
                }
            }
        }
    }

    @Test
    void anExceptionFollowsItsLineWithItsStackTrace() {
        var context = new LoggerContext();
        var line = started(context);
        var failure = new IllegalStateException("index closed", new java.io.IOException("disk full"));
        String text = line.doLayout(event(context, "org.worldwire.search.Index", Level.ERROR, 1_796_602_109_007L,
                "commit failed", failure));
        assertThat(text).startsWith(byPattern(context, event(context, "org.worldwire.search.Index", Level.ERROR,
                1_796_602_109_007L, "commit failed", null)));
        assertThat(text).contains("java.lang.IllegalStateException: index closed", "\tat org.worldwire.cli.LogSetupTest",
                "Caused by: java.io.IOException: disk full");
    }

    @Test
    void theCommandsProviderLogsToStandardErrorAtInfoWithTheLibrariesQuieter() {
        var provider = new LogProvider();
        provider.initialize();
        var context = (LoggerContext) provider.getLoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDERR")).isNotNull();
        assertThat(root.getLevel()).isEqualTo(Level.toLevel(System.getenv("WORLDWIRE_LOG_LEVEL"), Level.INFO));
        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(provider.getMDCAdapter()).isNotNull();
        assertThat(provider.getMarkerFactory().getMarker("x").getName()).isEqualTo("x");
    }

    @Test
    void julStartsWithTheJdksDefaultsAndLucenesVectorNoticeAtSevere() throws Exception {
        new LogSetup.Jul();
        assertThat(java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider")
                .getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        assertThat(root.getLevel()).isEqualTo(java.util.logging.Level.INFO);
        assertThat(root.getHandlers()).anyMatch(h -> h instanceof java.util.logging.ConsoleHandler);
    }
}
