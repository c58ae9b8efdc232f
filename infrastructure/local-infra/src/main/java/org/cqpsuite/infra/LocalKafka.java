package org.cqpsuite.infra;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in a child JVM, built from the jars named
 * by {@code META-INF/cqp/kafka-broker.classpath} (module {@code cqp-kafka-broker-dist}).
 *
 * <p>The child runs through {@link ParentWatchingMain}, so it shuts down when this JVM dies, even by SIGKILL.
 * Retention is infinite ({@code log.retention.ms=-1}) and topics are created on first use with one partition.
 *
 * <p>Data folder layout: {@code server.properties}, {@code log4j2.xml}, {@code cluster.id} and the broker's data in
 * {@code kraft-combined-logs/}.
 */
public final class LocalKafka implements AutoCloseable {

    public static final String CLASSPATH_RESOURCE = "META-INF/cqp/kafka-broker.classpath";
    public static final String LOG4J2_RESOURCE = "META-INF/cqp/kafka-log4j2.xml";
    /** The line of the broker's log that says it is ready. */
    public static final String STARTED_MESSAGE = "Kafka Server started";

    private static final System.Logger LOG = System.getLogger(LocalKafka.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final String DATA_SUBDIR = "kraft-combined-logs";

    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private Thread shutdownHook;
    private volatile Process process;
    private boolean closed;

    private LocalKafka(Path dataDir, boolean temporary, int port, int controllerPort, Path logFile) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
    }

    /**
     * Starts the broker and registers a JVM shutdown hook that stops it.
     *
     * @param dataDir the data folder; {@code null}: a temporary folder, deleted on close. An existing, formatted
     *        data folder is reused: topics and messages are kept.
     * @param port the PLAINTEXT port on 127.0.0.1; {@code 0}: a free port (the controller port is always a free one)
     * @param logFile receives the broker's stdout and stderr (appended); {@code null}: {@code <dataDir>/broker.log}
     */
    public static LocalKafka start(Path dataDir, int port, Path logFile) throws IOException {
        return start(dataDir, port, logFile, true);
    }

