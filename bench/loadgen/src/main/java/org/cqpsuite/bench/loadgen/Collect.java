package org.cqpsuite.bench.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the eligibility bench's list of {@code GET /eligibility/cpf} URLs from a running eligibility-service: the
 * way catalogue pages and enrolments ask.
 *
 * <ul>
 *   <li>every code of {@code GET /eligible-certifications?date=D} (all pages of 200), asked at D: CPF-eligible
 *       answers, the bulk of the traffic;</li>
 *   <li>codes eligible at D but no longer at the later date (today by default), asked at that date: "registration
 *       ended" answers ({@code --ended-share});</li>
 *   <li>well-formed codes that no certification has: 404 answers ({@code --unknown-share}).</li>
 * </ul>
 *
 * The list is shuffled with a fixed seed, so that the same data gives the same list. Exit code 3 when the read model
 * has no CPF-eligible certification at D (no data).
 */
final class Collect {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z0-9]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    /** How many well-formed unknown codes the mix draws from (RNCP99000..RNCP99998, RS999000..RS999332). */
    private static final int UNKNOWN_CODES = 1_332;

    private Collect() {
    }

    static int run(Args args) throws Exception {
        String base = args.value("--base").orElseThrow(() -> new IllegalArgumentException("collect needs --base URL"));
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        LocalDate date = LocalDate.parse(args.value("--date").orElse("2021-01-15"));
        LocalDate later = LocalDate.parse(args.value("--later-date").orElse(LocalDate.now().toString()));
        double endedShare = args.decimal("--ended-share", 0.15);
        double unknownShare = args.decimal("--unknown-share", 0.10);
        int pageSize = args.integer("--page-size", 200);
        Path out = Path.of(args.value("--out").orElseThrow(() -> new IllegalArgumentException("collect needs --out FILE")));
        args.rejectUnused();
        if (endedShare < 0 || unknownShare < 0 || endedShare + unknownShare >= 1) {
            throw new IllegalArgumentException("--ended-share and --unknown-share must be >= 0 and add up to < 1");
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> eligible = eligibleCodes(http, base, date, pageSize);
        if (eligible.isEmpty()) {
            System.err.printf("collect: no CPF-eligible certification at %s in %s: load data first (./suite demo)%n",
                    date, base);
            return 3;
        }
        Set<String> stillEligible = new LinkedHashSet<>(eligibleCodes(http, base, later, pageSize));
        List<String> ended = new ArrayList<>();
        for (String c : eligible) {
            if (!stillEligible.contains(c)) {
                ended.add(c);
            }
        }

        double eligibleShare = 1 - endedShare - unknownShare;
        int nEligible = eligible.size();
        int nEnded = ended.isEmpty() ? 0 : (int) Math.round(nEligible * endedShare / eligibleShare);
        int nUnknown = (int) Math.round(nEligible * unknownShare / eligibleShare);
        Set<String> known = new LinkedHashSet<>(eligible);
        known.addAll(stillEligible);

        Random random = new Random(42);
        List<String> urls = new ArrayList<>();
        for (String c : eligible) {
            urls.add(url(base, c, date));
        }
        for (int k = 0; k < nEnded; k++) {
            urls.add(url(base, ended.get(k % ended.size()), later));
        }
        // RNCP codes have 3 to 5 digits, RS codes up to 6: the top of the ranges is not used. Three RNCP codes for one
        // RS code, all well-formed: RNCP99000..RNCP99998 and RS999000..RS999332 (1 332 codes), taken again from the
        // start when a large read model needs more unknown URLs than that.
        for (int k = 0, n = 0; n < nUnknown; k++) {
            int j = k % UNKNOWN_CODES;
            String c = j % 4 == 3 ? "RS" + (999_000 + j / 4) : "RNCP" + (99_000 + (j / 4) * 3 + j % 4);
            if (!known.contains(c)) {
                urls.add(url(base, c, k % 2 == 0 ? date : later));
                n++;
            } else if (k >= 10 * UNKNOWN_CODES && n == 0) {
                break; // every candidate is a known code: no unknown URL
            }
        }
        Collections.shuffle(urls, random);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "# GET /eligibility/cpf mix from %s: %d eligible at %s, %d ended by %s, %d unknown codes",
                base, nEligible, date, nEnded, later, nUnknown));
        lines.addAll(urls);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, lines);
        System.out.printf(Locale.ROOT, "collect: %d URLs in %s: %d codes eligible at %s, %d ended by %s (of %d), "
                        + "%d unknown codes%n", urls.size(), out, nEligible, date, nEnded, later, ended.size(), nUnknown);
        return 0;
    }

    private static String url(String base, String code, LocalDate date) {
        return base + "/eligibility/cpf?code=" + code + "&date=" + date;
    }

    private static List<String> eligibleCodes(HttpClient http, String base, LocalDate date, int pageSize)
            throws IOException, InterruptedException {
        Set<String> codes = new LinkedHashSet<>();
        for (int page = 0; ; page++) {
            URI uri = URI.create(base + "/eligible-certifications?size=" + pageSize + "&page=" + page + "&date=" + date);
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + resp.statusCode() + ": " + resp.body());
            }
            String body = resp.body();
            // The only "code" fields of an item are its basis's (the registration it is eligible under).
            Matcher m = CODE.matcher(body);
            int found = 0;
            while (m.find()) {
                codes.add(m.group(1).toUpperCase(Locale.ROOT));
                found++;
            }
            Matcher t = TOTAL.matcher(body);
            long total = t.find() ? Long.parseLong(t.group(1)) : 0;
            if (found == 0 || (long) (page + 1) * pageSize >= total || page > 10_000) {
                return new ArrayList<>(codes);
            }
        }
    }
}
