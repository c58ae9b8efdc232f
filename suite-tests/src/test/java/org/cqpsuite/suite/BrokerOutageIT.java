package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cqpsuite.infra.SuiteTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, broker outage: while {@value #DEFAULT_CHANGES} registration and certification changes (system property
 * {@code cqp.broker-outage.changes}; 10 000 with {@code -Plong-reliability}) are written by {@value #WRITERS}
 * concurrent writers, the suite's Kafka broker is killed (SIGKILL) and started again twice, on the same data and port,
 * left down {@link #DOWN} (plus its restart) each time while the writes go on; the second time once the relays have
 * published the first outage's backlog.
 *
 * <p><b>Injects</b>: the two broker crashes, during a mix of real changes on certifications of its own: through
 * certification-service's API (create, three frameworks, publication, one or two definition changes) and
 * registration-service's (transmission, RNCP and RS requests, RNCP/RS registrations and refusals, withdrawals,
 * renewals), and about a fifth of them through the directory imports ({@code POST /directory-imports/certifications}
 * then {@code /registrations}, ten fiches a batch, as the importer does).
 *
 * <p><b>Checks</b>: every write is answered 2xx, even while the broker is down (the outbox holds its event); on
 * {@code cqp.certification.events} and {@code cqp.registration.events}, every change of every certification written
 * has its event exactly once, or duplicated (same {@code ce_id}, after the original), in the order of the writes:
 * sequence numbers 1..n without gap, types as written, and the last event's state equal to what the service answers;
 * once the eligibility-service has caught up, its CPF answer for every code written, on five dates, and its
 * recognition answer on two, equal those computed here from the registration-service's and certification-service's
 * state (read through their REST APIs: what they answer is what their databases hold, without depending on their
 * schemas). Prints the figures: changes, changes/s, writes during each outage, time the outbox took to drain after each
 * restart, duplicates, events per topic.
 */
@ExtendWith(SharedSuite.class)
class BrokerOutageIT {

    static final int DEFAULT_CHANGES = 1_000;
    private static final int CHANGES = Integer.getInteger("cqp.broker-outage.changes", DEFAULT_CHANGES);
    static final int WRITERS = 6;
    private static final Duration DOWN = Duration.ofSeconds(5);
    /** Progress (share of the changes acknowledged) at which the broker is killed: first, second. */
    private static final double[] KILL_AT = {0.10, 0.50};
    private static final int IMPORT_ITEMS = 10;
    private static final String CERTIFICATION_TOPIC = "cqp.certification.events";
    private static final String REGISTRATION_TOPIC = "cqp.registration.events";
    private static final String CERTIFICATION = "org.cqpsuite.certification.";
    private static final String REGISTRATION = "org.cqpsuite.registration.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
    /** Before, during and after the registrations written (all end after today: the expiry job changes nothing). */
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 6, 1), TODAY,
            LocalDate.of(2027, 1, 1), LocalDate.of(2030, 6, 1));
    private static final List<LocalDate> RECOGNITION_DATES = List.of(TODAY, LocalDate.of(2027, 1, 1));

    private static LocalSuite suite;
    private static SuiteBroker broker;
    private static String certifier;
    private static String registrar;
    private static String admin;

    // HTTP/1.1 without the h2c upgrade: once, the JDK client read the answer to its upgrade request as HTTP/2 frames.

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)

            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger changes = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final Map<String, AtomicLong> acknowledged = Map.of(CERTIFICATION_TOPIC, new AtomicLong(),
            REGISTRATION_TOPIC, new AtomicLong());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch[] killed = {new CountDownLatch(1), new CountDownLatch(1)};
    /** -1 while the broker runs; the outage's index from its kill until its restart has begun. */
    private volatile int down = -1;
    private final AtomicInteger[] writesWhileDown = {new AtomicInteger(), new AtomicInteger()};
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    /**
     * Codes handed out: a random start in ranges that the demo data and the other tests do not use (RNCP60000 up,
     * RS800000 to RS899999; SoakIT takes RS900000 up, AuthorisationMatrixIT RNCP50000 to RNCP59999).
     */
    private final AtomicInteger rncpCodes = new AtomicInteger(60_000 + ThreadLocalRandom.current().nextInt(25_000));
    private final AtomicInteger rsCodes = new AtomicInteger(800_000 + ThreadLocalRandom.current().nextInt(40_000));
    private final AtomicInteger importCodes = new AtomicInteger(850_000 + ThreadLocalRandom.current().nextInt(40_000));

    /** A certification written by the test: the event types its writes must have published, per topic, in order. */
    private static final class Tracked {
        final String id;
        final Map<String, List<String>> expected = Map.of(CERTIFICATION_TOPIC, new ArrayList<>(), REGISTRATION_TOPIC,
                new ArrayList<>());

        Tracked(String id) {
            this.id = id;
        }
    }

    /** A write refused or failed: the unit stops there (its next writes would depend on it). */
    private static final class WriteFailed extends Exception {
        WriteFailed(String message) {
            super(message, null, false, false);
        }
    }

    @BeforeAll
    static void up(LocalSuite shared) throws Exception {
        suite = shared;
        broker = new SuiteBroker(suite);
        KeyPair keys = SuiteTokens.loadOrCreate(suite.home.resolve(SuiteTokens.KEYS_DIR));
        certifier = SuiteTokens.token(keys.getPrivate(), "certifier", List.of("3248"), "cpne@broker-outage",
                Duration.ofHours(4));
        registrar = SuiteTokens.token(keys.getPrivate(), "registrar", List.of(), "fc@broker-outage",
                Duration.ofHours(4));
        admin = SuiteTokens.token(keys.getPrivate(), "admin", List.of(), "import@broker-outage", Duration.ofHours(4));
    }

    /** Leaves the suite as found, even after a failure: the broker running again, the read model caught up. */
    @AfterAll
    static void leaveAsFound() throws Exception {
        if (broker == null) {
            return;
        }
        broker.ensureRunning();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(suite::caughtUp);
    }

    @Test
    void killedTwiceWhileChangesAreWrittenEveryEventIsPublishedOnceInOrderAndEligibilityMatchesTheServices()
            throws Exception {
        assertThat(broker.running()).as("the suite's broker runs").isTrue();
        Map<String, Long> offsetsBefore = suite.endOffsets(List.of(CERTIFICATION_TOPIC, REGISTRATION_TOPIC));
        Map<String, Long> freshnessBefore = ignoredByTopic();
        Queue<Integer> units = plan();
        int planned = units.size();

        long began = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            running.add(writers.submit(() -> write(units)));
        }
        List<String> outages = new ArrayList<>();
        List<Thread> drains = new ArrayList<>();
        List<String> drainTimes = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int k = 0; k < KILL_AT.length; k++) {
                int threshold = (int) (CHANGES * KILL_AT[k]);
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> changes.get() >= threshold || running.stream().allMatch(Future::isDone));
                int atKill = changes.get();
                broker.kill();
                down = k;
                killed[k].countDown();
                long killedAt = System.nanoTime();
                Thread.sleep(DOWN.toMillis()); // the outage itself: the writes go on meanwhile
                broker.start();
                down = -1;
                long restartedAt = System.nanoTime();
                outages.add(String.format("outage %d: killed at %d changes, down %.1f s (restart included), %d writes "
                        + "acknowledged while it was down", k + 1, atKill, (restartedAt - killedAt) / 1e9,
                        writesWhileDown[k].get()));
                drains.add(measureDrain(k + 1, offsetsBefore, restartedAt, drainTimes));
                if (k + 1 < KILL_AT.length) {
                    // The next outage once the relays have published this one's backlog: two outages, not one.
                    drains.get(k).join(TimeUnit.MINUTES.toMillis(10));
                }
            }
        } catch (Exception | AssertionError e) {
            units.clear(); // a failed outage ends the writes too, before the suite is put back in order
            writers.shutdownNow();
            throw e;
        } finally {
            for (CountDownLatch latch : killed) {
                latch.countDown(); // never leave a writer waiting for a kill that failed
            }
            writers.shutdown();
        }
        for (Future<?> writer : running) {
            writer.get(30, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        writers.shutdownNow();

        System.out.printf("BrokerOutageIT: %d changes (%d writes, %d units planned) acknowledged in %.1f s: %.1f "
                + "changes/s, %d writers; %d certifications; %d writes answered 503 certification-service-unavailable "
                + "(or an import item rejected so) and sent again as told%n", changes.get(), writes.get(), planned,
                seconds, changes.get() / seconds, WRITERS, tracked.size(), retried.get());
        outages.forEach(o -> System.out.println("BrokerOutageIT: " + o));
        assertThat(failures).as("writes not answered 2xx (%d of %d)", failures.size(), writes.get()).isEmpty();
        assertThat(changes.get()).isGreaterThanOrEqualTo(CHANGES);
        for (int k = 0; k < KILL_AT.length; k++) {
            assertThat(writesWhileDown[k].get()).as("writes acknowledged while the broker was down (outage %d)", k + 1)
                    .isPositive();
        }

        // Every change's event on its topic, once (or duplicated after the original), in the order written.
        Map<String, Map<String, List<Event>>> events = awaitEvents();
        for (Thread drain : drains) {
            drain.join(TimeUnit.MINUTES.toMillis(10));
        }
        drainTimes.forEach(d -> System.out.println("BrokerOutageIT: " + d));
        Map<String, Long> offsetsAfter = suite.endOffsets(List.of(CERTIFICATION_TOPIC, REGISTRATION_TOPIC));
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> duplicates = new TreeMap<>();
        Map<String, JsonNode> lastStates = new HashMap<>();
        for (Tracked certification : tracked.values()) {
            for (String topic : List.of(CERTIFICATION_TOPIC, REGISTRATION_TOPIC)) {
                List<Event> seen = events.get(topic).getOrDefault(certification.id, List.of());
                List<Event> firsts = new ArrayList<>();
                Map<Long, Event> bySequence = new HashMap<>();
                for (Event event : seen) {
                    Event original = bySequence.putIfAbsent(event.sequence(), event);
                    if (original == null) {
                        firsts.add(event);
                    } else {
                        duplicates.merge(topic, 1, Integer::sum);
                        if (!original.id().equals(event.id()) || !original.type().equals(event.type())) {
                            wrong.add(certification.id + " on " + topic + ": sequence " + event.sequence()
                                    + " twice as different events: " + original + " and " + event);
                        }
                    }
                }
                List<Long> sequences = firsts.stream().map(Event::sequence).toList();
                List<Long> contiguous = new ArrayList<>();
                for (long s = 1; s <= firsts.size(); s++) {
                    contiguous.add(s);
                }
                if (!sequences.equals(contiguous)) {
                    wrong.add(certification.id + " on " + topic + ": sequence numbers " + sequences);
                }
                List<String> types = firsts.stream().map(Event::type).toList();
                if (!types.equals(certification.expected.get(topic))) {
                    wrong.add(certification.id + " on " + topic + ": events " + types + ", written "
                            + certification.expected.get(topic));
                }
                if (!firsts.isEmpty()) {
                    lastStates.put(topic + certification.id, JSON.readTree(firsts.get(firsts.size() - 1).value()));
                }
            }
        }
        System.out.printf("BrokerOutageIT: events per topic during the test %s (offsets before %s, after %s); "
                + "duplicates among the test's events %s%n", difference(offsetsBefore, offsetsAfter), offsetsBefore,
                offsetsAfter, duplicates);
        assertThat(wrong).as("events not once per change in per-key order (%d)", wrong.size()).isEmpty();

        // The eligibility-service applies them (duplicates once in effect) and answers what the services' state says.
        long waited = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(suite::caughtUp);
        System.out.printf("BrokerOutageIT: eligibility-service caught up %.1f s after the events were all on their "
                + "topics; events it ignored as already applied, per topic: before %s, after %s%n",
                (System.nanoTime() - waited) / 1e9, freshnessBefore, ignoredByTopic());
        List<String> answers = compareAnswers(lastStates);
        assertThat(answers).as("eligibility answers that differ from the services' state").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------ writes

    /**
     * The units of work: a certification written one change at a time through the APIs (index ≥ 0, its variant), or
     * a directory import of {@value #IMPORT_ITEMS} fresh certifications and their registrations (-1). About a fifth
     * of the changes come from the imports.
     */
    private static Queue<Integer> plan() {
        Queue<Integer> units = new ConcurrentLinkedQueue<>();
        int planned = 0;
        for (int i = 0; planned < CHANGES; i++) {
            if (i % 6 == 5) {
                units.add(-1);
                planned += IMPORT_ITEMS * 4;
            } else {
                units.add(i);
                planned += 9 + switch (i % 4) {
                    case 1, 2 -> 1;
                    case 3 -> 2;
                    default -> 0;
                } + (i % 3 == 0 ? 1 : 0);
            }
        }
        return units;
    }

    private void write(Queue<Integer> units) {
        for (Integer unit = units.poll(); unit != null; unit = units.poll()) {
            try {
                if (unit < 0) {
                    importBatch();
                } else {
                    certification(unit);
                }
            } catch (WriteFailed e) {
                failures.add(e.getMessage());
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }

    /** One certification's story through the APIs, with a variant by index. */
    private void certification(int i) throws Exception {
        JsonNode created = call("certification", "POST", "/certifications", certifier, definition(i, ""), null, 1,
                null, CERTIFICATION + "created");
        Tracked t = new Tracked(created.get("id").asText());
        t.expected.get(CERTIFICATION_TOPIC).add(CERTIFICATION + "created");
        tracked.put(t.id, t);
        String id = t.id;
        for (String[] framework : FRAMEWORKS) {
            call("certification", "PUT", "/certifications/" + id + "/frameworks/" + framework[0], certifier,
                    framework[1], null, 1, t, CERTIFICATION + "framework-version-added");
        }
        call("certification", "POST", "/certifications/" + id + "/publication", certifier, null, null, 1, t,
                CERTIFICATION + "published");
        call("registration", "PUT", "/certifications/" + id + "/transmission", registrar,
                "{\"transmittedOn\": \"2025-01-06\", \"reference\": \"FC-BO-%d\"}".formatted(i), null, 1, t,
                REGISTRATION + "transmitted");
        String rncp = call("registration", "POST", "/certifications/" + id + "/registrations", certifier,
                "{\"directory\": \"RNCP\", \"requestedOn\": \"2025-01-10\"}", null, 1, t, REGISTRATION + "requested")
                .at("/registration/id").asText();
        update(t, i, " (révisé)");
        String code = "RNCP" + rncpCodes.getAndIncrement();
        call("registration", "POST", "/registrations/" + rncp + "/decision", registrar, """
                {"outcome": "REGISTERED", "code": "%s", "registrationType": "ON_REQUEST",
                 "decidedOn": "2025-03-01", "effectiveFrom": "2025-03-15", "endsOn": "2030-03-14",
                 "level": 4, "blocks": [{"code": "%sBC01", "title": "Souder"}]}""".formatted(code, code), null, 1, t,
                REGISTRATION + "registered");
        switch (i % 4) {
            case 1 -> call("registration", "POST", "/registrations/" + rncp + "/withdrawal", registrar,
                    "{\"effectiveOn\": \"%s\", \"reason\": \"Retrait à la demande de la CPNE\"}".formatted(
                            i % 8 == 1 ? "2026-06-01" : "2027-06-01"), null, 1, t, REGISTRATION + "withdrawn");
            case 2 -> {
                String renewed = "RNCP" + rncpCodes.getAndIncrement();
                call("registration", "POST", "/registrations/" + rncp + "/renewal", registrar, """
                        {"outcome": "REGISTERED", "code": "%s", "registrationType": "ON_REQUEST",
                         "decidedOn": "2026-01-05", "effectiveFrom": "2026-02-01", "endsOn": "2031-01-31",
                         "level": 5, "blocks": []}""".formatted(renewed), null, 1, t, REGISTRATION + "renewed");
            }
            case 3 -> {
                String rs = call("registration", "POST", "/certifications/" + id + "/registrations", certifier,
                        "{\"directory\": \"RS\", \"requestedOn\": \"2025-02-01\"}", null, 1, t,
                        REGISTRATION + "requested").at("/registration/id").asText();
                if (i % 8 == 3) {
                    call("registration", "POST", "/registrations/" + rs + "/decision", registrar,
                            "{\"outcome\": \"REFUSED\", \"decidedOn\": \"2025-04-01\"}", null, 1, t,
                            REGISTRATION + "refused");
                } else {
                    call("registration", "POST", "/registrations/" + rs + "/decision", registrar, """
                            {"outcome": "REGISTERED", "code": "RS%d", "registrationType": "ON_REQUEST",
                             "decidedOn": "2025-04-01", "effectiveFrom": "2025-05-01", "endsOn": "2030-04-30",
                             "blocks": []}"""
                            .formatted(rsCodes.getAndIncrement()), null, 1, t, REGISTRATION + "registered");
                }
            }
            default -> {
            }
        }
        if (i % 3 == 0) {
            update(t, i, " (seconde révision)");
        }
    }

    private void update(Tracked t, int i, String suffix) throws Exception {
        HttpResponse<String> read = http.send(request("certification", "/certifications/" + t.id, null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String etag = read.headers().firstValue("ETag").orElseThrow(() -> new WriteFailed("no ETag: " + read));
        call("certification", "PUT", "/certifications/" + t.id, certifier, definition(i, suffix), etag, 1, t,
                CERTIFICATION + "updated");
    }

    /** Ten new certifications by the directory import, published, then a registration in the RS for each. */
    private void importBatch() throws Exception {
        List<String> codes = new ArrayList<>();
        StringBuilder items = new StringBuilder();
        for (int k = 0; k < IMPORT_ITEMS; k++) {
            String code = "RS" + importCodes.getAndIncrement();
            codes.add(code);
            items.append(k == 0 ? "" : ",").append("""
                    {"directoryCode": "%s", "kind": "CQP", "title": "CQP Importé pendant la panne %s",
                     "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "3248"}], "nsfCodes": ["254s"],
                     "romeCodes": ["H2902"]}""".formatted(code, code));
        }
        JsonNode certifications = call("certification", "POST", "/directory-imports/certifications", admin,
                "{\"items\": [" + items + "]}", null, 0, null, null);
        List<Tracked> imported = new ArrayList<>();
        for (JsonNode result : certifications.get("results")) {
            if (!"CREATED".equals(result.get("outcome").asText())) {
                throw new WriteFailed("directory import of certifications: " + result);
            }
            Tracked t = new Tracked(result.get("id").asText());
            t.expected.get(CERTIFICATION_TOPIC).addAll(List.of(CERTIFICATION + "created", CERTIFICATION + "published"));
            tracked.put(t.id, t);
            imported.add(t);
        }
        count(CERTIFICATION_TOPIC, 2 * IMPORT_ITEMS);
        List<Integer> pending = new ArrayList<>();
        for (int k = 0; k < IMPORT_ITEMS; k++) {
            pending.add(k);
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            items.setLength(0);
            for (int k : pending) {
                items.append(items.length() == 0 ? "" : ",").append("""
                        {"certificationId": "%s", "kind": "CQP", "directory": "RS", "code": "%s", "active": true,
                         "registrationType": "ON_REQUEST", "decidedOn": "2024-05-01", "effectiveFrom": "2024-05-15",
                         "endsOn": "2029-05-14", "awardDeadline": null, "level": null, "blocks": [],
                         "predecessorCodes": [], "successorCodes": []}""".formatted(imported.get(k).id,
                        codes.get(k)));
            }
            JsonNode registrations = call("registration", "POST", "/directory-imports/registrations", admin,
                    "{\"exportDate\": \"%s\", \"items\": [%s]}".formatted(TODAY, items), null, 0, null, null);
            List<Integer> again = new ArrayList<>();
            int i = 0;
            for (JsonNode result : registrations.get("results")) {
                int k = pending.get(i++);
                if (!"CREATED".equals(result.get("outcome").asText())) {
                    // As for single writes: an item whose certification could not be checked in time is imported
                    // again, as the importer does.
                    if (attempt < 5 && result.toString().contains("certification-service-unavailable")) {
                        again.add(k);
                        retried.incrementAndGet();
                        continue;
                    }
                    throw new WriteFailed("directory import of registrations: " + result);
                }
                List<String> types = new ArrayList<>();
                result.get("events").forEach(e -> types.add(e.asText()));
                imported.get(k).expected.get(REGISTRATION_TOPIC).addAll(types);
                count(REGISTRATION_TOPIC, types.size());
            }
            pending = again;
            if (!pending.isEmpty()) {
                Thread.sleep(2_000);
            }
        }
    }

    /**
     * Sends a write once the kill due at this point has happened, and records its change ({@code type} on the topic
     * of the service, for {@code t}); anything but 2xx is a failure.
     */
    private JsonNode call(String service, String method, String path, String token, String json, String ifMatch,
            int events, Tracked t, String type) throws Exception {
        for (int k = 0; k < KILL_AT.length; k++) {
            if (changes.get() >= CHANGES * KILL_AT[k]) {
                killed[k].await(); // the kill is due now: writes go on once it has happened
            }
        }
        HttpRequest.Builder request = request(service, path, token).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        int outage = down;
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        writes.incrementAndGet();
        for (int retry = 1; retry <= 5 && lookupUnavailable(response); retry++) {
            // registration-service could not ask certification-service in time (its 2 s timeout, then its circuit
            // breaker: a cold service on a loaded machine). Nothing was written; the answer says when to retry, and a
            // client does so. This is no broker matter: counted, printed, and retried as told.
            retried.incrementAndGet();
            long after = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"));
            Thread.sleep(1_000 * Math.min(10, after));
            outage = down;
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            writes.incrementAndGet();
        }
        if (response.statusCode() / 100 != 2) {
            throw new WriteFailed(method + " " + service + " " + path + " → " + response.statusCode() + " "
                    + response.body());
        }
        if (outage >= 0 && down == outage) {
            writesWhileDown[outage].incrementAndGet();
        }
        if (t != null) {
            t.expected.get(type.startsWith(CERTIFICATION) ? CERTIFICATION_TOPIC : REGISTRATION_TOPIC).add(type);
        }
        if (events > 0) {
            count(service.equals("certification") ? CERTIFICATION_TOPIC : REGISTRATION_TOPIC, events);
        }
        return JSON.readTree(response.body());
    }

    private static boolean lookupUnavailable(HttpResponse<String> response) {
        return response.statusCode() == 503
                && response.body().contains("\"urn:cqp-suite:problem:certification-service-unavailable\"");
    }

    private void count(String topic, int events) {
        acknowledged.get(topic).addAndGet(events);
        changes.addAndGet(events);
    }

    private HttpRequest.Builder request(String service, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + suite.ports.get(service)
                + path)).timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static String definition(int i, String suffix) {
        return """
                {"kind": "CQP", "title": "CQP Soudeur en panne de courtier %d%s",
                 "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "3248"}],
                 "nsfCodes": ["254s"], "romeCodes": ["H2902"]}""".formatted(i, suffix);
    }

    private static final String[][] FRAMEWORKS = {
        {"activities", """
                {"workSituations": ["Atelier"], "activities": ["Souder des tôles"],
                 "targetedJobs": [{"title": "Soudeur", "romeCode": "H2913"}]}"""},
        {"skills", """
                {"blocks": [{"code": "BC01", "title": "Souder",
                  "skills": [{"label": "Souder à l'arc", "transversal": false}]}]}"""},
        {"evaluation", """
                {"items": [{"target": "BC01", "criteria": ["La soudure tient"],
                  "methods": ["Mise en situation professionnelle"], "tests": "Soudure, 2 heures"}]}"""}};

    // ------------------------------------------------------------------------------------------------------ events

    record Event(String id, String type, long sequence, String value) {
        @Override
        public String toString() {
            return type + "#" + sequence + " (" + id + ")";
        }
    }

    /**
     * Time until each topic holds at least the events of the changes acknowledged when the broker was back (its end
     * offset, minus the one before the test: duplicates count too, so it is a lower bound), measured on its own thread.
     */
    private Thread measureDrain(int outage, Map<String, Long> before, long restartedAt, List<String> into) {
        Map<String, Long> due = new TreeMap<>();
        acknowledged.forEach((topic, count) -> due.put(topic, before.get(topic) + count.get()));
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    try {
                        Map<String, Long> ends = suite.endOffsets(List.copyOf(due.keySet()));
                        if (due.entrySet().stream().allMatch(d -> ends.get(d.getKey()) >= d.getValue())) {
                            break;
                        }
                    } catch (KafkaException e) {
                        // just back, the broker may not answer metadata requests yet: ask again
                    }
                    if (System.nanoTime() - restartedAt > TimeUnit.MINUTES.toNanos(10)) {
                        into.add("outage " + outage + ": the outbox had not drained 10 minutes after the restart");
                        return;
                    }
                    Thread.sleep(250);
                }
                into.add(String.format("outage %d: the outbox drained %.1f s after the broker was back (%s events "
                        + "due on the topics)", outage, (System.nanoTime() - restartedAt) / 1e9, difference(before,
                        due)));
            } catch (Exception e) {
                into.add("outage " + outage + ": drain not measured: " + e);
            }
        }, "broker-outage-drain-" + outage);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * The test's certifications' records on both topics (by topic, then key, in offset order), once every change
     * written has an event at least, and two seconds more for late duplicates; read with one consumer from offset 0.
     */
    private Map<String, Map<String, List<Event>>> awaitEvents() {
        Map<String, Map<String, List<Event>>> events = new HashMap<>();
        events.put(CERTIFICATION_TOPIC, new HashMap<>());
        events.put(REGISTRATION_TOPIC, new HashMap<>());
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + suite.env.get("CQP_KAFKA_PORT"));
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : events.keySet()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long settled = Long.MAX_VALUE;
            while (System.nanoTime() < settled) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (tracked.containsKey(record.key())) {
                        events.get(record.topic()).computeIfAbsent(record.key(), key -> new ArrayList<>())
                                .add(new Event(header(record, "ce_id"), header(record, "ce_type"),
                                        Long.parseLong(header(record, "ce_sequence")), record.value()));
                    }
                }
                if (settled == Long.MAX_VALUE && (complete(events) || System.nanoTime() > deadline)) {
                    settled = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                }
            }
        }
        return events;
    }

    private boolean complete(Map<String, Map<String, List<Event>>> events) {
        for (Tracked t : tracked.values()) {
            for (String topic : List.of(CERTIFICATION_TOPIC, REGISTRATION_TOPIC)) {
                long distinct = events.get(topic).getOrDefault(t.id, List.of()).stream().map(Event::sequence)
                        .distinct().count();
                if (distinct < t.expected.get(topic).size()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((topic, end) -> difference.put(topic, end - before.getOrDefault(topic, 0L)));
        return difference;
    }

    // ------------------------------------------------------------------------------------------------- eligibility

    /**
     * For every certification written: its state read from certification-service and registration-service, compared
     * with the last event of each topic; then every code's CPF answer on {@link #DATES} and recognition answer in a
     * branch that does not carry it (1486) on {@link #RECOGNITION_DATES}, against the rule computed here: a CQP exists
     * legally from its last recorded transmission; a registration is in force from {@code effectiveFrom} to
     * {@code endsOn} unless withdrawn on or before the date (REQUESTED and REFUSED never); asked by code, CPF-eligible
     * ⇔ exists legally and a registration with that code is in force; recognised outside its carrying branches ⇔
     * exists legally and some RNCP registration of the certification is in force.
     */
    private List<String> compareAnswers(Map<String, JsonNode> lastStates) throws Exception {
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger questions = new AtomicInteger();
        ExecutorService askers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> asked = new ArrayList<>();
            for (Tracked t : tracked.values()) {
                asked.add(askers.submit(() -> {
                    try {
                        compare(t, lastStates, wrong, questions);
                    } catch (Exception e) {
                        wrong.add(t.id + ": " + e);
                    }
                }));
            }
            for (Future<?> future : asked) {
                future.get(30, TimeUnit.MINUTES);
            }
        } finally {
            askers.shutdownNow();
        }
        System.out.printf("BrokerOutageIT: %d eligibility questions compared with the services' state, %d differ%n",
                questions.get(), wrong.size());
        return wrong.size() > 50 ? new ArrayList<>(wrong.subList(0, 50)) : wrong;
    }

    private void compare(Tracked t, Map<String, JsonNode> lastStates, List<String> wrong, AtomicInteger questions)
            throws Exception {
        JsonNode certification = read("certification", "/certifications/" + t.id);
        JsonNode registrations = read("registration", "/certifications/" + t.id + "/registrations");
        String title = certification.get("title").asText();
        JsonNode lastCertification = lastStates.get(CERTIFICATION_TOPIC + t.id);
        if (lastCertification == null || !title.equals(lastCertification.at("/certification/title").asText())) {
            wrong.add(t.id + ": title " + title + ", last event " + lastCertification);
        }
        JsonNode lastRegistration = lastStates.get(REGISTRATION_TOPIC + t.id);
        if (lastRegistration == null || !statuses(registrations.get("registrations")).equals(
                statuses(lastRegistration.at("/state/registrations")))) {
            wrong.add(t.id + ": registrations " + statuses(registrations.get("registrations")) + ", last event "
                    + (lastRegistration == null ? null : statuses(lastRegistration.at("/state/registrations"))));
        }
        JsonNode transmissions = registrations.get("transmissions");
        LocalDate transmittedOn = transmissions.isEmpty() ? null
                : LocalDate.parse(transmissions.get(transmissions.size() - 1).get("transmittedOn").asText());
        for (JsonNode registration : registrations.get("registrations")) {
            if (registration.get("code").isNull()) {
                continue;
            }
            String code = registration.get("code").asText();
            for (LocalDate date : DATES) {
                boolean exists = transmittedOn != null && !transmittedOn.isAfter(date);
                boolean eligible = exists && inForce(registrations, date, r -> code.equals(r.get("code").asText()));
                JsonNode cpf = read("eligibility", "/eligibility/cpf?code=" + code + "&date=" + date);
                questions.incrementAndGet();
                if (cpf.get("eligible").asBoolean() != eligible
                        || eligible && !code.equals(cpf.at("/basis/code").asText())
                        || !title.equals(cpf.at("/certification/title").asText())) {
                    wrong.add(code + " on " + date + ": expected eligible=" + eligible + " for " + title
                            + ", answered " + cpf);
                }
            }
            for (LocalDate date : RECOGNITION_DATES) {
                boolean exists = transmittedOn != null && !transmittedOn.isAfter(date);
                boolean everywhere = exists && inForce(registrations, date,
                        r -> "RNCP".equals(r.get("directory").asText()));
                String scope = !exists ? "NONE" : everywhere ? "ALL_BRANCHES" : "CARRYING_BRANCHES";
                JsonNode recognition = read("eligibility", "/recognition?code=" + code + "&idcc=1486&date=" + date);
                questions.incrementAndGet();
                if (recognition.get("recognized").asBoolean() != everywhere
                        || !scope.equals(recognition.get("scope").asText())) {
                    wrong.add(code + " in branch 1486 on " + date + ": expected " + scope + ", answered "
                            + recognition);
                }
            }
        }
    }

    private static boolean inForce(JsonNode registrations, LocalDate date,
            java.util.function.Predicate<JsonNode> which) {
        for (JsonNode r : registrations.get("registrations")) {
            String status = r.get("status").asText();
            if (status.equals("REQUESTED") || status.equals("REFUSED") || r.get("effectiveFrom").isNull()
                    || !which.test(r)) {
                continue;
            }
            LocalDate from = LocalDate.parse(r.get("effectiveFrom").asText());
            LocalDate ends = r.get("endsOn").isNull() ? null : LocalDate.parse(r.get("endsOn").asText());
            LocalDate withdrawn = r.get("withdrawnOn").isNull() ? null : LocalDate.parse(r.get("withdrawnOn")
                    .asText());
            if (!from.isAfter(date) && (ends == null || !date.isAfter(ends))
                    && (withdrawn == null || withdrawn.isAfter(date))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> statuses(JsonNode registrations) {
        List<String> statuses = new ArrayList<>();
        registrations.forEach(r -> statuses.add(r.get("id").asText() + " " + r.get("code").asText() + " "
                + r.get("status").asText()));
        return statuses;
    }

    private JsonNode read(String service, String path) throws Exception {
        HttpResponse<String> response = http.send(request(service, path, null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + service + " " + path + " → " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Events the eligibility-service ignored as already applied (redelivered or duplicated), per topic. */
    private static Map<String, Long> ignoredByTopic() throws Exception {
        Map<String, Long> ignored = new TreeMap<>();
        LocalSuite.Answer freshness = suite.get("eligibility", "/freshness");
        if (freshness.status() == 200) {
            freshness.json().get("topics").forEach(t -> ignored.put(t.get("topic").asText(), t.get("ignored")
                    .asLong()));
        }
        return ignored;
    }
}
