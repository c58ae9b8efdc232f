package org.cqpsuite.bench.loadgen;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Event propagation (issue 7, benchmark 3): the time from a registration write's HTTP answer (registration-service)
 * to the first {@code GET /eligibility/cpf} of the eligibility-service that reflects it.
 *
 * <p>Each measured change is the RNCP registration of a certification of its own: {@code POST
 * /registrations/{rid}/decision} REGISTERED with a new code. Before it, the code is unknown to the eligibility-service
 * (404); once the {@code registered} event has gone through the outbox, Kafka and the read model, the same GET answers
 * {@code "eligible":true}. The certifications are prepared beforehand, in batches (not measured): a directory import of
 * published CQPs (certification-service, {@code POST /directory-imports/certifications}: one request per batch), then
 * per certification its transmission and its RNCP request (registration-service). Before each measured write the
 * eligibility read model is checked to have applied that preparation (the certification answers by id, transmitted),
 * so nothing else is in flight for it. One change at a time; the GET is repeated every {@code --poll-ms} (1 ms).
 */
final class Propagation {

    private static final Pattern RESULT = Pattern.compile(
            "\"directoryCode\"\\s*:\\s*\"(RNCP\\d+)\"[^}]*?\"id\"\\s*:\\s*(null|\"([0-9a-f-]{36})\")[^}]*?\"outcome\"\\s*:\\s*\"([A-Z]+)\"");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private record Prepared(int code, String certificationId, String registrationId) {
        String codeText() {
            return "RNCP" + code;
        }
    }

    private Propagation() {
    }

