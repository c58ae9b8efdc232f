package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqpsuite.infra.SuiteTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bad input sweep (issue 8): well over a thousand invalid requests, generated from each service's own OpenAPI
 * document so that a new endpoint is swept without touching this test, against the real suite ({@code ./suite up}):
 * malformed JSON, bodies that are not objects, wrong JSON types, missing required fields and unknown extra fields
 * (every service refuses unknown fields, {@code quarkus.jackson.fail-on-unknown-properties=true}), impossible and
 * out-of-range dates, bad codes and ids (non-UUIDs, path traversal, SQL and script injection, NUL, very long
 * strings), bodies over the configured limit, unsupported media types, a bad {@code Accept}, wrong methods.
 *
 * <p>Every answer must be a 4xx {@code application/problem+json} with status, title and detail, and a 400 must name
 * the field or parameter at fault; in a batch ({@code items}, {@code codes}), an invalid element may instead be
 * answered 200 with that element's result rejected, by design. Writes carry an admin token, so that they reach
 * validation. Afterwards nothing has changed: the certifications, CPNEs, the registration feed, the eligibility read
 * model's checksum and the topics' end offsets are the same as before the sweep.
 *
 * <p>Free text (a title, {@code q=}) may legitimately contain {@code ' OR 1=1 --} or {@code <script>}: such
 * requests are sent to read endpoints only, as probes that must not fail (no 5xx) and are not counted as invalid.
 */
@ExtendWith(SharedSuite.class)
class BadInputSweepIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TOPICS = List.of("cqp.certification.events", "cqp.registration.events",
            "cqp.eligibility.dead-letter");
    private static final Map<String, String> MODULES = Map.of("certification", "certification-service",
            "registration", "registration-service", "eligibility", "eligibility-service");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    /** What cannot be a code, an id or a date, whatever the field. */
    private static final List<String> HOSTILE = List.of("' OR 1=1 --", "\"; DROP TABLE certification; --",
            "<script>alert(1)</script>", "../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000",
            "${jndi:ldap://127.0.0.1/a}", "%s%n%x", "😀", " ", "a".repeat(3_000));
    private static final List<String> BAD_DATES = List.of("2025-02-30", "2023-02-29", "2024-13-01", "2024-00-10",
            "2024-04-31", "0000-01-01", "99999-01-01", "+99999-01-01", "-2024-01-01", "2024-1-5", "01/02/2024",
            "2024-01-15T10:00:00", "20240115", "", "today");

    private static LocalSuite suite;
    private static String admin;
    private static final Map<String, String> known = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One request of the sweep, and what its answer must be. */
    record Probe(String service, String category, String operation, String method, String path,
            Map<String, String> headers, byte[] body, String names, boolean invalid, int batchIndex) {

        String describe() {
            return describe(300);
        }

        String describe(int shownBytes) {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, shownBytes),
                    StandardCharsets.UTF_8);
            String shown = body == null ? "" : " " + text.replace("\u0000", "\\0").replaceAll("(.)\\1{20,}", "$1$1$1…")
                    + (body.length > shownBytes ? "… (" + body.length + " bytes)" : "");
            return category + ": " + service + " " + method + " " + (path.length() > 150 ? path.substring(0, 150) + "…" : path)
                    + " " + headers.keySet() + shown;
        }
    }

    @BeforeAll
    static void up(LocalSuite shared) throws Exception {
        suite = shared;
        KeyPair keys = SuiteTokens.loadOrCreate(suite.home.resolve(SuiteTokens.KEYS_DIR));
        admin = SuiteTokens.token(keys.getPrivate(), "admin", List.of(), "sweep@local", Duration.ofHours(1));
    }

    @Test
    void everyInvalidRequestIsAProblemAndChangesNothing() throws Exception {
        seed();
        Map<String, String> before = awaitStableSnapshot();

        long started = System.nanoTime();
        List<Probe> probes = new ArrayList<>();
        for (String service : LocalSuite.SERVICES) {
            probes.addAll(probes(service, suite.get(service, "/q/openapi?format=json").json()));
        }
        java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.Queue<String> detailed = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> perItem = new ConcurrentHashMap<>();
        Map<String, java.util.concurrent.atomic.LongAdder> latency = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (Probe probe : probes) {
            sent.add(pool.submit(() -> {
                String failure;
                long start = System.nanoTime();
                try {
                    failure = check(probe, send(probe), perItem);
                } catch (Exception e) {
                    failure = "no answer: " + e;
                }
                latency.computeIfAbsent(probe.category(), k -> new java.util.concurrent.atomic.LongAdder())
                        .add(System.nanoTime() - start);
                if (failure != null) {
                    failures.add(failure + "\n      " + probe.describe());
                    detailed.add(failure + "\n      " + probe.describe(5_000));
                }
            }));
        }
        for (Future<?> future : sent) {
            future.get(2, java.util.concurrent.TimeUnit.MINUTES); // each request has its own 30 s timeout
        }
        pool.shutdownNow();
        double seconds = (System.nanoTime() - started) / 1e9;
        report(probes, perItem, latency, seconds);

        Thread.sleep(2_000); // the outbox relay publishes right after commit: give it time to publish anything
        Map<String, String> after = snapshot();
        List<String> shown = failures.stream().sorted().toList();
        java.nio.file.Files.write(SuiteRoot.ROOT.resolve("suite-tests/target/bad-input-sweep-failures.txt"),
                detailed.stream().sorted().toList());
        assertThat(shown).as("%d of %d requests answered wrongly", failures.size(), probes.size()).isEmpty();
        assertThat(probes.stream().filter(Probe::invalid).count()).isGreaterThanOrEqualTo(1_000);
        for (String key : before.keySet()) {
            assertThat(after.get(key)).as("%s after the sweep", key).isEqualTo(before.get(key));
        }
    }

    // ---------------------------------------------------------------------------------------------- generation

    /** Every probe of one service, from its OpenAPI document. */
    private List<Probe> probes(String service, JsonNode openapi) {
        List<Probe> probes = new ArrayList<>();
        long limit = bodyLimit(service);
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            List<String> declared = new ArrayList<>();
            entry.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    declared.add(m);
                }
            });
            for (String method : declared) {
                Operation op = new Operation(service, method.toUpperCase(), template, openapi,
                        entry.getValue().get(method), entry.getValue().path("parameters"));
                op.generate(probes::add, limit);
            }
            for (String method : List.of("DELETE", "PATCH")) {
                if (!declared.contains(method.toLowerCase())) {
                    Operation op = new Operation(service, declared.get(0).toUpperCase(), template, openapi,
                            entry.getValue().get(declared.get(0)), entry.getValue().path("parameters"));
                    probes.add(new Probe(service, "wrong-method", method + " " + template, method, op.basePath(),
                            op.headers(), "{}".getBytes(StandardCharsets.UTF_8), null, true, -1));
                }
            }
        }
        return probes;
    }

    /** The configured body limit of a service ({@code quarkus.http.limits.max-body-size}, Quarkus' default 10240K). */
    private static long bodyLimit(String service) {
        Properties properties = SuiteRoot.applicationProperties(MODULES.get(service));
        String value = properties.getProperty("quarkus.http.limits.max-body-size", "10240K").trim().toUpperCase();
        Matcher m = Pattern.compile("(\\d+)([KMG]?)").matcher(value);
        assertThat(m.matches()).as(value).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "K" -> n * 1024;
            case "M" -> n * 1024 * 1024;
            case "G" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    /** One operation of an OpenAPI document, and the invalid variants of a request to it. */
    private static final class Operation {
        final String service;
        final String method;
        final String template;
        final JsonNode openapi;
        final JsonNode op;
        final List<JsonNode> parameters = new ArrayList<>();
        final JsonNode bodySchema;
        final JsonNode seed;
        final String name;

        Operation(String service, String method, String template, JsonNode openapi, JsonNode op,
                JsonNode pathLevelParameters) {
            this.service = service;
            this.method = method;
            this.template = template;
            this.openapi = openapi;
            this.op = op;
            this.name = method + " " + template;
            pathLevelParameters.forEach(p -> parameters.add(resolve(p)));
            op.path("parameters").forEach(p -> parameters.add(resolve(p)));
            JsonNode json = resolve(op.path("requestBody")).path("content").path("application/json");
            this.bodySchema = json.isMissingNode() ? null : resolve(json.path("schema"));
            this.seed = bodySchema == null ? null : onlyFirstElement(seedOf(json));
        }

        /**
         * A batch's example ({@code items}, {@code codes}) cut to its first element: the other elements may be valid,
         * and would be written whatever is done to the first.
         */
        JsonNode onlyFirstElement(JsonNode example) {
            for (String batch : List.of("items", "codes")) {
                if (example.path(batch).isArray() && example.get(batch).size() > 1) {
                    ArrayNode first = NODES.arrayNode().add(example.get(batch).get(0));
                    ((ObjectNode) example).set(batch, first);
                }
            }
            return example;
        }

        JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            for (int i = 0; i < 10 && current.has("$ref"); i++) {
                String ref = current.get("$ref").asText();
                current = openapi.at(ref.substring(1));
            }
            if (current.has("allOf") && current.get("allOf").size() == 1 && !current.has("properties")) {
                return resolve(current.get("allOf").get(0));
            }
            return current;
        }

        /** The documented example of the body, or one made from the schema. */
        JsonNode seedOf(JsonNode content) {
            try {
                if (content.has("example")) {
                    JsonNode example = content.get("example");
                    return example.isTextual() ? JSON.readTree(example.asText()) : example;
                }
                Iterator<JsonNode> examples = content.path("examples").elements();
                if (examples.hasNext()) {
                    JsonNode value = examples.next().path("value");
                    return value.isTextual() ? JSON.readTree(value.asText()) : value;
                }
            } catch (Exception e) {
                // not JSON: made from the schema below
            }
            return fromSchema(bodySchema, 0);
        }

        JsonNode fromSchema(JsonNode schema, int depth) {
            JsonNode s = resolve(schema);
            if (s.has("example")) {
                return s.get("example");
            }
            if (s.has("enum")) {
                return s.get("enum").get(0);
            }
            String type = s.path("type").asText("object");
            switch (type) {
                case "string":
                    return NODES.textNode(switch (s.path("format").asText()) {
                        case "date" -> "2024-01-15";
                        case "uuid" -> UUID.randomUUID().toString();
                        case "date-time" -> "2024-01-15T10:00:00Z";
                        default -> "x";
                    });
                case "integer":
                case "number":
                    return NODES.numberNode(Math.max(1, s.path("minimum").asInt(1)));
                case "boolean":
                    return NODES.booleanNode(false);
                case "array":
                    ArrayNode array = NODES.arrayNode();
                    if (depth < 4) {
                        array.add(fromSchema(s.path("items"), depth + 1));
                    }
                    return array;
                default:
                    ObjectNode object = NODES.objectNode();
                    if (depth < 4) {
                        s.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(),
                                fromSchema(p.getValue(), depth + 1)));
                    }
                    return object;
            }
        }

        /** The value of a parameter in a request that is valid but for the parameter under test. */
        String baseValue(JsonNode parameter) {
            String name = parameter.path("name").asText();
            if (known.containsKey(name)) {
                return known.get(name);
            }
            JsonNode schema = resolve(parameter.path("schema"));
            if (parameter.has("example")) {
                return parameter.get("example").asText();
            }
            if (schema.has("example")) {
                return schema.get("example").asText();
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0).asText();
            }
            if ("uuid".equals(schema.path("format").asText())) {
                return known.get("id");
            }
            if (schema.has("default")) {
                return schema.get("default").asText();
            }
            return switch (schema.path("type").asText()) {
                case "integer", "number" -> String.valueOf(Math.max(1, schema.path("minimum").asInt(1)));
                case "boolean" -> "true";
                default -> "x";
            };
        }

        List<JsonNode> parameters(String in) {
            return parameters.stream().filter(p -> in.equals(p.path("in").asText())).toList();
        }

        String basePath() {
            return path(null, null);
        }

        /** The path with every path parameter at its base value, but {@code name} at {@code raw} (not encoded). */
        String path(String name, String raw) {
            String path = template;
            for (JsonNode p : parameters("path")) {
                String n = p.path("name").asText();
                path = path.replace("{" + n + "}", n.equals(name) ? raw : encode(baseValue(p)));
            }
            StringBuilder query = new StringBuilder();
            for (JsonNode p : parameters("query")) {
                if (p.path("required").asBoolean()) {
                    query.append(query.length() == 0 ? "?" : "&").append(p.path("name").asText()).append('=')
                            .append(encode(baseValue(p)));
                }
            }
            return path + query;
        }

        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + admin);
            for (JsonNode p : parameters("header")) {
                headers.put(p.path("name").asText(), baseValue(p));
            }
            if (seed != null) {
                headers.put("Content-Type", "application/json");
            }
            return headers;
        }

        byte[] seedBytes() {
            return seed == null ? null : seed.toString().getBytes(StandardCharsets.UTF_8);
        }

        Probe probe(String category, String path, Map<String, String> headers, byte[] body, String names,
                boolean invalid, int batchIndex) {
            return new Probe(service, category, name, method, path, headers, body, names, invalid, batchIndex);
        }

        void generate(Consumer<Probe> out, long limit) {
            // Path parameters: not of their type, unknown, hostile.
            for (JsonNode p : parameters("path")) {
                String n = p.path("name").asText();
                JsonNode schema = resolve(p.path("schema"));
                List<String> values = new ArrayList<>(HOSTILE);
                values.addAll(List.of("not-an-id", "12345", "-1", "0", "99999999999999999999", "null", "true"));
                for (String value : values) {
                    out.accept(probe("bad-path-parameter", path(n, encode(value)), headers(), seedBytes(), n,
                            true, -1));
                }
                if ("uuid".equals(schema.path("format").asText())) {
                    out.accept(probe("unknown-id", path(n, UUID.randomUUID().toString()), headers(), seedBytes(),
                            null, true, -1));
                    out.accept(probe("bad-path-parameter", path(n, known.get("id").substring(0, 35)), headers(),
                            seedBytes(), n, true, -1));
                }
                // Raw traversal and NUL, not encoded: the server's own path handling.
                out.accept(probe("path-traversal", path(n, "../../../../etc/passwd"), headers(), seedBytes(), null,
                        true, -1));
                out.accept(probe("path-traversal", path(n, "..%2F..%2F..%2Fetc%2Fpasswd"), headers(), seedBytes(),
                        null, true, -1));
                out.accept(probe("bad-path-parameter", path(n, "%00"), headers(), seedBytes(), null, true, -1));
            }
            // Query parameters: the constrained ones get invalid values; free text gets hostile probes (reads only).
            for (JsonNode p : parameters("query")) {
                String n = p.path("name").asText();
                JsonNode schema = resolve(p.path("schema"));
                for (String value : invalidValues(schema)) {
                    out.accept(probe(category(schema), withQuery(n, value), headers(), seedBytes(), n, true, -1));
                }
                if (!constrained(schema) && "GET".equals(method)) {
                    for (String value : HOSTILE) {
                        out.accept(probe("probe-free-text", withQuery(n, value), headers(), null, null, false, -1));
                    }
                }
            }
            // Header parameters.
            for (JsonNode p : parameters("header")) {
                String n = p.path("name").asText();
                for (String value : List.of("", "abc", "\"999999\"", "W/\"0\"", "*x", "' OR 1=1 --",
                        "\"" + "9".repeat(40) + "\"", "\"-1\"")) {
                    Map<String, String> headers = headers();
                    headers.put(n, value);
                    out.accept(probe("bad-header", basePath(), headers, seedBytes(), null, true, -1));
                }
            }
            // Accept that the operation cannot answer.
            for (String accept : List.of("application/xml", "text/html", "image/png")) {
                Map<String, String> headers = headers();
                headers.put("Accept", accept);
                out.accept(probe("bad-accept", basePath(), headers, seedBytes(), null, true, -1));
            }
            if (seed == null) {
                return;
            }
            bodies(out, limit);
        }

        String withQuery(String name, String value) {
            String path = basePath();
            return path + (path.contains("?") ? "&" : "?") + name + "=" + encode(value);
        }

        void bodies(Consumer<Probe> out, long limit) {
            String base = basePath();
            // Malformed JSON.
            String seedText = seed.toString();
            for (String malformed : List.of("{", "}", "{\"a\": }", "{'kind': 'CQP'}", "{\"a\": 1,}",
                    "{\"a\": 1}}", "nul", "{\"a\": NaN}", "{\"a\": 01}", "{\"a\": \"\\x\"}", "{\"a\" 1}",
                    "<certification/>", "kind=CQP", "\u0000", "", " ",
                    seedText.substring(0, seedText.length() / 2), seedText + "{}", "{".repeat(5_000))) {
                out.accept(probe("malformed-json", base, headers(), malformed.getBytes(StandardCharsets.UTF_8), null,
                        true, -1));
            }
            byte[] invalidUtf8 = "{\"title\": \"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
            out.accept(probe("malformed-json", base, headers(), invalidUtf8, null, true, -1));
            // Not an object.
            for (String notObject : List.of("[]", "\"text\"", "42", "null", "true", "[" + seedText + "]")) {
                out.accept(probe("not-an-object", base, headers(), notObject.getBytes(StandardCharsets.UTF_8), null,
                        true, -1));
            }
            // Per field of the seed: wrong types, missing and null required fields, extra fields, dates, codes.
            walk(seed, bodySchema, "", out);
            // Unsupported media types.
            for (String[] typed : List.of(new String[] {"text/plain", seedText},
                    new String[] {"application/xml", "<certification><kind>CQP</kind></certification>"},
                    new String[] {"application/x-www-form-urlencoded", "kind=CQP&title=x"},
                    new String[] {"multipart/form-data; boundary=x", "--x--"},
                    new String[] {"application/octet-stream", seedText},
                    new String[] {"application/json-patch+json", "[]"})) {
                Map<String, String> headers = headers();
                headers.put("Content-Type", typed[0]);
                out.accept(probe("unsupported-media-type", base, headers, typed[1].getBytes(StandardCharsets.UTF_8),
                        null, true, -1));
            }
            // Bodies over the configured limit: a JSON string just too long.
            out.accept(probe("huge-body", base, headers(), huge(limit + 1024), null, true, -1));
        }

        /** Invalid variants of each value of the seed, field by field. */
        void walk(JsonNode value, JsonNode schema, String path, Consumer<Probe> out) {
            JsonNode s = resolve(schema == null ? NODES.missingNode() : schema);
            String leaf = leaf(path);
            int batchIndex = batchIndex(path);
            if (!path.isEmpty()) {
                for (JsonNode wrong : wrongTypes(value, s)) {
                    out.accept(mutated("wrong-type", path, wrong, leaf, batchIndex));
                }
            }
            if (value.isObject()) {
                ObjectNode object = (ObjectNode) value;
                Set<String> required = new java.util.HashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                for (String field : required) {
                    if (object.has(field)) {
                        out.accept(removed(path, field, batchIndex));
                        out.accept(mutated("missing-required", join(path, field), NODES.nullNode(), field,
                                batchIndex));
                    }
                }
                out.accept(mutated("extra-field", join(path, "unexpectedField"), NODES.textNode("x"),
                        "unexpectedField", batchIndex));
                object.fields().forEachRemaining(f -> walk(f.getValue(), property(s, f.getKey()),
                        join(path, f.getKey()), out));
            } else if (value.isArray() && value.size() > 0) {
                walk(value.get(0), s.path("items"), path + "[0]", out);
                if (s.has("maxItems")) {
                    ArrayNode tooMany = NODES.arrayNode();
                    for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                        tooMany.add(value.get(0));
                    }
                    out.accept(mutated("out-of-range", path, tooMany, leaf, batchIndex));
                }
            } else if (value.isArray() && s.path("minItems").asInt(0) > 0) {
                out.accept(mutated("out-of-range", path, NODES.arrayNode(), leaf, batchIndex));
            } else if (value.isTextual()) {
                boolean date = "date".equals(s.path("format").asText())
                        || value.asText().matches("\\d{4}-\\d{2}-\\d{2}");
                if (date) {
                    for (String bad : BAD_DATES) {
                        out.accept(mutated("bad-date", path, NODES.textNode(bad), leaf, batchIndex));
                    }
                } else if (constrained(s) || code(value.asText())) {
                    // Not blank: an optional code left blank is absent by design (a targeted job's romeCode).
                    for (String bad : HOSTILE.stream().filter(h -> !h.isBlank()).toList()) {
                        out.accept(mutated("bad-code", path, NODES.textNode(bad), leaf, batchIndex));
                    }
                } else {
                    // Free text: a NUL character (PostgreSQL cannot store it) and a string of 100 000 characters.
                    out.accept(mutated("bad-text", path, NODES.textNode("text\u0000with NUL"), leaf, batchIndex));
                    out.accept(mutated("bad-text", path, NODES.textNode("x".repeat(100_000)), leaf, batchIndex));
                }
            } else if (value.isIntegralNumber()) {
                for (long bad : List.of(-1L, 0L, 1000L, Long.MAX_VALUE)) {
                    if (outOfRange(s, bad)) {
                        out.accept(mutated("out-of-range", path, NODES.numberNode(bad), leaf, batchIndex));
                    }
                }
                out.accept(mutated("out-of-range", path, NODES.numberNode(new java.math.BigInteger("9".repeat(30))),
                        leaf, batchIndex));
            }
        }

        boolean outOfRange(JsonNode s, long value) {
            return (s.has("minimum") && value < s.get("minimum").asLong())
                    || (s.has("maximum") && value > s.get("maximum").asLong());
        }

        JsonNode property(JsonNode schema, String name) {
            JsonNode s = resolve(schema);
            JsonNode property = s.path("properties").path(name);
            if (property.isMissingNode() && s.has("allOf")) {
                for (JsonNode part : s.get("allOf")) {
                    JsonNode found = resolve(part).path("properties").path(name);
                    if (!found.isMissingNode()) {
                        return found;
                    }
                }
            }
            return property;
        }

        Probe mutated(String category, String path, JsonNode replacement, String names, int batchIndex) {
            JsonNode copy = seed.deepCopy();
            set(copy, path, replacement);
            return probe(category, basePath(), headers(), copy.toString().getBytes(StandardCharsets.UTF_8), names,
                    true, batchIndex);
        }

        Probe removed(String path, String field, int batchIndex) {
            JsonNode copy = seed.deepCopy();
            JsonNode parent = path.isEmpty() ? copy : at(copy, path);
            ((ObjectNode) parent).remove(field);
            return probe("missing-required", basePath(), headers(), copy.toString().getBytes(StandardCharsets.UTF_8),
                    field, true, batchIndex);
        }

        byte[] huge(long size) {
            byte[] head = "{\"title\": \"".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[(int) size];
            java.util.Arrays.fill(body, (byte) 'x');
            System.arraycopy(head, 0, body, 0, head.length);
            body[body.length - 2] = '"';
            body[body.length - 1] = '}';
            return body;
        }
    }

    /** Values that the parameter's schema refuses, or that no sensible parameter of its type accepts. */
    private static List<String> invalidValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if ("date".equals(format)) {
            values.addAll(BAD_DATES.stream().filter(d -> !d.isEmpty()).toList());
        } else if ("uuid".equals(format)) {
            values.addAll(List.of("not-a-uuid", "12345", "' OR 1=1 --", "../../etc/passwd", "\u0000"));
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.addAll(List.of("abc", "1.5", "1e3", "0x10", "99999999999999999999", "' OR 1=1 --", "\u0000"));
            if (schema.has("minimum")) {
                values.add(String.valueOf(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                values.add(String.valueOf(schema.get("maximum").asLong() + 1));
            }
        } else if ("boolean".equals(type)) {
            values.addAll(List.of("yes", "1", "TRUE ", "' OR 1=1 --"));
        } else if (schema.has("enum")) {
            values.addAll(List.of("NOPE", "' OR 1=1 --", "<script>alert(1)</script>", "\u0000"));
        } else if (schema.has("pattern")) {
            values.addAll(HOSTILE.stream().filter(v -> !v.matches(schema.get("pattern").asText())).toList());
        } else if (schema.has("maxLength")) {
            values.add("a".repeat(schema.get("maxLength").asInt() + 1));
        }
        return values;
    }

    private static String category(JsonNode schema) {
        String format = schema.path("format").asText();
        if ("date".equals(format)) {
            return "bad-date";
        }
        if (schema.has("minimum") || schema.has("maximum") || schema.has("maxLength")) {
            return "out-of-range";
        }
        return "bad-query-parameter";
    }

    private static boolean constrained(JsonNode schema) {
        return schema.has("pattern") || schema.has("enum") || schema.has("format") || schema.has("maxLength")
                || Set.of("integer", "number", "boolean").contains(schema.path("type").asText());
    }

    /** A code-like value of the examples (RNCP34486, 0018, H2102, 200r, BC01); not a reference such as FC-2019-0001, free text. */
    private static boolean code(String value) {
        return value.matches("[A-Za-z0-9]{1,20}") && value.matches(".*\\d.*");
    }

    private static List<JsonNode> wrongTypes(JsonNode value, JsonNode schema) {
        List<JsonNode> wrong = new ArrayList<>();
        ObjectNode object = NODES.objectNode().put("a", 1);
        ArrayNode array = NODES.arrayNode().add(1);
        if (value.isTextual()) {
            wrong.addAll(List.of(object, array, NODES.numberNode(123), NODES.booleanNode(true)));
        } else if (value.isNumber()) {
            wrong.addAll(List.of(object, array, NODES.textNode("abc"), NODES.booleanNode(true)));
            if (value.isIntegralNumber()) {
                wrong.add(NODES.numberNode(1.5));
            }
        } else if (value.isBoolean()) {
            wrong.addAll(List.of(object, array, NODES.textNode("yes"), NODES.numberNode(2)));
        } else if (value.isArray()) {
            wrong.addAll(List.of(object, NODES.textNode("x"), NODES.numberNode(1)));
        } else if (value.isObject()) {
            wrong.addAll(List.of(array, NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(false)));
        }
        return wrong;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String leaf(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.replaceAll("\\[\\d+]$", "");
    }

    /** The element index when the path is inside a batch's top-level array ({@code items[0].title}), else -1. */
    private static int batchIndex(String path) {
        Matcher m = Pattern.compile("^(items|codes)\\[(\\d+)](.*)").matcher(path);
        return m.matches() ? Integer.parseInt(m.group(2)) : -1;
    }

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private static JsonNode at(JsonNode root, String path) {
        JsonNode current = root;
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            current = m.group(1) != null ? current.get(m.group(1)) : current.get(Integer.parseInt(m.group(2)));
        }
        return current;
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        String parentPath = cut <= 0 ? "" : path.substring(0, cut);
        JsonNode parent = parentPath.isEmpty() ? root : at(root, parentPath);
        String last = cut <= 0 ? path : path.substring(cut + (path.charAt(cut) == '.' ? 1 : 0));
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ------------------------------------------------------------------------------------------------ checking

    /** An answer: status, content type, body. */
    record Reply(int status, String type, String body) {
    }

    private Reply send(Probe probe) throws Exception {
        if (probe.category().equals("huge-body")) {
            return sendExpectingContinue(probe);
        }
        HttpResponse<String> answer = exchange(probe);
        return new Reply(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
    }

    /**
     * A body over the limit, sent as a careful client does (and as curl does for large bodies): the headers with
     * {@code Expect: 100-continue}, the body only after {@code 100 Continue}. Otherwise the server's 413, answered on
     * the headers, races with the body being written into a connection it closes. (Not with java.net.http: with
     * {@code expectContinue}, JDK 17's client waited forever when the final status came instead of a 100.)
     */
    private Reply sendExpectingContinue(Probe probe) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", suite.ports.get(probe.service()))) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(probe.method() + " " + probe.path() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Length: " + probe.body().length + "\r\n"
                    + "Expect: 100-continue\r\nConnection: close\r\n");
            probe.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            Reply reply = readReply(in);
            if (reply.status() == 100) {
                out.write(probe.body());
                out.flush();
                reply = readReply(in);
            }
            return reply;
        }
    }

    private static Reply readReply(java.io.BufferedInputStream in) throws java.io.IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        String type = "";
        int length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String name = header.substring(0, header.indexOf(':')).trim().toLowerCase();
            String value = header.substring(header.indexOf(':') + 1).trim();
            if (name.equals("content-type")) {
                type = value;
            } else if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            }
        }
        if (code == 100) {
            return new Reply(100, type, "");
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return new Reply(code, type, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(java.io.BufferedInputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException("connection closed before the answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> exchange(Probe probe) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + suite.ports.get(probe.service()) + probe.path()))
                .timeout(Duration.ofSeconds(30))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Why the answer is wrong, or null. */
    private static String check(Probe probe, Reply answer, Map<String, AtomicInteger> perItem) {
        int status = answer.status();
        String type = answer.type();
        if (status >= 500) {
            return status + " " + type + " " + abbreviate(answer.body());
        }
        if (!probe.invalid()) {
            return status >= 400 && !type.startsWith("application/problem+json")
                    ? status + " not a problem: " + type : null;
        }
        if (status < 400) {
            if (status == 200 && probe.batchIndex() >= 0 && rejectedItem(answer.body(), probe.batchIndex())) {
                perItem.computeIfAbsent(probe.service() + " " + probe.category(), k -> new AtomicInteger())
                        .incrementAndGet();
                return null;
            }
            return status + " on invalid input: " + abbreviate(answer.body());
        }
        if (!type.startsWith("application/problem+json")) {
            return status + " with content type '" + type + "': " + abbreviate(answer.body());
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (Exception e) {
            return status + " problem that is not JSON: " + abbreviate(answer.body());
        }
        if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()
                || problem.path("detail").asText().isBlank() || problem.path("type").asText().isBlank()) {
            return status + " incomplete problem: " + abbreviate(answer.body());
        }
        if (status == 400) {
            if (problem.path("errors").isEmpty()) {
                return "400 without errors: " + abbreviate(answer.body());
            }
            if (probe.names() != null && !names(problem, probe.names())) {
                return "400 not naming '" + probe.names() + "': " + abbreviate(answer.body());
            }
        }
        return null;
    }

    private static boolean names(JsonNode problem, String name) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().contains(name)) {
                return true;
            }
        }
        return problem.path("detail").asText().contains(name);
    }

    private static boolean rejectedItem(String body, int index) {
        try {
            JsonNode result = JSON.readTree(body).path("results").path(index);
            return "REJECTED".equals(result.path("outcome").asText()) || result.has("error");
        } catch (Exception e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static void report(List<Probe> probes, Map<String, AtomicInteger> perItem,
            Map<String, java.util.concurrent.atomic.LongAdder> latency, double seconds) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Probe probe : probes) {
            counts.computeIfAbsent(probe.category(), k -> new TreeMap<>()).merge(probe.service(), 1, Integer::sum);
        }
        StringBuilder table = new StringBuilder(String.format("%nBad input sweep: %d requests in %.1f s (%d invalid,"
                        + " %d free-text probes)%n%-24s %14s %13s %12s %7s %9s%n", probes.size(), seconds,
                probes.stream().filter(Probe::invalid).count(), probes.stream().filter(p -> !p.invalid()).count(),
                "category", "certification", "registration", "eligibility", "total", "time (s)"));
        Map<String, Integer> totals = new TreeMap<>();
        counts.forEach((category, byService) -> {
            table.append(String.format("%-24s %14d %13d %12d %7d %9.1f%n", category,
                    byService.getOrDefault("certification", 0), byService.getOrDefault("registration", 0),
                    byService.getOrDefault("eligibility", 0),
                    byService.values().stream().mapToInt(Integer::intValue).sum(),
                    latency.containsKey(category) ? latency.get(category).sum() / 1e9 : 0.0));
            byService.forEach((s, n) -> totals.merge(s, n, Integer::sum));
        });
        table.append(String.format("%-24s %14d %13d %12d %7d%n", "total", totals.getOrDefault("certification", 0),
                totals.getOrDefault("registration", 0), totals.getOrDefault("eligibility", 0), probes.size()));
        long operations = probes.stream().filter(p -> !p.category().equals("wrong-method"))
                .map(p -> p.service() + p.operation()).distinct().count();
        table.append(operations).append(" operations; answered 200 with the element rejected (batches): ")
                .append(new TreeMap<>(perItem)).append('\n');
        System.out.println(table);
    }

    // --------------------------------------------------------------------------------------- data and snapshots

    /** A published CQPI, transmitted, with a registration requested: ids for the path parameters. */
    private static void seed() throws Exception {
        LocalSuite.Answer created = write("certification", "POST", "/certifications", """
                {"kind": "CQPI", "title": "CQPI Sweep", "cpnes": [{"name": "CPNE de la chaussure", "idcc": "1580"},
                 {"name": "CPNE de la maroquinerie", "idcc": "2528"}], "nsfCodes": ["200r"], "romeCodes": ["H2102"]}""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asText();
        for (String[] framework : List.of(
                new String[] {"activities", "{\"workSituations\": [\"a\"], \"activities\": [\"b\"], "
                        + "\"targetedJobs\": [{\"title\": \"c\", \"romeCode\": \"H2102\"}], "
                        + "\"effectiveDate\": \"2020-01-01\"}"},
                new String[] {"skills", "{\"blocks\": [{\"code\": \"BC01\", \"title\": \"t\", "
                        + "\"skills\": [{\"label\": \"l\", \"transversal\": false}]}]}"},
                new String[] {"evaluation", "{\"items\": [{\"target\": \"BC01\", \"criteria\": [\"c\"], "
                        + "\"methods\": [\"m\"], \"tests\": \"t\"}]}"})) {
            LocalSuite.Answer added = write("certification", "PUT",
                    "/certifications/" + id + "/frameworks/" + framework[0], framework[1]);
            assertThat(added.status()).as(added.text()).isEqualTo(201);
        }
        LocalSuite.Answer published = write("certification", "POST", "/certifications/" + id + "/publication",
                null);
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        LocalSuite.Answer transmitted = write("registration", "PUT", "/certifications/" + id + "/transmission",
                "{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-2019-03-0142\"}");
        assertThat(transmitted.status()).as(transmitted.text()).isEqualTo(200);
        LocalSuite.Answer requested = write("registration", "POST", "/certifications/" + id + "/registrations",
                "{\"directory\": \"RNCP\", \"requestedOn\": \"2019-04-01\"}");
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        known.put("id", id);
        known.put("framework", "activities"); // the body of its documented example
        known.put("file", "registration-event-data.schema.json");
        known.put("rid", requested.json().at("/registration/id").asText());
        LocalSuite.Answer current = suite.get("certification", "/certifications/" + id);
        known.put("If-Match", current.text().isEmpty() ? "\"0\"" : "\"" + current.json().get("version").asText() + "\"");
    }

    /** A write of the seed, tried again when a loaded machine makes it time out (before the snapshot: no harm). */
    private static LocalSuite.Answer write(String service, String method, String path, String body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return suite.send(service, method, path, admin, body);
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits until the eligibility-service has applied everything, the seed included (the shared suite holds the other
     * tests' data too), and two snapshots a second apart agree; then returns the last.
     */
    private static Map<String, String> awaitStableSnapshot() throws Exception {
        Map<String, String> previous = snapshot();
        for (int i = 0; i < 60; i++) {
            Thread.sleep(1_000);
            Map<String, String> current = snapshot();
            if (current.equals(previous) && suite.caughtUp()) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    /** What the services hold, as their public read endpoints show it, and the topics' end offsets. */
    private static Map<String, String> snapshot() throws Exception {
        Map<String, String> snapshot = new LinkedHashMap<>();
        snapshot.put("certifications", pages("certification", "/certifications?size=200&page="));
        snapshot.put("cpnes", suite.get("certification", "/cpnes").text());
        StringBuilder feed = new StringBuilder();
        long after = 0;
        while (true) {
            JsonNode page = suite.get("registration", "/events?limit=1000&after=" + after).json();
            feed.append(page.get("events"));
            if (page.get("events").isEmpty()) {
                break;
            }
            after = page.get("nextCursor").asLong();
        }
        snapshot.put("registration feed", feed.toString());
        if (known.containsKey("id")) {
            snapshot.put("registrations of the seed", suite.get("registration", "/certifications/" + known.get("id")
                    + "/registrations").text());
        }
        snapshot.put("eligibility read model", suite.get("eligibility", "/read-model").json().get("summary")
                .toString());
        snapshot.put("topics' end offsets", suite.endOffsets(TOPICS).toString());
        return snapshot;
    }

    private static String pages(String service, String path) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int page = 0; ; page++) {
            JsonNode answer = suite.get(service, path + page).json();
            all.append(answer.get("items"));
            if (answer.get("items").size() < 200) {
                return all.toString();
            }
        }
    }
}
