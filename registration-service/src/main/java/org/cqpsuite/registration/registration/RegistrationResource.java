package org.cqpsuite.registration.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.registration.domain.Decision;
import org.cqpsuite.registration.domain.Withdrawal;
import org.cqpsuite.registration.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One registration: its decision, withdrawal and renewal (France compétences' registrar), and lookups. */
@Path("/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registrations", description = "RNCP and RS registrations and their lifecycle")
public class RegistrationResource {

    static final String DECISION_EXAMPLE = """
            {"outcome": "REGISTERED", "code": "RNCP99001", "registrationType": "ON_REQUEST", "decidedOn": "2019-06-01",
             "effectiveFrom": "2019-06-15", "endsOn": "2024-06-14", "level": 4, "awardDeadline": null,
             "blocks": [{"code": "RNCP99001BC01", "title": "Préparer les postes de travail"}]}""";
    static final String REQUESTED_EXAMPLE = """
            {"certificationId": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10",
             "registration": {"id": "0e9f3b3a-6a43-4a77-9d1f-5c1a2b3c4d5e", "directory": "RNCP", "code": null,
               "status": "REQUESTED", "registrationType": null, "requestedOn": "2019-03-10", "decidedOn": null,
               "effectiveFrom": null, "endsOn": null, "awardDeadline": null, "level": null, "blocks": [],
               "withdrawnOn": null, "withdrawalReason": null, "predecessorId": null, "successorId": null,
               "predecessorCode": null, "successorCode": null, "legalBasis": null},
             "history": [{"registrationId": "0e9f3b3a-6a43-4a77-9d1f-5c1a2b3c4d5e", "action": "REQUEST",
               "status": "REQUESTED", "details": {"directory": "RNCP", "requestedOn": "2019-03-10"},
               "recordedAt": "2019-03-10T09:00:00Z", "recordedBy": "certifier@local"}]}""";
    static final String REGISTERED_EXAMPLE = """
            {"certificationId": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10",
             "registration": {"id": "0e9f3b3a-6a43-4a77-9d1f-5c1a2b3c4d5e", "directory": "RNCP", "code": "RNCP99001",
               "status": "REGISTERED", "registrationType": "ON_REQUEST", "requestedOn": "2019-03-10",
               "decidedOn": "2019-06-01", "effectiveFrom": "2019-06-15", "endsOn": "2024-06-14", "awardDeadline": null,
               "level": 4, "blocks": [{"code": "RNCP99001BC01", "title": "Préparer les postes de travail"}],
               "withdrawnOn": null, "withdrawalReason": null, "predecessorId": null, "successorId": null,
               "predecessorCode": null, "successorCode": null, "legalBasis": null},
             "history": []}""";

    @Inject
    RegistrationService registrations;

    @Inject
    Caller caller;

    @POST
    @Path("/{rid}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"registrar", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Record the decision on a requested registration",
            description = "REGISTERED (after the commission's assent, avis conforme) with its code, type, dates, "
                    + "level (RNCP decided from 2019-01-01: 1-8, required; refused for RS) and blocks; or REFUSED "
                    + "with its date only. 409 naming the current status when the registration is not REQUESTED.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
        @ExampleObject(name = "registered", value = DECISION_EXAMPLE),
        @ExampleObject(name = "refused", value = "{\"outcome\": \"REFUSED\", \"decidedOn\": \"2019-06-01\"}")}))
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "registered", value = REGISTERED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid decision: each field and rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such registration (never requested)")
    @APIResponse(responseCode = "409", description = "Already decided")
    public RegistrationViews.RegistrationView decide(@PathParam("rid") UUID rid, Decision body) {
        return registrations.decide(rid, body, caller.name());
    }

    @POST
    @Path("/{rid}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"registrar", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Withdraw a registration", description = "From a date, with a reason: REGISTERED → WITHDRAWN.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "withdrawal", value = "{\"effectiveOn\": \"2021-01-01\", \"reason\": \"Retrait à la demande du certificateur\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "registered", value = REGISTERED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not registered")
    public RegistrationViews.RegistrationView withdraw(@PathParam("rid") UUID rid, Withdrawal body) {
        return registrations.withdraw(rid, body, caller.name());
    }

    @POST
    @Path("/{rid}/renewal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"registrar", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Renew a registration",
            description = "Creates the successor registration (a decision body, usually with a new code) and marks "
                    + "this one REPLACED, linked both ways. From REGISTERED or EXPIRED.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "renewal", value = DECISION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The successor; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "successor", value = REGISTERED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not renewable in its status")
    public Response renew(@PathParam("rid") UUID rid, Decision body, @Context UriInfo uri) {
        RegistrationViews.RegistrationView successor = registrations.renew(rid, body, caller.name());
        return Response.created(uri.getBaseUriBuilder().path("registrations")
                .path(successor.registration().id().toString()).build()).entity(successor).build();
    }

    @GET
    @Path("/{rid}")
    @PermitAll
    @Operation(summary = "Get a registration", description = "Its current state and its history. legalBasis is the "
            + "official text that registered it when known (directory import); a registration known only from an "
            + "order that does not give its code has code null and its legalBasis.")
    @APIResponse(responseCode = "200", description = "The registration", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "registered", value = REGISTERED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such registration")
    public RegistrationViews.RegistrationView get(@PathParam("rid") UUID rid) {
        return registrations.registration(rid);
    }

    @GET
    @PermitAll
    @Operation(summary = "Find registrations by directory code",
            description = "The registrations holding this RNCP or RS code (a renewal may keep its predecessor's code).")
    @APIResponse(responseCode = "200", description = "The registrations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one",
                    value = "[" + REGISTERED_EXAMPLE + "]")))
    @APIResponse(responseCode = "400", description = "Missing or malformed code")
    public List<RegistrationViews.RegistrationView> byCode(@QueryParam("code") @NotNull(message = "is required, e.g. RNCP34486")
            @Pattern(regexp = "RNCP\\d{3,5}|RS\\d{1,6}", message = "must be RNCP and 3 to 5 digits or RS and digits, e.g. RNCP34486")
            String code) {
        return registrations.byCode(code);
    }
}
