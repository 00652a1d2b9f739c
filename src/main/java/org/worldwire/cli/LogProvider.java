package org.worldwire.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logback for the {@code worldwire} command, set up without looking through the class path. SLF4J finds its provider,
 * and Logback its configurators and a {@code logback-test.xml}, by asking every jar on the class path: the first such
 * question opens all 77 of them, 66-75 ms of the main thread's CPU on a server's start before it could open its port
 * (a quarter of what the start spent after {@code main}). {@link Main} names this class in SLF4J's
 * {@code slf4j.provider} property, which SLF4J loads directly; it configures Logback as {@link LogSetup} does, or
 * from the file named by {@code -Dlogback.configurationFile}, and leaves java.util.logging (whose own start asks
 * every jar too) to start when something first logs through it, with {@link LogSetup.Jul}'s configuration. Embedders
 * and the tests keep SLF4J's own discovery.
 */
public final class LogProvider implements SLF4JServiceProvider {
    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    /** Makes SLF4J use this provider, unless the command line named one. Call before the first logger is made. */
    static void install() {
        if (System.getProperty("slf4j.provider") != null) return;
        System.setProperty("slf4j.provider", LogProvider.class.getName());
        // SLF4J says at INFO level which provider the property named, on every start.
        if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "WARN");
        if (System.getProperty("java.util.logging.config.class") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.config.class", LogSetup.Jul.class.getName());
        }
    }

    @Override
    public void initialize() {
        context.setName("default");
        context.setMDCAdapter(mdc);
        if (System.getProperty("logback.configurationFile") != null) {
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                System.err.println("worldwire: logging configuration failed: " + e);
            }
            StatusPrinter.printInCaseOfErrorsOrWarnings(context);
        } else {
            LogSetup.apply(context);
        }
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
