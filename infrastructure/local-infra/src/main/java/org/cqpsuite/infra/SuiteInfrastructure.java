package org.cqpsuite.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The long-lived process behind {@code ./suite up}: a real PostgreSQL and a real Kafka broker with their data and logs
 * under one home folder.
 *
 * <pre>
 * java -cp target/classes:$(cat target/runtime.classpath) org.cqpsuite.infra.SuiteInfrastructure \
 *      --home &lt;dir&gt; --pg-port &lt;n&gt; --kafka-port &lt;n&gt; [--databases a,b,c]
 * </pre>
 *
 * <p>{@code --no-postgres} or {@code --no-kafka} (instead of the port) skips a component that runs elsewhere.
 *
 * <p>Starts PostgreSQL ({@code <home>/data/postgres}, log {@code <home>/logs/postgres.log}), creates the databases,
 * starts Kafka ({@code <home>/data/kafka}, log {@code <home>/logs/kafka.log}), then writes
 * {@code <home>/run/infra.ready} (a properties file) and waits. On SIGTERM or SIGINT it stops Kafka, then
 * PostgreSQL, and deletes the ready file. Port 0 picks a free port. Exit codes: 2 for bad arguments or a port in
 * use (the message names the component, the port and the log file), 1 for any other start failure.
 */
public final class SuiteInfrastructure {

    public static final String READY_FILE = "run/infra.ready";

    private final Path home;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final List<String> databases;

    private SuiteInfrastructure(Path home, LocalPostgres postgres, LocalKafka kafka, List<String> databases) {
        this.home = home;
        this.postgres = postgres;
        this.kafka = kafka;
        this.databases = databases;
    }

    /** Parsed command line; a {@code null} port means that component is not started. */
    record Options(Path home, Integer pgPort, Integer kafkaPort, List<String> databases, List<String> topics) {

