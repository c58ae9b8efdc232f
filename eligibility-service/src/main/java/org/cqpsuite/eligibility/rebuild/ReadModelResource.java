package org.cqpsuite.eligibility.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cqpsuite.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The read model itself: its checksum, and its rebuild from the topics. */
@Path("/read-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read model")
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "RS256 JWT signed by the suite's key; the rebuild needs groups [admin]")
public class ReadModelResource {

    /**
     * The read model's counts and checksum, and the last rebuild.
     *
     * @param summary counts and checksum
     * @param rebuild the last rebuild since this instance started
     */
    @Schema(name = "ReadModel")
    public record ReadModelView(ReadModelChecksum.Summary summary, RebuildStatus rebuild) {
    }

    private final ReadModelChecksum checksum;
    private final ReadModelRebuild rebuild;

    public ReadModelResource(ReadModelChecksum checksum, ReadModelRebuild rebuild) {
        this.checksum = checksum;
        this.rebuild = rebuild;
    }

    @GET
    @Operation(summary = "The read model's checksum and the last rebuild",
            description = "Counts of certifications, registrations and applied sequence numbers, and an MD5 of every "
                    + "row the answers depend on: two read models with the same checksum give the same answers (e.g. "
                    + "before and after a rebuild). Reads need no token.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReadModelView.class),
            examples = @ExampleObject(name = "after a rebuild", value = """
                    {"summary": {"certifications": 2611, "registrations": 2630, "appliedEvents": 5190,
                      "checksum": "5d41402abc4b2a76b9719d911017c592"},
                     "rebuild": {"state": "DONE", "startedAt": "2026-11-27T10:20:00.000Z",
                      "finishedAt": "2026-11-27T10:20:02.512Z", "target": 9120, "read": 9120, "applied": 5190,
                      "poison": 1, "eventsPerSecond": 3630.6, "error": null}}""")))
    @APIResponse(responseCode = "503", description = "The read model's database is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReadModelView get() {
        // The status first: a summary computed after it saw DONE includes everything the rebuild applied.
        RebuildStatus status = rebuild.status();
        return new ReadModelView(checksum.summary(), status);
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Rebuild the read model from the topics (admin)",
            description = "Empties the read model and replays `cqp.certification.events` and "
                    + "`cqp.registration.events` from their beginning, in the background; follow it with "
                    + "`GET /read-model` (state DONE, then compare the checksum). While it runs, answers are "
                    + "incomplete. Live consumption goes on beside it. Needs a token with the admin role "
                    + "(`./suite token admin`).")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class),
            examples = @ExampleObject(name = "started", value = """
                    {"state": "RUNNING", "startedAt": "2026-11-27T10:20:00.000Z", "finishedAt": null, "target": 9120,
                     "read": 0, "applied": 0, "poison": 0, "eventsPerSecond": 0.0, "error": null}""")))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token has not the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }
}