    /** Like {@link #start(Path, int, Path)}; {@code registerShutdownHook=false} leaves stopping to the caller. */
    public static LocalKafka start(Path dataDir, int port, Path logFile, boolean registerShutdownHook)
            throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        boolean temporary = dataDir == null;
        Path data = temporary ? Files.createTempDirectory("cqp-kafka-") : dataDir.toAbsolutePath().normalize();
        Path log = logFile != null ? logFile.toAbsolutePath() : data.resolve("broker.log");
        try {
            Files.createDirectories(data);
            InfraSupport.ensureParent(log);
            int actualPort = port == 0 ? InfraSupport.freePort() : port;
            InfraSupport.requireFree("Kafka", actualPort, log);
            int actualControllerPort;
            do {
                actualControllerPort = InfraSupport.freePort();
            } while (actualControllerPort == actualPort);
            LocalKafka kafka = new LocalKafka(data, temporary, actualPort, actualControllerPort, log);
            kafka.launch();
            if (registerShutdownHook) {
                kafka.shutdownHook = new Thread(kafka::close, "cqp-kafka-" + actualPort + "-stopper");
                Runtime.getRuntime().addShutdownHook(kafka.shutdownHook);
            }
            return kafka;
        } catch (IOException | RuntimeException e) {
            if (temporary) {
                InfraSupport.deleteRecursively(data);
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return InfraSupport.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** The pid of the broker's JVM. */
    public long pid() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException("The broker is not started");
        }
        return current.pid();
    }

    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** SIGKILL: the broker dies at once, without its clean shutdown (for fault tests). */
    /**
     * Creates these topics (one partition, history kept forever: {@code retention.ms=-1}) unless they exist. Created
     * before any service starts, a topic has its leader and the consumers' subscription finds it at once: the first
     * event on it is not delayed by the broker's creation on first use (about a second) and a group rebalance.
     */
    public void createTopics(List<String> names) throws IOException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, 1, (short) 1).configs(Map.of("retention.ms", "-1",
                            "retention.bytes", "-1")))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while creating the topics " + names, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("Could not create the topics " + names + " on " + bootstrapServers() + ": "
                    + e.getMessage(), e);
        }
    }

    public synchronized void kill() {
        Process current = process;
        if (current == null) {
            return;
        }
        current.destroyForcibly();
        waitFor(current, Duration.ofSeconds(10));
    }

    /** Stops the broker (if it runs) and starts it again on the same data folder and ports. */
    public synchronized LocalKafka restart() throws IOException {
        if (closed) {
            throw new IllegalStateException("The broker was closed: " + this);
        }
        stopProcess();
        launch();
        return this;
    }

    /** SIGTERM (clean shutdown), up to 15 s, then SIGKILL; deletes a temporary data folder. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopProcess();
        if (temporary) {
            InfraSupport.deleteRecursively(dataDir);
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting
            }
        }
    }

    private void stopProcess() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        long began = System.nanoTime();
        current.destroy();
        if (!waitFor(current, STOP_TIMEOUT)) {
            LOG.log(Level.WARNING, "Kafka broker (pid " + current.pid() + ") did not stop within "
                    + STOP_TIMEOUT.toSeconds() + " s: killing it");
            current.destroyForcibly();
            waitFor(current, Duration.ofSeconds(10));
        }
        LOG.log(Level.INFO, () -> String.format("Kafka broker on %s stopped in %d ms", bootstrapServers(),
                (System.nanoTime() - began) / 1_000_000));
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void launch() throws IOException {
        InfraSupport.requireFree("Kafka", port, logFile);
        InfraSupport.requireFree("Kafka controller", controllerPort, logFile);
        long began = System.nanoTime();
        String brokerClasspath = brokerClasspath();
        Path serverProperties = dataDir.resolve("server.properties");
        Files.writeString(serverProperties, serverProperties(), StandardCharsets.UTF_8);
        Path log4j = dataDir.resolve("log4j2.xml");
        Files.writeString(log4j, InfraSupport.readResource(LOG4J2_RESOURCE), StandardCharsets.UTF_8);

        appendToLog(String.format("%n=== %s cqp LocalKafka: starting Kafka on %s (controller %s:%d), data %s%n",
                Instant.now(), bootstrapServers(), InfraSupport.HOST, controllerPort, dataDir));
        if (!Files.exists(dataDir.resolve(DATA_SUBDIR).resolve("meta.properties"))) {
            format(brokerClasspath, serverProperties, log4j);
        }
        long offset = Files.size(logFile);

        List<String> command = javaCommand(brokerClasspath + File.pathSeparator + launcherLocation(), log4j);
        command.add(ParentWatchingMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add("kafka.Kafka");
        command.add(serverProperties.toString());
        Process started = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process = started;
        awaitStarted(started, offset);
        LOG.log(Level.INFO, () -> String.format("Kafka broker started on %s in %d ms (pid %d, data %s, log %s)",
                bootstrapServers(), (System.nanoTime() - began) / 1_000_000, started.pid(), dataDir, logFile));
    }

    private void format(String brokerClasspath, Path serverProperties, Path log4j) throws IOException {
        Path clusterIdFile = dataDir.resolve("cluster.id");
        String clusterId;
        if (Files.exists(clusterIdFile)) {
            clusterId = Files.readString(clusterIdFile, StandardCharsets.UTF_8).trim();
        } else {
            clusterId = newClusterId();
            Files.writeString(clusterIdFile, clusterId + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        List<String> command = javaCommand(brokerClasspath, log4j);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties.toString(),
                "--ignore-formatted"));
        Process formatter = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!waitFor(formatter, FORMAT_TIMEOUT)) {
            formatter.destroyForcibly();
            throw new IOException("Formatting the Kafka data folder " + dataDir + " timed out after "
                    + FORMAT_TIMEOUT.toSeconds() + " s; see the log file " + logFile);
        }
        if (formatter.exitValue() != 0) {
            throw new IOException("Formatting the Kafka data folder " + dataDir + " failed (exit code "
                    + formatter.exitValue() + "); see the log file " + logFile + lastLines());
        }
    }

    private void awaitStarted(Process started, long offset) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        StringBuilder seen = new StringBuilder();
        long position = offset;
        while (true) {
            position = readFrom(position, seen);
            if (seen.indexOf(STARTED_MESSAGE) >= 0) {
                return;
            }
            if (!started.isAlive()) {
                process = null;
                throw new IOException("The Kafka broker exited with code " + started.exitValue()
                        + " while starting on " + bootstrapServers() + "; see the log file " + logFile + lastLines());
            }
            if (System.nanoTime() > deadline) {
                started.destroyForcibly();
                waitFor(started, Duration.ofSeconds(10));
                process = null;
                throw new IOException("The Kafka broker did not log \"" + STARTED_MESSAGE + "\" within "
                        + START_TIMEOUT.toSeconds() + " s on " + bootstrapServers() + "; see the log file " + logFile
                        + lastLines());
            }
            // keep only a tail, enough to find the message split across two reads
            if (seen.length() > 4096) {
                seen.delete(0, seen.length() - 256);
            }
            InfraSupport.sleep(100);
        }
    }

    private long readFrom(long position, StringBuilder into) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            if (length <= position) {
                return position;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length - position, 1 << 20));
            file.getChannel().read(buffer, position);
            buffer.flip();
            into.append(StandardCharsets.UTF_8.decode(buffer));
            return position + buffer.limit();
        }
    }

    private String lastLines() {
        String tail = InfraSupport.tail(logFile, 20);
        return tail.isEmpty() ? "" : System.lineSeparator() + "--- last lines of " + logFile + " ---"
                + System.lineSeparator() + tail;
    }

    private void appendToLog(String text) throws IOException {
        Files.writeString(logFile, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> javaCommand(String classpath, Path log4j) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    private String serverProperties() {
        String data = dataDir.resolve(DATA_SUBDIR).toString();
        return String.join(System.lineSeparator(),
                "# Written by org.cqpsuite.infra.LocalKafka at each start: edits are lost.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + InfraSupport.HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + InfraSupport.HOST + ":" + port + ",CONTROLLER://" + InfraSupport.HOST + ":"
                        + controllerPort,
                "advertised.listeners=PLAINTEXT://" + InfraSupport.HOST + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.replace("\\", "\\\\"),
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "auto.create.topics.enable=true",
                "log.retention.ms=-1",
                "log.retention.bytes=-1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "offsets.retention.minutes=525600",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "share.coordinator.state.topic.num.partitions=1",
                "group.initial.rebalance.delay.ms=0",
                // After a SIGKILL the restarted broker cannot register until the old registration's session expires
                // (default 9 s, then retries every 2 s): shorter, so that outage tests restart in a few seconds.
                "broker.session.timeout.ms=5000",
                "broker.heartbeat.interval.ms=1000",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "");
    }

    /** The location (class folder or jar) of {@link ParentWatchingMain}, for the child's classpath. */
    private static String launcherLocation() throws IOException {
        CodeSource source = ParentWatchingMain.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            try {
                return Path.of(source.getLocation().toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                // fall through: copy the class out
            }
        }
        // Not a plain file location (nested jar, custom class loader): copy the launcher class to a temp folder.
        String resource = ParentWatchingMain.class.getName().replace('.', '/') + ".class";
        Path root = Files.createTempDirectory("cqp-launcher-");
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (var in = ParentWatchingMain.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Cannot find " + resource + " to launch the Kafka broker");
            }
            Files.copy(in, target);
        }
        root.toFile().deleteOnExit();
        return root.toString();
    }

    /** The broker jars, as written into cqp-kafka-broker-dist by maven-dependency-plugin; each must exist. */
    static String brokerClasspath() throws IOException {
        String classpath = InfraSupport.readResource(CLASSPATH_RESOURCE).trim();
        if (classpath.isEmpty()) {
            throw new IOException(CLASSPATH_RESOURCE + " is empty: rebuild cqp-kafka-broker-dist");
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!Files.exists(Path.of(entry))) {
                throw new IOException("Kafka broker jar missing: " + entry + " (listed in " + CLASSPATH_RESOURCE
                        + " when cqp-kafka-broker-dist was built; rebuild it with: "
                        + "./mvnw -pl infrastructure/kafka-broker-dist install)");
            }
        }
        return classpath;
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, never starting with '-'. */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits());
            bytes.putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers() + ", data " + dataDir + "]";
    }
}
