package org.cqpsuite.bench.loadgen;

import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Open model, constant rate: request i has the intended send time start + i / rate, fixed in advance whatever the
 * answers. Each event loop sends its share when due (it schedules itself for the next intended time); a request
 * waits for a free connection if all are busy (at most --connections are opened). Its latency is measured from its intended send time to the end of its
 * body, so that a stall delays, and counts against, every request that should have been sent during it (the
 * correction for coordinated omission, as in wrk2). The uncorrected time, from the moment a connection took the
 * request, is printed beside it, and the pacer's own lateness too.
 */
final class OpenModel {

    private OpenModel() {
    }

    static int run(LoadGen.Settings s) throws Exception {
        Vertx vertx = Engine.vertx(s.threads());
        String transport = vertx.isNativeTransportEnabled() ? "epoll" : "nio";
        double intervalNanos = 1e9 / s.rate();
        long warmupCount = Math.round(s.rate() * s.warmupMs() / 1000.0);
        long measuredCount = Math.round(s.rate() * s.durationMs() / 1000.0);
        long total = warmupCount + measuredCount;
        System.out.printf(Locale.ROOT,
                "[%s] open model: %.1f req/s, %s warm-up + %s measured, up to %d connections, %d thread(s), %s%n",
                s.label(), s.rate(), Engine.seconds(s.warmupMs()), Engine.seconds(s.durationMs()), s.connections(),
                s.threads(), transport + " transport");
        System.out.printf("  target      %s%n", s.targets().describe(s.random()));
        System.out.flush();

        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureStart = t0 + (long) (warmupCount * intervalNanos);
        int threads = Math.max(1, s.threads());
        List<Worker> workers = Engine.deploy(vertx, Engine.workers(s,
                i -> new Worker(s, i, threads, t0, intervalNanos, warmupCount, total, measureStart)));

        // Each event loop paces its own share of the requests (request i goes to loop i % threads): a separate pacer
        // thread handing them over woke a loop for every few requests, and cost the load generator three times the
        // CPU per request of the closed model, enough to saturate 2 cores at half the maximum rate.
        for (Worker w : workers) {
            w.onLoop(w::pace);
        }
        CpuWatch cpu = new CpuWatch(s.serverPid());
        long untilMeasured = measureStart - System.nanoTime();
        if (untilMeasured > 0) {
            TimeUnit.NANOSECONDS.sleep(untilMeasured);
        }
        cpu.start();
        for (Worker w : workers) {
            w.paced.get(s.durationMs() + s.warmupMs() + 60_000, TimeUnit.MILLISECONDS);
        }
        Histogram pacerLag = new Histogram(Tally.MAX_NANOS, 3);
        for (Worker w : workers) {
            pacerLag.add(w.pacerLag);
        }
        CpuWatch.Result cpuUse = cpu.stop();
        for (Worker w : workers) {
            w.onLoop(w::drain);
        }
        Tally t;
        try {
            t = Engine.collect(workers, s.timeoutMs() + 30_000);
        } finally {
            Engine.close(vertx);
        }

        double achieved = t.answers / (s.durationMs() / 1000.0);
        System.out.printf(Locale.ROOT, "  requests    %d sent in %s, %d answered (%.1f req/s)%n",
                measuredCount, Engine.seconds(s.durationMs()), t.answers, achieved);
        System.out.printf("  latency ms  %s   (from the intended send time: corrected)%n", Report.percentiles(t.latency));
        System.out.printf("  service ms  %s   (from the send on a connection: uncorrected)%n",
                Report.percentiles(t.service));
        System.out.printf(Locale.ROOT, "  pacer lag   p50 %.3f ms, p99 %.3f ms, max %.3f ms (the load generator's "
                + "own lateness, included in the latency)%n", Tally.ms(pacerLag, 50), Tally.ms(pacerLag, 99),
                Tally.maxMs(pacerLag));
        System.out.printf("  statuses    %s%n", t.statusLine());
        System.out.printf("  errors      %d (%d unexpected status, %d transport, %d unfinished)%s%n", t.errors(),
                t.badStatus, t.transportErrors, t.unfinished, t.firstError == null ? "" : "; first: " + t.firstError);
        cpuUse = cpuUse.withAnswers(t.answers);
        double secs = s.durationMs() / 1000.0;
        System.out.printf("  CPU         %s%n", cpuUse.line(secs));
        Report r = new Report()
                .put("label", s.label()).put("mode", "open").put("rate", s.rate())
                .put("connections", s.connections()).put("threads", s.threads())
                .put("warmup_s", s.warmupMs() / 1000.0).put("duration_s", s.durationMs() / 1000.0)
                .put("urls", s.targets().size()).put("sent", measuredCount).put("requests", t.answers)
                .put("rps", achieved).put("errors", t.errors())
                .put("transport", transport)
                .put("pacer_lag_p50_ms", Tally.ms(pacerLag, 50)).put("pacer_lag_p99_ms", Tally.ms(pacerLag, 99)).put("pacer_lag_max_ms", Tally.maxMs(pacerLag));
        r.putPercentiles("", t.latency);
        r.putPercentiles("service_", t.service);
        cpuUse.into(r, secs);
        r.write(s.result());
        return t.answers == 0 ? 1 : 0;
    }

