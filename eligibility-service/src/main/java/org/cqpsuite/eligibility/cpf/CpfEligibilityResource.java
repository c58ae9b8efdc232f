package org.cqpsuite.eligibility.cpf;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.cqpsuite.eligibility.api.Clocks;
import org.cqpsuite.eligibility.api.DirectoryCode;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CPF eligibility (compte personnel de formation, Code du travail art. L6323-6) as of a date. */
@Path("/eligibility/cpf")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "CPF eligibility", description = "Is training toward a certification payable with the CPF on a date?")
public class CpfEligibilityResource {

    static final String ELIGIBLE_EXAMPLE = """
            {"eligible": true, "asOf": "2024-01-15",
             "certification": {"id": "5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11", "code": "RNCP34486",
               "title": "CQPI Technicien de maintenance industrielle", "kind": "CQPI"},
             "basis": {"directory": "RNCP", "code": "RNCP34486", "effectiveFrom": "2020-03-01", "endsOn": "2025-03-01",
               "level": 4, "block": null},
             "successor": null,
             "reasons": [
               {"code": "TRANSMITTED", "message": "Le CQP a été transmis à France compétences le 15/01/2020 : il a une existence légale.", "legalReference": "Code du travail, art. L6113-4"},
               {"code": "REGISTERED_RNCP_IN_FORCE", "message": "Enregistré au RNCP sous RNCP34486 du 01/03/2020 au 01/03/2025.", "legalReference": "Code du travail, art. L6113-5"},
               {"code": "LEVEL_ATTRIBUTED", "message": "Niveau de qualification 4 attribué par l'enregistrement RNCP34486 décidé le 20/02/2020.", "legalReference": "Code du travail, art. L6113-5 ; décret n° 2019-14 du 8 janvier 2019"},
               {"code": "CPF_ELIGIBLE", "message": "Éligible au compte personnel de formation le 15/01/2024.", "legalReference": "Code du travail, art. L6323-6"}],
             "dataAsOf": "2026-11-27T10:15:02.123456Z"}""";

    private final CpfEligibilityService service;
    private final Clock clock;

