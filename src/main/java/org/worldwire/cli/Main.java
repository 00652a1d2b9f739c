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
        if (args.length > 0 && args[0].equals("serve")) {
            ServeCommand serve = ServeCommand.parseQuickly(java.util.Arrays.asList(args).subList(1, args.length));
            if (serve != null) System.exit(run(serve, new java.io.PrintWriter(System.err, true)));
        }
        System.exit(Commands.execute(args));
    }

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
