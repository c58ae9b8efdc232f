package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cqpsuite.infra.SuiteTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 8, the authorisation matrix: every write operation of the three services (every POST, PUT, PATCH and DELETE
 * of their OpenAPI documents) × every kind of caller — no token, an expired one, one signed with another key, one of
 * another issuer, an unsigned one ({@code alg: none}), one without role, one with an unknown role, a certifier of the
 * certification's branch, a certifier of another branch, a registrar, an admin — against the real suite.
 *
 * <p>Only the combinations of {@link #EXPECTATIONS} succeed (2xx, with a valid body on a real target, so that the
 * success is real); the others get 401 (no valid token) or 403 (a valid token whose role or branches do not allow
 * it), as {@code application/problem+json}, and change nothing: the target reads the same before and after (body and
 * ETag), and no event reaches either topic while the refused requests are sent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedSuite.class)
class AuthorisationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOPICS = List.of("cqp.certification.events", "cqp.registration.events");
    /** Branch A carries every target certification; a certifier of branch B is a stranger to them. */
    private static final String BRANCH_A = "3248";
    private static final String BRANCH_B = "1979";

    private static final String CERTIFIER = "certifier";
    private static final String REGISTRAR = "registrar";
    private static final String ADMIN = "admin";

    /** Who may call each write operation: its roles, and whether a certifier must be of the certification's branch. */
    record Expectation(Set<String> roles, boolean branchScoped) {
        static Expectation anyone() {
            return new Expectation(null, false);
        }

        static Expectation roles(boolean branchScoped, String... roles) {
            return new Expectation(Set.of(roles), branchScoped);
        }

        boolean isPublic() {
            return roles == null;
        }
    }

    /**
     * The expectation table: {@code service METHOD path} (as in the service's OpenAPI document) → who may call it. A
     * write operation missing here fails {@link #everyWriteOperationOfTheOpenApiDocumentsIsInTheMatrix()}.
     */
    static final Map<String, Expectation> EXPECTATIONS = new LinkedHashMap<>();

    static {
        EXPECTATIONS.put("certification POST /certifications", Expectation.roles(true, CERTIFIER, ADMIN));
        EXPECTATIONS.put("certification PUT /certifications/{id}", Expectation.roles(true, CERTIFIER, ADMIN));
        EXPECTATIONS.put("certification POST /certifications/{id}/publication", Expectation.roles(true, CERTIFIER, ADMIN));
        EXPECTATIONS.put("certification POST /certifications/{id}/retirement", Expectation.roles(true, CERTIFIER, ADMIN));
        EXPECTATIONS.put("certification PUT /certifications/{id}/frameworks/{framework}",
                Expectation.roles(true, CERTIFIER, ADMIN));
        EXPECTATIONS.put("certification POST /directory-imports/certifications", Expectation.roles(false, ADMIN));
        EXPECTATIONS.put("registration PUT /certifications/{id}/transmission", Expectation.roles(false, REGISTRAR, ADMIN));
        EXPECTATIONS.put("registration POST /certifications/{id}/registrations", Expectation.roles(true, CERTIFIER, ADMIN));
        EXPECTATIONS.put("registration POST /registrations/{rid}/decision", Expectation.roles(false, REGISTRAR, ADMIN));
        EXPECTATIONS.put("registration POST /registrations/{rid}/withdrawal", Expectation.roles(false, REGISTRAR, ADMIN));
        EXPECTATIONS.put("registration POST /registrations/{rid}/renewal", Expectation.roles(false, REGISTRAR, ADMIN));
        EXPECTATIONS.put("registration POST /directory-imports/registrations", Expectation.roles(false, ADMIN));
        // Questions sent as a POST (up to 1 000 codes, 500 ids): public like every read.
        EXPECTATIONS.put("eligibility POST /eligibility/cpf/batch", Expectation.anyone());
        EXPECTATIONS.put("certification POST /certifications/lookups", Expectation.anyone());
        EXPECTATIONS.put("eligibility POST /read-model/rebuild", Expectation.roles(false, ADMIN));
    }

    /** A caller: its token (null: none), its role and branches when the token is valid, null role otherwise. */
    record Caller(String name, String token, boolean authenticated, String role, String idcc) {
    }

    /** A request: method, path, body (null: none), extra headers. */
    record Call(String method, String path, String body, Map<String, String> headers) {
    }

    /** An answer, with the headers that matter here. */
    record Answer(int status, String contentType, String etag, String text) {
        JsonNode json() throws Exception {
            return JSON.readTree(text);
        }
    }

    /** One write operation, with how to make a target for it, call it, and read the target back. */
    interface Operation {
        /** A new target (ids of the resources it acts on); called once per success when {@link #consumes()}. */
        Map<String, String> prepare() throws Exception;

        Call call(Map<String, String> target, int n) throws Exception;

        /** What a refused call must leave unchanged: the target's GET answers (status, ETag, body). */
        String observe(Map<String, String> target) throws Exception;

        /** Whether a success uses the target up (a decision, a publication...): each allowed caller then gets its own. */
        default boolean consumes() {
            return false;
        }

        /** Beyond a 2xx, what a real success shows in the answer (e.g. an import's item CREATED, not REJECTED). */
        default void checkSuccess(Answer answer) throws Exception {
        }
    }

    private static LocalSuite suite;
    private static KeyPair keys;
    private static String admin;
    private static String registrar;
    private static final List<Caller> CALLERS = new ArrayList<>();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** RNCP50000 and above: no real code (demo data, the other tests' imports) is that high yet. */
    private static final long CODE_BASE = System.nanoTime() % 9_000 + 50_000;
    // HTTP/1.1 without the h2c upgrade: once, the JDK client read the answer to its upgrade request as HTTP/2 frames.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void up(LocalSuite shared) throws Exception {
        suite = shared;
        keys = SuiteTokens.loadOrCreate(suite.home.resolve(SuiteTokens.KEYS_DIR));
        admin = SuiteTokens.token(keys.getPrivate(), ADMIN, List.of(), "admin@authz", Duration.ofHours(1));
        registrar = SuiteTokens.token(keys.getPrivate(), REGISTRAR, List.of(), "fc@authz", Duration.ofHours(1));

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair stranger = rsa.generateKeyPair();
        Instant now = Instant.now();
        // The invalid tokens carry the admin role: whatever they claim, they must not get in.
        Map<String, Object> expired = SuiteTokens.claims(ADMIN, List.of(), "admin@authz", now.minus(Duration.ofHours(2)),
                Duration.ofHours(1));
        Map<String, Object> otherIssuer = SuiteTokens.claims(ADMIN, List.of(), "admin@authz", now, Duration.ofHours(1));
        otherIssuer.put("iss", "someone-else");
        Map<String, Object> noRole = SuiteTokens.claims(CERTIFIER, List.of(BRANCH_A), "nobody@authz", now,
                Duration.ofHours(1));
        noRole.put("groups", List.of());
        Map<String, Object> unknownRole = SuiteTokens.claims(CERTIFIER, List.of(BRANCH_A), "auditor@authz", now,
                Duration.ofHours(1));
        unknownRole.put("groups", List.of("auditor"));

        CALLERS.add(new Caller("no token", null, false, null, null));
        CALLERS.add(new Caller("expired", SuiteTokens.sign(keys.getPrivate(), expired), false, null, null));
        CALLERS.add(new Caller("other key", SuiteTokens.sign(stranger.getPrivate(),
                SuiteTokens.claims(ADMIN, List.of(), "admin@authz", now, Duration.ofHours(1))), false, null, null));
        CALLERS.add(new Caller("other issuer", SuiteTokens.sign(keys.getPrivate(), otherIssuer), false, null, null));
        CALLERS.add(new Caller("alg none", unsigned(SuiteTokens.claims(ADMIN, List.of(), "admin@authz", now,
                Duration.ofHours(1))), false, null, null));
        CALLERS.add(new Caller("no role", SuiteTokens.sign(keys.getPrivate(), noRole), true, "", BRANCH_A));
        CALLERS.add(new Caller("unknown role", SuiteTokens.sign(keys.getPrivate(), unknownRole), true, "auditor",
                BRANCH_A));
        CALLERS.add(new Caller("certifier A", SuiteTokens.token(keys.getPrivate(), CERTIFIER, List.of(BRANCH_A),
                "cpne-a@authz", Duration.ofHours(1)), true, CERTIFIER, BRANCH_A));
        CALLERS.add(new Caller("certifier B", SuiteTokens.token(keys.getPrivate(), CERTIFIER, List.of(BRANCH_B),
                "cpne-b@authz", Duration.ofHours(1)), true, CERTIFIER, BRANCH_B));
        CALLERS.add(new Caller("registrar", registrar, true, REGISTRAR, null));
        CALLERS.add(new Caller("admin", admin, true, ADMIN, null));
    }

    @Test
    @Order(1)
    void everyWriteOperationOfTheOpenApiDocumentsIsInTheMatrix() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (String service : LocalSuite.SERVICES) {
            Answer openapi = send(service, new Call("GET", "/q/openapi?format=json", null, Map.of()), null);
            assertThat(openapi.status()).as(openapi.text()).isEqualTo(200);
            openapi.json().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> {
                        if (Set.of("post", "put", "patch", "delete").contains(method)) {
                            documented.add(service + " " + method.toUpperCase() + " " + path.getKey());
                        }
                    }));
        }
        assertThat(documented).as("write operations of the OpenAPI documents missing from the matrix's table")
                .isSubsetOf(EXPECTATIONS.keySet());
        assertThat(EXPECTATIONS.keySet()).as("operations of the matrix's table that no OpenAPI document has")
                .isSubsetOf(documented);
        assertThat(operations().keySet()).isEqualTo(EXPECTATIONS.keySet());
    }

    @Test
    @Order(2)
    void onlyTheAllowedCallersSucceedAndTheOthersChangeNothing() throws Exception {
        long started = System.nanoTime();
        Map<String, Operation> operations = operations();
        // Targets: one per operation for the refused calls (reused by the first allowed caller), and one more per
        // further allowed caller when a success uses its target up. Operations are independent: prepared and called
        // in parallel, each operation's calls one after the other.
        Map<String, List<Map<String, String>>> targets = new LinkedHashMap<>();
        inParallel(operations.keySet(), name -> {
            Operation operation = operations.get(name);
            long allowed = CALLERS.stream().filter(c -> allowed(EXPECTATIONS.get(name), c)).count();
            List<Map<String, String>> list = new ArrayList<>();
            for (int i = 0; i < (operation.consumes() ? Math.max(1, allowed) : 1); i++) {
                list.add(operation.prepare());
            }
            synchronized (targets) {
                targets.put(name, list);
            }
            return List.of();
        });
        Map<String, Long> before = quietEndOffsets();
        System.out.printf("Authorisation matrix: targets ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        Map<String, Map<String, Integer>> matrix = new ConcurrentHashMap<>();
        // 1. Every refused call, each checked to change nothing of its target.
        List<String> failures = inParallel(operations.keySet(), name -> {
            Operation operation = operations.get(name);
            Map<String, String> target = targets.get(name).get(0);
            List<String> found = new ArrayList<>();
            for (Caller caller : CALLERS) {
                if (allowed(EXPECTATIONS.get(name), caller)) {
                    continue;
                }
                int expected = caller.authenticated() ? 403 : 401;
                String observedBefore = operation.observe(target);
                Answer answer = send(service(name), operation.call(target, SERIAL.incrementAndGet()), caller.token());
                matrix.computeIfAbsent(name, k -> new ConcurrentHashMap<>()).put(caller.name(), answer.status());
                if (answer.status() != expected) {
                    found.add(name + " by " + caller.name() + ": " + answer.status() + " instead of " + expected
                            + " " + answer.text());
                } else if (!answer.contentType().startsWith("application/problem+json")) {
                    found.add(name + " by " + caller.name() + ": " + expected + " as '" + answer.contentType()
                            + "', not application/problem+json: " + answer.text());
                }
                String observedAfter = operation.observe(target);
                if (!observedAfter.equals(observedBefore)) {
                    found.add(name + " by " + caller.name() + " (" + answer.status() + ") changed its target:\n  before "
                            + observedBefore + "\n  after  " + observedAfter);
                }
            }
            return found;
        });
        Thread.sleep(1_500); // the outbox relay publishes right after a commit: anything written would show by now
        Map<String, Long> afterRefusals = suite.endOffsets(TOPICS);
        if (!afterRefusals.equals(before)) {
            failures.add("refused calls published events: end offsets " + before + " → " + afterRefusals);
        }

        // 2. Every allowed call, on a target of its own when a success uses it up.
        failures.addAll(inParallel(operations.keySet(), name -> {
            Operation operation = operations.get(name);
            List<String> found = new ArrayList<>();
            int next = 0;
            for (Caller caller : CALLERS) {
                if (!allowed(EXPECTATIONS.get(name), caller)) {
                    continue;
                }
                Map<String, String> target = targets.get(name).get(operation.consumes() ? next++ : 0);
                Answer answer = send(service(name), operation.call(target, SERIAL.incrementAndGet()), caller.token());
                matrix.computeIfAbsent(name, k -> new ConcurrentHashMap<>()).put(caller.name(), answer.status());
                if (answer.status() / 100 != 2) {
                    found.add(name + " by " + caller.name() + ": " + answer.status() + " instead of a success "
                            + answer.text());
                } else {
                    try {
                        operation.checkSuccess(answer);
                    } catch (AssertionError e) {
                        found.add(name + " by " + caller.name() + ": " + answer.status() + " but " + e.getMessage());
                    }
                }
            }
            return found;
        }));

        Map<String, Map<String, Integer>> ordered = new LinkedHashMap<>();
        operations.keySet().forEach(name -> ordered.put(name, matrix.getOrDefault(name, Map.of())));
        int cases = ordered.values().stream().mapToInt(Map::size).sum();
        print("Authorisation matrix (operation × caller → status): " + cases + " cases, "
                + (System.nanoTime() - started) / 1_000_000 + " ms with the targets' preparation", ordered);
        assertThat(failures).as("authorisation failures").isEmpty();
        assertThat(cases).isEqualTo(EXPECTATIONS.size() * CALLERS.size());
        Map<String, Long> afterSuccesses = quietEndOffsets();
        for (String topic : TOPICS) {
            assertThat(afterSuccesses.get(topic)).as("events of the allowed writes on %s", topic)
                    .isGreaterThan(afterRefusals.get(topic));
        }
    }

    private interface PerOperation {
        List<String> run(String operation) throws Exception;
    }

    /** Runs {@code task} for each operation on a few threads; the failures they found, in the operations' order. */
    private static List<String> inParallel(Collection<String> operations, PerOperation task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (String operation : operations) {
                futures.add(threads.submit(() -> task.run(operation)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                try {
                    failures.addAll(future.get(5, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw (Error) e.getCause();
                }
            }
            return failures;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * A certification carried by no branch — an OTHER without CPNE, as the directory import writes France compétences'
     * other certifications — is no certifier's, whatever its branches: an admin alone creates or changes it.
     */
    @Test
    @Order(3)
    void aCertificationCarriedByNoBranchIsChangedByAnAdminOnly() throws Exception {
        Answer imported = send("certification", post("/directory-imports/certifications", """
                {"items": [{"directoryCode": "RNCP%d", "kind": "OTHER", "title": "Titre professionnel Matrice"}]}"""
                .formatted(code())), admin);
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        String id = imported.json().at("/results/0/id").asText();
        String other = "{\"kind\": \"OTHER\", \"title\": \"Titre professionnel Matrice, renommé\"}";
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("POST /certifications (OTHER, no CPNE)", post("/certifications",
                "{\"kind\": \"OTHER\", \"title\": \"Titre professionnel Matrice créé\"}"));
        calls.put("PUT /certifications/{id} (no branch)", new Call("PUT", "/certifications/" + id, other,
                Map.of("If-Match", "\"0\"")));
        calls.put("PUT /certifications/{id}/frameworks/activities (no branch)", new Call("PUT", "/certifications/"
                + id + "/frameworks/activities", ACTIVITIES, Map.of()));
        calls.put("POST /certifications/{id}/retirement (no branch)", post("/certifications/" + id + "/retirement",
                null));
        Map<String, Long> before = quietEndOffsets();
        List<String> failures = new ArrayList<>();
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        for (Caller caller : CALLERS.stream().filter(c -> CERTIFIER.equals(c.role())).toList()) {
            for (Map.Entry<String, Call> call : calls.entrySet()) {
                Call sent = call.getValue();
                if (sent.headers().containsKey("If-Match")) {
                    sent = new Call(sent.method(), sent.path(), sent.body(), Map.of("If-Match",
                            send("certification", get("/certifications/" + id), null).etag()));
                }
                String observedBefore = read("certification", "/certifications/" + id)
                        + read("certification", "/certifications?size=1&q=Matrice%20cr%C3%A9%C3%A9");
                Answer answer = send("certification", sent, caller.token());
                matrix.computeIfAbsent(call.getKey(), k -> new LinkedHashMap<>()).put(caller.name(), answer.status());
                if (answer.status() != 403 || !answer.contentType().startsWith("application/problem+json")) {
                    failures.add(call.getKey() + " by " + caller.name() + ": " + answer.status() + " "
                            + answer.contentType() + " instead of 403 problem+json " + answer.text());
                }
                String observedAfter = read("certification", "/certifications/" + id)
                        + read("certification", "/certifications?size=1&q=Matrice%20cr%C3%A9%C3%A9");
                if (!observedAfter.equals(observedBefore)) {
                    failures.add(call.getKey() + " by " + caller.name() + " changed its target:\n  before "
                            + observedBefore + "\n  after  " + observedAfter);
                }
            }
        }
        Thread.sleep(1_500);
        Map<String, Long> after = suite.endOffsets(TOPICS);
        if (!after.equals(before)) {
            failures.add("refused calls published events: end offsets " + before + " → " + after);
        }
        for (String name : List.of("POST /certifications (OTHER, no CPNE)", "PUT /certifications/{id} (no branch)",
                "POST /certifications/{id}/retirement (no branch)")) {
            Call sent = calls.get(name);
            if (sent.headers().containsKey("If-Match")) {
                sent = new Call(sent.method(), sent.path(), sent.body(), Map.of("If-Match",
                        send("certification", get("/certifications/" + id), null).etag()));
            }
            Answer answer = send("certification", sent, admin);
            matrix.computeIfAbsent(name, k -> new LinkedHashMap<>()).put("admin", answer.status());
            if (answer.status() / 100 != 2) {
                failures.add(name + " by admin: " + answer.status() + " instead of a success " + answer.text());
            }
        }
        print("A certification of no branch (certifiers refused, admin allowed): "
                + matrix.values().stream().mapToInt(Map::size).sum() + " cases", matrix);
        assertThat(failures).as("authorisation failures on a certification of no branch").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ the operations

    private static Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("certification POST /certifications", new Operation() {
            public Map<String, String> prepare() {
                return Map.of();
            }

            public Call call(Map<String, String> target, int n) {
                return post("/certifications", definition("CQP Matrice création " + n));
            }

            public String observe(Map<String, String> target) throws Exception {
                return read("certification", "/certifications?size=1&q=" + "Matrice%20cr%C3%A9ation");
            }
        });
        ops.put("certification PUT /certifications/{id}", new Operation() {
            public Map<String, String> prepare() throws Exception {
                return Map.of("id", draft("CQP Matrice définition"));
            }

            public Call call(Map<String, String> target, int n) throws Exception {
                String etag = send("certification", get("/certifications/" + target.get("id")), null).etag();
                return new Call("PUT", "/certifications/" + target.get("id"),
                        definition("CQP Matrice définition, version " + n), Map.of("If-Match", etag));
            }

            public String observe(Map<String, String> target) throws Exception {
                return read("certification", "/certifications/" + target.get("id"));
            }
        });
        ops.put("certification POST /certifications/{id}/publication", new Operation() {
            public Map<String, String> prepare() throws Exception {
                String id = draft("CQP Matrice publication");
                addFrameworks(id);
                return Map.of("id", id);
            }

            public Call call(Map<String, String> target, int n) {
                return post("/certifications/" + target.get("id") + "/publication", null);
            }

            public String observe(Map<String, String> target) throws Exception {
                return read("certification", "/certifications/" + target.get("id"));
            }

            public boolean consumes() {
                return true;
            }
        });
        ops.put("certification POST /certifications/{id}/retirement", new Operation() {
            public Map<String, String> prepare() throws Exception {
                return Map.of("id", draft("CQP Matrice retrait"));
            }

            public Call call(Map<String, String> target, int n) {
                return post("/certifications/" + target.get("id") + "/retirement", null);
            }

            public String observe(Map<String, String> target) throws Exception {
                return read("certification", "/certifications/" + target.get("id"));
            }

            public boolean consumes() {
                return true;
            }
        });
        ops.put("certification PUT /certifications/{id}/frameworks/{framework}", new Operation() {
            public Map<String, String> prepare() throws Exception {
                return Map.of("id", draft("CQP Matrice référentiels"));
            }

            public Call call(Map<String, String> target, int n) {
                return new Call("PUT", "/certifications/" + target.get("id") + "/frameworks/activities",
                        ACTIVITIES, Map.of());
            }

            public String observe(Map<String, String> target) throws Exception {
                return read("certification", "/certifications/" + target.get("id"))
                        + read("certification", "/certifications/" + target.get("id")
                                + "/frameworks/activities/versions");
            }
        });
        ops.put("certification POST /directory-imports/certifications", new Operation() {
            public Map<String, String> prepare() {
                return Map.of();
            }

            public Call call(Map<String, String> target, int n) {
                return post("/directory-imports/certifications", """
                        {"items": [{"directoryCode": "RNCP%d", "kind": "CQP", "title": "CQP Matrice import %d",
                          "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "%s"}], "nsfCodes": ["254s"]}]}"""
                        .formatted(code(), n, BRANCH_A));
            }

            public String observe(Map<String, String> target) throws Exception {
                return read("certification", "/certifications?size=1&q=Matrice%20import");
            }

            public void checkSuccess(Answer answer) throws Exception {
                assertThat(answer.json().at("/results/0/outcome").asText()).as(answer.text()).isEqualTo("CREATED");
            }
        });
        ops.put("registration PUT /certifications/{id}/transmission", new Operation() {
            public Map<String, String> prepare() throws Exception {
                return Map.of("id", published("CQP Matrice transmission"));
            }

            public Call call(Map<String, String> target, int n) {
                return new Call("PUT", "/certifications/" + target.get("id") + "/transmission",
                        "{\"transmittedOn\": \"2021-03-01\", \"reference\": \"FC-2021-03-%04d\"}".formatted(n),
                        Map.of());
            }

            public String observe(Map<String, String> target) throws Exception {
                return read("registration", "/certifications/" + target.get("id") + "/registrations");
            }
        });
        ops.put("registration POST /certifications/{id}/registrations", new Operation() {
            public Map<String, String> prepare() throws Exception {
                String id = published("CQP Matrice demande");
                transmit(id);
                return Map.of("id", id);
            }

            public Call call(Map<String, String> target, int n) {
                return post("/certifications/" + target.get("id") + "/registrations",
                        "{\"directory\": \"RNCP\", \"requestedOn\": \"2021-03-10\"}");
            }

            public String observe(Map<String, String> target) throws Exception {
                return read("registration", "/certifications/" + target.get("id") + "/registrations");
            }

            public boolean consumes() {
                return true;
            }
        });
        ops.put("registration POST /registrations/{rid}/decision", new Operation() {
            public Map<String, String> prepare() throws Exception {
                return requested("CQP Matrice décision");
            }

            public Call call(Map<String, String> target, int n) {
                return post("/registrations/" + target.get("rid") + "/decision", decision(code(), "2022"));
            }

            public String observe(Map<String, String> target) throws Exception {
                return registrationState(target);
            }

            public boolean consumes() {
                return true;
            }
        });
        ops.put("registration POST /registrations/{rid}/withdrawal", new Operation() {
            public Map<String, String> prepare() throws Exception {
                return registered("CQP Matrice retrait d'enregistrement");
            }

            public Call call(Map<String, String> target, int n) {
                return post("/registrations/" + target.get("rid") + "/withdrawal",
                        "{\"effectiveOn\": \"2026-01-01\", \"reason\": \"Retrait à la demande de la CPNE\"}");
            }

            public String observe(Map<String, String> target) throws Exception {
                return registrationState(target);
            }

            public boolean consumes() {
                return true;
            }
        });
        ops.put("registration POST /registrations/{rid}/renewal", new Operation() {
            public Map<String, String> prepare() throws Exception {
                return registered("CQP Matrice renouvellement");
            }

            public Call call(Map<String, String> target, int n) {
                return post("/registrations/" + target.get("rid") + "/renewal", decision(code(), "2026"));
            }

            public String observe(Map<String, String> target) throws Exception {
                return registrationState(target);
            }

            public boolean consumes() {
                return true;
            }
        });
        ops.put("registration POST /directory-imports/registrations", new Operation() {
            public Map<String, String> prepare() throws Exception {
                return Map.of("id", published("CQP Matrice import d'enregistrement"), "code", "RNCP" + code());
            }

            public Call call(Map<String, String> target, int n) {
                return post("/directory-imports/registrations", """
                        {"exportDate": "2026-08-16", "items": [
                          {"certificationId": "%s", "kind": "CQP", "directory": "RNCP", "code": "%s", "active": true,
                           "registrationType": "ON_REQUEST", "decidedOn": "2022-06-01", "effectiveFrom": "2022-06-15",
                           "endsOn": "2027-06-14", "awardDeadline": null, "level": 4, "blocks": [],
                           "predecessorCodes": [], "successorCodes": []}]}""".formatted(target.get("id"),
                        target.get("code")));
            }

            public String observe(Map<String, String> target) throws Exception {
                return read("registration", "/certifications/" + target.get("id") + "/registrations")
                        + read("registration", "/registrations?code=" + target.get("code"));
            }

            public void checkSuccess(Answer answer) throws Exception {
                assertThat(answer.json().at("/results/0/outcome").asText()).as(answer.text()).isEqualTo("CREATED");
            }
        });
        ops.put("certification POST /certifications/lookups", new Operation() {
            public Map<String, String> prepare() {
                return Map.of();
            }

            public Call call(Map<String, String> target, int n) {
                return post("/certifications/lookups", "{\"ids\": [\"" + UUID.randomUUID() + "\"]}");
            }

            public String observe(Map<String, String> target) {
                return "";
            }
        });
        ops.put("eligibility POST /eligibility/cpf/batch", new Operation() {
            public Map<String, String> prepare() {
                return Map.of();
            }

            public Call call(Map<String, String> target, int n) {
                return post("/eligibility/cpf/batch", "{\"date\": \"2024-01-15\", \"codes\": [\"RNCP34486\"]}");
            }

            public String observe(Map<String, String> target) {
                return "";
            }
        });
        ops.put("eligibility POST /read-model/rebuild", new Operation() {
            public Map<String, String> prepare() {
                return Map.of();
            }

            public Call call(Map<String, String> target, int n) {
                return post("/read-model/rebuild", null);
            }

            public String observe(Map<String, String> target) throws Exception {
                Answer answer = send("eligibility", get("/read-model"), null);
                return answer.status() + " " + answer.json().get("rebuild");
            }
        });
        return ops;
    }

    // ------------------------------------------------------------------------------------------------ the targets

    private static final String ACTIVITIES = """
            {"workSituations": ["Atelier"], "activities": ["Former des tôles"],
             "targetedJobs": [{"title": "Chaudronnier", "romeCode": "H2902"}]}""";

    private static String definition(String title) {
        return """
                {"kind": "CQP", "title": "%s",
                 "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "%s"}],
                 "nsfCodes": ["254s"], "romeCodes": ["H2902"]}""".formatted(title, BRANCH_A);
    }

    private static String decision(int code, String year) {
        int from = Integer.parseInt(year);
        return """
                {"outcome": "REGISTERED", "code": "RNCP%d", "registrationType": "ON_REQUEST",
                 "decidedOn": "%d-06-01", "effectiveFrom": "%d-06-15", "endsOn": "%d-06-14", "level": 4,
                 "blocks": []}""".formatted(code, from, from, from + 5);
    }

    private static int code() {
        return (int) CODE_BASE + SERIAL.incrementAndGet();
    }

    /** A draft CQP of branch A, written by an admin. */
    private static String draft(String title) throws Exception {
        Answer created = send("certification", post("/certifications", definition(title)), admin);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void addFrameworks(String id) throws Exception {
        for (String[] framework : List.of(
                new String[] {"activities", ACTIVITIES},
                new String[] {"skills", """
                        {"blocks": [{"code": "BC01", "title": "Former",
                          "skills": [{"label": "Former une tôle", "transversal": false}]}]}"""},
                new String[] {"evaluation", """
                        {"items": [{"target": "BC01", "criteria": ["La tôle est formée"],
                          "methods": ["Mise en situation professionnelle"], "tests": "Formage, 3 heures"}]}"""})) {
            Answer added = send("certification", new Call("PUT", "/certifications/" + id + "/frameworks/"
                    + framework[0], framework[1], Map.of()), admin);
            assertThat(added.status()).as(added.text()).isEqualTo(201);
        }
    }

    /** A published CQP of branch A. */
    private static String published(String title) throws Exception {
        String id = draft(title);
        addFrameworks(id);
        Answer published = send("certification", post("/certifications/" + id + "/publication", null), admin);
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        return id;
    }

    private static void transmit(String id) throws Exception {
        Answer transmitted = send("registration", new Call("PUT", "/certifications/" + id + "/transmission",
                "{\"transmittedOn\": \"2021-03-01\", \"reference\": \"FC-2021-03-0001\"}", Map.of()), registrar);
        assertThat(transmitted.status()).as(transmitted.text()).isEqualTo(200);
    }

    /** A published, transmitted CQP of branch A with a registration requested in the RNCP. */
    private static Map<String, String> requested(String title) throws Exception {
        String id = published(title);
        transmit(id);
        Answer requested = send("registration", post("/certifications/" + id + "/registrations",
                "{\"directory\": \"RNCP\", \"requestedOn\": \"2021-03-10\"}"), admin);
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        return Map.of("id", id, "rid", requested.json().at("/registration/id").asText());
    }

    /** The same, registered from 2022-06-15 to 2027-06-14. */
    private static Map<String, String> registered(String title) throws Exception {
        Map<String, String> target = requested(title);
        Answer decided = send("registration", post("/registrations/" + target.get("rid") + "/decision",
                decision(code(), "2022")), registrar);
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        return target;
    }

    private static String registrationState(Map<String, String> target) throws Exception {
        return read("registration", "/registrations/" + target.get("rid"))
                + read("registration", "/certifications/" + target.get("id") + "/registrations");
    }

    // ------------------------------------------------------------------------------------------------ the rules

    private static boolean allowed(Expectation expectation, Caller caller) {
        if (expectation.isPublic()) {
            return true;
        }
        if (!caller.authenticated() || !expectation.roles().contains(caller.role())) {
            return false;
        }
        return !expectation.branchScoped() || !CERTIFIER.equals(caller.role()) || BRANCH_A.equals(caller.idcc());
    }

    private static String service(String operation) {
        return operation.substring(0, operation.indexOf(' '));
    }

    /** A JWT with header {@code {"alg":"none"}} and no signature. */
    private static String unsigned(Map<String, Object> claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signed = SuiteTokens.sign(keys.getPrivate(), claims);
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + signed.split("\\.")[1] + ".";
    }

    // ------------------------------------------------------------------------------------------------ HTTP, Kafka

    private static Call get(String path) {
        return new Call("GET", path, null, Map.of());
    }

    private static Call post(String path, String body) {
        return new Call("POST", path, body, Map.of());
    }

    /** A GET answer as a comparable text: status, ETag and body. */
    private static String read(String service, String path) throws Exception {
        Answer answer = send(service, get(path), null);
        return "[" + path + " " + answer.status() + " " + answer.etag() + " " + answer.text() + "]";
    }

    private static Answer send(String service, Call call, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + suite.ports.get(service)
                + call.path())).timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.body() != null) {
            request.header("Content-Type", "application/json");
        }
        call.headers().forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("ETag").orElse(null), response.body());
    }

    /** The topics' end offsets once they have stopped moving (the targets' events all published). */
    private static Map<String, Long> quietEndOffsets() throws Exception {
        Map<String, Long> last = suite.endOffsets(TOPICS);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            Map<String, Long> now = suite.endOffsets(TOPICS);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static void print(String title, Map<String, Map<String, Integer>> matrix) {
        List<Caller> columns = CALLERS.stream()
                .filter(c -> matrix.values().stream().anyMatch(row -> row.containsKey(c.name()))).toList();
        int width = matrix.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder out = new StringBuilder(title + ":\n");
        out.append(String.format("%-" + width + "s", "operation \\ caller"));
        columns.forEach(c -> out.append(String.format(" | %-12s", c.name())));
        out.append('\n');
        matrix.forEach((operation, row) -> {
            out.append(String.format("%-" + width + "s", operation));
            columns.forEach(c -> out.append(String.format(" | %-12s", row.containsKey(c.name())
                    ? row.get(c.name()) : "-")));
            out.append('\n');
        });
        System.out.println(out);
    }
}
