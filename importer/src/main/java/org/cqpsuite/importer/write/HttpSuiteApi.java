package org.cqpsuite.importer.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The import endpoints over HTTP, with the admin token. A batch that the service could not take (connection refused,
 * 502/503/504) is retried with a growing pause, a few times; any other non-200 answer stops the import with the
 * service's problem+json, since it means the importer and the service disagree (a bug, not bad data).
 */
public final class HttpSuiteApi implements SuiteApi {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final int ATTEMPTS = 6;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI certificationService;
    private final URI registrationService;
    private final String token;

    public HttpSuiteApi(URI certificationService, URI registrationService, String token) {
        this.certificationService = certificationService;
        this.registrationService = registrationService;
        this.token = token;
    }

    @Override
    public List<ImportOutcome> importCertifications(List<CertificationItem> items) {
        JsonNode answer = post(certificationService.resolve("/directory-imports/certifications"),
                Map.of("items", items));
        return outcomes(answer, "directoryCode", "id");
    }

    @Override
    public List<ImportOutcome> importRegistrations(LocalDate exportDate, List<RegistrationItem> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exportDate", exportDate);
        body.put("items", items);
        return outcomes(post(registrationService.resolve("/directory-imports/registrations"), body), "code",
                "registrationId");
    }

    private static List<ImportOutcome> outcomes(JsonNode answer, String codeField, String idField) {
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (JsonNode result : answer.path("results")) {
            List<String> events = new ArrayList<>();
            result.path("events").forEach(e -> events.add(e.asText()));
            List<String> errors = new ArrayList<>();
            result.path("errors").forEach(e -> errors.add(e.path("field").asText() + ": "
                    + e.path("message").asText() + " (" + e.path("rule").asText() + ")"));
            JsonNode id = result.path(idField);
            outcomes.add(new ImportOutcome(result.path(codeField).asText(null),
                    id.isTextual() ? UUID.fromString(id.asText()) : null, result.path("outcome").asText(), events,
                    errors));
        }
        return outcomes;
    }

    private JsonNode post(URI uri, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the batch as JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        Duration pause = Duration.ofMillis(500);
        for (int attempt = 1;; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
                boolean transient_ = response.statusCode() == 502 || response.statusCode() == 503
                        || response.statusCode() == 504;
                if (!transient_ || attempt == ATTEMPTS) {
                    throw new SuiteApiException(uri + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new SuiteApiException("Cannot reach " + uri + ": " + e.getMessage()
                            + " (is the suite up? ./suite up)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteApiException("Interrupted while calling " + uri);
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteApiException("Interrupted while calling " + uri);
            }
            pause = pause.multipliedBy(2);
        }
    }

    /** The suite refused or could not take a batch: the import stops (nothing of that batch is half-written). */
    public static final class SuiteApiException extends RuntimeException {
        public SuiteApiException(String message) {
            super(message);
        }
    }
}
