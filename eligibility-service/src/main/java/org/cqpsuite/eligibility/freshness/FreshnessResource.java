package org.cqpsuite.eligibility.freshness;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cqpsuite.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How fresh the answers are. */
@Path("/freshness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read model", description = "Freshness, checksum and rebuild of the eligibility read model")
public class FreshnessResource {

    private final FreshnessService freshness;

    public FreshnessResource(FreshnessService freshness) {
        this.freshness = freshness;
    }

    @GET
    @Operation(summary = "How fresh the read model is",
            description = "Per topic: the time of the last applied event, the counts of applied, ignored (duplicate "
                    + "or late) and after-gap events, and the consumer lag (records not yet consumed). The same figures "
                    + "are in `/q/health/ready` under `eligibility-read-model`. Reads need no token.")
    @APIResponse(responseCode = "200", description = "The freshness", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FreshnessView.class),
            examples = @ExampleObject(name = "up to date", value = """
                    {"dataAsOf": "2026-11-27T10:15:02.123456Z", "lagError": null, "topics": [
                      {"topic": "cqp.certification.events", "lastEventTime": "2026-11-27T10:14:58.301224Z",
                       "lastAppliedAt": "2026-11-27T10:14:58.352Z", "applied": 412, "ignored": 3, "gaps": 0, "lag": 0},
                      {"topic": "cqp.registration.events", "lastEventTime": "2026-11-27T10:15:02.123456Z",
                       "lastAppliedAt": "2026-11-27T10:15:02.170Z", "applied": 268, "ignored": 0, "gaps": 0, "lag": 0}]}""")))
    @APIResponse(responseCode = "503", description = "The read model's database is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FreshnessView get() {
        return freshness.freshness();
    }
}
