package org.cqpsuite.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs SuiteInfrastructure as a script would: a child JVM with target/classes and target/runtime.classpath. */
class SuiteInfrastructureTest {

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void startsBothStopsOnSigtermKeepsDataAndDiesWithItsParent() throws Exception {
        Path home = dir.resolve("home");
        Path ready = home.resolve("run/infra.ready");

        // 1. start on free ports, use both, SIGTERM: both stop, the ready file goes away
        Process first = launch(home, "0", "0", "registration,certification");
        Properties info = awaitReady(first, ready);
        long pgPid = Long.parseLong(info.getProperty("pg.pid"));
        long kafkaPid = Long.parseLong(info.getProperty("kafka.pid"));
        int pgPort = Integer.parseInt(info.getProperty("pg.port"));
        String bootstrap = info.getProperty("kafka.bootstrap.servers");
        int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        assertThat(info.getProperty("pid")).isEqualTo(Long.toString(first.pid()));

        String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/registration";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (v text)");
            statement.execute("INSERT INTO t VALUES ('survives')");
        }
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pgPort + "/certification", "postgres", "postgres")) {
            assertThat(connection.isValid(2)).isTrue();
        }
        LocalKafkaTest.produce(bootstrap, "x", "y");
        assertThat(LocalKafkaTest.consumeAll(bootstrap, 2)).containsExactly("x", "y");

        first.destroy(); // SIGTERM
        assertThat(first.waitFor(40, TimeUnit.SECONDS)).as("infra stops on SIGTERM").isTrue();
        assertThat(InfraSupport.isRunning(kafkaPid)).as("Kafka after SIGTERM").isFalse();
        assertThat(InfraSupport.isRunning(pgPid)).as("PostgreSQL after SIGTERM").isFalse();
        assertThat(InfraSupport.accepts(pgPort)).isFalse();
        assertThat(InfraSupport.accepts(kafkaPort)).isFalse();
        assertThat(ready).doesNotExist();
        assertThat(output(home)).contains("stopped");

        // 2. a fixed port that is taken: exit code 2, the message names the component, the port and the log file
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process refused = launch(home, "0", Integer.toString(busy.getLocalPort()), "");
            assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).isEqualTo(2);
            assertThat(output(home)).contains("Kafka cannot listen on 127.0.0.1:" + busy.getLocalPort())
                    .contains(home.resolve("logs/kafka.log").toString());
            assertThat(ready).doesNotExist();
        }

        // 3. start again on the same home and the same ports: data and records are still there
        Process second = launch(home, Integer.toString(pgPort), Integer.toString(kafkaPort), "registration");
        info = awaitReady(second, ready);
        assertThat(info.getProperty("pg.port")).isEqualTo(Integer.toString(pgPort));
        assertThat(info.getProperty("kafka.bootstrap.servers")).isEqualTo(bootstrap);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT v FROM t")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("survives");
        }
        assertThat(LocalKafkaTest.consumeAll(bootstrap, 2)).containsExactly("x", "y");

        // 4. SIGKILL of the infra JVM: the broker (parent watcher) and PostgreSQL (sh watcher) stop by themselves
        pgPid = Long.parseLong(info.getProperty("pg.pid"));
        kafkaPid = Long.parseLong(info.getProperty("kafka.pid"));
        second.destroyForcibly();
        assertThat(second.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(awaitGone(kafkaPid, Duration.ofSeconds(30))).as("Kafka after its parent was killed").isTrue();
        assertThat(awaitGone(pgPid, Duration.ofSeconds(30))).as("PostgreSQL after its parent was killed").isTrue();
    }

    @Test
    void parsesTheCommandLineOfTheSuiteScript() {
        SuiteInfrastructure.Options both = SuiteInfrastructure.Options.parse(
                "--home", dir.toString(), "--databases", "certification, registration,,eligibility",
                "--pg-port", "15432", "--kafka-port=0", "--topics", "cqp.a.events,cqp.b.events");
        assertThat(both.home()).isEqualTo(dir.toAbsolutePath());
        assertThat(both.pgPort()).isEqualTo(15432);
        assertThat(both.kafkaPort()).isZero();
        assertThat(both.databases()).containsExactly("certification", "registration", "eligibility");
        assertThat(both.topics()).containsExactly("cqp.a.events", "cqp.b.events");

        SuiteInfrastructure.Options noKafka = SuiteInfrastructure.Options.parse(
                "--home", dir.toString(), "--pg-port", "0", "--no-kafka");
        assertThat(noKafka.kafkaPort()).isNull();
        assertThat(noKafka.pgPort()).isZero();

        assertThatThrownBy(() -> SuiteInfrastructure.Options.parse("--pg-port", "1", "--kafka-port", "2"))
                .hasMessageContaining("--home");
        assertThatThrownBy(() -> SuiteInfrastructure.Options.parse("--home", "h", "--kafka-port", "2"))
                .hasMessageContaining("--pg-port");
        assertThatThrownBy(() -> SuiteInfrastructure.Options.parse("--home", "h", "--pg-port", "x", "--no-kafka"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> SuiteInfrastructure.Options.parse("--home", "h", "--pg-port", "70000", "--no-kafka"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> SuiteInfrastructure.Options.parse("--home", "h", "--no-postgres", "--no-kafka"))
                .hasMessageContaining("nothing to start");
    }

    @Test
    void startsOnlyPostgresWithNoKafka() throws Exception {
        Path home = dir.resolve("pg-only");
        SuiteInfrastructure infrastructure = SuiteInfrastructure.start(SuiteInfrastructure.Options.parse(
                "--home", home.toString(), "--pg-port", "0", "--no-kafka", "--databases", "eligibility"));
        Path ready = home.resolve(SuiteInfrastructure.READY_FILE);
        long pgPid;
        int pgPort;
        try {
            infrastructure.writeReadyFile();
            Properties info = new Properties();
            info.load(new StringReader(Files.readString(ready, StandardCharsets.UTF_8)));
            assertThat(info.getProperty("kafka.bootstrap.servers")).isNull();
            pgPort = Integer.parseInt(info.getProperty("pg.port"));
            pgPid = Long.parseLong(info.getProperty("pg.pid"));
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + pgPort + "/eligibility", "postgres", "postgres")) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(home.resolve("data/kafka")).doesNotExist();
        } finally {
            infrastructure.stop();
        }
        assertThat(ready).doesNotExist();
        assertThat(InfraSupport.isRunning(pgPid)).isFalse();
        assertThat(InfraSupport.accepts(pgPort)).isFalse();
    }

    private Process launch(Path home, String pgPort, String kafkaPort, String databases) throws IOException {
        Path build = Path.of(System.getProperty("cqp.test.build.directory", "target"));
        String classpath = build.resolve("classes") + File.pathSeparator
                + Files.readString(build.resolve("runtime.classpath"), StandardCharsets.UTF_8).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp", classpath));
        String binaries = System.getProperty(LocalPostgres.BINARIES_DIR_PROPERTY);
        if (binaries != null) {
            command.add(1, "-D" + LocalPostgres.BINARIES_DIR_PROPERTY + "=" + binaries);
        }
        command.addAll(List.of(SuiteInfrastructure.class.getName(),
                "--home", home.toString(), "--pg-port", pgPort, "--kafka-port", kafkaPort));
        if (!databases.isEmpty()) {
            command.addAll(List.of("--databases", databases));
        }
        Files.createDirectories(home);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("infra.out").toFile()))
                .start();
        children.add(process);
        return process;
    }

    private static String output(Path home) throws IOException {
        return Files.readString(home.resolve("infra.out"), StandardCharsets.UTF_8);
    }

    private static Properties awaitReady(Process process, Path ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive()) {
                throw new AssertionError("SuiteInfrastructure exited with " + process.exitValue() + ":\n"
                        + output(ready.getParent().getParent()));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ready file after 90 s:\n" + output(ready.getParent().getParent()));
            }
            Thread.sleep(100);
        }
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(ready, StandardCharsets.UTF_8)));
        return properties;
    }

    private static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (InfraSupport.isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
