package org.worldwire.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging as Worldwire writes it: one line per event on standard error, at {@code WORLDWIRE_LOG_LEVEL} (INFO by
 * default), the chatty libraries at WARN. Set in code and not in a {@code logback.xml}: parsing XML was a tenth of a
 * second or more of every start, before the server could open its port. A file named by
 * {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} on the class path, still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    // Lucene says at every start, through java.util.logging, that the Vector API incubator module is not readable. The
    // launcher leaves that module out on purpose (it keeps the AOT cache from holding the linked lambdas; Lucene uses it
    // for vector search, which Worldwire does not do), so only errors of that logger are shown. Held here: JUL keeps
    // its loggers weakly, and a collected one would forget its level.
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} %msg%n");
        encoder.start();
        var stderr = new ConsoleAppender<ILoggingEvent>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("WORLDWIRE_LOG_LEVEL"), Level.INFO));
        root.addAppender(stderr);
        for (String quiet : new String[] {"org.eclipse.jetty", "io.javalin", "org.flywaydb"}) context.getLogger(quiet).setLevel(Level.WARN);
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
