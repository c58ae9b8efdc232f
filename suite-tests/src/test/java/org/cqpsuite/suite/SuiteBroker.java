package org.cqpsuite.suite;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.cqpsuite.infra.LocalKafka;

/**
 * The Kafka broker of a suite started by {@code ./suite up}, killed and started again in place by fault tests.
 *
 * <p>The broker is a child of the suite's infrastructure process ({@code SuiteInfrastructure}), which does not restart
 * it. {@link #kill()} notes its exact command line and working folder ({@code /proc/<pid>/cmdline}, {@code cwd}) before
 * the SIGKILL, and {@link #start()} runs that same command again, in a session of its own: same data folder, same
 * ports, same {@code server.properties}, log appended to {@code <home>/logs/kafka.log}, and still watching the
 * infrastructure process ({@code ParentWatchingMain}), so that it stops with it on {@code ./suite down} as the
 * original would. The new pid is written into {@code <home>/run/infra.ready} ({@code kafka.pid}), where
 * {@code ./suite down} finds it.
 */
final class SuiteBroker {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path home;
    private List<String> command;
    private Path directory;

    SuiteBroker(LocalSuite suite) {
        this.home = suite.home;
    }

    /** The broker's pid, as the ready file says. */
    long pid() throws IOException {
        return Long.parseLong(ready().getProperty("kafka.pid").trim());
    }

    int port() throws IOException {
        return Integer.parseInt(ready().getProperty("kafka.port").trim());
    }

    boolean running() throws IOException {
        return LocalSuite.running(pid());
    }

    /** Whether something accepts connections on the broker's port. */
    boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL, and waits until it is gone (at most 30 s). */
    synchronized void kill() throws IOException, InterruptedException {
        long pid = pid();
        if (!LocalSuite.running(pid)) {
            throw new IllegalStateException("The suite's broker (pid " + pid + ") is not running");
        }
        remember(pid);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (LocalSuite.running(pid)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The broker (pid " + pid + ") still runs 30 s after SIGKILL");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Starts the broker killed by {@link #kill()} again and waits until it logs that it started (at most 3 minutes).
     */
    synchronized void start() throws IOException, InterruptedException {
        if (command == null) {
            throw new IllegalStateException("kill() first: the broker's command line is read before it is killed");
        }
        Path log = home.resolve("logs/kafka.log");
        Files.writeString(log, String.format("%n=== %s suite-tests SuiteBroker: starting the killed broker again%n",
                Instant.now()), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long offset = Files.size(log);
        List<String> withSession = new ArrayList<>();
        withSession.add("setsid"); // its own session: a Ctrl-C on the build must not reach it, as for the original
        withSession.addAll(command);
        Process process = new ProcessBuilder(withSession).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!logged(log, offset, LocalKafka.STARTED_MESSAGE)) {
            if (!process.isAlive()) {
                throw new IOException("The restarted broker exited with code " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("The restarted broker did not log \"" + LocalKafka.STARTED_MESSAGE + "\" within "
                        + START_TIMEOUT.toSeconds() + " s; see " + log);
            }
            Thread.sleep(100);
        }
        // setsid execs the command in place (a child of a JVM is no process group leader): same pid, the broker's.
        String started = new String(Files.readAllBytes(Path.of("/proc/" + process.pid() + "/cmdline")),
                StandardCharsets.UTF_8);
        if (!started.contains("kafka.Kafka")) {
            throw new IllegalStateException("pid " + process.pid() + " is not the broker: " + started);
        }
        writePid(process.pid());
    }

    /** Starts the broker again if a {@link #kill()} left it dead (cleanup after a failure). */
    synchronized void ensureRunning() throws IOException, InterruptedException {
        if (command != null && !running()) {
            start();
        }
    }

    private void remember(long pid) throws IOException {
        byte[] cmdline = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
        List<String> arguments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                arguments.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        command = List.copyOf(arguments);
        directory = Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd"));
    }

    private static boolean logged(Path log, long offset, String message) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return false;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 8 << 20)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).contains(message);
        }
    }

    private Properties ready() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(home.resolve("run/infra.ready"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Rewrites {@code kafka.pid} of the ready file, keeping its other lines, atomically as the infrastructure does. */
    private void writePid(long pid) throws IOException {
        Path ready = home.resolve("run/infra.ready");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(ready, StandardCharsets.UTF_8)) {
            lines.add(line.startsWith("kafka.pid=") ? "kafka.pid=" + pid : line);
        }
        Path temporary = ready.resolveSibling("infra.ready.tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