    public CpfEligibilityResource(CpfEligibilityService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Is a certification CPF-eligible on a date?",
            description = "Asked by directory code (`code`: an RNCP or RS code, or an RNCP skills-block code such as "
                    + "RNCP34486BC01), the answer is about that directory entry: eligible when the certification "
                    + "exists legally (a CQP/CQPI transmitted to France compétences on or before the date) and that "
                    + "registration is in force on the date (effective ≤ date ≤ end, not withdrawn); a block is "
                    + "eligible when the RNCP registration in force lists it. When the entry ended or was replaced, "
                    + "`successor` names what follows it. Asked by `certification` id, any registration of the "
                    + "certification in force counts (RNCP preferred). Each reason has a stable `code`, a French "
                    + "`message` and its legal reference. Reads need no token.")
    @APIResponse(responseCode = "200", description = "The answer, eligible or not", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CpfEligibilityView.class),
            examples = {@ExampleObject(name = "eligible", value = ELIGIBLE_EXAMPLE),
                @ExampleObject(name = "ended and replaced", value = """
                    {"eligible": false, "asOf": "2026-01-15",
                     "certification": {"id": "5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11", "code": "RNCP34486",
                       "title": "CQPI Technicien de maintenance industrielle", "kind": "CQPI"},
                     "basis": null, "successor": {"id": "0b6f0d8e-9c37-4cf2-8d38-2a0f8b8e4c10", "code": "RNCP38912"},
                     "reasons": [
                       {"code": "TRANSMITTED", "message": "Le CQP a été transmis à France compétences le 15/01/2020 : il a une existence légale.", "legalReference": "Code du travail, art. L6113-4"},
                       {"code": "REGISTRATION_ENDED", "message": "L'enregistrement RNCP34486 a pris fin le 01/03/2025.", "legalReference": "Code du travail, art. L6113-5"},
                       {"code": "REPLACED_BY_SUCCESSOR", "message": "L'enregistrement RNCP34486 est remplacé par RNCP38912.", "legalReference": "Code du travail, art. L6113-5"},
                       {"code": "CPF_NOT_ELIGIBLE", "message": "Non éligible au compte personnel de formation le 15/01/2026 : seules les certifications enregistrées au RNCP ou au répertoire spécifique (et les blocs de compétences du RNCP) le sont.", "legalReference": "Code du travail, art. L6323-6"}],
                     "dataAsOf": "2026-11-27T10:15:02.123456Z"}""")}))
    @APIResponse(responseCode = "400", description = "A malformed code, date or id, or neither or both of code and "
            + "certification", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad code",
                            value = """
                                    {"type": "urn:cqp-suite:problem:validation", "title": "Invalid request", "status": 400,
                                     "detail": "code: must be an RNCP code (RNCP and 3 to 5 digits, e.g. RNCP34486), an RS code (RS and 1 to 6 digits, e.g. RS5568) or an RNCP skills-block code (e.g. RNCP34486BC01)",
                                     "instance": "/eligibility/cpf",
                                     "errors": [{"field": "code", "rule": "pattern", "message": "must be an RNCP code (RNCP and 3 to 5 digits, e.g. RNCP34486), an RS code (RS and 1 to 6 digits, e.g. RS5568) or an RNCP skills-block code (e.g. RNCP34486BC01)"}]}""")))
    @APIResponse(responseCode = "404", description = "No certification known to the read model has this code or id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The read model's database is unavailable; retry after "
            + "`Retry-After` seconds", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(
            @Parameter(description = "RNCP code, RS code or RNCP skills-block code (case ignored)",
                    example = "RNCP34486") @QueryParam("code") String code,
            @Parameter(description = "Or the certification's id in the suite",
                    example = "5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11") @QueryParam("certification") UUID certification,
            @Parameter(description = "The date asked about (YYYY-MM-DD); today in Europe/Paris when absent",
                    example = "2024-01-15") @QueryParam("date") LocalDate date) {
        LocalDate asOf = Clocks.dateOrToday(date, clock);
        if (certification != null) {
            if (code != null) {
                throw ProblemException.invalid("code", "exclusive", "give either code or certification, not both");
            }
            return offEventLoop(() -> Response.ok(service.byCertification(certification, Optional.empty(), asOf))
                    .build());
        }
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("code", "required", "give a code (e.g. RNCP34486) or a certification id");
        }
        DirectoryCode parsed = DirectoryCode.parse(code)
                .orElseThrow(() -> ProblemException.invalid("code", "pattern", DirectoryCode.RULE));
        // Most questions are about a certification in memory (asked before, or loaded ahead by ReadModelCacheFiller):
        // then no worker thread is needed (this runs on the event loop, as a method returning Uni does), which is most
        // of what a question costs beyond the HTTP exchange. Only a question that needs the database goes to a worker.
        byte[] known = service.byCodeFromMemory(parsed, asOf);
        if (known != null) {
            return Uni.createFrom().item(json(known));
        }
        return offEventLoop(() -> json(service.byCodeJson(parsed, asOf)));
    }

    private static Response json(byte[] answer) {
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Runs {@code answer} on a worker thread: it may read the database, which must not block the event loop. */
    private static Uni<Response> offEventLoop(Supplier<Response> answer) {
        return Uni.createFrom().item(answer).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "CPF eligibility of up to 1 000 codes on one date",
            description = "One entry per code, in the order sent: `answer` is what `GET /eligibility/cpf?code=` "
                    + "would answer; a malformed or unknown code gets an `error` entry (the problem a single question "
                    + "would get) without failing the batch. Codes may repeat. Reads need no token.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CpfBatchRequest.class), examples = @ExampleObject(name = "three codes",
                    value = "{\"date\": \"2024-01-15\", \"codes\": [\"RNCP34486\", \"RNCP34486BC01\", \"RS99\"]}")))
    @APIResponse(responseCode = "200", description = "One entry per code", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CpfBatchAnswer.class),
            examples = @ExampleObject(name = "an answer and an error", value = """
                    {"asOf": "2024-01-15", "dataAsOf": "2026-11-27T10:15:02.123456Z", "results": [
                      {"code": "RNCP34486", "answer": {"eligible": true, "asOf": "2024-01-15",
                        "certification": {"id": "5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11", "code": "RNCP34486",
                          "title": "CQPI Technicien de maintenance industrielle", "kind": "CQPI"},
                        "basis": {"directory": "RNCP", "code": "RNCP34486", "effectiveFrom": "2020-03-01",
                          "endsOn": "2025-03-01", "level": 4, "block": null}, "successor": null,
                        "reasons": [{"code": "CPF_ELIGIBLE", "message": "Éligible au compte personnel de formation le 15/01/2024.", "legalReference": "Code du travail, art. L6323-6"}],
                        "dataAsOf": "2026-11-27T10:15:02.123456Z"}},
                      {"code": "RS99", "error": {"type": "urn:cqp-suite:problem:unknown-code", "title": "Unknown code",
                        "status": 404, "detail": "No certification known to the eligibility read model is registered under RS99."}}]}""")))
    @APIResponse(responseCode = "400", description = "The body is not valid: no codes, more than 1 000, a bad date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The read model's database is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CpfBatchAnswer batch(@NotNull(message = "is required") @Valid CpfBatchRequest request) {
        LocalDate asOf = Clocks.dateOrToday(request.date(), clock);
        return service.batch(request.codes(), asOf);
    }
}
