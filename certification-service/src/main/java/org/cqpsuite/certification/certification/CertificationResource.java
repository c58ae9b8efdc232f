package org.cqpsuite.certification.certification;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.cqpsuite.certification.api.ETags;
import org.cqpsuite.certification.api.PageOf;
import org.cqpsuite.certification.directory.ExternalReferences;
import org.cqpsuite.certification.domain.CertificationKind;
import org.cqpsuite.certification.domain.CertificationStatus;
import org.cqpsuite.certification.security.Caller;
import org.cqpsuite.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CQP, CQPI and other certifications: definition and lifecycle. Reads are public; writes need a JWT. */
@Path("/certifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certifications", description = "CQP and CQPI definitions (article L6113-4) and their lifecycle")
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "RS256 JWT with groups [certifier|admin] and, for a certifier, an idcc claim listing its branches")
public class CertificationResource {

    static final String CREATE_EXAMPLE = """
            {"kind": "CQPI", "title": "Opérateur qualité",
             "cpnes": [{"name": "CPNEFP textile", "idcc": "0018"}, {"name": "CPNEFP habillement", "idcc": "0247"}],
             "nsfCodes": ["200r"], "romeCodes": ["H1502"]}""";
    static final String VIEW_EXAMPLE = """
            {"id": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10", "kind": "CQPI", "title": "Opérateur qualité",
             "status": "DRAFT", "source": "API", "directoryCode": null,
             "externalReference": null,
             "cpnes": [{"name": "CPNEFP textile", "idcc": "0018"}, {"name": "CPNEFP habillement", "idcc": "0247"}],
             "carryingBranches": ["0018", "0247"], "nsfCodes": ["200r"], "romeCodes": ["H1502"],
             "createdOn": "2026-11-27", "updatedAt": "2026-11-27T10:15:30.123456Z", "version": 0,
             "frameworks": {"activities": null, "skills": null, "evaluation": null}}""";
    static final String PUBLISHED_EXAMPLE = """
            {"id": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10", "kind": "CQPI", "title": "Opérateur qualité",
             "status": "PUBLISHED", "source": "API", "directoryCode": null,
             "externalReference": null,
             "cpnes": [{"name": "CPNEFP textile", "idcc": "0018"}, {"name": "CPNEFP habillement", "idcc": "0247"}],
             "carryingBranches": ["0018", "0247"], "nsfCodes": ["200r"], "romeCodes": ["H1502"],
             "createdOn": "2026-11-27", "updatedAt": "2026-11-27T10:20:00.000001Z", "version": 4,
             "frameworks": {"activities": {"number": 1, "effectiveDate": "2026-11-27", "author": "certifier@local"},
                            "skills": {"number": 1, "effectiveDate": "2026-11-27", "author": "certifier@local"},
                            "evaluation": {"number": 1, "effectiveDate": "2026-11-27", "author": "certifier@local"}}}""";
    static final String CONFLICT_EXAMPLE = """
            {"type": "urn:cqp-suite:problem:frameworks-missing", "title": "Conflict", "status": 409,
             "detail": "A CQPI cannot be published without its three frameworks (article L6113-1); missing: evaluation (référentiel d'évaluation). Add a version of each, then publish. (status DRAFT)",
             "instance": "/certifications/5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10/publication"}""";
    static final String VALIDATION_EXAMPLE = """
            {"type": "urn:cqp-suite:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "cpnes: a CQPI needs CPNEs of at least 2 distinct branches, found 1 (0018)",
             "instance": "/certifications",
             "errors": [{"field": "cpnes", "rule": "min-branches",
                         "message": "a CQPI needs CPNEs of at least 2 distinct branches, found 1 (0018)"}]}""";

