package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cqpsuite.infra.SuiteTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, database outage: "PostgreSQL of registration-service stopped for 10 s during writes: every write either
 * succeeded with its event or failed with a clear 503 problem+json; nothing half-done."
 *
 * <p><b>Injects</b>: the suite's PostgreSQL stopped for real ({@code pg_ctl stop -m fast}: open transactions rolled
 * back, every connection closed, the port refused) for 10 s (system property {@code cqp.dbout.outage-seconds} for
 * longer), then started again on the same data folder and port ({@link SuitePostgres}), while {@value #WRITERS}
 * writers make registration-service writes without pause: transmissions ({@code PUT /certifications/{id}/transmission}),
 * registration requests ({@code POST /certifications/{id}/registrations}) and decisions
 * ({@code POST /registrations/{rid}/decision}), each writer on fresh published certifications of its own, one
 * certification after the other (a failed step is tried again with a new reference, date or code, so that each write
 * can be told apart afterwards); and one more writer creates certifications in certification-service. The suite has a
 * single PostgreSQL server holding the three services' databases: the stop takes certification-service's and
 * eligibility-service's databases away too (registration-service's transmissions and requests also ask
 * certification-service whether the certification is published).
 *
 * <p><b>Checks</b>: every answer is a 2xx or a 503 {@code application/problem+json} with a {@code Retry-After} (type
 * {@code database-unavailable}, or {@code certification-service-unavailable} when the published check could not be
 * made), never another status, never a hang past the client's timeout, never a refused or reset connection (the
 * services stay up). After PostgreSQL is back: the services' readiness is UP again and writes succeed again, by
 * themselves; every 2xx write reads back from registration-service and its event is on {@code cqp.registration.events}
 * once (the relay is at least once, outbox/README.md: a batch acknowledged by the broker but not marked published
 * when the database went away is sent again, an identical record with the same {@code ce_id}; such copies are counted
 * and printed, nothing else is accepted), the certification's sequence numbers 1..n without gap, each event carrying
 * the state its write left; every 503 write left no trace (its reference, request or code is nowhere, no event); eligibility-service
 * catches up and answers, for every code and certification touched, what registration-service holds;
 * certification-service's answers are 201 or 503 too, and a 503 creation left nothing; the services' logs show no
 * 500 and no component still failing after the recovery (outbox relay, eligibility consumer, read model change
 * listener). The figures are printed: writes per phase and outcome, readiness DOWN and UP times, time from PostgreSQL
 * back to the first successful write.
 */
@ExtendWith(SharedSuite.class)
class DatabaseOutageIT {

