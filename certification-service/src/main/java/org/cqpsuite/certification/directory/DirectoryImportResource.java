package org.cqpsuite.certification.directory;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cqpsuite.certification.security.Caller;
import org.cqpsuite.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk, idempotent writes of the directory importer (France compétences' RNCP/RS exports). Admin only. */
@Path("/directory-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory imports", description = "Certifications of France compétences' RNCP/RS exports, written in "
        + "batches by the directory importer, keyed by their directory code, or, for those registered in the RNCP by "
        + "an official order (arrêté) without an RNCP code, by an external reference")
public class DirectoryImportResource {

    static final String REQUEST_EXAMPLE = """
            {"items": [
              {"directoryCode": "RNCP34486", "kind": "CQP", "title": "CQP Technicien de maintenance",
               "cpnes": [{"name": "CPNE de la métallurgie", "idcc": "3248"}],
               "nsfCodes": ["250r"], "romeCodes": ["I1304"],
               "frameworks": {
                 "activities": {"workSituations": ["Intervention sur site de production"],
                                "activities": ["Diagnostiquer une panne", "Remettre en service un équipement"],
                                "targetedJobs": [{"title": "Technicien de maintenance", "romeCode": "I1304"}]},
                 "skills": {"blocks": [{"code": "BC01", "title": "Maintenance corrective",
                            "skills": [{"label": "Diagnostiquer une panne", "transversal": false},
                                       {"label": "Rendre compte de son intervention", "transversal": true}]}]},
                 "evaluation": {"items": [{"target": "BC01", "criteria": ["La panne est localisée"],
                                "methods": ["Mise en situation professionnelle"], "tests": "Dépannage, 3 heures"}]}}},
              {"directoryCode": "rs5012", "kind": "OTHER", "title": "Habilitation électrique", "cpnes": [],
               "nsfCodes": ["255"], "romeCodes": []},
              {"directoryCode": "RNCP35123", "kind": "CQP", "title": "CQP Soudeur", "cpnes": []},
              {"externalReference": "arrete-2014-01-20/ETSD1401196A#3", "kind": "CQP",
               "title": "CQP Conducteur de machines textiles",
               "cpnes": [{"name": "CPNEFP textile", "idcc": "0018"}], "nsfCodes": ["241"], "romeCodes": []},
              {"directoryCode": "RNCP35124", "externalReference": "arrete-2014-01-20/ETSD1401196A#4", "kind": "CQP",
               "title": "CQP Régleur textile", "cpnes": [{"name": "CPNEFP textile", "idcc": "0018"}]}
            ]}""";
    static final String RESPONSE_EXAMPLE = """
            {"results": [
              {"directoryCode": "RNCP34486", "externalReference": null, "id": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10",
               "outcome": "CREATED"},
              {"directoryCode": "RS5012", "externalReference": null, "id": "0c7d2a8e-3b1f-4e6a-9d2c-7a5b4c3d2e1f",
               "outcome": "UNCHANGED"},
              {"directoryCode": "RNCP35123", "externalReference": null, "id": null, "outcome": "REJECTED", "errors": [
                {"field": "items[2].cpnes", "rule": "min-branches", "message": "a CQP is created by the CPNE of at least one branch (article L6113-4), but no CPNE is given: add one, e.g. {\\"name\\": \\"CPNEFP textile\\", \\"idcc\\": \\"0018\\"}"}]},
              {"directoryCode": null, "externalReference": "arrete-2014-01-20/ETSD1401196A#3",
               "id": "9e4f1b2c-6d3a-4f8e-b1c7-2a9d8e7f6c5b", "outcome": "UPDATED"},
              {"directoryCode": "RNCP35124", "externalReference": "arrete-2014-01-20/ETSD1401196A#4", "id": null,
               "outcome": "REJECTED", "errors": [
                {"field": "items[4]", "rule": "one-key", "message": "has both directoryCode and externalReference: give exactly one, directoryCode for a certification of France compétences' directory (an RNCP or RS code: RNCP and 3 to 5 digits, or RS and 1 to 6 digits, e.g. RNCP34486), externalReference for one registered by an official order without RNCP code (a reference of 1 to 100 characters: a letter or digit, then letters, digits and : . _ / # -, e.g. arrete-2014-01-20/ETSD1401196A#3)"}]}
            ]}""";
    static final String INVALID_EXAMPLE = """
            {"type": "urn:cqp-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "items: must hold 1 to 500 certifications (found 612): send the others in further requests",
             "instance": "/directory-imports/certifications",
             "errors": [{"field": "items", "rule": "size",
                         "message": "must hold 1 to 500 certifications (found 612): send the others in further requests"}]}""";
    static final String UNAUTHORIZED_EXAMPLE = """
            {"type": "urn:cqp-suite:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "This operation needs a valid bearer token (Authorization: Bearer <JWT>); none was sent, or it is invalid or expired.",
             "instance": "/directory-imports/certifications"}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:cqp-suite:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your token's roles do not allow this operation.", "instance": "/directory-imports/certifications"}""";

    @Inject
    DirectoryImportService imports;

    @Inject
    Caller caller;

    @POST
    @Path("/certifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Import certifications of the RNCP/RS directory or of official orders",
            description = "Writes 1 to 500 certifications found in France compétences' exports, keyed by their "
                    + "directory code (directoryCode: RNCP… or RS…, upper-cased), or in official orders (arrêtés) "
                    + "that registered them in the RNCP without giving their RNCP code, keyed by an external "
                    + "reference (externalReference: 1 to 100 characters, [A-Za-z0-9][A-Za-z0-9:._/#-]*, case kept, "
                    + "e.g. arrete-2014-01-20/ETSD1401196A#3); exactly one of the two per item (both or neither: "
                    + "REJECTED with rule one-key on items[i]); idempotently; role admin only. Each result repeats "
                    + "the item's key (directoryCode or externalReference, the other null). Each item gets "
                    + "one result, in the same order: CREATED (a new certification, source DIRECTORY_IMPORT, "
                    + "published at once, with a version 1 of each framework given; events created, "
                    + "framework-version-added per framework, published), UPDATED (title, kind, CPNEs, NSF or ROME "
                    + "codes differed: one updated event; a framework whose content differs from its latest version: "
                    + "a new version taking effect today in Europe/Paris, one framework-version-added event each), "
                    + "UNCHANGED (nothing differs: nothing written, no event) or REJECTED (with each field, relative "
                    + "to the body, and rule; nothing written for it). The definition follows the rules of POST "
                    + "/certifications (a CQP needs a CPNE, a CQPI CPNEs of two distinct branches, IDCCs of known "
                    + "branches; OTHER may have none), each framework those of PUT "
                    + "/certifications/{id}/frameworks/{kind} (without effectiveDate). A framework left out or null "
                    + "is not given and stays as it is. A published certification keeps its kind (rule kind-frozen), "
                    + "a retired one no longer changes (rule retired); a code or reference given twice in one request "
                    + "rejects the second (rule duplicate). Items are written 100 per transaction; an item refused or failing "
                    + "while written rolls back its chunk, whose items are then written one transaction each: "
                    + "nothing is written for it, the others are, and a failure on one item is that item's REJECTED "
                    + "result with rule internal and a logged error id, never an error of the whole batch.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DirectoryImportRequest.class),
            examples = @ExampleObject(name = "a CQP with its frameworks, an RS certification, a CQP without CPNE, a CQP "
                    + "of an official order keyed by externalReference, an item with both keys",
                    value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per item, in the same order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DirectoryImportResponse.class),
            examples = @ExampleObject(name = "created, unchanged, rejected, updated by reference, both keys rejected",
                    value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body as a whole is unusable: malformed JSON, not an "
            + "object, a field other than items, items missing, empty or longer than 500",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many items", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "no token", value = UNAUTHORIZED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "A token without the admin role", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "certifier token", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "A body larger than quarkus.http.limits.max-body-size "
            + "(64 MB): send fewer items per request")
    @APIResponse(responseCode = "415", description = "Not application/json", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DirectoryImportResponse importCertifications(JsonNode body) {
        return imports.importAll(body, caller.name());
    }
}
