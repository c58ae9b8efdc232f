package org.cqpsuite.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A real PostgreSQL server (the binaries of {@code io.zonky.test.postgres}, unpacked once), listening on 127.0.0.1.
 *
 * <p>As root, the server runs under {@code unshare -U} (PostgreSQL refuses to run as root); as a normal user it runs
 * directly. The server's own log goes to the log file given to {@link #start}.
 *
 * <p>PostgreSQL is started by {@code pg_ctl}, so it is not a child of this JVM: a small {@code sh} watcher stops it
 * (fast shutdown) if this JVM dies without closing it, even by SIGKILL.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The superuser created by initdb; authentication is "trust" on 127.0.0.1, any password is accepted. */
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    /** Where the binaries are unpacked, when set; otherwise next to the data folder (or zonky's default for temp). */
    public static final String BINARIES_DIR_PROPERTY = "cqp.pg.binaries-dir";

    private static final System.Logger LOG = System.getLogger(LocalPostgres.class.getName());
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path temporaryRoot;
    private final Path logFile;
    private final int port;
    private final long postmasterPid;
    private final Process watcher;
    private final Thread shutdownHook;
    private boolean closed;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir, Path temporaryRoot, Path logFile, int port,
            long postmasterPid, Process watcher, boolean registerShutdownHook) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.temporaryRoot = temporaryRoot;
        this.logFile = logFile;
        this.port = port;
        this.postmasterPid = postmasterPid;
        this.watcher = watcher;
        if (registerShutdownHook) {
            this.shutdownHook = new Thread(this::close, "cqp-postgres-" + port + "-stopper");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    /**
     * Starts PostgreSQL and registers a JVM shutdown hook that stops it.
     *
     * @param dataDir the data folder; {@code null}: a temporary folder, deleted on close. An existing data folder is
     *        reused with its data.
     * @param port the TCP port on 127.0.0.1; {@code 0}: a free port
     * @param logFile where the server's output goes (appended); {@code null}: {@code <dataDir>.log}
     */
    public static LocalPostgres start(Path dataDir, int port, Path logFile) throws IOException {
        return start(dataDir, port, logFile, true);
    }

    /** Like {@link #start(Path, int, Path)}; {@code registerShutdownHook=false} leaves stopping to the caller. */
    public static LocalPostgres start(Path dataDir, int port, Path logFile, boolean registerShutdownHook)
            throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Path temporaryRoot = null;
        Path data;
        if (dataDir == null) {
            temporaryRoot = Files.createTempDirectory("cqp-postgres-");
            data = temporaryRoot.resolve("data");
        } else {
            data = dataDir.toAbsolutePath().normalize();
        }
        Path log = logFile != null ? logFile.toAbsolutePath()
                : data.resolveSibling(data.getFileName() + ".log");
        try {
            InfraSupport.ensureParent(log);
            Files.createDirectories(data);
            int actualPort = port == 0 ? InfraSupport.freePort() : port;
            InfraSupport.requireFree("PostgreSQL", actualPort, log);
            boolean reused = Files.exists(data.resolve("postgresql.conf"));
            Files.writeString(log, String.format("%n=== %s cqp LocalPostgres: starting PostgreSQL on %s:%d, data %s (%s)%n",
                    Instant.now(), InfraSupport.HOST, actualPort, data, reused ? "reused" : "new"),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);

            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(actualPort)
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setServerConfig("listen_addresses", InfraSupport.HOST)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            binariesDirectory(dataDir == null ? null : data).ifPresent(dir -> builder.setOverrideWorkingDirectory(dir.toFile()));

            long began = System.nanoTime();
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
                throw new IOException("PostgreSQL did not start on " + InfraSupport.HOST + ":" + actualPort
                        + " (data " + data + "): " + e.getMessage() + "; see the log file " + log
                        + lastLines(log), e);
            }
            long pid = readPostmasterPid(data);
            Process watcher = startWatcher(pid);
            LOG.log(Level.INFO, () -> String.format("PostgreSQL started on %s:%d in %d ms (pid %d, data %s, log %s)",
                    InfraSupport.HOST, actualPort, (System.nanoTime() - began) / 1_000_000, pid, data, log));
            return new LocalPostgres(postgres, data, temporaryRoot, log, actualPort, pid, watcher,
                    registerShutdownHook);
        } catch (IOException | RuntimeException e) {
            if (temporaryRoot != null) {
                InfraSupport.deleteRecursively(temporaryRoot);
            }
            throw e;
        }
    }

    private static String lastLines(Path log) {
        String tail = InfraSupport.tail(log, 15);
        return tail.isEmpty() ? "" : System.lineSeparator() + "--- last lines of " + log + " ---"
                + System.lineSeparator() + tail;
    }

    private static Optional<Path> binariesDirectory(Path data) {
        String configured = System.getProperty(BINARIES_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath());
        }
        if (data == null || System.getProperty("ot.epg.working-dir") != null) {
            return Optional.empty();
        }
        Path parent = data.getParent();
        return parent == null ? Optional.empty() : Optional.of(parent.resolve("pg-binaries"));
    }

    private static long readPostmasterPid(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** A shell loop that stops the postmaster (SIGINT: fast shutdown) when this JVM is gone. */
    private static Process startWatcher(long postmasterPid) {
        if (postmasterPid <= 0 || !Files.isExecutable(Path.of("/bin/sh"))) {
            return null;
        }
        String script = "while kill -0 \"$0\" 2>/dev/null && kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                + "kill -0 \"$0\" 2>/dev/null || kill -INT \"$1\" 2>/dev/null; exit 0";
        try {
            return new ProcessBuilder("/bin/sh", "-c", script,
                    Long.toString(ProcessHandle.current().pid()), Long.toString(postmasterPid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not start the PostgreSQL watcher: " + e);
            return null;
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return InfraSupport.HOST;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    /** The pid of the postmaster (-1 if unknown). */
    public long pid() {
        return postmasterPid;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + InfraSupport.HOST + ":" + port + "/" + database;
    }

    /** A new connection to the given database as the superuser. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USERNAME);
        properties.setProperty("password", PASSWORD);
        // The driver directly: DriverManager may not see it from some class loaders (Quarkus tests).
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), properties);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver refused the URL " + jdbcUrl(database));
        }
        return connection;
    }

    /** Creates the database (owned by the superuser) unless it exists. */
    public void createDatabaseIfAbsent(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("database name is empty");
        }
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + quoteIdentifier(name));
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created meanwhile by someone else
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name + " on " + jdbcUrl("postgres")
                    + ": " + e.getMessage(), e);
        }
    }

    /** Always quoted: the database gets exactly the given name (case kept). */
    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Stops the server (fast shutdown) and waits for the postmaster to be gone; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (watcher != null) {
            watcher.destroy();
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "pg_ctl stop failed: " + e);
        }
        waitForPostmasterExit();
        if (temporaryRoot != null) {
            InfraSupport.deleteRecursively(temporaryRoot);
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting
            }
        }
    }

    private void waitForPostmasterExit() {
        if (postmasterPid <= 0) {
            return;
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (InfraSupport.isRunning(postmasterPid) && System.nanoTime() < deadline) {
            InfraSupport.sleep(50);
        }
        if (InfraSupport.isRunning(postmasterPid)) {
            LOG.log(Level.WARNING, "PostgreSQL (pid " + postmasterPid + ") still running after pg_ctl stop: killing it");
            ProcessHandle.of(postmasterPid).ifPresent(ProcessHandle::destroyForcibly);
            long killDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (InfraSupport.isRunning(postmasterPid) && System.nanoTime() < killDeadline) {
                InfraSupport.sleep(50);
            }
        }
    }

    /** Whether the postmaster process runs. */
    public boolean isRunning() {
        return postmasterPid > 0 && InfraSupport.isRunning(postmasterPid);
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + InfraSupport.HOST + ":" + port + ", data " + dataDir + "]";
    }
}
