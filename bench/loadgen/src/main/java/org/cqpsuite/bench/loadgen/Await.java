package org.cqpsuite.bench.loadgen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits for the eligibility-service:
 * <ul>
 *   <li>{@code await --url URL [--status 200] [--contains TEXT]}: until a GET answers so; writes the wall-clock time
 *       (epoch ms) it did to {@code --out} (or stdout), for scripts that time something from outside;</li>
 *   <li>{@code caught-up --base URL}: until {@code GET /freshness} shows no consumer lag on any topic, printing the
 *       applied counts and the apply rate every few seconds.</li>
 * </ul>
 * Exit code 1 on timeout.
 */
final class Await {

    private static final Pattern APPLIED = Pattern.compile("\"applied\"\\s*:\\s*(\\d+)");
    private static final Pattern LAG = Pattern.compile("\"lag\"\\s*:\\s*(-?\\d+|null)");

    private Await() {
    }

    static int url(Args args) throws Exception {
        String url = args.value("--url").orElseThrow(() -> new IllegalArgumentException("await needs --url URL"));
        int status = args.integer("--status", 200);
        String contains = args.value("--contains").orElse(null);
        long timeoutMs = args.duration("--timeout", 600_000);
        long pollNanos = Math.round(args.decimal("--poll-ms", 20) * 1e6);
        Path out = args.value("--out").map(Path::of).orElse(null);
        args.rejectUnused();
        Http http = new Http(Duration.ofSeconds(30));
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                Http.Answer a = http.get(url);
                if (a.status() == status && (contains == null || a.body().contains(contains))) {
                    String at = Long.toString(System.currentTimeMillis());
                    if (out != null) {
                        Files.writeString(out, at + "\n");
                    } else {
                        System.out.println(at);
                    }
                    return 0;
                }
                last = a.status() + " " + a.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            LockSupport.parkNanos(pollNanos);
        }
        System.err.printf("await: %s did not answer %d%s within %d s; last: %s%n", url, status,
                contains == null ? "" : " with " + contains, timeoutMs / 1000, last.length() > 300 ? last.substring(0, 300) : last);
        return 1;
    }

    static int caughtUp(Args args) throws Exception {
        String base = Http.trimSlash(args.value("--base").orElseThrow(
                () -> new IllegalArgumentException("caught-up needs --base URL")));
        long timeoutMs = args.duration("--timeout", 3_600_000);
        long everyMs = args.duration("--every", 10_000);
        args.rejectUnused();
        Http http = new Http(Duration.ofSeconds(30));
        long start = System.nanoTime();
        long deadline = start + timeoutMs * 1_000_000L;
        long lastPrint = start;
        long firstApplied = -1;
        String body = "";
        while (System.nanoTime() < deadline) {
            Http.Answer a = http.get(base + "/freshness");
            body = a.body();
            long applied = 0;
            Matcher m = APPLIED.matcher(body);
            while (m.find()) {
                applied += Long.parseLong(m.group(1));
            }
            if (firstApplied < 0) {
                firstApplied = applied;
            }
            boolean lagging = false;
            long lag = 0;
            Matcher l = LAG.matcher(body);
            int topics = 0;
            while (l.find()) {
                topics++;
                if (l.group(1).equals("null")) {
                    lagging = true;
                } else if (Long.parseLong(l.group(1)) != 0) {
                    lagging = true;
                    lag += Long.parseLong(l.group(1));
                }
            }
            if (a.status() == 200 && topics > 0 && !lagging) {
                return 0;
            }
            long now = System.nanoTime();
            if (now - lastPrint >= everyMs * 1_000_000L) {
                double secs = (now - start) / 1e9;
                System.out.printf(Locale.ROOT, "  eligibility read model: %d events applied, %d to go, %.0f events/s%n",
                        applied, lag, (applied - firstApplied) / secs);
                lastPrint = now;
            }
            Thread.sleep(500);
        }
        System.err.printf("caught-up: the eligibility read model still lags after %d s: %s%n", timeoutMs / 1000, body);
        return 1;
    }
}
