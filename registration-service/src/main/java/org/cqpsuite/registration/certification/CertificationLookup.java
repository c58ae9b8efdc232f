package org.cqpsuite.registration.certification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Checks with certification-service that a certification exists and is published before a registration write
 * (a draft cannot be transmitted). When certification-service cannot answer, the write is refused with 503 and
 * Retry-After, and nothing is written.
 */
@ApplicationScoped
public class CertificationLookup {

    private static final Logger LOG = Logger.getLogger(CertificationLookup.class);
    static final String RETRY_AFTER_SECONDS = "10";

    private final CertificationServiceClient client;

    CertificationLookup(@RestClient CertificationServiceClient client) {
        this.client = client;
    }

    /** The certification, published; 404 when unknown, 409 when not published, 503 when unreachable. */
    public CertificationSummary requirePublished(UUID id) {
        CertificationSummary certification = require(id);
        if (!certification.published()) {
            throw new ProblemException(Problem.of(409, "certification-not-published", "Conflict",
                    "The certification " + id + " is " + certification.status() + ": only a published certification "
                            + "is transmitted to France compétences and registered. Publish it in "
                            + "certification-service first."));
        }
        return certification;
    }

    /** The certification whatever its status; 404 when unknown, 503 when certification-service cannot answer. */
    public CertificationSummary require(UUID id) {
        RestResponse<CertificationSummary> response;
        try {
            response = client.get(id);
        } catch (RuntimeException e) {
            // Timeout, open circuit, refused connection, unreadable answer: after the retries.
            LOG.warnf("certification-service did not answer for certification %s: %s", id, e.toString());
            throw unavailable();
        }
        if (response.getStatus() == 200 && response.getEntity() != null) {
            return response.getEntity();
        }
        if (response.getStatus() == 404) {
            throw ProblemException.notFound("certification-service knows no certification " + id + ".");
        }
        LOG.warnf("certification-service answered %d for certification %s", response.getStatus(), id);
        throw unavailable();
    }

    /** What certification-service answered for one certification, for batch writes that go on whatever it says. */
    public sealed interface Answer {
    }

    /** It exists (whatever its status). */
    public record Found(CertificationSummary certification) implements Answer {
    }

    /** certification-service knows no such certification. */
    public record Unknown() implements Answer {
    }

    /** certification-service could not answer (after the retries): try again later. */
    public record Unavailable() implements Answer {
    }

    /** As {@link #require}, without throwing: for the directory import, where one answer must not fail a batch. */
    public Answer find(UUID id) {
        try {
            return new Found(require(id));
        } catch (ProblemException e) {
            return e.problem().status() == 404 ? new Unknown() : new Unavailable();
        }
    }

    /** Ids asked per request of {@link #findAll}: certification-service's limit. */
    static final int MAX_LOOKUP = 500;

    /**
     * As {@link #find} for many certifications, in one request per {@value #MAX_LOOKUP} ids. If a request fails, or
     * certification-service does not answer for every id (an older version without the endpoint), its ids are asked
     * one by one, so that one certification that cannot be answered does not make the others unavailable.
     */
    public Map<UUID, Answer> findAll(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(new LinkedHashSet<>(ids));
        Map<UUID, Answer> answers = new HashMap<>();
        for (int from = 0; from < all.size(); from += MAX_LOOKUP) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + MAX_LOOKUP));
            Map<UUID, Answer> answered = lookUp(chunk);
            for (UUID id : chunk) {
                Answer answer = answered.get(id);
                answers.put(id, answer != null ? answer : find(id));
            }
        }
        return answers;
    }

    private Map<UUID, Answer> lookUp(List<UUID> ids) {
        Map<UUID, Answer> answers = new HashMap<>();
        RestResponse<CertificationServiceClient.Lookup> response;
        try {
            response = client.lookup(new CertificationServiceClient.LookupRequest(ids));
        } catch (RuntimeException e) {
            LOG.warnf("certification-service did not answer for %d certifications: %s; asking one by one", ids.size(),
                    e.toString());
            return answers;
        }
        // The entity is read only from a 200 (an error's body is not a Lookup).
        CertificationServiceClient.Lookup lookup = response.getStatus() == 200 ? response.getEntity() : null;
        if (lookup == null || lookup.found() == null || lookup.unknown() == null) {
            LOG.warnf("certification-service answered %d for %d certifications; asking one by one",
                    response.getStatus(), ids.size());
            return answers;
        }
        lookup.found().forEach(certification -> answers.put(certification.id(), new Found(certification)));
        lookup.unknown().forEach(id -> answers.putIfAbsent(id, new Unknown()));
        return answers;
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "certification-service-unavailable", "Service unavailable",
                "certification-service cannot be reached to check the certification; nothing was written. Retry in "
                        + RETRY_AFTER_SECONDS + " seconds."), Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
