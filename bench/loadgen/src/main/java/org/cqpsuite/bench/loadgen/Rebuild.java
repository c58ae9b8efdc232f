package org.cqpsuite.bench.loadgen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replay (issue 7, benchmark 5): triggers {@code POST /read-model/rebuild} of the eligibility-service (admin token)
 * and follows {@code GET /read-model} every {@code --poll-ms} until the rebuild is no longer RUNNING. The time is
 * taken from just before the POST to the first GET that sees it DONE; events/s = the records it replayed
 * ({@code rebuild.read}) / that time. Prints the service's own figure beside it, and the read model's counts and
 * checksum before and after (equal checksums: the rebuilt read model answers as the live one did); "after" is asked
 * once more after DONE was seen, since {@code GET /read-model} computes its summary before reading the state.
 */
final class Rebuild {

    private Rebuild() {
    }

    static int run(Args args) throws Exception {
        String base = Http.trimSlash(args.value("--base").orElseThrow(() -> new IllegalArgumentException("rebuild needs --base URL")));
        String token = args.value("--token").orElseThrow(() -> new IllegalArgumentException("rebuild needs --token JWT"));
        long pollMs = args.integer("--poll-ms", 200);
        long timeoutMs = args.duration("--timeout", 3_600_000);
        Path result = args.value("--result").map(Path::of).orElse(null);
        args.rejectUnused();
        Http http = new Http(Duration.ofSeconds(60));
        String before = http.get(base + "/read-model").body();
        long t0 = System.nanoTime();
        Http.Answer post = http.send("POST", base + "/read-model/rebuild", token, null);
        if (post.status() != 202) {
            System.err.printf("rebuild: POST /read-model/rebuild answered %d: %s%n", post.status(), post.body());
            return 1;
        }
        String body;
        String state;
        long lastPrint = t0;
        while (true) {
            Thread.sleep(pollMs);
            body = http.get(base + "/read-model").body();
            state = str(body, "state");
            long now = System.nanoTime();
            if (!"RUNNING".equals(state)) {
                break;
            }
            if (now - lastPrint > 10_000_000_000L) {
                System.out.printf(Locale.ROOT, "  rebuilding: %s of %s records replayed%n", num(body, "read"), num(body, "target"));
                lastPrint = now;
            }
            if (now - t0 > timeoutMs * 1_000_000L) {
                System.err.printf("rebuild: still running after %d s: %s%n", timeoutMs / 1000, body);
                return 1;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (!"DONE".equals(state)) {
            System.err.printf("rebuild: ended %s: %s%n", state, body);
            return 1;
        }
        // GET /read-model computes its summary before it reads the rebuild's state: the answer that first says DONE may
        // carry a summary taken while the last batches were being applied. The summary after is asked again.
        body = http.get(base + "/read-model").body();
        long read = Long.parseLong(num(body, "read"));
        String checksumBefore = str(before, "checksum");
        String checksumAfter = str(body, "checksum");
        System.out.printf(Locale.ROOT, "  rebuild: %d records replayed (target %s, applied %s, poison %s) in %.2f s: "
                        + "%.0f events/s (the service says %s)%n", read, num(body, "target"), num(body, "applied"),
                num(body, "poison"), secs, read / secs, num(body, "eventsPerSecond"));
        System.out.printf("  read model before: %s certifications, %s registrations, checksum %s%n",
                num(before, "certifications"), num(before, "registrations"), checksumBefore);
        System.out.printf("  read model after:  %s certifications, %s registrations, checksum %s (%s)%n",
                num(body, "certifications"), num(body, "registrations"), checksumAfter,
                checksumAfter.equals(checksumBefore) ? "the same" : "DIFFERENT");
        new Report().put("records", read).put("target", num(body, "target")).put("applied", num(body, "applied"))
                .put("poison", num(body, "poison")).put("seconds", secs).put("events_per_s", read / secs)
                .put("service_events_per_s", num(body, "eventsPerSecond"))
                .put("certifications", num(body, "certifications")).put("registrations", num(body, "registrations"))
                .put("checksum_before", checksumBefore).put("checksum_after", checksumAfter)
                .put("checksum_same", checksumAfter.equals(checksumBefore)).write(result);
        return 0;
    }

    static String num(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.eE+-]+|null)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static String str(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
