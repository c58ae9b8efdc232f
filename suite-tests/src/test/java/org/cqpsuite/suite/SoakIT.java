package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqpsuite.infra.SuiteTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, soak: "minutes of mixed reads and writes at half capacity: no error, no growth of heap after GC, lag
 * stays bounded", against the real suite (the shared one).
 *
 * <p><b>Injects</b>, for {@code cqp.soak.duration} (ISO-8601; {@code PT45S} by default, {@code PT10M} with
 * {@code -Plong-reliability}) after a warm-up of a tenth of it (10 to 60 s):
 * <ul>
 *   <li>reads at a constant rate ({@code cqp.soak.read-rate}: 200/s by default; {@code half-capacity} with
 *       {@code -Plong-reliability}, half of the capacity {@link PacedReads#capacity} measures first), open model
 *       ({@link PacedReads}):
 *       {@code GET /eligibility/cpf?code=&date=} and {@code GET /recognition?code=&idcc=&date=} over every code of the
 *       catalogue ({@code GET /eligible-certifications}) at three dates, after importing real France compétences
 *       exports of {@code demo-data/} ({@code cqp.soak.data}), and 10 % well-formed codes that nobody has;</li>
 *   <li>writes at a steady rate ({@code cqp.soak.write-rate}, 4/s by default, {@link SoakWrites}) on fresh
 *       certifications of its own: creation, frameworks, publication, definition update (certification-service);
 *       transmission, RS registration request, decision, renewal, withdrawal (registration-service).</li>
 * </ul>
 *
 * <p><b>Checks</b>, and prints a table of samples (time, reads/s, late, writes/s, heap after GC per service, lag):
 * <ul>
 *   <li><b>no error</b>: every read gets the status its URL must get (200 for a code the catalogue listed, 404 for an
 *       unknown one), within {@link PacedReads#TIMEOUT}; every write its 2xx; {@code GET /freshness} always answers
 *       with a known lag. Reads answered more than {@link PacedReads#LATE} after their scheduled time are counted and
 *       printed, not failed: on a shared machine they measure the machine as much as the services;</li>
 *   <li><b>no growth of heap after GC</b> in any of the three services: the heap still used after a full collection
 *       ({@link HeapAfterGc}), the median of three samples taken once the load is over and the read model caught up,
 *       against the median of the first three samples under load (after the warm-up), may grow by at most
 *       {@link #HEAP_TOLERANCE_BYTES} plus 5 %;</li>
 *   <li><b>lag stays bounded</b>: the consumer lag of {@code GET /freshness} (sampled twice a second) never exceeds
 *       10 seconds' worth of writes, each write is reflected by the eligibility answer within
 *       {@link #PROPAGATION_BOUND}, and once the load stops the read model catches up within a minute.</li>
 * </ul>
 * It leaves the shared suite as it found it (plus its certifications and the imported data): services up, eligibility
 * caught up.
 */
@ExtendWith(SharedSuite.class)
class SoakIT {

    /** Duration of the measured load: short in the normal run, 10 minutes with {@code -Plong-reliability}. */
    private static final Duration DURATION = Duration.parse(System.getProperty("cqp.soak.duration", "PT45S"));
    /**
     * Reads per second, or {@code half-capacity}: half of what the services answered, closed model, over the same URLs
     * with the same client beside them on this machine, measured by {@link PacedReads#capacity} just before the soak.
     */
    private static final String READ_RATE_SETTING = System.getProperty("cqp.soak.read-rate", "200");
    /** Requests always in flight while measuring the capacity. */
    private static final int CAPACITY_IN_FLIGHT = 32;
    private static double readRate;
    private static final double WRITE_RATE = Double.parseDouble(System.getProperty("cqp.soak.write-rate", "4"));
    private static final String DATA = System.getProperty("cqp.soak.data", DURATION.compareTo(Duration.ofMinutes(5))
            >= 0 ? "demo-data/france-competences/xml-v4.1,demo-data/france-competences/csv-2021-01"
                    : "demo-data/france-competences/xml-v4.1");
    private static final Duration WARM_UP = clamp(DURATION.dividedBy(10), Duration.ofSeconds(10),
            Duration.ofSeconds(60));
    private static final Duration SAMPLE_EVERY = clamp(DURATION.dividedBy(40), Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    /**
     * Heap after GC may grow by this much plus 5 % of where it started: above the noise of a full collection's
     * result (in-flight requests, Kafka and HTTP buffers, the cache holding this test's new certifications: at most
     * 3.6 MB between any two samples of a run, short or long, on the 2-core VM), below what a leak of more than 80
     * bytes a read or 4 KB a write leaves after the long version's 10 minutes at the default rates (about 120 000
     * reads and 2 400 writes after the warm-up). A leak of 2 KB a read, put in eligibility-service by hand, failed
     * the short version (+14.7 MB).
     */
    static final long HEAP_TOLERANCE_BYTES = 8L << 20;
    /**
     * Each write reflected by the eligibility answer within this: what a user waits at most for a read too
     * ({@link PacedReads#TIMEOUT}). The longest seen: 0.1 s on a quiet machine, 3.7 s at load 16, 8.9 s through a
     * 12 s stall of the machine; a consumer that stops or falls behind goes past it (and past
     * {@link #LAG_SECONDS_OF_WRITES} seconds of lag).
     */
    static final Duration PROPAGATION_BOUND = PacedReads.TIMEOUT;
    /** The consumer lag may hold at most this many seconds of writes (at most two events a write). */
    static final int LAG_SECONDS_OF_WRITES = 10;

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z0-9]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private static LocalSuite suite;
    private static String certifier;
    private static String registrar;
    private static List<PacedReads.Target> targets;

    @BeforeAll
    static void up(LocalSuite shared) throws Exception {
        suite = shared;
        KeyPair keys = SuiteTokens.loadOrCreate(suite.home.resolve(SuiteTokens.KEYS_DIR));
        certifier = SuiteTokens.token(keys.getPrivate(), "certifier", List.of("3248"), "cpne@soak",
                Duration.ofHours(2));
        registrar = SuiteTokens.token(keys.getPrivate(), "registrar", List.of(), "fc@soak", Duration.ofHours(2));
        // Real data to read, whatever the other test classes left in the shared suite (importing again what is
        // already there changes nothing).
        for (String data : DATA.split(",")) {
            LocalSuite.Result imported = suite.suite("import", SuiteRoot.ROOT.resolve(data.trim()).toString());
            assertThat(imported.exitCode()).as(imported.output()).isZero();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(suite::caughtUp);
        targets = readTargets();
        if ("half-capacity".equals(READ_RATE_SETTING)) {
            double capacity = PacedReads.capacity(targets, CAPACITY_IN_FLIGHT, Duration.ofSeconds(20),
                    Duration.ofSeconds(20));
            readRate = Math.floor(capacity / 2);
            System.out.printf(Locale.ROOT, "Soak: capacity %.0f reads/s (closed model, %d in flight, 20 s after a 20 s "
                    + "warm-up, over the soak's URLs); reads at half: %.0f/s%n", capacity, CAPACITY_IN_FLIGHT, readRate);
        } else {
            readRate = Double.parseDouble(READ_RATE_SETTING);
        }
    }

    @AfterAll
    static void leaveItAsFound() {
        if (suite != null) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(suite::caughtUp);
        }
    }

    @Test
    void mixedReadsAndWritesAtASteadyRateMakeNoErrorNoGrowthOfHeapAfterGcAndABoundedLag() throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : LocalSuite.SERVICES) {
            pids.put(service, suite.pid(service));
        }
        int firstCode = freeCodes();
        System.out.printf(Locale.ROOT, "Soak: %s of load after a %s warm-up; reads %.0f/s over %d URLs; writes %.1f/s "
                        + "(RS%d...); data %s; heap sampled every %s%n", DURATION, WARM_UP, readRate, targets.size(),
                WRITE_RATE, firstCode, DATA, SAMPLE_EVERY);

        LagSampler lag = new LagSampler();
        List<Sample> samples = new ArrayList<>();
        // Reads ramp up during the warm-up (a cold JVM on a busy machine would otherwise start far behind).
        PacedReads reads = new PacedReads(targets, readRate, WARM_UP);
        SoakWrites writes = new SoakWrites(suite, certifier, registrar, WRITE_RATE, firstCode);
        long caughtUpAfterMillis;
        try {
            lag.start();
            reads.start();
            writes.start();
            long start = System.nanoTime();
            sleepUntil(start + WARM_UP.toNanos());
            reads.window();
            writes.window();
            lag.windowMax();
            System.out.println(Sample.HEADER);
            long measured = System.nanoTime();
            long last = measured;
            for (int i = 0; ; i++) {
                long at = measured + i * SAMPLE_EVERY.toNanos();
                if (at > measured + DURATION.toNanos()) {
                    break;
                }
                sleepUntil(at);
                long now = System.nanoTime();
                // The first sample is the baseline, taken at the end of the warm-up: no rates yet.
                double seconds = i == 0 ? Double.POSITIVE_INFINITY : (now - last) / 1e9;
                last = now;
                PacedReads.Window r = reads.window();
                SoakWrites.Window w = writes.window();
                long lagMax = lag.windowMax();
                Map<String, Long> heap = new LinkedHashMap<>();
                for (Map.Entry<String, Long> pid : pids.entrySet()) {
                    heap.put(pid.getKey(), HeapAfterGc.of(pid.getValue()));
                }
                Sample sample = new Sample((now - measured) / 1e9, r.answered() / seconds, r.late(), r.errors(),
                        r.maxNanos(), w.writes() / seconds, w.late(), w.errors(), heap, lagMax,
                        w.maxPropagationNanos());
                samples.add(sample);
                System.out.println(sample.row());
            }
        } finally {
            reads.stop();
            writes.stop();
            reads.close();
            long stopped = System.nanoTime();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(suite::caughtUp);
            caughtUpAfterMillis = (System.nanoTime() - stopped) / 1_000_000;
            lag.close();
        }

        // The end of the heap comparison: three samples once the load has stopped and everything was answered and
        // applied. What a leak keeps stays; what requests in flight held (several MB when the machine stalls the
        // services for a few seconds right at the end, seen at load 10) does not.
        List<Map<String, Long>> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Long> heap = new LinkedHashMap<>();
            for (Map.Entry<String, Long> pid : pids.entrySet()) {
                heap.put(pid.getKey(), HeapAfterGc.of(pid.getValue()));
            }
            after.add(heap);
            System.out.printf(Locale.ROOT, "after the load: heap after GC %.1f / %.1f / %.1f MB%n",
                    mb(heap.get("certification")), mb(heap.get("registration")), mb(heap.get("eligibility")));
        }

        // The verdicts, printed all together before any assertion fails.
        long lagBound = Math.max(100, Math.round(LAG_SECONDS_OF_WRITES * WRITE_RATE * 2));
        List<Long> propagations = writes.propagations();
        Collections.sort(propagations);
        long propagationMax = propagations.isEmpty() ? 0 : propagations.get(propagations.size() - 1);
        StringBuilder verdicts = new StringBuilder("\nVerdicts:\n");
        verdicts.append(String.format(Locale.ROOT, "  reads: %d sent, %d answered, %d errors (%d timeouts), %d late "
                        + "(> %d ms); latency from schedule p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max "
                        + "%.1f ms; pacer late by at most %d ms%n", reads.sent(), reads.answered(), reads.errors(),
                reads.timeouts(), reads.late(), PacedReads.LATE.toMillis(), ms(reads.quantile(0.5)),
                ms(reads.quantile(0.99)), ms(reads.quantile(0.999)), ms(reads.quantile(1)),
                reads.pacerLateMax().toMillis()));
        verdicts.append(String.format(Locale.ROOT, "  writes: %d (%d certifications through their life), %d errors, "
                        + "%d late by more than a slot%n", writes.writes(), writes.certifications(), writes.errors(),
                writes.late()));
        verdicts.append(String.format(Locale.ROOT, "  propagation write -> eligibility answer: %d writes, p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms (bound %d ms)%n", propagations.size(),
                quantileMs(propagations, 0.5), quantileMs(propagations, 0.99), propagationMax / 1e6,
                PROPAGATION_BOUND.toMillis()));
        verdicts.append(String.format(Locale.ROOT, "  consumer lag (GET /freshness): max %d records (bound %d), %d "
                        + "samples, %d without a known lag; caught up %d ms after the load stopped%n", lag.max(),
                lagBound, lag.count(), lag.unknown(), caughtUpAfterMillis));
        Map<String, long[]> growth = new LinkedHashMap<>();
        for (String service : LocalSuite.SERVICES) {
            long[] series = samples.stream().mapToLong(s -> s.heap().get(service)).toArray();
            long first = median(Arrays.copyOfRange(series, 0, Math.min(3, series.length)));
            long end = median(after.stream().mapToLong(h -> h.get(service)).toArray());
            long allowed = HEAP_TOLERANCE_BYTES + first / 20;
            growth.put(service, new long[] {first, end, allowed});
            verdicts.append(String.format(Locale.ROOT, "  heap after GC, %s-service: %.1f MB under load -> %.1f MB "
                            + "after it (%+.1f MB, allowed +%.1f MB); least-squares slope under load %+.2f MB/min%n",
                    service, mb(first), mb(end), mb(end - first), mb(allowed),
                    slopePerMinute(samples, service) / (1 << 20)));
        }
        System.out.println(verdicts);
        writes.firstErrors().forEach(e -> System.out.println("  write error: " + e));
        reads.firstErrors().forEach(e -> System.out.println("  read error: " + e));
        lag.reasons().forEach(e -> System.out.println("  lag unknown: " + e));

        assertThat(reads.errors()).as("reads that did not get their status: %s", reads.firstErrors()).isZero();
        assertThat(writes.errors()).as("writes that failed: %s", writes.firstErrors()).isZero();
        assertThat(lag.unknown()).as("GET /freshness without a known lag: %s", lag.reasons()).isZero();
        assertThat(samples).as("heap samples").hasSizeGreaterThanOrEqualTo(3);
        growth.forEach((service, g) -> assertThat(g[1] - g[0])
                .as("growth of %s-service's heap after GC (bytes), from %d to %d", service, g[0], g[1])
                .isLessThanOrEqualTo(g[2]));
        assertThat(writes.writes()).as("writes done").isPositive();
        assertThat(propagations).as("writes whose propagation was measured").isNotEmpty();
        assertThat(propagationMax).as("longest propagation (ns)").isLessThanOrEqualTo(PROPAGATION_BOUND.toNanos());
        assertThat(lag.max()).as("largest consumer lag (records)").isLessThanOrEqualTo(lagBound);
        assertThat(caughtUpAfterMillis).as("time to catch up after the load (ms)").isLessThanOrEqualTo(60_000);
    }

    /** One row of the table. */
    private record Sample(double seconds, double readsPerSecond, long late, long readErrors, long readMaxNanos,
            double writesPerSecond, long writesLate, long writeErrors, Map<String, Long> heap, long lag,
            long propagationMaxNanos) {

        static final String HEADER = String.format(Locale.ROOT, "%7s %8s %5s %5s %9s %8s %5s %5s %8s %8s %8s %6s %9s",
                "t (s)", "reads/s", "late", "rerr", "rmax ms", "writes/s", "wlate", "werr", "cert MB", "reg MB",
                "elig MB", "lag", "prop ms");

        String row() {
            return String.format(Locale.ROOT, "%7.1f %8.1f %5d %5d %9.1f %8.2f %5d %5d %8.1f %8.1f %8.1f %6d %9.1f",
                    seconds, readsPerSecond, late, readErrors, readMaxNanos / 1e6, writesPerSecond, writesLate,
                    writeErrors, mb(heap.get("certification")), mb(heap.get("registration")),
                    mb(heap.get("eligibility")), lag, propagationMaxNanos / 1e6);
        }
    }

    /**
     * {@code GET /freshness} twice a second: the consumer lag summed over both topics. With an HTTP/1.1 client of its
     * own, as the load has (the JDK client's default tries an HTTP/2 upgrade on each new connection).
     */
    private static final class LagSampler implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI uri = URI.create("http://127.0.0.1:" + suite.ports.get("eligibility") + "/freshness");
        private final LongAccumulator max = new LongAccumulator(Math::max, 0);
        private final LongAccumulator windowMax = new LongAccumulator(Math::max, 0);
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong unknown = new AtomicLong();
        private final List<String> reasons = Collections.synchronizedList(new ArrayList<>());

        void start() {
            timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            count.incrementAndGet();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(PacedReads.TIMEOUT)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode freshness = answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
                if (freshness == null || !freshness.get("lagError").isNull()) {
                    unknown(answer.statusCode() + " " + answer.body());
                    return;
                }
                long lag = 0;
                for (JsonNode topic : freshness.get("topics")) {
                    lag += topic.get("lag").asLong();
                }
                max.accumulate(lag);
                windowMax.accumulate(lag);
            } catch (Exception e) {
                unknown(e.toString());
            }
        }

        private void unknown(String reason) {
            unknown.incrementAndGet();
            if (reasons.size() < 10) {
                reasons.add(LocalTime.now() + " " + reason);
            }
        }

        List<String> reasons() {
            return List.copyOf(reasons);
        }

        long windowMax() {
            return windowMax.getThenReset();
        }

        long max() {
            return max.get();
        }

        long count() {
            return count.get();
        }

        long unknown() {
            return unknown.get();
        }

        /** Lets a sample in flight finish: interrupted, it would count as a lag unknown. */
        @Override
        public void close() throws InterruptedException {
            timer.shutdown();
            if (!timer.awaitTermination(PacedReads.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        }
    }

    /**
     * The URLs read and the status each must get: every code of the catalogue at three dates (the January 2021 CSV
     * export, the August 2026 XML export, today), asked at that date, a fifth of them today too, a quarter of them
     * for recognition in another branch; plus 10 % well-formed codes that no certification has (RS999xxx: never
     * written by this test nor by the importer's real data). Each is asked once first, which checks the mix and
     * warms the services up.
     */
    private static List<PacedReads.Target> readTargets() throws Exception {
        String base = "http://127.0.0.1:" + suite.ports.get("eligibility");
        List<String> known = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        int n = 0;
        for (LocalDate date : List.of(LocalDate.parse("2021-01-15"), LocalDate.parse("2026-08-16"),
                LocalDate.now())) {
            for (String code : eligibleCodes(date)) {
                codes.add(code);
                known.add("/eligibility/cpf?code=" + code + "&date=" + date);
                if (n % 5 == 0) {
                    known.add("/eligibility/cpf?code=" + code);
                }
                if (n % 4 == 0) {
                    known.add("/recognition?code=" + code + "&idcc=1580&date=" + date);
                }
                n++;
            }
        }
        assertThat(codes).as("codes in the catalogue after importing %s", DATA).hasSizeGreaterThanOrEqualTo(10);
        List<PacedReads.Target> targets = new ArrayList<>();
        for (String path : known) {
            LocalSuite.Answer answer = suite.get("eligibility", path);
            assertThat(answer.status()).as("GET %s: %s", path, answer.text()).isEqualTo(200);
            targets.add(new PacedReads.Target(URI.create(base + path), 200));
        }
        for (int k = 0, unknown = 0; unknown < known.size() / 9 && k < 1_000; k++) {
            String path = "/eligibility/cpf?code=RS" + (999_000 + k) + (k % 2 == 0 ? "&date=2021-01-15" : "");
            LocalSuite.Answer answer = suite.get("eligibility", path);
            if (answer.status() == 404) {
                targets.add(new PacedReads.Target(URI.create(base + path), 404));
                unknown++;
            }
        }
        Collections.shuffle(targets, new Random(42));
        return targets;
    }

    private static List<String> eligibleCodes(LocalDate date) throws Exception {
        Set<String> codes = new LinkedHashSet<>();
        for (int page = 0; page < 50; page++) {
            LocalSuite.Answer answer = suite.get("eligibility", "/eligible-certifications?size=200&page=" + page
                    + "&date=" + date);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            // The only "code" fields of an item are its basis's (the registration it is eligible under).
            Matcher m = CODE.matcher(answer.text());
            int found = 0;
            while (m.find()) {
                codes.add(m.group(1).toUpperCase(Locale.ROOT));
                found++;
            }
            Matcher total = TOTAL.matcher(answer.text());
            if (found == 0 || total.find() && (page + 1) * 200 >= Integer.parseInt(total.group(1))) {
                break;
            }
        }
        return new ArrayList<>(codes);
    }

    /**
     * The first of 1 000 RS codes that nobody has: RS900000 to RS998999 (BrokerOutageIT takes RS800000 to RS899999),
     * never the unknown codes read (RS999xxx).
     */
    private static int freeCodes() throws Exception {
        Random random = new Random();
        for (int attempt = 0; attempt < 20; attempt++) {
            int first = 900_000 + random.nextInt(99) * 1_000;
            if (suite.get("eligibility", "/eligibility/cpf?code=RS" + first).status() == 404
                    && suite.get("eligibility", "/eligibility/cpf?code=RS" + (first + 999)).status() == 404) {
                return first;
            }
        }
        throw new IllegalStateException("no free range of RS codes found");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    /** The least-squares slope of a service's heap after GC over the samples, bytes a minute. */
    private static double slopePerMinute(List<Sample> samples, String service) {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double mx = samples.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double my = samples.stream().mapToDouble(s -> s.heap().get(service)).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample s : samples) {
            num += (s.seconds() - mx) * (s.heap().get(service) - my);
            den += (s.seconds() - mx) * (s.seconds() - mx);
        }
        return den == 0 ? 0 : num / den * 60;
    }

    private static double quantileMs(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0
                : sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1))) / 1e6;
    }

    private static double ms(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static double mb(long bytes) {
        return bytes / (double) (1 << 20);
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