    private static final int WRITERS = 4;
    /** Fresh published certifications per writer: more than it can use in the run (3 writes each). */
    private static final int CERTIFICATIONS_PER_WRITER = 40;
    /** Certifications each writer works on in turn. */
    private static final int IN_PROGRESS = 3;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("cqp.dbout.outage-seconds", 10));
    /** Writing goes on at least this long after PostgreSQL is back. */
    private static final Duration AFTER = Duration.ofSeconds(10);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    /** The least time between two writes of one writer, and the pause after a refused write. */
    private static final long PACE_MILLIS = 250;
    private static final LocalDate ASKED_ON = LocalDate.of(2027, 1, 15);
    private static final String REGISTRATION_TOPIC = "cqp.registration.events";
    private static final String PROBLEM_PREFIX = "urn:cqp-suite:problem:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalSuite suite;
    private static SuitePostgres postgres;
    private static String admin;
    private static String registrar;
    private static String certifier;
    // HTTP/1.1 without the h2c upgrade: once, the JDK client read the answer to its upgrade request as HTTP/2 frames.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    @BeforeAll
    static void up(LocalSuite shared) throws Exception {
        suite = shared;
        postgres = new SuitePostgres(suite);
        KeyPair keys = SuiteTokens.loadOrCreate(suite.home.resolve(SuiteTokens.KEYS_DIR));
        admin = SuiteTokens.token(keys.getPrivate(), "admin", List.of(), "ops@dbout", Duration.ofHours(1));
        registrar = SuiteTokens.token(keys.getPrivate(), "registrar", List.of(), "fc@dbout", Duration.ofHours(1));
        certifier = SuiteTokens.token(keys.getPrivate(), "certifier", List.of("3248"), "cpne@dbout",
                Duration.ofHours(1));
    }

    /** Leaves the suite as found, even after a failure: PostgreSQL running, services ready, eligibility caught up. */
    @AfterAll
    static void leaveTheSuiteAsFound() throws Exception {
        if (postgres != null && !postgres.running()) {
            postgres.start();
        }
        if (suite != null) {
            await("services ready again").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> LocalSuite.SERVICES.stream().allMatch(DatabaseOutageIT::ready));
            await("eligibility caught up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(suite::caughtUp);
        }
    }

    // ------------------------------------------------------------------------------------------------- the test

    /** One write and its answer. {@code status} -1: no answer ({@code error} says why). */
    record Write(int writer, String certification, String kind, String value, long sentAt, long answeredAt,
            int status, String contentType, String body, String retryAfter, String error) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String problemType() {
            try {
                JsonNode json = body == null || body.isEmpty() ? null : JSON.readTree(body);
                return json == null || json.get("type") == null ? null
                        : json.get("type").asText().replace(PROBLEM_PREFIX, "");
            } catch (IOException e) {
                return null;
            }
        }

        String describe() {
            return kind + " " + value + " on " + certification + ": " + (status < 0 ? error : status + " "
                    + contentType + " Retry-After=" + retryAfter + " " + abbreviate(body));
        }
    }

    /** What happens to one certification: its writes in order; the registration once requested. */
    static final class Chain {
        final String certification;
        final List<Write> writes = new ArrayList<>();
        String registration;
        int step;
        int attempt;

        Chain(String certification) {
            this.certification = certification;
        }

        List<Write> succeeded() {
            return writes.stream().filter(Write::ok).toList();
        }
    }

    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<Write> certificationWrites = new CopyOnWriteArrayList<>();
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();
    private final Map<String, List<long[]>> readiness = new ConcurrentHashMap<>();
    private final AtomicInteger codes = new AtomicInteger(ThreadLocalRandom.current().nextInt(60_000, 98_000));
    private final AtomicInteger serial = new AtomicInteger();
    private volatile boolean stopWriting;
    /** From System.nanoTime() to the epoch in milliseconds: Kafka timestamps are wall-clock. */
    private static final long WALL_OFFSET_MILLIS = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
    /** Milliseconds from a successful write's answer to its event's Kafka timestamp, by phase. */
    private final Map<String, List<Long>> eventDelays = new ConcurrentHashMap<>();
    private final AtomicInteger redelivered = new AtomicInteger();
    private volatile long stopBeganAt;
    private volatile long backAt;

    @Test
    void writesDuringADatabaseOutageSucceedWithTheirEventOrFailWith503AndNothingIsHalfDone() throws Exception {
        List<List<String>> certifications = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            certifications.add(publishedCertifications(CERTIFICATIONS_PER_WRITER, w));
        }
        Map<TopicPartition, Long> startOffsets = offsets(REGISTRATION_TOPIC);
        Map<String, Long> logStarts = logSizes();

        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        long stopBegan = 0;
        long stopped = 0;
        long startBegan = 0;
        long back = 0;
        try {
            threads.submit(this::watchReadiness);
            threads.submit(this::createCertifications);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                threads.submit(() -> write(writer, certifications.get(writer)));
            }
            // Writes go through before the outage: the suite works, and each writer is under way.
            // Until every writer made a decision: its certifications are then at every step when the outage begins.
            await("every writer succeeding before the outage").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100)).until(() -> java.util.stream.IntStream.range(0, WRITERS)
                            .allMatch(w -> writes.stream().anyMatch(x -> x.writer() == w && x.ok()
                                    && x.kind().equals("decision"))));

            stopBegan = System.nanoTime();
            postgres.stop();
            stopped = System.nanoTime();
            Thread.sleep(OUTAGE.toMillis()); // the outage itself: writers keep writing meanwhile
            startBegan = System.nanoTime();
            postgres.start();
            back = System.nanoTime();
            long pgBack = back;

            // Writing goes on until every writer succeeded again a few times, and at least AFTER past the restart.
            await("every writer succeeding again after PostgreSQL is back").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> System.nanoTime() - pgBack >= AFTER.toNanos()
                            && java.util.stream.IntStream.range(0, WRITERS).allMatch(w -> writes.stream()
                                    .filter(x -> x.writer() == w && x.ok() && x.sentAt() >= pgBack).count() >= 3));
        } finally {
            stopWriting = true;
            threads.shutdown();
            threads.awaitTermination(CLIENT_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            if (!postgres.running()) {
                postgres.start();
            }
        }

        // ---------------------------------------------------------------------------------------- the figures
        long pgBack = back;
        long down = stopBegan;
        stopBeganAt = stopBegan;
        backAt = back;
        long firstOkAfter = writes.stream().filter(w -> w.ok() && w.sentAt() >= pgBack).mapToLong(Write::answeredAt)
                .min().orElse(-1);
        long recovered = writes.stream().filter(w -> w.sentAt() >= pgBack && !w.ok()).mapToLong(Write::answeredAt)
                .max().orElse(pgBack);
        StringBuilder report = new StringBuilder("\nDatabaseOutageIT — PostgreSQL stopped ")
                .append(millis(stopBegan, stopped)).append(" ms to stop, down ").append(millis(stopped, back))
                .append(" ms (").append(OUTAGE.toSeconds()).append(" s held + ").append(millis(startBegan, back))
                .append(" ms to start)\n");
        report.append(String.format("  %-8s %-14s %6s %6s %s%n", "phase", "write", "2xx", "503", "other"));
        for (String phase : List.of("before", "outage", "after")) {
            for (String kind : List.of("transmission", "request", "decision")) {
                List<Write> these = writes.stream()
                        .filter(w -> w.kind().equals(kind) && phase(w, down, pgBack).equals(phase)).toList();
                report.append(String.format("  %-8s %-14s %6d %6d %s%n", phase, kind,
                        these.stream().filter(Write::ok).count(), these.stream().filter(w -> w.status() == 503)
                                .count(), these.stream().filter(w -> !w.ok() && w.status() != 503).count()));
            }
        }
        report.append("  503 types: ").append((Object) writes.stream().filter(w -> w.status() == 503)
                .collect(Collectors.groupingBy(w -> String.valueOf(w.problemType()), TreeMap::new,
                        Collectors.counting()))).append('\n');
        report.append("  PostgreSQL back -> first successful write answered: ")
                .append(firstOkAfter < 0 ? "never" : millis(pgBack, firstOkAfter) + " ms")
                .append("; last refused write after it answered ").append(millis(pgBack, recovered))
                .append(" ms after PostgreSQL was back\n");
        report.append("  certification-service creations: ").append((Object) certificationWrites.stream()
                .collect(Collectors.groupingBy(w -> phase(w, down, pgBack) + " " + w.status(), TreeMap::new,
                        Collectors.counting()))).append('\n');
        for (String service : LocalSuite.SERVICES) {
            report.append("  readiness ").append(service).append(": ").append(transitions(service, down, pgBack))
                    .append('\n');
        }
        report.append("  certifications written: ").append(chains.size()).append(", registered ")
                .append(chains.values().stream().filter(c -> c.succeeded().stream()
                        .anyMatch(w -> w.kind().equals("decision"))).count()).append('\n');
        System.out.println(report);

        // ------------------------------------------------------------------------------------------ the answers
        assertThat(writes.stream().filter(w -> !w.ok() && !(w.status() == 503 && clearUnavailable(w)))
                .map(Write::describe).toList())
                .as("answers other than a 2xx or a 503 problem+json with Retry-After%s", report).isEmpty();
        assertThat(certificationWrites.stream().filter(w -> !(w.status() == 201 || w.status() == 503
                && clearUnavailable(w) && "database-unavailable".equals(w.problemType()))).map(Write::describe)
                .toList()).as("certification-service's answers other than 201 or 503 problem+json").isEmpty();
        assertThat(writes.stream().filter(w -> phase(w, down, pgBack).equals("outage")
                && "database-unavailable".equals(w.problemType())).count())
                .as("writes refused by registration-service for its own database during the outage").isPositive();

        // ----------------------------------------------------------------------------------- recovery on its own
        await("services ready again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> LocalSuite.SERVICES.stream().allMatch(DatabaseOutageIT::ready));
        assertThat(readiness.getOrDefault("registration", List.of()).stream()
                .anyMatch(t -> t[1] != 200 && t[0] >= down && t[0] <= pgBack))
                .as("registration-service's readiness DOWN while its database is away").isTrue();

        // ------------------------------------------------------------------ every write: state, event, no trace
        Map<String, List<ConsumerRecord<String, String>>> events = awaitEvents(startOffsets);
        await("eligibility caught up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(suite::caughtUp);
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService checkers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Chain chain : chains.values()) {
                done.add(checkers.submit(() -> {
                    try {
                        wrong.addAll(check(chain, events.getOrDefault(chain.certification, List.of())));
                    } catch (Exception e) {
                        wrong.add(chain.certification + ": " + e);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            checkers.shutdownNow();
        }
        wrong.addAll(checkCreatedCertifications());
        System.out.println("DatabaseOutageIT — records sent again by the relay (same ce_id, at least once): "
                + redelivered.get());
        System.out.println("DatabaseOutageIT — from a write's answer to its event on the topic (relay), max ms: "
                + new TreeMap<>(eventDelays).entrySet().stream().map(e -> e.getKey() + " " + e.getValue().stream()
                        .mapToLong(Long::longValue).max().orElse(0) + " (" + e.getValue().size() + " events)")
                        .collect(Collectors.joining(", ")));
        assertThat(wrong).as("writes whose state, event or eligibility answer is not what their answer said").isEmpty();

        // ------------------------------------------------------------------------------------------- the logs
        Map<String, String> logs = logsSince(logStarts);
        assertThat(logs.entrySet().stream().filter(e -> e.getValue().contains("Unexpected error"))
                .map(Map.Entry::getKey).toList()).as("services that answered a 500 (\"Unexpected error\" logged)")
                .isEmpty();
        // Components that keep failing log again and again (relay: with backoff; consumer and listener: every few
        // seconds): nothing of the kind in what was logged since the checks began, well after the recovery.
        Map<String, String> late = logsSince(lateMarks);
        List<String> stillFailing = new ArrayList<>();
        for (String[] symptom : List.of(new String[] {"registration", "Outbox relay cannot publish"},
                new String[] {"certification", "Outbox relay cannot publish"},
                new String[] {"eligibility", "Could not apply"},
                new String[] {"eligibility", "Not listening to the read model's changes"})) {
            if (late.getOrDefault(symptom[0], "").contains(symptom[1])) {
                stillFailing.add(symptom[0] + ": " + symptom[1]);
            }
        }
        assertThat(stillFailing).as("components still failing well after PostgreSQL is back").isEmpty();
        for (String service : List.of("registration", "certification")) {
            if (logs.get(service).contains("Outbox relay cannot publish")) {
                assertThat(logs.get(service)).as(service + "'s outbox relay says it publishes again")
                        .contains("Outbox relay publishes to");
            }
        }
        if (logs.get("eligibility").contains("Not listening to the read model's changes")) {
            assertThat(logs.get("eligibility")).as("eligibility's read model listener says it listens again")
                    .contains("Listening to the read model's changes again");
        }
    }

    private volatile Map<String, Long> lateMarks = Map.of();

    /** When the answer came: before the stop began, while PostgreSQL was stopped or starting, after it was back. */
    private static String phase(Write write, long stopBegan, long back) {
        return write.answeredAt() < stopBegan ? "before" : write.answeredAt() < back ? "outage" : "after";
    }

    private static boolean clearUnavailable(Write write) {
        return write.contentType().startsWith("application/problem+json") && write.retryAfter() != null
                && List.of("database-unavailable", "certification-service-unavailable").contains(write.problemType());
    }

    // ------------------------------------------------------------------------------------------------ the writers

    /**
     * One writer: a transmission, a registration request, then a decision on each of its certifications, taking
     * {@value #IN_PROGRESS} certifications in turn (so that each kind of write is under way when the outage begins,
     * decisions too, which need no answer from certification-service). A refused write is tried again with a new
     * reference, date or code; a wrong answer leaves the certification as it is (the test reports it).
     */
    private void write(int writer, List<String> certifications) {
        java.util.Iterator<String> fresh = certifications.iterator();
        List<Chain> inProgress = new ArrayList<>();
        for (int turn = 0; !stopWriting; turn++) {
            while (inProgress.size() < IN_PROGRESS && fresh.hasNext()) {
                Chain chain = new Chain(fresh.next());
                chains.put(chain.certification, chain);
                inProgress.add(chain);
            }
            if (inProgress.isEmpty()) {
                return; // all used up: the test's wait for successes after the outage reports it
            }
            Chain chain = inProgress.get(turn % inProgress.size());
            long began = System.nanoTime();
            String id = chain.certification;
            Write write = switch (chain.step) {
                case 0 -> send(writer, id, "transmission", "DBOUT-" + RUN + "-" + serial.incrementAndGet(), "PUT",
                        "/certifications/" + id + "/transmission", registrar, value -> """
                                {"transmittedOn": "2021-03-01", "reference": "%s"}""".formatted(value));
                case 1 -> send(writer, id, "request", LocalDate.of(2021, 3, 10).plusDays(chain.attempt).toString(),
                        "POST", "/certifications/" + id + "/registrations", certifier, value -> """
                                {"directory": "RNCP", "requestedOn": "%s"}""".formatted(value));
                default -> send(writer, id, "decision", "RNCP" + codes.incrementAndGet(), "POST",
                        "/registrations/" + chain.registration + "/decision", registrar, value -> """
                                {"outcome": "REGISTERED", "code": "%s", "registrationType": "ON_REQUEST",
                                 "decidedOn": "2025-06-01", "effectiveFrom": "2025-06-15", "endsOn": "2030-06-14",
                                 "level": 3, "blocks": []}""".formatted(value));
            };
            chain.writes.add(write);
            writes.add(write);
            if (write.ok()) {
                if (chain.step == 1) {
                    chain.registration = json(write.body()).at("/registration/id").asText();
                }
                chain.step++;
                chain.attempt = 0;
            } else if (write.status() == 503) {
                chain.attempt++;
            }
            if (chain.step == 3 || !write.ok() && write.status() != 503) {
                inProgress.remove(chain);
            }
            pause(began);
        }
    }

    /** certification-service during the outage too: drafts created one after the other. */
    private void createCertifications() {
        while (!stopWriting) {
            long began = System.nanoTime();
            String title = "CQP dbout " + RUN + " brouillon " + serial.incrementAndGet() + " fin";
            certificationWrites.add(send(-1, null, "certification", title, "POST", "/certifications", certifier,
                    value -> definition(value), "certification"));
            pause(began);
            pause(System.nanoTime());
        }
    }

    private void pause(long began) {
        long left = PACE_MILLIS - (System.nanoTime() - began) / 1_000_000;
        if (left > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Write send(int writer, String certification, String kind, String value, String method, String path,
            String token, java.util.function.Function<String, String> body) {
        return send(writer, certification, kind, value, method, path, token, body, "registration");
    }

    private Write send(int writer, String certification, String kind, String value, String method, String path,
            String token, java.util.function.Function<String, String> body, String service) {
        HttpRequest request = HttpRequest.newBuilder(uri(service, path)).timeout(CLIENT_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body.apply(value))).build();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Write(writer, certification, kind, value, sent, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null), null);
        } catch (HttpTimeoutException e) {
            return new Write(writer, certification, kind, value, sent, System.nanoTime(), -1, "", "", null,
                    "no answer within " + CLIENT_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return new Write(writer, certification, kind, value, sent, System.nanoTime(), -1, "", "", null,
                    "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Write(writer, certification, kind, value, sent, System.nanoTime(), -1, "", "", null,
                    "interrupted");
        }
    }

    /** Every 200 ms, each service's readiness status; a row per change: [time, status]. */
    private void watchReadiness() {
        Map<String, Integer> last = new HashMap<>();
        while (!stopWriting) {
            for (String service : LocalSuite.SERVICES) {
                int status;
                try {
                    status = HTTP.send(HttpRequest.newBuilder(uri(service, "/q/health/ready"))
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException e) {
                    status = -1;
                } catch (InterruptedException e) {
                    return;
                }
                if (!Integer.valueOf(status).equals(last.put(service, status))) {
                    readiness.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>())
                            .add(new long[] {System.nanoTime(), status});
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String transitions(String service, long stopBegan, long back) {
        return readiness.getOrDefault(service, List.of()).stream()
                .map(t -> (t[1] == 200 ? "UP" : t[1] == 503 ? "DOWN" : String.valueOf(t[1])) + " at "
                        + (t[0] < stopBegan ? "start" : t[0] < back ? "stop+" + millis(stopBegan, t[0]) + " ms"
                                : "back+" + millis(back, t[0]) + " ms"))
                .collect(Collectors.joining(", "));
    }

    private static boolean ready(String service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(service, "/q/health/ready")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------- the checks

    /** What is wrong with one certification's writes: its state, its events, eligibility-service's answers. */
    private List<String> check(Chain chain, List<ConsumerRecord<String, String>> events) throws Exception {
        List<String> wrong = new ArrayList<>();
        String id = chain.certification;
        List<Write> ok = chain.succeeded();
        LocalSuite.Answer state = suite.get("registration", "/certifications/" + id + "/registrations");
        List<String> transmitted = ok.stream().filter(w -> w.kind().equals("transmission")).map(Write::value).toList();
        Write requested = ok.stream().filter(w -> w.kind().equals("request")).findFirst().orElse(null);
        Write decided = ok.stream().filter(w -> w.kind().equals("decision")).findFirst().orElse(null);
        if (ok.isEmpty()) {
            if (state.status() != 404) {
                wrong.add(id + ": no write succeeded, yet registration-service holds " + state.text());
            }
        } else {
            List<String> references = new ArrayList<>();
            state.json().get("transmissions").forEach(t -> references.add(t.get("reference").asText()));
            if (!references.equals(transmitted)) {
                wrong.add(id + ": transmissions " + references + ", succeeded " + transmitted);
            }
            JsonNode registrations = state.json().get("registrations");
            if (requested == null ? registrations.size() != 0 : registrations.size() != 1
                    || !registrations.get(0).get("id").asText().equals(chain.registration)
                    || !registrations.get(0).get("requestedOn").asText().equals(requested.value())) {
                wrong.add(id + ": registrations " + registrations + ", succeeded request " + (requested == null
                        ? "none" : requested.value() + " " + chain.registration));
            } else if (requested != null) {
                JsonNode registration = registrations.get(0);
                String status = registration.get("status").asText();
                JsonNode codeNode = registration.path("code");
                String code = codeNode.isNull() || codeNode.isMissingNode() ? null : codeNode.asText();
                if (decided == null ? !status.equals("REQUESTED") || code != null
                        : !status.equals("REGISTERED") || !decided.value().equals(code)) {
                    wrong.add(id + ": registration " + status + " " + code + ", succeeded decision "
                            + (decided == null ? "none" : decided.value()));
                }
            }
            if (state.json().get("history").size() != (requested == null ? 0 : 1) + (decided == null ? 0 : 1)) {
                wrong.add(id + ": history " + state.json().get("history"));
            }
        }
        // The relay is at least once (outbox/README.md, "What it guarantees"): a batch sent while the database went
        // away, acknowledged by the broker but not marked published, is sent again after the recovery. Such a
        // redelivery is the same record again (same ce_id, sequence and value, after the original): consumers skip
        // it. Counted and printed; anything else than an identical copy is wrong.
        Map<String, ConsumerRecord<String, String>> firsts = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> event : events) {
            ConsumerRecord<String, String> first = firsts.putIfAbsent(header(event, "ce_id"), event);
            if (first != null) {
                redelivered.incrementAndGet();
                if (!first.value().equals(event.value())
                        || !header(first, "ce_sequence").equals(header(event, "ce_sequence"))) {
                    wrong.add(id + ": two different events with ce_id " + header(event, "ce_id"));
                }
            }
        }
        events = new ArrayList<>(firsts.values());
        // One event per successful write, in the writes' order, sequences 1..n, each with the state its write left.
        List<String> types = events.stream().map(e -> header(e, "ce_type")).toList();
        List<String> expected = ok.stream().map(w -> switch (w.kind()) {
            case "transmission" -> "org.cqpsuite.registration.transmitted";
            case "request" -> "org.cqpsuite.registration.requested";
            default -> "org.cqpsuite.registration.registered";
        }).toList();
        List<Long> sequences = events.stream().map(e -> Long.parseLong(header(e, "ce_sequence"))).toList();
        if (!types.equals(expected) || !sequences.equals(LongStream.rangeClosed(1, events.size()).boxed().toList())) {
            wrong.add(id + ": events " + types + " sequences " + sequences + ", successful writes " + expected);
        } else {
            for (int i = 0; i < ok.size(); i++) {
                JsonNode eventState = json(events.get(i).value()).get("state");
                Write write = ok.get(i);
                JsonNode transmissions = eventState.get("transmissions");
                JsonNode registrations = eventState.get("registrations");
                boolean right = switch (write.kind()) {
                    case "transmission" -> transmissions.get(transmissions.size() - 1).get("reference").asText()
                            .equals(write.value()) && registrations.isEmpty();
                    case "request" -> registrations.size() == 1 && registrations.get(0).get("status").asText()
                            .equals("REQUESTED") && registrations.get(0).get("requestedOn").asText()
                                    .equals(write.value());
                    default -> registrations.size() == 1 && registrations.get(0).get("status").asText()
                            .equals("REGISTERED") && registrations.get(0).get("code").asText().equals(write.value());
                };
                if (!right) {
                    wrong.add(id + ": event " + (i + 1) + " " + eventState + " for " + write.describe());
                }
                eventDelays.computeIfAbsent(phase(write, stopBeganAt, backAt), k -> new CopyOnWriteArrayList<>())
                        .add(events.get(i).timestamp() - (write.answeredAt() / 1_000_000 + WALL_OFFSET_MILLIS));
            }
        }
        // A refused decision's code is nowhere; eligibility-service answers what registration-service holds.
        for (Write refused : chain.writes.stream().filter(w -> w.kind().equals("decision") && !w.ok()).toList()) {
            LocalSuite.Answer byCode = suite.get("registration", "/registrations?code=" + refused.value());
            if (byCode.status() != 200 || byCode.json().size() != 0) {
                wrong.add(id + ": refused decision's code " + refused.value() + " found: " + byCode.text());
            }
            LocalSuite.Answer eligibility = suite.get("eligibility", "/eligibility/cpf?code=" + refused.value()
                    + "&date=" + ASKED_ON);
            if (eligibility.status() != 404) {
                wrong.add(id + ": eligibility for the refused code " + refused.value() + ": " + eligibility.status()
                        + " " + abbreviate(eligibility.text()));
            }
        }
        if (decided != null) {
            LocalSuite.Answer eligibility = suite.get("eligibility", "/eligibility/cpf?code=" + decided.value()
                    + "&date=" + ASKED_ON);
            if (eligibility.status() != 200 || !eligibility.json().get("eligible").asBoolean()
                    || !decided.value().equals(eligibility.json().at("/basis/code").asText())
                    || !id.equals(eligibility.json().at("/certification/id").asText())) {
                wrong.add(id + ": eligibility for " + decided.value() + ": " + eligibility.status() + " "
                        + abbreviate(eligibility.text()));
            }
        } else {
            LocalSuite.Answer eligibility = suite.get("eligibility", "/eligibility/cpf?certification=" + id
                    + "&date=" + ASKED_ON);
            String first = eligibility.status() == 200 ? eligibility.json().at("/reasons/0/code").asText() : null;
            if (eligibility.status() != 200 || eligibility.json().get("eligible").asBoolean()
                    || !(transmitted.isEmpty() ? "NOT_TRANSMITTED" : "TRANSMITTED").equals(first)) {
                wrong.add(id + ": eligibility (transmitted " + transmitted + ", no decision): "
                        + eligibility.status() + " " + abbreviate(eligibility.text()));
            }
        }
        return wrong;
    }

    /** Every 201 creation of certification-service is there; a refused one is not. */
    private List<String> checkCreatedCertifications() throws Exception {
        List<String> titles = new ArrayList<>();
        for (int page = 0;; page++) {
            LocalSuite.Answer found = suite.get("certification", "/certifications?size=200&page=" + page + "&q="
                    + URLEncoder.encode("dbout " + RUN + " brouillon", StandardCharsets.UTF_8));
            if (found.status() != 200) {
                return List.of("certification-service search: " + found.status() + " " + found.text());
            }
            found.json().get("items").forEach(c -> titles.add(c.get("title").asText()));
            if (found.json().get("items").size() < 200) {
                break;
            }
        }
        List<String> created = certificationWrites.stream().filter(w -> w.status() == 201).map(Write::value).sorted()
                .toList();
        Collections.sort(titles);
        return titles.equals(created) ? List.of()
                : List.of("certification-service holds " + titles + ", created (201) " + created);
    }

    // ------------------------------------------------------------------------------------------------- the setup

    /** Fresh published certifications (a directory import publishes at once), in one request. */
    private List<String> publishedCertifications(int count, int writer) throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"externalReference": "dbout-%s/%d-%d", "kind": "CQP", "title": "CQP dbout %s %d-%d",
                     "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "3248"}], "nsfCodes": ["254s"]}"""
                    .formatted(RUN, writer, i, RUN, writer, i));
        }
        LocalSuite.Answer imported = suite.send("certification", "POST", "/directory-imports/certifications", admin,
                "{\"items\": [" + items + "]}");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode result : imported.json().get("results")) {
            assertThat(result.get("outcome").asText()).as(result.toString()).isEqualTo("CREATED");
            ids.add(result.get("id").asText());
        }
        return ids;
    }

    private static String definition(String title) {
        return """
                {"kind": "CQP", "title": "%s",
                 "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "3248"}],
                 "nsfCodes": ["254s"], "romeCodes": ["H2902"]}""".formatted(title);
    }

    // ------------------------------------------------------------------------------------------------- the topic

    private static Map<TopicPartition, Long> offsets(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /** The registration events since {@code from}, by key, once every successful write has its event (or 60 s). */
    private Map<String, List<ConsumerRecord<String, String>>> awaitEvents(Map<TopicPartition, Long> from)
            throws Exception {
        long expected = writes.stream().filter(Write::ok).count();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, List<ConsumerRecord<String, String>>> events = events(from);
        while (events.values().stream().flatMap(List::stream).map(e -> header(e, "ce_id")).distinct().count()
                < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            events = events(from);
        }
        lateMarks = logSizes(); // from here on, a component still failing would show in the logs
        Thread.sleep(1_000); // a duplicate published late would show now
        return events(from);
    }

    private Map<String, List<ConsumerRecord<String, String>>> events(Map<TopicPartition, Long> from) {
        Map<String, List<ConsumerRecord<String, String>>> events = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet());
            while (from.keySet().stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (chains.containsKey(record.key())) {
                        events.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
                    }
                }
            }
        }
        return events;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + suite.env.get("CQP_KAFKA_PORT"));
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // -------------------------------------------------------------------------------------------------- the logs

    private static Map<String, Long> logSizes() throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        for (String service : LocalSuite.SERVICES) {
            Path log = suite.home.resolve("logs/" + service + ".log");
            sizes.put(service, Files.exists(log) ? Files.size(log) : 0L);
        }
        return sizes;
    }

    private static Map<String, String> logsSince(Map<String, Long> starts) throws IOException {
        Map<String, String> logs = new HashMap<>();
        for (String service : LocalSuite.SERVICES) {
            byte[] all = Files.readAllBytes(suite.home.resolve("logs/" + service + ".log"));
            int from = (int) Math.min(all.length, starts.getOrDefault(service, 0L));
            logs.put(service, new String(all, from, all.length - from, StandardCharsets.UTF_8));
        }
        return logs;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static URI uri(String service, String path) {
        return URI.create("http://127.0.0.1:" + suite.ports.get(service) + path);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