        static Options parse(String... args) {
            Path home = null;
            Integer pgPort = null;
            Integer kafkaPort = null;
            boolean noPostgres = false;
            boolean noKafka = false;
            List<String> databases = new ArrayList<>();
            List<String> topics = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if ("--no-postgres".equals(name)) {
                    noPostgres = true;
                    continue;
                }
                if ("--no-kafka".equals(name)) {
                    noKafka = true;
                    continue;
                }
                String value;
                int eq = name.indexOf('=');
                if (name.startsWith("--") && eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value after " + name);
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--home" -> home = Path.of(value).toAbsolutePath().normalize();
                    case "--pg-port" -> pgPort = port(name, value);
                    case "--kafka-port" -> kafkaPort = port(name, value);
                    case "--databases" -> Arrays.stream(value.split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .forEach(databases::add);
                    case "--topics" -> Arrays.stream(value.split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .forEach(topics::add);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (home == null) {
                throw new IllegalArgumentException("--home is required");
            }
            if (noPostgres && noKafka) {
                throw new IllegalArgumentException("--no-postgres and --no-kafka: nothing to start");
            }
            if (!noPostgres && pgPort == null) {
                throw new IllegalArgumentException("--pg-port is required (or --no-postgres)");
            }
            if (!noKafka && kafkaPort == null) {
                throw new IllegalArgumentException("--kafka-port is required (or --no-kafka)");
            }
            return new Options(home, noPostgres ? null : pgPort, noKafka ? null : kafkaPort, List.copyOf(databases),
                    List.copyOf(topics));
        }

        private static int port(String name, String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException(name + " out of range: " + value);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a number: " + value);
            }
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cqp-infra: " + e.getMessage());
            System.err.println("usage: SuiteInfrastructure --home <dir> (--pg-port <n> | --no-postgres) "
                    + "(--kafka-port <n> | --no-kafka) [--databases a,b,c] [--topics t1,t2]   (port 0: a free port)");
            System.exit(2);
            return;
        }
        SuiteInfrastructure infrastructure;
        try {
            infrastructure = start(options);
        } catch (PortInUseException e) {
            System.err.println("cqp-infra: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IOException | RuntimeException e) {
            System.err.println("cqp-infra: could not start the infrastructure: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("cqp-infra: stopping");
            infrastructure.stop();
            System.out.println("cqp-infra: stopped");
            stopped.countDown();
        }, "cqp-infra-stopper"));
        try {
            infrastructure.writeReadyFile();
        } catch (IOException e) {
            System.err.println("cqp-infra: could not write " + infrastructure.readyFile() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("cqp-infra: ready: " + infrastructure.describe() + " (" + infrastructure.readyFile() + ")");
        try {
            stopped.await(); // until SIGTERM / SIGINT
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts PostgreSQL, creates the databases, starts Kafka; on failure stops what was started. */
    static SuiteInfrastructure start(Options options) throws IOException {
        Path home = options.home();
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("run"));
        Files.deleteIfExists(home.resolve(READY_FILE));
        Path pgLog = home.resolve("logs/postgres.log");
        Path kafkaLog = home.resolve("logs/kafka.log");
        // Fail fast, before anything starts, when a fixed port is taken.
        if (options.pgPort() != null && options.pgPort() != 0) {
            InfraSupport.requireFree("PostgreSQL", options.pgPort(), pgLog);
        }
        if (options.kafkaPort() != null && options.kafkaPort() != 0) {
            InfraSupport.requireFree("Kafka", options.kafkaPort(), kafkaLog);
        }
        LocalPostgres postgres = null;
        try {
            if (options.pgPort() != null) {
                postgres = LocalPostgres.start(home.resolve("data/postgres"), options.pgPort(), pgLog, false);
                for (String database : options.databases()) {
                    postgres.createDatabaseIfAbsent(database);
                }
            }
            LocalKafka kafka = options.kafkaPort() == null ? null
                    : LocalKafka.start(home.resolve("data/kafka"), options.kafkaPort(), kafkaLog, false);
            if (kafka != null && !options.topics().isEmpty()) {
                try {
                    kafka.createTopics(options.topics());
                } catch (IOException | RuntimeException e) {
                    kafka.close();
                    throw e;
                }
            }
            return new SuiteInfrastructure(home, postgres, kafka, options.databases());
        } catch (IOException | RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    String describe() {
        String pg = postgres == null ? "PostgreSQL not started"
                : "PostgreSQL on " + postgres.host() + ":" + postgres.port();
        String broker = kafka == null ? "Kafka not started" : "Kafka on " + kafka.bootstrapServers();
        return pg + ", " + broker;
    }

    Path readyFile() {
        return home.resolve(READY_FILE);
    }

    void writeReadyFile() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# Written by org.cqpsuite.infra.SuiteInfrastructure at " + Instant.now() + "; deleted when it stops.",
                "pid=" + ProcessHandle.current().pid()));
        if (postgres != null) {
            lines.addAll(List.of(
                    "pg.host=" + postgres.host(),
                    "pg.port=" + postgres.port(),
                    "pg.username=" + postgres.username(),
                    "pg.password=" + postgres.password(),
                    "pg.jdbc.url=" + postgres.jdbcUrl("postgres"),
                    "pg.databases=" + String.join(",", databases),
                    "pg.pid=" + postgres.pid()));
        }
        if (kafka != null) {
            lines.addAll(List.of(
                    "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "kafka.port=" + kafka.port(),
                    "kafka.pid=" + kafka.pid()));
        }
        lines.add("");
        String content = String.join(System.lineSeparator(), lines);
        Path ready = readyFile();
        Path temporary = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Stops Kafka, then PostgreSQL, and deletes the ready file. */
    void stop() {
        try {
            Files.deleteIfExists(readyFile());
        } catch (IOException e) {
            System.err.println("cqp-infra: could not delete " + readyFile() + ": " + e.getMessage());
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
