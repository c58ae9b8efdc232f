package org.cqpsuite.registration.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.registration.certification.CertificationLookup;
import org.cqpsuite.registration.certification.CertificationSummary;
import org.cqpsuite.registration.domain.RegistrationRequest;
import org.cqpsuite.registration.domain.Transmission;
import org.cqpsuite.registration.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A certification's transmission to France compétences and its registrations. */
@Path("/certifications/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certifications", description = "Transmission and registrations of a certification")
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "RS256 JWT; groups registrar, certifier (with an idcc claim) or admin")
public class CertificationRegistrationsResource {

    static final String STATE_EXAMPLE = """
            {"certificationId": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10",
             "transmissions": [{"transmittedOn": "2019-03-01", "reference": "FC-2019-0001",
                                "recordedAt": "2019-03-01T09:00:00Z", "inferred": false}],
             "registrations": [{"id": "0e9f3b3a-6a43-4a77-9d1f-5c1a2b3c4d5e", "directory": "RNCP", "code": null,
                                "status": "REQUESTED", "registrationType": null, "requestedOn": "2019-03-10",
                                "decidedOn": null, "effectiveFrom": null, "endsOn": null, "awardDeadline": null,
                                "level": null, "blocks": [], "withdrawnOn": null, "withdrawalReason": null,
                                "predecessorId": null, "successorId": null, "predecessorCode": null, "successorCode": null,
                                "legalBasis": null}],
             "history": [{"registrationId": "0e9f3b3a-6a43-4a77-9d1f-5c1a2b3c4d5e", "action": "REQUEST",
                          "status": "REQUESTED", "details": {"directory": "RNCP", "requestedOn": "2019-03-10"},
                          "recordedAt": "2019-03-10T09:00:00Z", "recordedBy": "certifier@local"}]}""";

    @Inject
    RegistrationService registrations;

    @Inject
    CertificationLookup certifications;

    @Inject
    Caller caller;

    @PUT
    @Path("/transmission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"registrar", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record the transmission to France compétences",
            description = "From the transmission date the CQP exists legally and is recognised in its carrying "
                    + "branches (article L6113-4). Only a published certification is transmitted (checked with "
                    + "certification-service: 503 with Retry-After when it cannot answer, nothing written). A "
                    + "correction is a new history entry, never an overwrite. Role registrar.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "transmission", value = "{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-2019-0001\"}")))
    @APIResponse(responseCode = "200", description = "The certification's registration state", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "state", value = STATE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid transmission",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The certification is not published")
    @APIResponse(responseCode = "503", description = "certification-service cannot be reached; retry later")
    public RegistrationViews.CertificationRegistrations transmit(@PathParam("id") UUID id, Transmission body) {
        certifications.requirePublished(id);
        return registrations.transmit(id, body, caller.name());
    }

    @POST
    @Path("/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"certifier", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Request registration in the RNCP or the RS",
            description = "At the CPNE's request (a certifier of the certification's branches); needs a prior "
                    + "transmission, not after the request date. One pending or current registration per directory.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "RNCP", value = "{\"directory\": \"RNCP\", \"requestedOn\": \"2019-03-10\"}")))
    @APIResponse(responseCode = "201", description = "Requested; Location names the registration", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "requested",
                    value = RegistrationResource.REQUESTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid request (e.g. no transmission yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A certifier of other branches, or a registrar")
    @APIResponse(responseCode = "409", description = "Already requested or registered in that directory")
    public Response request(@PathParam("id") UUID id, RegistrationRequest body, @Context UriInfo uri) {
        CertificationSummary certification = certifications.requirePublished(id);
        caller.requireRequestRights(certification.carryingBranches() == null ? java.util.List.of()
                : certification.carryingBranches());
        RegistrationViews.RegistrationView created = registrations.request(id, body, caller.name());
        return Response.created(uri.getBaseUriBuilder().path("registrations")
                .path(created.registration().id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/registrations")
    @PermitAll
    @Operation(summary = "Get a certification's transmissions and registrations",
            description = "The current state of every registration of the certification, its transmission history "
                    + "and the full history of changes (append-only).")
    @APIResponse(responseCode = "200", description = "The state and history", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "state", value = STATE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Nothing recorded for this certification")
    public RegistrationViews.CertificationRegistrations registrations(@PathParam("id") UUID id) {
        return registrations.registrations(id);
    }
}