    static int run(Args args) throws Exception {
        String cert = Http.trimSlash(args.value("--certification").orElseThrow(
                () -> new IllegalArgumentException("propagation needs --certification URL")));
        String reg = Http.trimSlash(args.value("--registration").orElseThrow(
                () -> new IllegalArgumentException("propagation needs --registration URL")));
        String elig = Http.trimSlash(args.value("--eligibility").orElseThrow(
                () -> new IllegalArgumentException("propagation needs --eligibility URL")));
        String token = args.value("--token").orElseThrow(() -> new IllegalArgumentException("propagation needs --token JWT"));
        int changes = args.integer("--changes", 1000);
        int batch = args.integer("--batch", 100);
        long pollNanos = Math.round(args.decimal("--poll-ms", 1.0) * 1e6);
        long timeoutMs = args.duration("--timeout", 30_000);
        int firstCode = args.integer("--first-code", 90_000);
        int lastCode = args.integer("--last-code", 98_999);
        String idcc = args.value("--idcc").orElse("0018");
        java.nio.file.Path result = args.value("--result").map(java.nio.file.Path::of).orElse(null);
        args.rejectUnused();
        if (changes < 1 || batch < 1 || batch > 500) {
            throw new IllegalArgumentException("--changes must be >= 1 and --batch 1 to 500");
        }

        Http http = new Http(Duration.ofSeconds(30));
        LocalDate today = LocalDate.now(PARIS);
        Histogram propagation = new Histogram(Tally.MAX_NANOS, 3);
        Histogram write = new Histogram(Tally.MAX_NANOS, 3);
        Histogram polls = new Histogram(1_000_000, 3);
        long prepNanos = 0;
        int code = firstCode;
        int done = 0;
        int skippedCodes = 0;
        long timeouts = 0;
        System.out.printf(Locale.ROOT, "[propagation] %d changes, one at a time: POST /registrations/{rid}/decision "
                + "(REGISTERED, a new RNCP code) -> GET /eligibility/cpf?code=... every %.1f ms until eligible%n",
                changes, pollNanos / 1e6);
        long start = System.nanoTime();
        long lastPrint = start;
        while (done < changes) {
            // Preparation, not measured: a batch of published CQPs, each transmitted and requested in the RNCP.
            long p0 = System.nanoTime();
            List<Prepared> prepared = new ArrayList<>();
            while (prepared.isEmpty()) {
                int n = Math.min(batch, changes - done);
                if (code + n - 1 > lastCode) {
                    System.err.printf("propagation: no free code left in RNCP%d..RNCP%d (earlier runs used them): "
                            + "use a fresh suite home or --first-code/--last-code%n", firstCode, lastCode);
                    return 1;
                }
                StringBuilder items = new StringBuilder("{\"items\":[");
                for (int k = 0; k < n; k++) {
                    items.append(k == 0 ? "" : ",").append("{\"directoryCode\":\"RNCP").append(code + k)
                            .append("\",\"kind\":\"CQP\",\"title\":").append(Http.q("CQP banc de propagation " + (code + k)))
                            .append(",\"cpnes\":[{\"name\":\"CPNEFP banc d'essai\",\"idcc\":\"").append(idcc)
                            .append("\"}],\"nsfCodes\":[\"250r\"],\"romeCodes\":[\"H1502\"]}");
                }
                items.append("]}");
                Http.Answer a = http.send("POST", cert + "/directory-imports/certifications", token, items.toString());
                if (a.status() != 200) {
                    System.err.printf("propagation: POST /directory-imports/certifications answered %d: %s%n",
                            a.status(), a.body());
                    return 1;
                }
                Matcher m = RESULT.matcher(a.body());
                while (m.find()) {
                    if ("CREATED".equals(m.group(4)) && m.group(3) != null) {
                        prepared.add(new Prepared(Integer.parseInt(m.group(1).substring(4)), m.group(3), null));
                    } else {
                        skippedCodes++; // a code an earlier run already used
                    }
                }
                code += n;
            }
            List<Prepared> ready = new ArrayList<>();
            for (Prepared p : prepared) {
                Http.Answer t = http.send("PUT", reg + "/certifications/" + p.certificationId() + "/transmission", token,
                        "{\"transmittedOn\":\"" + today.minusDays(30) + "\",\"reference\":\"BENCH-" + p.code() + "\"}");
                if (t.status() / 100 != 2) {
                    System.err.printf("propagation: PUT transmission answered %d: %s%n", t.status(), t.body());
                    return 1;
                }
                Http.Answer r = http.send("POST", reg + "/certifications/" + p.certificationId() + "/registrations",
                        token, "{\"directory\":\"RNCP\",\"requestedOn\":\"" + today.minusDays(20) + "\"}");
                String location = r.header("Location");
                if (r.status() != 201 || location == null) {
                    System.err.printf("propagation: POST registrations answered %d: %s%n", r.status(), r.body());
                    return 1;
                }
                ready.add(new Prepared(p.code(), p.certificationId(), location.substring(location.lastIndexOf('/') + 1)));
            }
            prepNanos += System.nanoTime() - p0;

            for (Prepared p : ready) {
                // The read model has applied the preparation of this certification (nothing else in flight for it).
                long w0 = System.nanoTime();
                String byId = elig + "/eligibility/cpf?certification=" + p.certificationId() + "&date=" + today;
                while (true) {
                    Http.Answer a = http.get(byId);
                    if (a.status() == 200 && a.body().contains("\"code\":\"TRANSMITTED\"")) {
                        break;
                    }
                    if (System.nanoTime() - w0 > TimeUnit.SECONDS.toNanos(120)) {
                        System.err.printf("propagation: the eligibility read model did not get certification %s within "
                                + "120 s (last answer %d: %s)%n", p.certificationId(), a.status(), a.body());
                        return 1;
                    }
                    LockSupport.parkNanos(5_000_000);
                }
                String probe = elig + "/eligibility/cpf?code=" + p.codeText() + "&date=" + today;
                Http.Answer before = http.get(probe);
                if (before.status() == 200 && before.body().contains("\"eligible\":true")) {
                    System.err.printf("propagation: %s is already eligible before its write: %s%n", p.codeText(),
                            before.body());
                    return 1;
                }
                String decision = "{\"outcome\":\"REGISTERED\",\"code\":\"" + p.codeText() + "\",\"registrationType\":"
                        + "\"ON_REQUEST\",\"decidedOn\":\"" + today + "\",\"effectiveFrom\":\"" + today
                        + "\",\"endsOn\":\"" + today.plusYears(5).minusDays(1) + "\",\"level\":4,"
                        + "\"awardDeadline\":null,\"blocks\":[]}";
                long s0 = System.nanoTime();
                Http.Answer d = http.send("POST", reg + "/registrations/" + p.registrationId() + "/decision", token,
                        decision);
                long t0 = System.nanoTime();
                if (d.status() != 200) {
                    System.err.printf("propagation: POST decision answered %d: %s%n", d.status(), d.body());
                    return 1;
                }
                write.recordValue(t0 - s0);
                long n = 0;
                long t1;
                while (true) {
                    Http.Answer a = http.get(probe);
                    n++;
                    t1 = System.nanoTime();
                    if (a.status() == 200 && a.body().contains("\"eligible\":true")) {
                        break;
                    }
                    if (t1 - t0 > TimeUnit.MILLISECONDS.toNanos(timeoutMs)) {
                        timeouts++;
                        System.err.printf("propagation: %s not reflected after %d ms (last answer %d)%n", p.codeText(),
                                timeoutMs, a.status());
                        break;
                    }
                    if (pollNanos > 0) {
                        LockSupport.parkNanos(pollNanos);
                    }
                }
                propagation.recordValue(Math.min(t1 - t0, Tally.MAX_NANOS));
                polls.recordValue(Math.min(n, 999_999));
                done++;
                long now = System.nanoTime();
                if (now - lastPrint > 5_000_000_000L || done == changes) {
                    System.out.printf(Locale.ROOT, "  %d/%d changes, p50 %.1f ms so far%n", done, changes,
                            Tally.ms(propagation, 50));
                    lastPrint = now;
                }
                if (done == changes) {
                    break;
                }
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  propagation ms  %s%n", Report.percentiles(propagation));
        System.out.printf(Locale.ROOT, "  write ms        %s   (the decision's own HTTP time)%n",
                Report.percentiles(write));
        System.out.printf(Locale.ROOT, "  GETs per change p50 %d, max %d; %d not reflected within %d ms; %.1f s in all, "
                        + "%.1f s of it preparing; codes RNCP%d.. (%d skipped: used before)%n",
                polls.getValueAtPercentile(50), polls.getMaxValue(), timeouts, timeoutMs, total, prepNanos / 1e9,
                firstCode, skippedCodes);
        Report r = new Report().put("changes", done).put("timeouts", timeouts).put("poll_ms", pollNanos / 1e6)
                .put("polls_p50", polls.getValueAtPercentile(50)).put("polls_max", polls.getMaxValue())
                .put("seconds", total).put("prepare_seconds", prepNanos / 1e9);
        r.putPercentiles("", propagation);
        r.putPercentiles("write_", write);
        r.write(result);
        return timeouts == 0 ? 0 : 1;
    }
}