    @Inject
    CertificationService certifications;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"certifier", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create a certification",
            description = "Creates a draft CQP, CQPI or OTHER certification. A CQP needs at least one CPNE, a CQPI "
                    + "CPNEs of at least two distinct branches; IDCC codes must be known branches. A certifier may "
                    + "create only certifications whose CPNEs all belong to branches of its token's idcc claim; one "
                    + "carried by no branch (an OTHER without CPNE) is for an admin only.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CertificationRequest.class),
            examples = @ExampleObject(name = "CQPI of two branches", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificationView.class),
            examples = @ExampleObject(name = "draft", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid definition: each field and rule", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "CQPI with one branch", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A CPNE's branch is outside the token's idcc claim, or no "
            + "CPNE and the token is not an admin's")
    public Response create(CertificationRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        CertificationView created = certifications.create(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.of(created.version())).entity(created).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List certifications",
            description = "Certifications, oldest first, filtered by kind, carrying branch (IDCC), status, a "
                    + "text in the title, the RNCP/RS code or the external reference (an official order's row) "
                    + "given by the directory import.")
    @APIResponse(responseCode = "200", description = "A page of certifications", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one CQPI",
                    value = "{\"items\": [" + VIEW_EXAMPLE + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    public PageOf<CertificationView> list(
            @QueryParam("kind") CertificationKind kind,
            @Parameter(description = "Only those carried by this branch", example = "0018") @QueryParam("idcc")
            @Pattern(regexp = "\\d{4}", message = "must be 4 digits (IDCC code, zero-padded), e.g. 0018") String idcc,
            @QueryParam("status") CertificationStatus status,
            @Parameter(description = "Text to find in the title, case ignored") @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "Only the certification of this RNCP or RS code (set by the directory import), "
                    + "case ignored", example = "RNCP34486") @QueryParam("directoryCode")
            @Pattern(regexp = "[Rr][Nn][Cc][Pp]\\d{3,5}|[Rr][Ss]\\d{1,6}",
                    message = "must be an RNCP or RS code: RNCP and 3 to 5 digits, or RS and 1 to 6 digits, e.g. RNCP34486")
            String directoryCode,
            @Parameter(description = "Only the certification of this external reference (set by the directory import "
                    + "for a certification of an official order without RNCP code), compared exactly, case kept; "
                    + "percent-encode # as %23", example = ExternalReferences.EXAMPLE)
            @QueryParam("externalReference") @Size(max = ExternalReferences.MAX_LENGTH,
                    message = "must have at most " + ExternalReferences.MAX_LENGTH + " characters")
            @Pattern(regexp = ExternalReferences.REGEX, message = "must be a reference: a letter or digit, then "
                    + "letters, digits and : . _ / # -, e.g. " + ExternalReferences.EXAMPLE)
            String externalReference,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) Integer page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) Integer size) {
        return certifications.list(kind, idcc, status, q, directoryCode, externalReference, page,
                size);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get a certification", description = "The certification with its ETag (its version).")
    @APIResponse(responseCode = "200", description = "The certification", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificationView.class),
            examples = @ExampleObject(name = "draft", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        CertificationView view = certifications.get(id);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"certifier", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Change a certification's definition",
            description = "Replaces the kind, title, CPNEs, NSF and ROME codes. Send the ETag you read in If-Match: "
                    + "412 if the certification changed since, 428 without If-Match. A retired certification cannot "
                    + "change; a published one cannot change kind.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CertificationRequest.class),
            examples = @ExampleObject(name = "CQPI of two branches", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed; new ETag", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "changed", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not allowed in its status (names the current status)")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version you read", example = "\"0\"") @HeaderParam("If-Match")
            String ifMatch, CertificationRequest request) {
        CertificationView view = certifications.update(id, ETags.required(ifMatch), request, caller);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{id}/publication")
    @RolesAllowed({"certifier", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Publish a certification",
            description = "DRAFT → PUBLISHED. A CQP or CQPI needs a version of each of its three frameworks "
                    + "(activities, skills, evaluation); 409 naming the missing ones otherwise.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "published", value = PUBLISHED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Already published or retired, or frameworks missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "frameworks missing", value = CONFLICT_EXAMPLE)))
    public Response publish(@PathParam("id") UUID id) {
        CertificationView view = certifications.publish(id, caller);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{id}/retirement")
    @RolesAllowed({"certifier", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Retire a certification", description = "DRAFT or PUBLISHED → RETIRED, final.")
    @APIResponse(responseCode = "200", description = "Retired", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "retired",
                    value = "{\"id\": \"5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10\", \"status\": \"RETIRED\", \"version\": 5}")))
    @APIResponse(responseCode = "409", description = "Already retired")
    public Response retire(@PathParam("id") UUID id) {
        CertificationView view = certifications.retire(id, caller);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}
