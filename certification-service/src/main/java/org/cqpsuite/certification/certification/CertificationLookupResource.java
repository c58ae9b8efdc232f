package org.cqpsuite.certification.certification;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cqpsuite.certification.domain.Violation;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Many certifications by id in one request: what registration-service asks about the certifications of a directory
 * import batch (do they exist, of which kind), instead of one {@code GET /certifications/{id}} each. A read, so public
 * like the other reads; a POST because 500 ids do not fit in a URL.
 */
@Path("/certifications/lookups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certifications")
public class CertificationLookupResource {

    public static final int MAX_IDS = 500;

    static final String REQUEST_EXAMPLE = """
            {"ids": ["5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10", "0c7d2a8e-3b1f-4e6a-9d2c-7a5b4c3d2e1f"]}""";
    static final String ANSWER_EXAMPLE = """
            {"found": [{"id": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10", "kind": "CQP",
                        "title": "CQP Technicien de maintenance", "status": "PUBLISHED", "source": "DIRECTORY_IMPORT",
                        "directoryCode": "RNCP34486", "externalReference": null,
                        "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "3248"}], "carryingBranches": ["3248"],
                        "nsfCodes": ["250r"], "romeCodes": ["I1304"], "createdOn": "2026-01-31",
                        "updatedAt": "2026-01-31T09:15:02.123456Z", "version": 1,
                        "frameworks": {"activities": null, "skills": null, "evaluation": null}}],
             "unknown": ["0c7d2a8e-3b1f-4e6a-9d2c-7a5b4c3d2e1f"]}""";

    /** The ids asked. */
    @Schema(name = "CertificationLookupRequest")
    public record Request(@Schema(description = "1 to 500 certification ids", required = true,
            maxItems = MAX_IDS, minItems = 1) List<UUID> ids) {
    }

    /** The certifications found, in the order asked, and the ids of none. */
    @Schema(name = "CertificationLookupResponse")
    public record Answer(
            @Schema(description = "The certifications that exist, whatever their status, as GET /certifications/{id} "
                    + "returns them, in the order asked (an id asked twice once)") List<CertificationView> found,
            @Schema(description = "The ids asked of no certification, in the order asked") List<UUID> unknown) {
    }

    @Inject
    CertificationService certifications;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Get many certifications by id", description = "The certifications of 1 to 500 ids, "
            + "whatever their status, as GET /certifications/{id} returns them, and the ids of no certification. "
            + "Used by registration-service for a directory import batch: one request instead of one per "
            + "certification. A read: no token needed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Request.class),
            examples = @ExampleObject(name = "two ids", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The certifications found and the ids unknown",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class),
                    examples = @ExampleObject(name = "one found, one unknown", value = ANSWER_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No body, ids missing, empty, longer than 500, or not UUIDs",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Answer lookup(Request request) {
        if (request == null || request.ids() == null) {
            throw ProblemException.invalid("ids", Violation.REQUIRED, "is required: an array of 1 to " + MAX_IDS
                    + " certification ids, e.g. {\"ids\": [\"5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10\"]}");
        }
        if (request.ids().isEmpty() || request.ids().size() > MAX_IDS) {
            throw ProblemException.invalid("ids", "size", "must hold 1 to " + MAX_IDS + " ids (found "
                    + request.ids().size() + ")");
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        for (int i = 0; i < request.ids().size(); i++) {
            if (request.ids().get(i) == null) {
                missing.add(new Problem.FieldError("ids[" + i + "]", Violation.REQUIRED, "must be a certification id"));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        List<CertificationView> found = certifications.getAll(request.ids());
        Set<UUID> known = new HashSet<>();
        found.forEach(view -> known.add(view.id()));
        List<UUID> unknown = new LinkedHashSet<>(request.ids()).stream().filter(id -> !known.contains(id)).toList();
        return new Answer(found, unknown);
    }
}
