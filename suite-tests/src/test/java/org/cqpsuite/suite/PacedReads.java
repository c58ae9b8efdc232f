package org.cqpsuite.suite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.LockSupport;

/**
 * GETs at a constant rate (after a ramp-up), open model: request {@code i} has an intended send time
 * ({@code start + i / rate} at constant rate), fixed in advance whatever the answers (a slow service does not slow
 * the client down, as with real users). Each answer is checked against the status its URL must get; its latency is
 * measured from the intended send time, so that a stall counts against every request that should have gone out
 * meanwhile, and an answer more than {@link #LATE} after its intended time is counted late.
 */
final class PacedReads implements AutoCloseable {

    /** Later than this after its intended send time, an answer is late. */
    static final Duration LATE = Duration.ofSeconds(1);
    /**
     * No answer by then is a timeout (an error). Generous: the shared 2-core VM has stalled the services for 12 s
     * (the test's own pacer late by 0.9 s meanwhile) while a neighbour loaded it; a service that hangs is still caught.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    record Target(URI uri, int status) {
    }

    /** Counters since the last {@link #window()}: answers, late answers, errors, the longest latency. */
    record Window(long answered, long late, long errors, long maxNanos) {
    }

    private final List<Target> targets;
    private final double rate;
    private final Duration rampUp;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();
    private final Thread pacer;
    private volatile boolean stopping;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final LongAccumulator windowMax = new LongAccumulator(Math::max, 0);
    private final LongAccumulator pacerLateMax = new LongAccumulator(Math::max, 0);
    private long windowAnswered;
    private long windowLate;
    private long windowErrors;
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param rampUp the rate grows linearly from a tenth of {@code rate} to {@code rate} over this time (the warm-up),
     *        so that the services' JIT compilers get their profiles before full load, as with real traffic
     */
    PacedReads(List<Target> targets, double rate, Duration rampUp) {
        this.targets = List.copyOf(targets);
        this.rate = rate;
        this.rampUp = rampUp;
        this.pacer = new Thread(this::pace, "soak-read-pacer");
        pacer.setDaemon(true);
    }

    void start() {
        pacer.start();
    }

    private void pace() {
        long start = System.nanoTime();
        double ramp = rampUp.toNanos();
        double next = start;
        for (long i = 0; !stopping; i++) {
            long intended = Math.round(next);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                pacerLateMax.accumulate(-wait);
            }
            if (stopping) {
                return;
            }
            send(targets.get((int) (i % targets.size())), intended);
            double elapsed = next - start;
            next += 1e9 / (elapsed < ramp ? rate * (0.1 + 0.9 * elapsed / ramp) : rate);
        }
    }

    private void send(Target target, long intended) {
        sent.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(target.uri()).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long latency = System.nanoTime() - intended;
            answered.incrementAndGet();
            latencies.add(latency);
            windowMax.accumulate(latency);
            if (latency > LATE.toNanos()) {
                late.incrementAndGet();
            }
            if (failure != null) {
                errors.incrementAndGet();
                if (failure instanceof HttpTimeoutException || failure.getCause() instanceof HttpTimeoutException) {
                    timeouts.incrementAndGet();
                }
                error(target.uri() + ": " + failure);
            } else if (response.statusCode() != target.status()) {
                errors.incrementAndGet();
                error(target.uri() + ": " + response.statusCode() + " instead of " + target.status() + " "
                        + response.body());
            }
        });
    }

    private void error(String description) {
        if (firstErrors.size() < 20) {
            firstErrors.add(description);
        }
    }

    /** The counters since the previous call. */
    synchronized Window window() {
        long a = answered.get();
        long l = late.get();
        long e = errors.get();
        Window window = new Window(a - windowAnswered, l - windowLate, e - windowErrors, windowMax.getThenReset());
        windowAnswered = a;
        windowLate = l;
        windowErrors = e;
        return window;
    }

    long sent() {
        return sent.get();
    }

    long answered() {
        return answered.get();
    }

    long late() {
        return late.get();
    }

    long errors() {
        return errors.get();
    }

    long timeouts() {
        return timeouts.get();
    }

    /** The pacer's own worst lateness: how far this machine failed to keep the schedule on the client side. */
    Duration pacerLateMax() {
        return Duration.ofNanos(pacerLateMax.get());
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    /** The latency at quantile {@code q} (0..1) over every answer so far, from intended send time. */
    Duration quantile(double q) {
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        Collections.sort(sorted);
        return Duration.ofNanos(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)));
    }

    /** Stops sending; waits (at most the timeout and a little) for the answers of what was sent. */
    void stop() throws InterruptedException {
        stopping = true;
        pacer.join(5_000);
        long deadline = System.nanoTime() + TIMEOUT.plusSeconds(5).toNanos();
        while (answered.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        stopping = true;
        callbacks.shutdownNow();
    }
}
