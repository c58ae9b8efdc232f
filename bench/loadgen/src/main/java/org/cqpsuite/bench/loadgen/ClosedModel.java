package org.cqpsuite.bench.loadgen;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Closed model, maximum throughput: every connection has exactly one request in flight; its answer (body read to the
 * end) sends the next one. Answers that arrive during the warm-up are not counted; requests/s is the number of
 * answers that arrived in the measured window divided by its length; latency is from the send to the end of the
 * body.
 */
final class ClosedModel {

    private ClosedModel() {
    }

    static int run(LoadGen.Settings s) throws Exception {
        Vertx vertx = Engine.vertx(s.threads());
        long t0 = System.nanoTime();
        long measureStart = t0 + TimeUnit.MILLISECONDS.toNanos(s.warmupMs());
        long measureEnd = measureStart + TimeUnit.MILLISECONDS.toNanos(s.durationMs());
        System.out.printf(Locale.ROOT, "[%s] closed model: %d connections, %d thread(s), %s warm-up + %s measured%n",
                s.label(), s.connections(), s.threads(), Engine.seconds(s.warmupMs()), Engine.seconds(s.durationMs()));
        System.out.printf("  target      %s%n", s.targets().describe(s.random()));
        System.out.flush();
        List<Worker> workers = Engine.deploy(vertx, Engine.workers(s, i -> new Worker(s, i, measureStart, measureEnd)));
        // Where the CPU goes in the measured window: the load generator shares the machine with the server.
        CpuWatch cpu = new CpuWatch(s.serverPid());
        sleepUntil(measureStart);
        cpu.start();
        sleepUntil(measureEnd);
        CpuWatch.Result cpuUse;
        Tally t;
        try {
            cpuUse = cpu.stop();
            t = Engine.collect(workers, s.timeoutMs() + 30_000);
        } finally {
            Engine.close(vertx);
        }
        double rps = t.answers / (s.durationMs() / 1000.0);
        System.out.printf(Locale.ROOT, "  requests    %d answers in %s = %.1f req/s%n",
                t.answers, Engine.seconds(s.durationMs()), rps);
        System.out.printf("  latency ms  %s%n", Report.percentiles(t.latency));
        System.out.printf("  statuses    %s%n", t.statusLine());
        System.out.printf("  errors      %d (%d unexpected status, %d transport)%s%n", t.errors(), t.badStatus,
                t.transportErrors, t.firstError == null ? "" : "; first: " + t.firstError);
        cpuUse = cpuUse.withAnswers(t.answers);
        double secs = s.durationMs() / 1000.0;
        System.out.printf("  CPU         %s%n", cpuUse.line(secs));
        Report r = new Report()
                .put("label", s.label()).put("mode", "closed").put("connections", s.connections())
                .put("threads", s.threads()).put("warmup_s", s.warmupMs() / 1000.0)
                .put("duration_s", s.durationMs() / 1000.0).put("urls", s.targets().size())
                .put("requests", t.answers).put("rps", rps).put("errors", t.errors());
        r.putPercentiles("", t.latency);
        cpuUse.into(r, secs);
        r.write(s.result());
        return t.answers == 0 ? 1 : 0;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static final class Worker extends Engine.Worker {
        private final long measureStart;
        private final long measureEnd;
        private int loops;

        Worker(LoadGen.Settings s, int index, long measureStart, long measureEnd) {
            super(s, index);
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
        }

        @Override
        void begin() {
            loops = connections;
            for (int i = 0; i < connections; i++) {
                send();
            }
            // A safety net: whatever happens, the worker ends after the window and the timeout.
            long left = TimeUnit.NANOSECONDS.toMillis(measureEnd - System.nanoTime()) + s.timeoutMs() + 2_000;
            vertx.setTimer(Math.max(1, left), id -> finish());
        }

        private void send() {
            long start = System.nanoTime();
            if (start >= measureEnd) {
                if (--loops == 0) {
                    finish();
                }
                return;
            }
            RequestOptions o = options[picker.next()];
            client.request(o)
                    .compose(HttpClientRequest::send)
                    .compose(resp -> resp.body().map(b -> resp.statusCode()))
                    .onComplete(ar -> {
                        long end = System.nanoTime();
                        boolean counted = end >= measureStart && end <= measureEnd;
                        if (ar.succeeded()) {
                            if (counted) {
                                tally.answer(ar.result(), end - start, s.ok());
                            }
                            send();
                        } else {
                            if (counted) {
                                tally.failure(ar.cause());
                            }
                            // Do not spin on a refused connection.
                            vertx.setTimer(10, id -> send());
                        }
                    });
        }
    }
}
