package org.worldwire.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging as Worldwire writes it: one line per event on standard error, at {@code WORLDWIRE_LOG_LEVEL} (INFO by
 * default), the chatty libraries at WARN. Set in code and not in a {@code logback.xml}: parsing XML was a tenth of a
 * second or more of every start, before the server could open its port. The {@code worldwire} command applies it through
 * {@link LogProvider}; where SLF4J finds Logback by itself (the tests, an embedding application), Logback calls
 * {@link #configure}, and a file named by {@code -Dlogback.configurationFile} or a {@code logback-test.xml} on the class
 * path wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    // Lucene says at every start, through java.util.logging, that the Vector API incubator module is not readable. The
    // launcher leaves that module out on purpose (it keeps the AOT cache from holding the linked lambdas; Lucene uses it
    // for vector search, which Worldwire does not do), so only errors of that logger are shown.
    private static final String LUCENE_VECTORIZATION = "org.apache.lucene.internal.vectorization.VectorizationProvider";
    // Held: JUL keeps its loggers weakly, and a collected one would forget a level set on it.
    private static java.util.logging.@org.jspecify.annotations.Nullable Logger luceneVectorization;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (luceneVectorization == null) {
            luceneVectorization = java.util.logging.Logger.getLogger(LUCENE_VECTORIZATION);
            luceneVectorization.setLevel(java.util.logging.Level.SEVERE);
        }
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * java.util.logging's configuration for the {@code worldwire} command: the JDK's own defaults, and Lucene's notice
     * above at SEVERE. {@link LogProvider} names it in {@code java.util.logging.config.class}, so JUL reads it when
     * something first logs through JUL, on that thread. Setting the level directly made the main thread start JUL,
     * whose start asks every jar on the class path for a service (77 jars opened, before the port could open).
     */
    public static final class Jul {
        public Jul() throws java.io.IOException {
            String config = """
                    handlers=java.util.logging.ConsoleHandler
                    .level=INFO
                    java.util.logging.ConsoleHandler.level=INFO
                    java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter
                    """ + LUCENE_VECTORIZATION + ".level=SEVERE\n";
            java.util.logging.LogManager.getLogManager()
                    .readConfiguration(new java.io.ByteArrayInputStream(config.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Sets Worldwire's logging up in {@code context}: what {@link #configure} does when no file asks otherwise. */
    static void apply(LoggerContext context) {
        var line = new Line();
        line.setContext(context);
        line.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(line);
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
    }

    /**
     * One event as the pattern {@code %d{HH:mm:ss.SSS} %-5level %logger{0} %msg%n} writes it, and the stack trace of its
     * exception. Written out because Logback's pattern layout compiles its pattern and registers its fifty converters
     * first: 14-18 ms of a server's start.
     */
    static final class Line extends LayoutBase<ILoggingEvent> {
        // TimeZone and not java.time: java.time's first look-up of a region's rules asks every jar on the class path
        // for a rules provider (77 jars opened, most of the logging set-up's time on a server's start).
        private static final java.util.TimeZone ZONE = java.util.TimeZone.getDefault();

        @Override
        public String doLayout(ILoggingEvent event) {
            long at = event.getTimeStamp();
            long msOfDay = Math.floorMod(at + ZONE.getOffset(at), 86_400_000L);
            String logger = event.getLoggerName();
            String level = event.getLevel().toString();
            StringBuilder b = new StringBuilder(96);
            two(b, (int) (msOfDay / 3_600_000)).append(':');
            two(b, (int) (msOfDay / 60_000 % 60)).append(':');
            two(b, (int) (msOfDay / 1000 % 60)).append('.');
            int ms = (int) (msOfDay % 1000);
            b.append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10)).append(' ');
            b.append(level).repeat(' ', Math.max(0, 5 - level.length())).append(' ');
            b.append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(' ');
            b.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) b.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
            return b.toString();
        }

        private static StringBuilder two(StringBuilder b, int n) {
            return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
        }
    }
}
