package org.worldwire.store.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} package ({@code initdb} and {@code pg_ctl}),
 * a fresh cluster in a temporary directory, listening only on 127.0.0.1 at a free port with its socket inside that
 * directory, tuned to start fast and to keep nothing (fsync off). One server serves the whole test run: the first
 * {@link #shared()} starts it (initdb takes a few seconds) and the JVM's exit stops it and deletes the directory.
 * Each test takes a database of its own ({@link #createDatabase()}), so tests never see each other's rows.
 *
 * <p>{@code initdb} refuses to run as root: as root the server runs as the unprivileged user {@code nobody} (or
 * the one named by {@code WORLDWIRE_PG_USER}), which owns the directory. Binaries come from
 * {@code WORLDWIRE_PG_BIN} when set, else the newest {@code /usr/lib/postgresql/VERSION/bin}, else the PATH. When
 * there are none, the tests are skipped with a reason on a developer's machine, and fail when {@code CI=true}:
 * CI installs the package, so a missing server there is a broken setup, not a reason to test less.
 */
public final class PostgresServer {
    private static final String SUPERUSER = "postgres";
    private static @org.jspecify.annotations.Nullable PostgresServer shared;
    private static @org.jspecify.annotations.Nullable String unavailable;
    private static @org.jspecify.annotations.Nullable IllegalStateException failed;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final List<String> asUser;
    private final AtomicInteger databases = new AtomicInteger();
    /** How long initdb and the first start took, for the test report. */
    final long startMillis;

    private PostgresServer(Path bin) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        this.bin = bin;
        this.dir = Files.createTempDirectory("worldwire-pg-");
        this.data = dir.resolve("data");
        this.asUser = unprivileged();
        if (!asUser.isEmpty()) chown(dir, asUser.get(2));
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"), "initdb");
        this.port = freePort();
        // A throwaway cluster: small, fast, and reachable only from this machine's loopback.
        Files.writeString(data.resolve("postgresql.conf"), """

                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                max_connections = 100
                shared_buffers = 16MB
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                """.formatted(port, dir), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        start();
        this.startMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("postgres test server: " + bin.getParent().getFileName() + " on 127.0.0.1:" + port
                + ", initdb and start took " + startMillis + " ms");
        Runtime.getRuntime().addShutdownHook(new Thread(this::destroy, "postgres-stop"));
    }

    /** The run's server, started on first use; skips (or, on CI, fails) the calling test when PostgreSQL is missing. */
    public static synchronized PostgresServer shared() {
        if (shared != null) return shared;
        if (failed != null) throw failed;
        if (unavailable == null) {
            Optional<Path> bin = binaries();
            if (bin.isEmpty()) {
                unavailable = "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin, WORLDWIRE_PG_BIN"
                        + " or the PATH); install Debian's postgresql package";
            } else {
                try {
                    shared = new PostgresServer(bin.get());
                    return shared;
                } catch (IOException | InterruptedException | RuntimeException e) {
                    failed = new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
                    throw failed;
                }
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(unavailable);
        Assumptions.abort(unavailable);
        throw new AssertionError("unreachable");
    }

    public int port() {
        return port;
    }

    /** The URL of a database on this server as an operator writes it (the superuser, no password: trust on loopback). */
    public String url(String database) {
        return "postgres://" + SUPERUSER + "@127.0.0.1:" + port + "/" + database;
    }

    /** The driver's URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    private @org.jspecify.annotations.Nullable String migrated;

    /** A new empty database, named for no one else. */
    public String createDatabase() {
        String name = "t" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name);
        return name;
    }

    /**
     * A new database with the project's schema already in it: a copy of one migrated once per run, so that a test
     * pays for copying files rather than for running every migration again (opening a store then only checks).
     */
    public synchronized String createMigratedDatabase() {
        if (migrated == null) {
            String template = "migrated_template";
            admin("CREATE DATABASE " + template);
            org.flywaydb.core.Flyway.configure().dataSource(jdbcUrl(template), null, null)
                    .locations("classpath:db/postgres").load().migrate();
            migrated = template;
        }
        String name = "t" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE " + migrated + " STRATEGY FILE_COPY");
        return name;
    }

    /** Drops a database and whatever connections a failed test left on it. */
    public void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Stops the server (fast shutdown: sessions are cut off) and starts it again on the same port and data. */
    public void restart() throws IOException, InterruptedException {
        stop("fast");
        start();
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres")); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "start"), "pg_ctl start");
    }

    private void stop(String mode) throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "-t", "30", "stop"),
                "pg_ctl stop");
    }

    private void destroy() {
        try {
            stop("immediate");
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("postgres test server: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("postgres test server: cannot delete " + dir + ": " + e.getMessage());
        }
    }

    /** Runs a PostgreSQL tool as the server's user, its output kept in a file that a failure shows. */
    private void run(List<String> command, String what) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asUser);
        full.addAll(command);
        Path out = dir.resolve(what.replace(' ', '-') + ".out");
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(what + " did not finish in 90 s");
        }
        if (p.exitValue() != 0) {
            String log = Files.readString(out);
            Path server = dir.resolve("server.log");
            if (Files.exists(server)) log += "\n" + Files.readString(server);
            throw new IOException(what + " failed (exit " + p.exitValue() + "):\n" + log);
        }
    }

    /** As root, the prefix that runs a command as an unprivileged user; otherwise none. */
    private static List<String> unprivileged() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        id.waitFor();
        if (!uid.equals("0")) return List.of();
        String user = Optional.ofNullable(System.getenv("WORLDWIRE_PG_USER")).orElse("nobody");
        return List.of("runuser", "-u", user, "--");
    }

    private static void chown(Path dir, String user) throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName(user));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Optional<Path> binaries() {
        String env = System.getenv("WORLDWIRE_PG_BIN");
        if (env != null && !env.isBlank()) return Optional.of(Path.of(env)).filter(PostgresServer::hasInitdb);
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin")).filter(PostgresServer::hasInitdb)
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
                if (newest.isPresent()) return newest;
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && hasInitdb(Path.of(d))) return Optional.of(Path.of(d));
        }
        return Optional.empty();
    }

    private static boolean hasInitdb(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
