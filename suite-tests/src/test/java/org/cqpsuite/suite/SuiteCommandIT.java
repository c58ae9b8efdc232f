package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cqpsuite.infra.SuiteTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's run command, as a user runs it: {@code ./suite up} starts PostgreSQL, Kafka and the three packaged
 * services until ready, a second {@code up} does no harm, {@code ./suite token} prints a JWT signed by the key the
 * services were given, {@code ./suite down} leaves no process behind. Runs on free ports with its own suite home, so
 * a suite already running on this machine is not disturbed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteCommandIT {

    private static final Path HOME = SuiteRoot.ROOT.resolve("suite-tests/target/suite-home");
    private static final Path CDS = HOME.resolve("cds");
    private static final Map<String, String> ENV = new HashMap<>();
    private static final Map<String, Integer> SERVICE_PORTS = new HashMap<>();
    // HTTP/1.1 without the h2c upgrade: once, the JDK client read the answer to its upgrade request as HTTP/2 frames.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Long> STARTED = new ArrayList<>();

    record Result(int exitCode, String output) {
    }

    record Split(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void choosePorts() throws IOException {
        deleteRecursively(HOME);
        ENV.put("CQP_SUITE_HOME", HOME.toString());
        ENV.put("CQP_PG_PORT", String.valueOf(freePort()));
        ENV.put("CQP_KAFKA_PORT", String.valueOf(freePort()));
        // Class data archives of their own: the first start records them whatever other suites left in target/cds.
        ENV.put("CQP_CDS_DIR", CDS.toString());
        for (String service : List.of("certification", "registration", "eligibility")) {
            int port = freePort();
            SERVICE_PORTS.put(service, port);
            ENV.put("CQP_" + service.toUpperCase() + "_PORT", String.valueOf(port));
        }
    }

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        suite("down");
    }

    @Test
    @Order(1)
    void upStartsEverythingUntilReady() throws Exception {
        Result up = suite("up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("cqp-suite is up");

        for (var service : SERVICE_PORTS.entrySet()) {
            HttpResponse<String> ready = get(service.getValue(), "/q/health/ready");
            assertThat(ready.statusCode()).as(service.getKey() + " readiness").isEqualTo(200);
            assertThat(ready.body()).contains("\"status\": \"UP\"").contains("Kafka connection health check");
            assertThat(get(service.getValue(), "/q/openapi").statusCode()).isEqualTo(200);
        }
        for (String name : List.of("infra", "certification", "registration", "eligibility")) {
            STARTED.add(Long.parseLong(Files.readString(HOME.resolve("run/" + name + ".pid")).trim()));
        }
        assertThat(Files.readString(HOME.resolve("logs/kafka.log"))).contains("Kafka Server started");
        // No class data archive yet: each service records the classes it loads, for its stop to write them.
        for (String service : SERVICE_PORTS.keySet()) {
            assertThat(commandLine(servicePid(service))).as(service)
                    .anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit=" + CDS.resolve(service + "-")))
                    .noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile="));
        }
        // Each service runs from its one runnable jar, whose classes the archive can then hold.
        for (String service : SERVICE_PORTS.keySet()) {
            String jar = service + "-service/target/" + service + "-service-runner.jar";
            assertThat(commandLine(servicePid(service))).as(service)
                    .containsSubsequence("-jar", SuiteRoot.ROOT.toRealPath().resolve(jar).toString());
        }
        // The default JVM options: the write services compile with C1 only and give back their start-up heap, the
        // eligibility-service keeps C2 and the collector's default heap sizing.
        for (String service : List.of("certification", "registration")) {
            assertThat(commandLine(servicePid(service))).as(service)
                    .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxHeapFreeRatio=30");
        }
        assertThat(commandLine(servicePid("eligibility"))).contains("-XX:+UseSerialGC")
                .noneMatch(arg -> arg.startsWith("-XX:TieredStopAtLevel"))
                .noneMatch(arg -> arg.startsWith("-XX:MaxHeapFreeRatio"));
    }

    @Test
    @Order(2)
    void aSecondUpSaysItIsRunningAndChangesNothing() throws Exception {
        Result again = suite("up");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("already running");
        for (String name : List.of("infra", "certification", "registration", "eligibility")) {
            assertThat(Long.parseLong(Files.readString(HOME.resolve("run/" + name + ".pid")).trim())).isIn(STARTED);
        }
    }

    @Test
    @Order(3)
    void statusShowsEveryComponentRunning() throws Exception {
        Result status = suite("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output().lines().filter(line -> line.contains("running, ready"))).hasSize(3);
        assertThat(status.output()).containsPattern("postgres\\s+\\d+\\s+" + ENV.get("CQP_PG_PORT") + "\\s+running")
                .containsPattern("kafka\\s+\\d+\\s+" + ENV.get("CQP_KAFKA_PORT") + "\\s+running");
    }

    @Test
    @Order(4)
    void logsShowsAServiceLog() throws Exception {
        Result logs = suite("logs", "certification");
        assertThat(logs.exitCode()).isZero();
        assertThat(logs.output()).contains("certification-service");
    }

    @Test
    @Order(5)
    void tokenPrintsASignedJwtForTheRunningServicesKey() throws Exception {
        // From a folder that is not the checkout; stdout alone, as TOKEN=$(./suite token ...) reads it.
        Split token = suiteSplit("token", "--role", "certifier", "--idcc", "0018,0247");

        assertThat(token.exitCode()).as(token.err()).isZero();
        String jwt = token.out().trim();
        assertThat(jwt).as(token.err()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"iss\":\"cqp-suite\"", "\"groups\":[\"certifier\"]",
                "\"idcc\":[\"0018\",\"0247\"]");
        // Signed by the key whose public half up gave the services.
        Path publicKey = HOME.resolve("keys/jwt-public.pem");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(SuiteTokens.readPublicKey(publicKey));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(HOME.resolve("keys/jwt-private.pem"))))
                .isEqualTo("rw-------");
        long servicePid = Long.parseLong(Files.readString(HOME.resolve("run/certification.pid")).trim());
        String environment = new String(Files.readAllBytes(Path.of("/proc/" + servicePid + "/environ")),
                StandardCharsets.ISO_8859_1);
        assertThat(environment.split("\0"))
                .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:" + publicKey, "MP_JWT_VERIFY_ISSUER=cqp-suite");

        Split nobody = suiteSplit("token", "--role", "nobody");
        assertThat(nobody.exitCode()).as(nobody.err()).isNotZero();
        assertThat(nobody.out()).isEmpty();
        assertThat(nobody.err()).contains("unknown role 'nobody'");
    }

    @Test
    @Order(6)
    void downStopsEveryProcessItStarted() throws Exception {
        Result down = suite("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(STARTED).hasSize(4).allSatisfy(pid ->
                assertThat(LocalSuite.running(pid)).as("pid " + pid).isFalse());
        // The broker and PostgreSQL are grandchildren: none may outlive down.
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(HOME.toString())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))).isEmpty();
        for (String port : List.of(ENV.get("CQP_PG_PORT"), ENV.get("CQP_KAFKA_PORT"))) {
            assertThat(listening(Integer.parseInt(port))).as("port " + port).isFalse();
        }
        assertThat(suite("status").output().lines().filter(line -> line.contains("stopped"))).hasSize(5);
        // Each service wrote its class data archive on the way out; nothing half-written is left.
        assertThat(archives()).allMatch(name -> name.matches("(certification|registration|eligibility)-\\d+\\.jsa"))
                .extracting(name -> name.substring(0, name.indexOf('-')))
                .containsExactly("certification", "eligibility", "registration");
    }

    @Test
    @Order(7)
    void aLaterStartMapsTheArchivesOfItsJvmOptions() throws Exception {
        // eligibility-service with options of its own: an archive made for other options is not its own.
        ENV.put("CQP_ELIGIBILITY_JAVA_OPTS", "-XX:+UseSerialGC -Xms24m -Xmx300m");
        List<String> before = archives();
        Result up = suite("up");
        assertThat(up.exitCode()).as(up.output()).isZero();

        for (String service : List.of("certification", "registration")) {
            assertThat(get(SERVICE_PORTS.get(service), "/q/health/ready").statusCode()).isEqualTo(200);
            String archive = before.stream().filter(name -> name.startsWith(service + "-")).findFirst().orElseThrow();
            // Mapped by the JVM, not only named on its command line.
            assertThat(Files.readString(Path.of("/proc/" + servicePid(service) + "/maps")))
                    .as(service).contains(CDS.resolve(archive).toString());
        }
        List<String> eligibility = commandLine(servicePid("eligibility"));
        assertThat(eligibility).contains("-Xmx300m").noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile="))
                .anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit=" + CDS.resolve("eligibility-")));
        assertThat(get(SERVICE_PORTS.get("eligibility"), "/q/health/ready").statusCode()).isEqualTo(200);

        Result down = suite("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(archives()).hasSize(4).containsAll(before)
                .filteredOn(name -> name.startsWith("eligibility-")).hasSize(2);
    }

    /** ENV over the test's environment, without JVM options of its own: the tests check the suite's defaults. */
    private static void withEnvironment(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(name -> name.equals("JAVA_OPTS")
                || name.startsWith("CQP_") && name.endsWith("_JAVA_OPTS"));
        builder.environment().putAll(ENV);
    }

    private static long servicePid(String service) throws IOException {
        return Long.parseLong(Files.readString(HOME.resolve("run/" + service + ".pid")).trim());
    }

    private static List<String> commandLine(long pid) throws IOException {
        return List.of(new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                .split("\0"));
    }

    private static List<String> archives() throws IOException {
        try (var files = Files.list(CDS)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static Result suite(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SuiteRoot.ROOT.resolve("suite").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(HOME.getParent().toFile());
        withEnvironment(builder);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Split suiteSplit(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SuiteRoot.ROOT.resolve("suite").toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(HOME.getParent(), "suite-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile())
                .directory(HOME.getParent().toFile());
        withEnvironment(builder);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String errors = Files.readString(err);
        Files.delete(err);
        return new Split(process.exitValue(), new String(output, StandardCharsets.UTF_8), errors);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        return LocalSuite.freePort();
    }

    private static void deleteRecursively(Path path) throws IOException {
        LocalSuite.deleteRecursively(path);
    }
}
