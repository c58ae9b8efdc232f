package org.cqpsuite.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A suite run by the README's command ({@code ./suite}) on free ports with a suite home of its own, so that a suite
 * already running on this machine is not disturbed; and a small JSON-over-HTTP client for its services.
 */
final class LocalSuite {

    static final List<String> SERVICES = List.of("certification", "registration", "eligibility");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exitCode, String output) {
    }

    /** A service's answer: status, content type, body (JSON when there is one). */
    record Answer(int status, String contentType, String text, JsonNode json) {
    }

    final Path home;
    final Map<String, String> env = new HashMap<>();
    final Map<String, Integer> ports = new HashMap<>();
    // HTTP/1.1 without the h2c upgrade: once, the JDK client read the answer to its upgrade request as HTTP/2 frames.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    LocalSuite(String name) throws IOException {
        home = SuiteRoot.ROOT.resolve("suite-tests/target/" + name);
        deleteRecursively(home);
        env.put("CQP_SUITE_HOME", home.toString());
        env.put("CQP_PG_PORT", String.valueOf(freePort()));
        env.put("CQP_KAFKA_PORT", String.valueOf(freePort()));
        for (String service : SERVICES) {
            int port = freePort();
            ports.put(service, port);
            env.put("CQP_" + service.toUpperCase() + "_PORT", String.valueOf(port));
        }
    }

    /** Runs {@code ./suite args...} and waits for it (at most 5 minutes). */
    Result suite(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SuiteRoot.ROOT.resolve("suite").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(home.getParent().toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./suite " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /**
     * The end offset of each topic, summed over its partitions (0 for a topic that does not exist yet): equal before
     * and after means that nothing was published in between.
     */
    Map<String, Long> endOffsets(List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + env.get("CQP_KAFKA_PORT"));
        Map<String, Long> ends = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(10));
            for (String topic : topics) {
                List<TopicPartition> partitions = existing.getOrDefault(topic, List.of()).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                ends.put(topic, consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum());
            }
        }
        return ends;
    }

    /**
     * Whether the eligibility-service has applied everything on both topics: {@code GET /freshness} answers, with a
     * lag of 0 on each topic and no lag error. False while it does not answer.
     */
    boolean caughtUp() {
        try {
            Answer freshness = get("eligibility", "/freshness");
            if (freshness.status() != 200 || !freshness.json().get("lagError").isNull()) {
                return false;
            }
            for (JsonNode topic : freshness.json().get("topics")) {
                if (topic.get("lag").isNull() || topic.get("lag").asLong() != 0) {
                    return false;
                }
            }
            return freshness.json().get("topics").size() == 2;
        } catch (Exception e) {
            return false;
        }
    }

    /** The pid of a component started by {@code ./suite up} (a service, or {@code infra}). */
    long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(home.resolve("run/" + name + ".pid")).trim());
    }

    Answer get(String service, String path) throws Exception {
        return send(service, HttpRequest.newBuilder(uri(service, path)).GET(), null);
    }

    Answer send(String service, String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        return send(service, request, token);
    }

    private Answer send(String service, HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
        return new Answer(response.statusCode(), type, response.body(), json);
    }

    private URI uri(String service, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(service) + path);
    }

    /**
     * Whether a process runs: alive and not a zombie. A process killed after its parent exited stays a zombie until
     * the machine's reaper collects it, and {@link ProcessHandle#isAlive()} is still true for a zombie.
     */
    static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException e) {
                return false; // gone meanwhile
            }
        }
        return false;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
