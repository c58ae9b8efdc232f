package org.cqpsuite.certification.framework;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.certification.domain.FrameworkKind;
import org.cqpsuite.certification.security.Caller;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The three frameworks of a certification and their versions. */
@Path("/certifications/{id}/frameworks/{framework}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Frameworks", description = "Activities, skills and evaluation frameworks (référentiels), versioned")
public class FrameworkResource {

    static final String ACTIVITIES = """
            {"workSituations": ["Contrôle en cours de production"], "activities": ["Contrôler la conformité des produits"],
             "targetedJobs": [{"title": "Opérateur qualité", "romeCode": "H1502"}], "effectiveDate": "2026-01-01"}""";
    static final String SKILLS = """
            {"blocks": [{"code": "BC01", "title": "Contrôler la qualité",
              "skills": [{"label": "Appliquer un plan de contrôle", "transversal": false},
                         {"label": "Communiquer un écart", "transversal": true}]}]}""";
    static final String EVALUATION = """
            {"items": [{"target": "BC01", "criteria": ["Les écarts sont détectés et signalés"],
              "methods": ["Mise en situation professionnelle"], "tests": "Contrôle d'un lot en atelier, 2 heures"}]}""";

    static final String VERSION = """
            {"certificationId": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10", "framework": "skills", "number": 2,
             "effectiveDate": "2026-09-01", "author": "certifier@local", "recordedAt": "2026-08-20T09:00:00Z",
             "content": {"blocks": [{"code": "BC01", "title": "Contrôler la qualité",
               "skills": [{"label": "Appliquer un plan de contrôle", "transversal": false}]}]}}""";

    @Inject
    FrameworkService frameworks;

    @Inject
    Caller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"certifier", "admin"})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Add a version of a framework",
            description = "Every change of a framework is a new immutable version (1, 2, ...) with its effective date "
                    + "(optional `effectiveDate`, default today in Europe/Paris, not before the previous version's) "
                    + "and author (the token's name). activities: workSituations, activities, targetedJobs (title, "
                    + "ROME code); skills: blocks with codes, skills flagged transversal or not; evaluation: items "
                    + "whose target names a block code or skill of the current skills framework, with criteria, "
                    + "methods and the description of the tests.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = {
                @ExampleObject(name = "activities", value = ACTIVITIES),
                @ExampleObject(name = "skills", value = SKILLS),
                @ExampleObject(name = "evaluation", value = EVALUATION)}))
    @APIResponse(responseCode = "201", description = "The new version; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "skills version 2", value = VERSION)))
    @APIResponse(responseCode = "400", description = "Invalid framework: each field and rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown certification or framework name")
    @APIResponse(responseCode = "409", description = "The certification is retired")
    public Response addVersion(@PathParam("id") UUID id,
            @Parameter(description = "activities, skills or evaluation") @PathParam("framework") String framework,
            JsonNode body, @Context UriInfo uri) {
        FrameworkVersionView created = frameworks.addVersion(id, kind(framework), body, caller);
        return Response.created(uri.getAbsolutePathBuilder().path("versions").path(String.valueOf(created.number()))
                .build()).entity(created).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Get the current version of a framework",
            description = "The latest version, or with `asOf` the version in effect on that date.")
    @APIResponse(responseCode = "200", description = "The version with its content", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "skills", value = VERSION)))
    @APIResponse(responseCode = "404", description = "No such certification, framework or version yet")
    public FrameworkVersionView current(@PathParam("id") UUID id, @PathParam("framework") String framework,
            @Parameter(description = "Date (YYYY-MM-DD) on which the version must be in effect")
            @QueryParam("asOf") LocalDate asOf) {
        return frameworks.current(id, kind(framework), asOf);
    }

    @GET
    @Path("/versions")
    @PermitAll
    @Operation(summary = "List the versions of a framework", description = "Every version, oldest first.")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two versions",
                    value = "[" + VERSION + "]")))
    public List<FrameworkVersionView> versions(@PathParam("id") UUID id, @PathParam("framework") String framework) {
        return frameworks.versions(id, kind(framework));
    }

    @GET
    @Path("/versions/{number}")
    @PermitAll
    @Operation(summary = "Get one version of a framework",
            description = "Version n of the framework, as it was written: versions never change.")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "skills", value = VERSION)))
    @APIResponse(responseCode = "404", description = "No such version")
    public FrameworkVersionView version(@PathParam("id") UUID id, @PathParam("framework") String framework,
            @PathParam("number") @Min(1) Integer number) {
        return frameworks.version(id, kind(framework), number);
    }

    private static FrameworkKind kind(String segment) {
        return FrameworkKind.fromPath(segment).orElseThrow(() -> ProblemException.notFound(
                "No framework '" + segment + "': use activities, skills or evaluation."));
    }
}
