package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cqpsuite.infra.SuiteTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, concurrency: 50 conflicting writes of one certification, then of one registration, sent at the same
 * instant to the real suite. Exactly one wins; every loser is told so (412 for a stale {@code If-Match}, 409 for a
 * decision already taken); what is stored is the winner's; and the topic holds exactly one event for the winning
 * write, the certification's sequence numbers following each other without gap or repeat.
 */
@ExtendWith(SharedSuite.class)
class ConcurrencyIT {

    private static final int WRITERS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalSuite suite;
    private static String certifier;
    private static String registrar;
    // HTTP/1.1 without the h2c upgrade: once, the JDK client read the answer to its upgrade request as HTTP/2 frames.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void up(LocalSuite shared) throws Exception {
        suite = shared;
        KeyPair keys = SuiteTokens.loadOrCreate(suite.home.resolve(SuiteTokens.KEYS_DIR));
        certifier = SuiteTokens.token(keys.getPrivate(), "certifier", List.of("3248"), "cpne@concurrency",
                Duration.ofHours(1));
        registrar = SuiteTokens.token(keys.getPrivate(), "registrar", List.of(), "fc@concurrency",
                Duration.ofHours(1));
    }

    @Test
    void fiftyConcurrentChangesOfOneCertificationWithTheSameETagMakeOneWinnerAnd49PreconditionFailures()
            throws Exception {
        String id = createCertification("CQP Soudeur");
        HttpResponse<String> read = http.send(request("certification", "/certifications/" + id, null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String etag = read.headers().firstValue("ETag").orElseThrow();

        List<HttpResponse<String>> answers = concurrently(i -> request("certification", "/certifications/" + id,
                certifier).header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(definition(
                        "CQP Soudeur, version " + i))).build());

        Map<Integer, Long> statuses = statuses(answers);
        assertThat(statuses).as("statuses of %d concurrent PUTs with If-Match %s", WRITERS, etag)
                .isEqualTo(Map.of(200, 1L, 412, (long) WRITERS - 1));
        answers.stream().filter(a -> a.statusCode() == 412).forEach(a -> assertThat(a.headers()
                .firstValue("Content-Type").orElse("")).startsWith("application/problem+json"));
        String winner = JSON.readTree(answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow()
                .body()).get("title").asText();
        assertThat(suite.get("certification", "/certifications/" + id).json().get("title").asText())
                .isEqualTo(winner);

        List<String[]> events = awaitEvents("cqp.certification.events", id, 2);
        assertThat(events).extracting(e -> e[0]).containsExactly("org.cqpsuite.certification.created",
                "org.cqpsuite.certification.updated");
        assertContiguous(events);
        assertThat(JSON.readTree(events.get(1)[2]).at("/certification/title").asText()).isEqualTo(winner);
    }

    @Test
    void fiftyConcurrentDecisionsOnOneRegistrationRequestMakeOneRegistrationAnd49Conflicts() throws Exception {
        String id = createCertification("CQP Chaudronnier");
        for (String[] framework : List.of(
                new String[] {"activities", """
                        {"workSituations": ["Atelier"], "activities": ["Former des tôles"],
                         "targetedJobs": [{"title": "Chaudronnier", "romeCode": "H2902"}]}"""},
                new String[] {"skills", """
                        {"blocks": [{"code": "BC01", "title": "Former",
                          "skills": [{"label": "Former une tôle", "transversal": false}]}]}"""},
                new String[] {"evaluation", """
                        {"items": [{"target": "BC01", "criteria": ["La tôle est formée"],
                          "methods": ["Mise en situation professionnelle"], "tests": "Formage, 3 heures"}]}"""})) {
            assertThat(suite.send("certification", "PUT", "/certifications/" + id + "/frameworks/" + framework[0],
                    certifier, framework[1]).status()).isEqualTo(201);
        }
        assertThat(suite.send("certification", "POST", "/certifications/" + id + "/publication", certifier, null)
                .status()).isEqualTo(200);
        LocalSuite.Answer transmitted = suite.send("registration", "PUT", "/certifications/" + id + "/transmission",
                registrar, "{\"transmittedOn\": \"2021-03-01\", \"reference\": \"FC-2021-03-0001\"}");
        assertThat(transmitted.status()).as(transmitted.text()).isEqualTo(200);
        LocalSuite.Answer requested = suite.send("registration", "POST", "/certifications/" + id + "/registrations",
                certifier, "{\"directory\": \"RNCP\", \"requestedOn\": \"2021-03-10\"}");
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        String registration = requested.json().at("/registration/id").asText();
        long base = System.nanoTime() % 40_000 + 10_000;
        // In force well past today: the expiry job must not add an expiry event to the history checked below.

        List<HttpResponse<String>> answers = concurrently(i -> request("registration",
                "/registrations/" + registration + "/decision", registrar).POST(HttpRequest.BodyPublishers.ofString("""
                        {"outcome": "REGISTERED", "code": "RNCP%d", "registrationType": "ON_REQUEST",
                         "decidedOn": "2025-06-01", "effectiveFrom": "2025-06-15", "endsOn": "2030-06-14",
                         "level": 3, "blocks": []}""".formatted(base + i))).build());

        assertThat(statuses(answers)).as("statuses of %d concurrent decisions", WRITERS)
                .isEqualTo(Map.of(200, 1L, 409, (long) WRITERS - 1));
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> assertThat(a.headers()
                .firstValue("Content-Type").orElse("")).startsWith("application/problem+json"));
        String winner = JSON.readTree(answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow()
                .body()).at("/registration/code").asText();
        JsonNode stored = suite.get("registration", "/registrations/" + registration).json();
        assertThat(stored.at("/registration/status").asText()).isEqualTo("REGISTERED");
        assertThat(stored.at("/registration/code").asText()).isEqualTo(winner);

        // transmitted, requested, registered: one event each, and the registered one carries the winner's code.
        List<String[]> events = awaitEvents("cqp.registration.events", id, 3);
        assertThat(events).extracting(e -> e[0]).containsExactly("org.cqpsuite.registration.transmitted",
                "org.cqpsuite.registration.requested", "org.cqpsuite.registration.registered");
        assertContiguous(events);
        assertThat(events.get(2)[2]).contains("\"" + winner + "\"");
    }

    private String createCertification(String title) throws Exception {
        LocalSuite.Answer created = suite.send("certification", "POST", "/certifications", certifier,
                definition(title));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String definition(String title) {
        return """
                {"kind": "CQP", "title": "%s",
                 "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "3248"}],
                 "nsfCodes": ["254s"], "romeCodes": ["H2902"]}""".formatted(title);
    }

    private HttpRequest.Builder request(String service, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + suite.ports.get(service)
                + path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private interface Numbered {
        HttpRequest request(int i);
    }

    /** Sends the {@value #WRITERS} requests from as many threads released at once. */
    private List<HttpResponse<String>> concurrently(Numbered requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                HttpRequest request = requests.request(i);
                futures.add(threads.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
        return answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, TreeMap::new,
                Collectors.counting()));
    }

    /** The key's events (type, sequence, value) once at least {@code expected} are there, and a second later. */
    private static List<String[]> awaitEvents(String topic, String key, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String[]> events = events(topic, key);
        while (events.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            events = events(topic, key);
        }
        Thread.sleep(1_000); // a duplicate published late would show now
        return events(topic, key);
    }

    private static List<String[]> events(String topic, String key) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + suite.env.get("CQP_KAFKA_PORT"));
        List<String[]> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        events.add(new String[] {header(record, "ce_type"), header(record, "ce_sequence"),
                                record.value()});
                    }
                }
            }
        }
        return events;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void assertContiguous(List<String[]> events) {
        assertThat(events.stream().map(e -> Long.parseLong(e[1])).toList()).as("sequence numbers")
                .isEqualTo(LongStream.rangeClosed(1, events.size()).boxed().toList());
    }
}
