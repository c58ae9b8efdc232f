package org.cqpsuite.suite;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * GETs at a constant rate (after a ramp-up), open model: request {@code i} has an intended send time
 * ({@code start + i / rate} at constant rate), fixed in advance whatever the answers (a slow service does not slow
 * the client down, as with real users). Each answer is checked against the status its URL must get; its latency is
 * measured from the intended send time, so that a stall counts against every request that should have gone out
 * meanwhile, and an answer more than {@link #LATE} after its intended time is counted late.
 *
 * <p>The client is Vert.x's, on one event loop with at most {@link #CONNECTIONS} kept-alive connections, as a training
 * platform's backend would call: the JDK's {@code HttpClient} opens a connection per request in flight and collapsed
 * at 3 000 reads/s on this 2-core machine (a third answered, the rest timed out) while the service kept up.
 */
final class PacedReads implements AutoCloseable {

    /** Later than this after its intended send time, an answer is late. */
    static final Duration LATE = Duration.ofSeconds(1);
    /**
     * No answer by then is a timeout (an error). Generous: the shared 2-core VM has stalled the services for 12 s
     * (the test's own pacer late by 0.9 s meanwhile) while a neighbour loaded it; a service that hangs is still caught.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** At most this many connections: a stall queues requests (and counts against them) instead of opening more. */
    static final int CONNECTIONS = 64;

    record Target(URI uri, int status) {
    }

    /** Counters since the last {@link #window()}: answers, late answers, errors, the longest latency. */
    record Window(long answered, long late, long errors, long maxNanos) {
    }

    private final List<Target> targets;
    private final double rate;
    private final Duration rampUp;
    private final Vertx vertx = oneEventLoop();
    private final Context loop = vertx.getOrCreateContext();
    private final HttpClient http = client(vertx, CONNECTIONS);
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
    /** Latencies from intended send time, 1 µs to an hour, 3 significant digits. */
    private final ConcurrentHistogram latencies = new ConcurrentHistogram(TimeUnit.HOURS.toNanos(1), 3);
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
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(target.uri().toString())
                .putHeader("Accept", "application/json")
                // Waiting for a connection, then for the answer: each at most the timeout.
                .setConnectTimeout(TIMEOUT.toMillis()).setIdleTimeout(TIMEOUT.toMillis());
        loop.runOnContext(v -> http.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != target.status()) {
                        errors.incrementAndGet();
                        error(target.uri() + ": " + response.statusCode() + " instead of " + target.status() + " "
                                + body);
                    }
                    return body;
                }))
                .onComplete(result -> {
                    long latency = System.nanoTime() - intended;
                    answered.incrementAndGet();
                    latencies.recordValue(Math.min(latency, latencies.getHighestTrackableValue()));
                    windowMax.accumulate(latency);
                    if (latency > LATE.toNanos()) {
                        late.incrementAndGet();
                    }
                    if (result.failed()) {
                        errors.incrementAndGet();
                        Throwable failure = result.cause();
                        // Vert.x's timeouts (of the connection wait, of the answer) have no public type of their own.
                        if (failure.getClass().getSimpleName().contains("Timeout")
                                || String.valueOf(failure.getMessage()).toLowerCase().contains("timeout")) {
                            timeouts.incrementAndGet();
                        }
                        error(target.uri() + ": " + failure);
                    }
                }));
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
        return Duration.ofNanos(latencies.getValueAtPercentile(q * 100));
    }

    /**
     * The closed-model capacity of the services for {@code targets} on this machine, with this client beside them:
     * {@code inFlight} requests always outstanding (each answer sends the next), answers per second over
     * {@code measure} after {@code warmUp}. Any error fails it: capacity is measured on right answers only.
     */
    static double capacity(List<Target> targets, int inFlight, Duration warmUp, Duration measure) throws Exception {
        Vertx vertx = oneEventLoop();
        try {
            HttpClient http = client(vertx, inFlight);
            Context loop = vertx.getOrCreateContext();
            AtomicLong answers = new AtomicLong();
            AtomicLong next = new AtomicLong();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + warmUp.plus(measure).toNanos();
            Runnable[] loopOnce = new Runnable[1];
            loopOnce[0] = () -> {
                if (System.nanoTime() > end || !failures.isEmpty()) {
                    return;
                }
                Target target = targets.get((int) (next.getAndIncrement() % targets.size()));
                http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(target.uri().toString())
                                .putHeader("Accept", "application/json").setIdleTimeout(TIMEOUT.toMillis()))
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> response.statusCode()))
                        .onComplete(result -> {
                            if (result.failed() || result.result() != target.status()) {
                                failures.add(target.uri() + ": " + (result.failed() ? result.cause()
                                        : result.result() + " instead of " + target.status()));
                            } else {
                                answers.incrementAndGet();
                            }
                            loopOnce[0].run();
                        });
            };
            loop.runOnContext(v -> {
                for (int i = 0; i < inFlight; i++) {
                    loopOnce[0].run();
                }
            });
            Thread.sleep(warmUp.toMillis());
            long before = answers.get();
            long from = System.nanoTime();
            Thread.sleep(measure.toMillis());
            long counted = answers.get() - before;
            double seconds = (System.nanoTime() - from) / 1e9;
            if (!failures.isEmpty()) {
                throw new IllegalStateException("The capacity probe met errors: " + failures.subList(0,
                        Math.min(5, failures.size())));
            }
            return counted / seconds;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static Vertx oneEventLoop() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    }

    /** HTTP/1.1 with kept-alive connections, at most {@code connections}: more requests wait for one. */
    private static HttpClient client(Vertx vertx, int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true).setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(connections));
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
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
    }
}
