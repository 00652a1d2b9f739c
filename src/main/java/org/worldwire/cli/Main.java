package org.worldwire.cli;

/**
 * The {@code worldwire} command line's entry. A plain {@code serve} is read without picocli, and no signature here
 * names a picocli type (the launcher lists this class's methods, which loads every type they name): a server's start
 * loads none of picocli's classes, which come from its jar (the AOT cache cannot hold them; its 400 KB
 * {@code CommandLine} alone was a visible part of the time to the open port). Everything else goes to {@link Commands}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        LogProvider.install();
        moreCarriers();
        if (args.length > 0 && args[0].equals("serve")) {
            ServeCommand serve = ServeCommand.parseQuickly(java.util.Arrays.asList(args).subList(1, args.length));
            if (serve != null) System.exit(run(serve, new java.io.PrintWriter(System.err, true)));
        }
        System.exit(Commands.execute(args));
    }

    /**
     * Runs virtual threads on {@link #CARRIERS_PER_CORE} carriers per core (at least {@link #MIN_CARRIERS}) instead of
     * one, unless {@code jdk.virtualThreadScheduler.parallelism} is given. A virtual thread that blocks while loading a
     * class for a symbolic reference stays pinned to its carrier (JEP 491 leaves that case). On two cores, a server
     * whose classes were not yet in an AOT cache (the first start of a build, and the training run) hung for good:
     * two poll threads, pinned while loading feed-parser classes, waited for a jar's lock that a page request held,
     * and that request, ready to run on, had no free carrier left (thread dump of a training server that never
     * stopped). With many more carriers than pinned loaders (and the feed parser loaded before the poll threads
     * start), such a lock's holder finds a carrier. Idle carriers cost a parked thread each; CPU-bound stages run on
     * platform threads of their own anyway.
     */
    public static void moreCarriers() {
        String key = "jdk.virtualThreadScheduler.parallelism";
        if (System.getProperty(key) != null) return;
        int cores = Runtime.getRuntime().availableProcessors();
        System.setProperty(key, String.valueOf(Math.max(MIN_CARRIERS, CARRIERS_PER_CORE * cores)));
    }

    static final int MIN_CARRIERS = 16;
    static final int CARRIERS_PER_CORE = 4;

    /** Runs a command parsed without picocli, with the exit codes and error line of {@link Commands}' handler. */
    static int run(java.util.concurrent.Callable<Integer> command, java.io.PrintWriter err) {
        try {
            Integer code = command.call();
            return code == null ? 0 : code;
        } catch (Exception ex) {
            return failed(ex, err);
        }
    }

    static int failed(Exception ex, java.io.PrintWriter err) {
        err.println("worldwire: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        return ex instanceof IllegalArgumentException ? 2 : 1;
    }
}
