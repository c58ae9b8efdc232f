package org.cqpsuite.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Registration and certification writes at a steady rate, on certifications of their own: {@link #LANES} lanes, each
 * walking fresh certifications through their life one write at a time, a write every {@code LANES / rate} seconds on
 * a fixed schedule (a write that cannot start on time, because the previous one or its propagation took longer,
 * starts as soon as it can and is counted late). A certification's life is 11 writes: created, its three frameworks,
 * published, transmitted, an RS registration requested and decided, its definition updated, the registration renewed
 * under a new code and the successor withdrawn. After each of the last four, the lane asks the eligibility-service
 * until its answer reflects the write, and records how long that took (from the write's answer).
 */
final class SoakWrites implements AutoCloseable {

    static final int LANES = 4;
    static final int WRITES_PER_CERTIFICATION = 11;
    /** A write not reflected by the eligibility answer after this long is an error (the bound checked is lower). */
    static final Duration PROPAGATION_GIVE_UP = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counters since the last {@link #window()}. */
    record Window(long writes, long late, long errors, long maxPropagationNanos) {
    }

    private final LocalSuite suite;
    private final String certifier;
    private final String registrar;
    private final double rate;
    private final AtomicInteger nextCode;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Thread> lanes = new ArrayList<>();
    private volatile boolean stopping;

    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong certifications = new AtomicLong();
    private final LongAccumulator windowPropagationMax = new LongAccumulator(Math::max, 0);
    private long windowWrites;
    private long windowLate;
    private long windowErrors;
    private final List<Long> propagations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param firstCode the number of the first RS code to register (RS + 6 digits); the codes that follow are taken
     *        in turn, two per certification
     */
    SoakWrites(LocalSuite suite, String certifier, String registrar, double rate, int firstCode) {
        this.suite = suite;
        this.certifier = certifier;
        this.registrar = registrar;
        this.rate = rate;
        this.nextCode = new AtomicInteger(firstCode);
    }

    void start() {
        long start = System.nanoTime();
        long interval = Math.round(1e9 * LANES / rate);
        for (int lane = 0; lane < LANES; lane++) {
            // The lanes' schedules are interleaved, so that the writes are spread evenly over time.
            long first = start + lane * interval / LANES;
            Thread thread = new Thread(() -> run(first, interval), "soak-write-lane-" + lane);
            thread.setDaemon(true);
            lanes.add(thread);
            thread.start();
        }
    }

    private void run(long first, long interval) {
        Lane lane = new Lane(first, interval);
        while (!stopping) {
            try {
                lane.certificationLife();
                certifications.incrementAndGet();
            } catch (StopException e) {
                return;
            } catch (Exception e) {
                // The write already counted its error; this certification's life ends here, the lane goes on.
                error("lane: " + e);
            }
        }
    }

    private static final class StopException extends RuntimeException {
    }

    private final class Lane {
        private long next;
        private final long interval;

        Lane(long first, long interval) {
            this.next = first;
            this.interval = interval;
        }

        void certificationLife() throws Exception {
            String title = "CQP Endurance " + System.nanoTime();
            JsonNode created = write("certification", "POST", "/certifications", certifier, null,
                    definition(title), 201);
            String id = created.get("id").asText();
            write("certification", "PUT", "/certifications/" + id + "/frameworks/activities", certifier, null, """
                    {"workSituations": ["Atelier"], "activities": ["Souder des tubes"],
                     "targetedJobs": [{"title": "Soudeur", "romeCode": "H2913"}]}""", 201);
            write("certification", "PUT", "/certifications/" + id + "/frameworks/skills", certifier, null, """
                    {"blocks": [{"code": "BC01", "title": "Souder",
                      "skills": [{"label": "Souder un tube", "transversal": false}]}]}""", 201);
            write("certification", "PUT", "/certifications/" + id + "/frameworks/evaluation", certifier, null, """
                    {"items": [{"target": "BC01", "criteria": ["La soudure est étanche"],
                      "methods": ["Mise en situation professionnelle"], "tests": "Soudage, 2 heures"}]}""", 201);
            write("certification", "POST", "/certifications/" + id + "/publication", certifier, null, null, 200);
            write("registration", "PUT", "/certifications/" + id + "/transmission", registrar, null,
                    "{\"transmittedOn\": \"2022-03-01\", \"reference\": \"FC-SOAK-" + id.substring(0, 8) + "\"}", 200);
            JsonNode requested = write("registration", "POST", "/certifications/" + id + "/registrations", certifier,
                    null, "{\"directory\": \"RS\", \"requestedOn\": \"2022-03-10\"}", 201);
            String registration = requested.at("/registration/id").asText();

            String code = "RS" + nextCode.getAndIncrement();
            write("registration", "POST", "/registrations/" + registration + "/decision", registrar, null, """
                    {"outcome": "REGISTERED", "code": "%s", "registrationType": "ON_REQUEST",
                     "decidedOn": "2022-06-01", "effectiveFrom": "2022-06-15", "endsOn": "2027-06-14",
                     "blocks": []}""".formatted(code), 200);
            propagated("/eligibility/cpf?code=" + code + "&date=2023-01-15",
                    a -> a.get("eligible").asBoolean());

            String etag = etag(id);
            String updated = title + " (mise à jour)";
            write("certification", "PUT", "/certifications/" + id, certifier, etag, definition(updated), 200);
            propagated("/eligibility/cpf?code=" + code + "&date=2023-01-15",
                    a -> updated.equals(a.at("/certification/title").asText()));

            String renewedCode = "RS" + nextCode.getAndIncrement();
            JsonNode renewed = write("registration", "POST", "/registrations/" + registration + "/renewal", registrar,
                    null, """
                            {"outcome": "REGISTERED", "code": "%s", "registrationType": "ON_REQUEST",
                             "decidedOn": "2024-06-01", "effectiveFrom": "2024-06-15", "endsOn": "2029-06-14",
                             "blocks": []}""".formatted(renewedCode), 201);
            propagated("/eligibility/cpf?code=" + renewedCode + "&date=2024-12-01",
                    a -> a.get("eligible").asBoolean());

            write("registration", "POST", "/registrations/" + renewed.at("/registration/id").asText() + "/withdrawal",
                    registrar, null, "{\"effectiveOn\": \"2025-01-01\", \"reason\": \"Retrait (test d'endurance)\"}",
                    200);
            propagated("/eligibility/cpf?code=" + renewedCode + "&date=2025-01-01",
                    a -> !a.get("eligible").asBoolean());
        }

        /** Waits for the write's slot, sends it, and throws (after counting the error) unless it got {@code status}. */
        private JsonNode write(String service, String method, String path, String token, String ifMatch, String body,
                int status) throws Exception {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > interval) {
                late.incrementAndGet(); // more than a whole slot behind its schedule
            }
            if (stopping) {
                throw new StopException();
            }
            next += interval;
            if (next < System.nanoTime() - interval) {
                next = System.nanoTime(); // far behind: catch up from now rather than send a burst
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                writes.incrementAndGet();
                errors.incrementAndGet();
                error(method + " " + path + ": " + e);
                throw e;
            }
            writes.incrementAndGet();
            if (response.statusCode() != status) {
                errors.incrementAndGet();
                error(method + " " + path + ": " + response.statusCode() + " instead of " + status + " "
                        + response.body());
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
            }
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        }

        private String etag(String id) throws Exception {
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri("certification", "/certifications/" + id))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return read.headers().firstValue("ETag").orElseThrow();
        }

        /** Asks every 10 ms until the answer (200) satisfies {@code reflected}; records how long it took. */
        private void propagated(String path, Predicate<JsonNode> reflected) throws Exception {
            long written = System.nanoTime();
            long deadline = written + PROPAGATION_GIVE_UP.toNanos();
            while (System.nanoTime() < deadline) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("eligibility", path))
                        .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && reflected.test(JSON.readTree(answer.body()))) {
                    long took = System.nanoTime() - written;
                    propagations.add(took);
                    windowPropagationMax.accumulate(took);
                    return;
                }
                if (answer.statusCode() != 200 && answer.statusCode() != 404) {
                    errors.incrementAndGet();
                    error("GET " + path + ": " + answer.statusCode() + " " + answer.body());
                    throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
                }
                Thread.sleep(10);
            }
            errors.incrementAndGet();
            error("GET " + path + ": the write was not reflected after " + PROPAGATION_GIVE_UP.toSeconds() + " s");
            throw new IllegalStateException("not propagated: " + path);
        }
    }

    private static String definition(String title) {
        return """
                {"kind": "CQP", "title": "%s",
                 "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "3248"}],
                 "nsfCodes": ["254s"], "romeCodes": ["H2913"]}""".formatted(title);
    }

    private URI uri(String service, String path) {
        return URI.create("http://127.0.0.1:" + suite.ports.get(service) + path);
    }

    private void error(String description) {
        if (firstErrors.size() < 20) {
            firstErrors.add(description);
        }
    }

    synchronized Window window() {
        long w = writes.get();
        long l = late.get();
        long e = errors.get();
        Window window = new Window(w - windowWrites, l - windowLate, e - windowErrors,
                windowPropagationMax.getThenReset());
        windowWrites = w;
        windowLate = l;
        windowErrors = e;
        return window;
    }

    long writes() {
        return writes.get();
    }

    long late() {
        return late.get();
    }

    long errors() {
        return errors.get();
    }

    long certifications() {
        return certifications.get();
    }

    List<Long> propagations() {
        synchronized (propagations) {
            return new ArrayList<>(propagations);
        }
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    /**
     * Stops the lanes after the write (and propagation check) each is doing; not interrupted, so that a write in
     * flight is not counted as an error.
     */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread lane : lanes) {
            lane.join(TIMEOUT.plus(PROPAGATION_GIVE_UP).toMillis());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