    private static final class Worker extends Engine.Worker {
        private final int step;
        private final long t0;
        private final double intervalNanos;
        private final long warmupCount;
        private final long total;
        private final long measureStart;
        /** This loop's lateness in sending each measured request (read once {@link #paced} completes). */
        final Histogram pacerLag = new Histogram(Tally.MAX_NANOS, 3);
        /** Completes when this loop has sent all its requests. */
        final CompletableFuture<Void> paced = new CompletableFuture<>();
        private long next;
        private long outstanding;
        private boolean draining;

        Worker(LoadGen.Settings s, int index, int step, long t0, double intervalNanos, long warmupCount, long total,
                long measureStart) {
            super(s, index);
            this.step = step;
            this.t0 = t0;
            this.intervalNanos = intervalNanos;
            this.warmupCount = warmupCount;
            this.total = total;
            this.measureStart = measureStart;
            this.next = index;
        }

        @Override
        void begin() {
            // Pacing starts when every loop is deployed (pace).
        }

        /**
         * Sends every request of this loop whose intended time has come, then schedules itself for the next one on
         * the loop (Netty's scheduler: the loop wakes for it, or earlier for an answer, and sends what is due then).
         */
        void pace() {
            long now = System.nanoTime();
            while (next < total) {
                long intended = t0 + (long) (next * intervalNanos);
                if (intended > now) {
                    break;
                }
                if (next >= warmupCount) {
                    pacerLag.recordValue(Math.min(now - intended, Tally.MAX_NANOS));
                }
                send(intended);
                next += step;
            }
            if (next < total) {
                // Netty's scheduler for its nanosecond delays (Vert.x timers count in milliseconds); the requests are
                // then sent from this worker's Vert.x context, as its answers are handled.
                long delay = t0 + (long) (next * intervalNanos) - System.nanoTime();
                ((ContextInternal) context).nettyEventLoop().schedule(() -> context.runOnContext(v -> pace()),
                        Math.max(delay, 0), TimeUnit.NANOSECONDS);
            } else {
                paced.complete(null);
            }
        }

        private void send(long intended) {
            boolean measured = intended >= measureStart;
            outstanding++;
            RequestOptions o = options[picker.next()];
            long[] taken = new long[1];
            client.request(o)
                    .compose(req -> {
                        taken[0] = System.nanoTime();
                        return req.send();
                    })
                    .compose(resp -> resp.body().map(b -> resp.statusCode()))
                    .onComplete(ar -> {
                        long end = System.nanoTime();
                        outstanding--;
                        if (measured) {
                            if (ar.succeeded()) {
                                tally.answer(ar.result(), end - intended, s.ok());
                                tally.service.recordValue(Math.min(Math.max(end - taken[0], 0), Tally.MAX_NANOS));
                            } else {
                                tally.failure(ar.cause());
                            }
                        }
                        if (draining && outstanding == 0) {
                            finish();
                        }
                    });
        }

        void drain() {
            draining = true;
            if (outstanding == 0) {
                finish();
                return;
            }
            vertx.setTimer(s.timeoutMs() + 1_000, id -> {
                tally.unfinished = outstanding;
                finish();
            });
        }
    }
}
