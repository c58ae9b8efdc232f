package org.cqpsuite.bench.loadgen;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What the closed and open models share: Vert.x, one worker (verticle, event loop, HTTP client) per thread. */
final class Engine {

    private Engine() {
    }

    static Vertx vertx(int threads) {
        // Nothing of Vert.x's file-system resolver is used: no .vertx cache folder in the working directory.
        System.setProperty("vertx.disableFileCPResolving", "true");
        return Vertx.vertx(new VertxOptions()
                // epoll where it is there (Linux x86-64): its timers are precise to the microsecond, NIO's to the
                // millisecond, which is the open model's pacing precision.
                .setPreferNativeTransport(true)
                .setEventLoopPoolSize(threads)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setBlockedThreadCheckInterval(10_000));
    }

    static <W extends Worker> List<W> deploy(Vertx vertx, List<W> workers) throws Exception {
        for (W w : workers) {
            vertx.deployVerticle(w).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        return workers;
    }

    static Tally collect(List<? extends Worker> workers, long waitMs) throws Exception {
        Tally all = new Tally();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        for (Worker w : workers) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            all.add(w.done.get(left, TimeUnit.MILLISECONDS));
        }
        return all;
    }

    static void close(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // exiting anyway
        }
    }

    /** CPU time of this process (all threads) in nanoseconds, or -1 where the JVM does not tell. */
    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** The share of one core this process used between two {@link #cpuNanos()} readings {@code wallNanos} apart. */
    static double coreShare(long cpuBefore, long cpuAfter, long wallNanos) {
        return cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : (cpuAfter - cpuBefore) / (double) wallNanos;
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** One event loop's share of the load: its own keep-alive connections and figures. */
    abstract static class Worker extends AbstractVerticle {
        final LoadGen.Settings s;
        final int index;
        final int connections;
        final Tally tally = new Tally();
        final CompletableFuture<Tally> done = new CompletableFuture<>();
        HttpClient client;
        RequestOptions[] options;
        Targets.Picker picker;
        private boolean finished;

        Worker(LoadGen.Settings s, int index) {
            this.s = s;
            this.index = index;
            this.connections = s.connectionsOf(index);
        }

        @Override
        public void start() {
            client = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setKeepAlive(true)
                            .setKeepAliveTimeout(300)
                            .setPipelining(false)
                            .setTcpNoDelay(true),
                    new PoolOptions().setHttp1MaxSize(connections));
            options = s.targets().requestOptions(s.timeoutMs());
            // Workers start at different places of the list, so that they do not ask the same URL at the same time.
            picker = new Targets.Picker(options.length, s.random(), s.seed(), index * (options.length / s.threads() + 1));
            begin();
        }

        abstract void begin();

        /** Runs {@code r} on this worker's event loop. */
        final void onLoop(Runnable r) {
            context.runOnContext(v -> r.run());
        }

        final void finish() {
            if (finished) {
                return;
            }
            finished = true;
            client.close();
            done.complete(tally);
        }
    }

    static <W extends Worker> List<W> workers(LoadGen.Settings s, java.util.function.IntFunction<W> make) {
        List<W> list = new ArrayList<>();
        for (int i = 0; i < s.threads(); i++) {
            list.add(make.apply(i));
        }
        return list;
    }
}
