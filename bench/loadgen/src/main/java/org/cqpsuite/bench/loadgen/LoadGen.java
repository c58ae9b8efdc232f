package org.cqpsuite.bench.loadgen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmarks' HTTP load generator. Subcommands:
 *
 * <ul>
 *   <li>{@code closed}: closed model, maximum throughput. C connections, each with one request in flight: a response
 *       starts the next request on the same connection. Prints requests/s and the latency percentiles.</li>
 *   <li>{@code open}: open model, constant rate R req/s, whatever the answers. Each request has an intended send time
 *       (start + i/R) and its latency is measured from that time, not from when it could be sent: a slow answer that
 *       holds back the next requests counts for all of them (corrected for coordinated omission).</li>
 *   <li>{@code collect}: builds the eligibility bench's list of URLs from a running eligibility-service.</li>
 *   <li>{@code propagation}: time from a registration write's answer to the eligibility GET reflecting it
 *       ({@link Propagation}).</li>
 *   <li>{@code fiches}: writes a synthetic France compétences CSV export ({@link Fiches}).</li>
 *   <li>{@code publish}, {@code count}, {@code urls}: synthetic certifications published straight to the topics, and
 *       URLs on them ({@link Synthetic}).</li>
 *   <li>{@code await}, {@code caught-up}: waits for an eligibility answer, or for the read model to have no lag
 *       ({@link Await}).</li>
 * </ul>
 *
 * Run {@code java -jar loadgen.jar help} for the options.
 */
public final class LoadGen {

    static final String USAGE = """
            usage: java -jar loadgen.jar MODE [options]

            MODE closed   maximum throughput: C connections, one request in flight on each, for the duration
            MODE open     constant rate: --rate R requests/s, latency from each request's intended send time
                          (corrected for coordinated omission)
            MODE collect  write the eligibility bench's URL list from a running eligibility-service
            MODE propagation  registration write -> eligibility GET reflecting it, one change at a time
            MODE fiches   write a synthetic France compétences CSV export (official parts)
            MODE publish  publish synthetic certifications' events straight to the topics (as the outbox does)
            MODE count    how many synthetic certifications the eligibility read model has
            MODE urls     GET /eligibility/cpf URLs on synthetic certifications' codes
            MODE await    wait until a GET answers a status (and text); prints the epoch ms it did
            MODE caught-up  wait until GET /freshness shows no consumer lag
            MODE rebuild  POST /read-model/rebuild and time it until GET /read-model says DONE
            MODE createdb create a PostgreSQL database unless it exists (footprint.sh's own databases)

            closed / open:
              --url URL           a URL to request (repeatable)
              --urls FILE         a file of URLs, one a line (# comments and blank lines ignored)
              --random            pick the URLs at random (seeded, reproducible) instead of round-robin
              --duration T        measured time (15s; units ms, s, m)
              --warmup T          load before measuring, not recorded (5s)
              --connections C     keep-alive HTTP/1.1 connections (closed: 16; open: at most 64, opened as needed)
              --threads N         event-loop threads of the load generator (1)
              --rate R            open only: requests per second (required)
              --timeout T         a request without answer for this long fails (10s)
              --ok LIST           statuses that are not errors, e.g. 200,404 (default: any status below 500)
              --label NAME        a name printed with the figures
              --result FILE       also write the figures as key=value lines (for scripts)
              --seed N            seed of --random (42)
              --server-pid PID    also report the CPU of the server under test (Linux, from /proc)

            collect:
              --base URL          eligibility-service, e.g. http://127.0.0.1:8083 (required)
              --date D            the date whose CPF-eligible certifications make the mix (2021-01-15)
              --later-date D      a date at which most of those have ended (today)
              --ended-share F     share of URLs asking for an ended registration at --later-date (0.15)
              --unknown-share F   share of URLs asking for an unknown code: 404 (0.10)
              --page-size N       page size of GET /eligible-certifications (200)
              --out FILE          the URL list to write (required)

            propagation:
              --certification URL --registration URL --eligibility URL   the services (required)
              --token JWT         an admin token (required)
              --changes N         measured changes (1000)      --batch N   certifications prepared at a time (100)
              --poll-ms F         pause between two GETs (1)   --timeout T per change (30s)
              --first-code N --last-code N   the RNCP codes to use (90000, 98999)   --result FILE

            fiches:
              --out DIR  --fiches N (30000)  --first N (60000: codes RNCP60000..)  --export-date D (yesterday)
              --cpne-branches FILE  CPNE names whose fiches are classified CQP (one fiche in 10)

            publish:  --bootstrap HOST:PORT --eligibility URL (--certifications N | --min-events E) [--result FILE]
            count:    --eligibility URL
            urls:     --eligibility URL --certifications N --sample K --date D (2026-06-01) --seed S (42) --out FILE
            await:    --url URL [--status 200] [--contains TEXT] [--timeout 600s] [--poll-ms 20] [--out FILE]
            caught-up: --base URL [--timeout 3600s] [--every 10s]
            rebuild:  --base URL --token JWT [--poll-ms 200] [--timeout 3600s] [--result FILE]
            createdb: --url jdbc:postgresql://HOST:PORT/ --name NAME [--user postgres] [--password postgres]
            """;

