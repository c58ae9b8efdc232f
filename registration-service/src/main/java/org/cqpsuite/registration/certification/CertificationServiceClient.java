package org.cqpsuite.registration.certification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * certification-service's API, as registration-service needs it: does the certification exist, is it published?
 * Error statuses come back as responses (not exceptions), so that only transport failures and timeouts are retried
 * and counted by the circuit breaker.
 */
@RegisterRestClient(configKey = "certification-service")
@Path("/certifications")
@Produces(MediaType.APPLICATION_JSON)
public interface CertificationServiceClient {

    @GET
    @Path("/{id}")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    RestResponse<CertificationSummary> get(@PathParam("id") UUID id);

    /** {@code POST /certifications/lookups}: up to 500 certifications in one request (the directory import). */
    @POST
    @Path("/lookups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    RestResponse<Lookup> lookup(LookupRequest request);

    /** The ids asked. */
    record LookupRequest(List<UUID> ids) {
    }

    /** The certifications found (whatever their status) and the ids of none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lookup(List<CertificationSummary> found, List<UUID> unknown) {
    }
}
