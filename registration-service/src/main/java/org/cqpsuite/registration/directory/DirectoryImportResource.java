package org.cqpsuite.registration.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.cqpsuite.registration.domain.DirectoryFiche;
import org.cqpsuite.registration.domain.DirectoryImportRules;
import org.cqpsuite.registration.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The directory importer's bulk write: the registrations found in France compétences' RNCP/RS exports. */
@Path("/directory-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory import", description = "Registrations found in France compétences' RNCP and RS exports")
public class DirectoryImportResource {

    static final String REQUEST_EXAMPLE = """
            {"exportDate": "2026-08-16",
             "items": [
              {"certificationId": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10", "kind": "CQP", "directory": "RNCP",
               "code": "RNCP34486", "active": true, "registrationType": "ON_REQUEST", "decidedOn": "2020-02-20",
               "effectiveFrom": "2020-03-01", "endsOn": "2025-03-01", "awardDeadline": null, "level": 4,
               "blocks": [{"code": "RNCP34486BC01", "title": "Préparer les postes de travail"}],
               "predecessorCodes": ["RNCP18119"], "successorCodes": []},
              {"certificationId": "9c2d7e4a-1b3f-4c5d-8e6f-7a8b9c0d1e2f", "kind": "OTHER", "directory": "RS",
               "code": "RS5568", "active": false, "registrationType": "ON_REQUEST", "decidedOn": "2021-03-25",
               "effectiveFrom": null, "endsOn": "2026-12-31", "awardDeadline": null, "level": null, "blocks": [],
               "predecessorCodes": [], "successorCodes": []},
              {"certificationId": "00000000-0000-0000-0000-000000000000", "kind": "CQP", "directory": "RNCP",
               "code": "RNCP1", "active": true, "registrationType": "ON_REQUEST", "decidedOn": "2020-02-20",
               "effectiveFrom": null, "endsOn": "2025-03-01", "awardDeadline": null, "level": 4, "blocks": [],
               "predecessorCodes": [], "successorCodes": []},
              {"certificationId": "7d4c2b1a-0f9e-4d8c-b7a6-5e4f3d2c1b0a", "kind": "CQP", "directory": "RNCP",
               "code": null, "legalBasis": "Arrêté du 20 janvier 2014 (NOR ETSD1401196A)", "active": false,
               "registrationType": "ON_REQUEST", "decidedOn": "2014-01-20", "effectiveFrom": "2014-01-31",
               "endsOn": "2019-01-30", "awardDeadline": null, "level": null, "blocks": [],
               "predecessorCodes": [], "successorCodes": []}
             ]}""";

    static final String RESPONSE_EXAMPLE = """
            {"results": [
              {"code": "RNCP34486", "legalBasis": null, "certificationId": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10",
               "registrationId": "0e9f3b3a-6a43-4a77-9d1f-5c1a2b3c4d5e", "outcome": "CREATED",
               "events": ["org.cqpsuite.registration.transmitted", "org.cqpsuite.registration.registered"],
               "errors": []},
              {"code": "RS5568", "legalBasis": null, "certificationId": "9c2d7e4a-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
               "registrationId": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", "outcome": "CREATED",
               "events": ["org.cqpsuite.registration.withdrawn"], "errors": []},
              {"code": "RNCP1", "legalBasis": null, "certificationId": "00000000-0000-0000-0000-000000000000",
               "registrationId": null, "outcome": "REJECTED", "events": [],
               "errors": [{"field": "items[2].code", "rule": "pattern",
                           "message": "must be a code of the RNCP, RNCP followed by 3 to 5 digits, e.g. RNCP34486 (found \\"RNCP1\\")"}]},
              {"code": null, "legalBasis": "Arrêté du 20 janvier 2014 (NOR ETSD1401196A)",
               "certificationId": "7d4c2b1a-0f9e-4d8c-b7a6-5e4f3d2c1b0a",
               "registrationId": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9", "outcome": "CREATED",
               "events": ["org.cqpsuite.registration.transmitted", "org.cqpsuite.registration.expired"], "errors": []}
             ]}""";