    private LoadGen() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            System.out.print(USAGE);
            System.exit(argv.length == 0 ? 2 : 0);
        }
        Args args = new Args(List.of(argv).subList(1, argv.length));
        int code;
        try {
            code = switch (argv[0]) {
                case "closed" -> ClosedModel.run(loadSettings(args, false));
                case "open" -> OpenModel.run(loadSettings(args, true));
                case "collect" -> Collect.run(args);
                case "propagation" -> Propagation.run(args);
                case "fiches" -> Fiches.run(args);
                case "publish" -> Synthetic.publish(args);
                case "count" -> Synthetic.count(args);
                case "urls" -> Synthetic.urls(args);
                case "await" -> Await.url(args);
                case "caught-up" -> Await.caughtUp(args);
                case "rebuild" -> Rebuild.run(args);
                case "createdb" -> CreateDb.run(args);
                default -> throw new IllegalArgumentException("unknown mode " + argv[0]
                        + " (closed, open, collect, propagation, fiches, publish, count, urls, await, caught-up, rebuild, createdb)");
            };
        } catch (IllegalArgumentException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.err.println("(java -jar loadgen.jar help for the options)");
            code = 2;
        }
        System.exit(code);
    }

    static Settings loadSettings(Args args, boolean open) throws IOException {
        Targets targets = Targets.of(args.all("--url"), args.value("--urls").map(Path::of).orElse(null));
        Settings s = new Settings(
                open ? "open" : "closed",
                targets,
                args.flag("--random"),
                args.duration("--duration", 15_000),
                args.duration("--warmup", 5_000),
                args.integer("--connections", open ? 64 : 16),
                args.integer("--threads", 1),
                open ? args.decimal("--rate", -1) : 0,
                args.duration("--timeout", 10_000),
                StatusPolicy.parse(args.value("--ok").orElse(null)),
                args.value("--label").orElse(open ? "open" : "closed"),
                args.value("--result").map(Path::of).orElse(null),
                args.integer("--seed", 42),
                args.integer("--server-pid", 0));
        args.rejectUnused();
        if (open && s.rate() <= 0) {
            throw new IllegalArgumentException("open needs --rate R (requests per second, > 0)");
        }
        if (s.connections() < 1 || s.threads() < 1 || s.durationMs() <= 0) {
            throw new IllegalArgumentException("--connections, --threads and --duration must be positive");
        }
        if (s.connections() < s.threads()) {
            throw new IllegalArgumentException("--connections must be at least --threads");
        }
        return s;
    }

    /** What a closed or open run does. */
    record Settings(String mode, Targets targets, boolean random, long durationMs, long warmupMs, int connections,
                    int threads, double rate, long timeoutMs, StatusPolicy ok, String label, Path result, long seed,
                    long serverPid) {

        /** The connections of worker {@code w} (they are shared out as evenly as possible). */
        int connectionsOf(int w) {
            return connections / threads + (w < connections % threads ? 1 : 0);
        }
    }
}
