package org.cqpsuite.registration.certification;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for certification-service's {@code GET /certifications/{id}} and {@code POST /certifications/lookups}, on
 * a free port: tests say what it answers
 * for an id (a status, or an HTTP error) and can stop it to simulate an outage. The end-to-end test (issue 5) runs
 * the same path against the real certification-service.
 */
public class CertificationServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> STATUSES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> ERRORS = new ConcurrentHashMap<>();
    private static final Map<String, String> KINDS = new ConcurrentHashMap<>();
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    private static HttpServer server;

    /** certification-service will answer this certification with this status (DRAFT, PUBLISHED, RETIRED). */
    public static void certification(String id, String status) {
        STATUSES.put(id, status);
        ERRORS.remove(id);
    }

    /** certification-service will answer this certification, of this kind (CQP, CQPI, OTHER), with this status. */
    public static void certification(String id, String status, String kind) {
        KINDS.put(id, kind);
        certification(id, status);
    }

    /** How many times registration-service asked for this certification. */
    public static int requests(String id) {
        java.util.concurrent.atomic.AtomicInteger count = REQUESTS.get(id);
        return count == null ? 0 : count.get();
    }

    /** certification-service will answer this HTTP error for this certification. */
    public static void failing(String id, int httpStatus) {
        ERRORS.put(id, httpStatus);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // POST /certifications/lookups: many at once. One id answering an error makes the whole request answer it
        // (the client then asks one by one, as it does when the real service fails).
        server.createContext("/certifications/lookups", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            java.util.List<String> ids = new java.util.ArrayList<>();
            java.util.regex.Matcher uuid = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}").matcher(request);
            while (uuid.find()) {
                ids.add(uuid.group());
            }
            ids.forEach(id -> REQUESTS.computeIfAbsent(id, key -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet());
            int status = 200;
            String body;
            java.util.Optional<String> failing = ids.stream().filter(ERRORS::containsKey).findFirst();
            if (failing.isPresent()) {
                status = ERRORS.get(failing.get());
                body = "{\"status\": " + status + "}";
            } else {
                body = "{\"found\": [" + String.join(", ", ids.stream().filter(STATUSES::containsKey)
                        .map(CertificationServiceStub::json).toList()) + "], \"unknown\": ["
                        + String.join(", ", ids.stream().filter(id -> !STATUSES.containsKey(id))
                                .map(id -> "\"" + id + "\"").toList()) + "]}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/certifications/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/certifications/".length());
            REQUESTS.computeIfAbsent(id, key -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            int status;
            String body;
            if (ERRORS.containsKey(id)) {
                status = ERRORS.get(id);
                body = "{\"status\": " + status + "}";
            } else if (STATUSES.containsKey(id)) {
                status = 200;
                body = json(id);
            } else {
                status = 404;
                body = "{\"type\": \"urn:cqp-suite:problem:not-found\", \"status\": 404}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.certification-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String json(String id) {
        return "{\"id\": \"" + id + "\", \"kind\": \"" + KINDS.getOrDefault(id, "CQP") + "\", \"title\": \"Commis de cuisine\", \"status\": \""
                + STATUSES.get(id) + "\", \"carryingBranches\": [\"1979\"], \"version\": 3, \"source\": \"API\"}";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