    static final String RE_IMPORT_EXAMPLE = """
            {"results": [
              {"code": "RNCP34486", "legalBasis": null, "certificationId": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10",
               "registrationId": "0e9f3b3a-6a43-4a77-9d1f-5c1a2b3c4d5e", "outcome": "UNCHANGED", "events": [],
               "errors": []},
              {"code": "RS5568", "legalBasis": null, "certificationId": "9c2d7e4a-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
               "registrationId": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", "outcome": "UPDATED",
               "events": ["org.cqpsuite.registration.corrected"], "errors": []}
             ]}""";

    /**
     * The body: the export's date and its fiches.
     *
     * @param exportDate the date of the export the fiches come from (not after today)
     * @param items 1 to {@value DirectoryImportRules#MAX_ITEMS} fiches
     */
    @Schema(name = "DirectoryImportRequest")
    public record DirectoryImportRequest(
            @NotNull @Schema(required = true, example = "2026-08-16",
                    description = "The date of the export the fiches come from; not after today") LocalDate exportDate,
            @NotNull @Size(min = 1, max = DirectoryImportRules.MAX_ITEMS)
            @Schema(required = true, minItems = 1, maxItems = DirectoryImportRules.MAX_ITEMS,
                    description = "The fiches, each the registration of one certification in the RNCP or the RS")
            List<@NotNull DirectoryFiche> items) {
    }

    /** The answer: one result per item, in the order of the request. */
    @Schema(name = "DirectoryImportResponse")
    public record DirectoryImportResponse(List<DirectoryImportService.ItemResult> results) {
    }

    @Inject
    DirectoryImportService imports;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @POST
    @Path("/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record the registrations of a directory export (bulk, idempotent)",
            description = "For the directory importer (role admin): the RNCP/RS fiches of one France compétences "
                    + "export, 1 to 500 per call, each mapped to a certification of certification-service (unknown: "
                    + "REJECTED unknown-certification; its kind must be the importer's: else kind-mismatch). Each "
                    + "item is applied in its own transaction and answered in order: CREATED (a new registration, "
                    + "keyed by certification and code or, for a registration known from an official order that does "
                    + "not give its code (code null, legalBasis required, 1 to 300 characters), by certification, "
                    + "directory and legalBasis), UPDATED, UNCHANGED (nothing written, no event: importing "
                    + "the same export twice publishes nothing) or REJECTED (nothing written for it, with each field "
                    + "and rule; the other items go on). Status from the fiche: active → REGISTERED; inactive after "
                    + "its end date → EXPIRED; inactive before → WITHDRAWN from the export date (inferred). A CQP or "
                    + "CQPI without transmission gets an inferred one first (event transmitted); OTHER certifications "
                    + "get none. At most one event per item besides: registered, expired, withdrawn (status change) or "
                    + "corrected (directory data changed, same status). A status the state machine does not allow "
                    + "(an expired or withdrawn registration active again) is REJECTED with the rule "
                    + "no-longer-registered. 400 for the batch only when the body itself is invalid (no items, more "
                    + "than 500, no exportDate or one after today, malformed JSON).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DirectoryImportRequest.class),
            examples = @ExampleObject(name = "an export's fiches", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per item, in order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DirectoryImportResponse.class),
            examples = {@ExampleObject(name = "first import", value = RESPONSE_EXAMPLE),
                @ExampleObject(name = "a later export", value = RE_IMPORT_EXAMPLE)}))
    @APIResponse(responseCode = "400", description = "Invalid batch (no items, more than 500, exportDate missing or "
            + "after today, malformed JSON): nothing written", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A token without the admin role", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DirectoryImportResponse importRegistrations(@Valid @NotNull DirectoryImportRequest body) {
        LocalDate today = LocalDate.now(clock);
        if (body.exportDate().isAfter(today)) {
            throw ProblemException.invalid("exportDate", "future-date", "must not be after today, " + today
                    + ": the date of an export already published (found " + body.exportDate() + ")");
        }
        return new DirectoryImportResponse(imports.importRegistrations(body.exportDate(), body.items(),
                caller.name()));
    }
}
