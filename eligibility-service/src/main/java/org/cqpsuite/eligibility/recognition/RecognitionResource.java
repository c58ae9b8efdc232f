package org.cqpsuite.eligibility.recognition;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.cqpsuite.eligibility.api.Clocks;
import org.cqpsuite.eligibility.api.DirectoryCode;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recognition of a certification by the companies of a branch (Code du travail art. L6113-4) as of a date. */
@Path("/recognition")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recognition", description = "Can a holder assert a certification in a company of branch X?")
public class RecognitionResource {

    private static final Pattern IDCC = Pattern.compile("\\d{1,4}");

    private final RecognitionService service;
    private final Clock clock;

    public RecognitionResource(RecognitionService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Is a certification recognised in a company of a branch on a date?",
            description = "The question is about the certification (the CQP a holder has), found by one of its "
                    + "directory codes or its id: not transmitted to France compétences on the date → recognised by "
                    + "nobody (NONE); an RNCP registration in force → by every branch (ALL_BRANCHES); otherwise "
                    + "(transmitted only, or RS only) → by its carrying branches only (CARRYING_BRANCHES). With "
                    + "`awardedOn`, the scope is the one in force on the award date: a holder keeps what was awarded. "
                    + "Reads need no token.")
    @APIResponse(responseCode = "200", description = "The answer, recognised or not", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecognitionView.class),
            examples = @ExampleObject(name = "carrying branches only", value = """
                    {"recognized": false, "scope": "CARRYING_BRANCHES", "idcc": "1486",
                     "carryingBranches": [{"idcc": "1580", "label": "CPNE de l'industrie de la chaussure"},
                       {"idcc": "2528", "label": "CPNE de la maroquinerie"}],
                     "asOf": "2024-01-15", "scopeDate": "2024-01-15",
                     "certification": {"id": "5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11", "code": "RNCP34486",
                       "title": "CQPI Technicien de maintenance industrielle", "kind": "CQPI"},
                     "reasons": [
                       {"code": "TRANSMITTED", "message": "Le CQP a été transmis à France compétences le 15/01/2020 : il a une existence légale.", "legalReference": "Code du travail, art. L6113-4"},
                       {"code": "NOT_RECOGNISED_OUTSIDE_CARRYING_BRANCHES", "message": "Sans enregistrement au RNCP, le CQP n'est reconnu que par les branches qui le portent ; la branche IDCC 1486 n'en fait pas partie.", "legalReference": "Code du travail, art. L6113-4"}],
                     "dataAsOf": "2026-11-27T10:15:02.123456Z"}""")))
    @APIResponse(responseCode = "400", description = "A malformed code, IDCC, date or id; an award date after the "
            + "date; neither or both of code and certification", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No certification known to the read model has this code or id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The read model's database is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(
            @Parameter(description = "One of the certification's RNCP or RS codes (case ignored)",
                    example = "RNCP34486") @QueryParam("code") String code,
            @Parameter(description = "Or the certification's id in the suite",
                    example = "5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11") @QueryParam("certification") UUID certification,
            @Parameter(description = "The company's branch: its IDCC, 1 to 4 digits", required = true,
                    example = "1580") @QueryParam("idcc") String idcc,
            @Parameter(description = "The date asked about (YYYY-MM-DD); today in Europe/Paris when absent",
                    example = "2024-01-15") @QueryParam("date") LocalDate date,
            @Parameter(description = "The day the holder was awarded the certification, on or before `date`",
                    example = "2022-06-30") @QueryParam("awardedOn") LocalDate awardedOn) {
        if (idcc == null || idcc.isBlank()) {
            throw ProblemException.invalid("idcc", "required", "give the company's branch, its IDCC (e.g. 1580)");
        }
        if (!IDCC.matcher(idcc.strip()).matches()) {
            throw ProblemException.invalid("idcc", "pattern", "must be an IDCC: 1 to 4 digits, e.g. 1580");
        }
        String branch = "0".repeat(4 - idcc.strip().length()) + idcc.strip();
        LocalDate asOf = Clocks.dateOrToday(date, clock);
        if (awardedOn != null && awardedOn.isAfter(asOf)) {
            throw ProblemException.invalid("awardedOn", "not-after-date",
                    "must be on or before the date asked about (" + asOf + ")");
        }
        if (certification != null) {
            if (code != null) {
                throw ProblemException.invalid("code", "exclusive", "give either code or certification, not both");
            }
            return offEventLoop(() -> Response.ok(service.byCertification(certification, branch, asOf, awardedOn))
                    .build());
        }
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("code", "required", "give a code (e.g. RNCP34486) or a certification id");
        }
        DirectoryCode parsed = DirectoryCode.parse(code)
                .orElseThrow(() -> ProblemException.invalid("code", "pattern", DirectoryCode.RULE));
        // As for the CPF question: a certification in memory is answered on the event loop, anything else on a worker.
        byte[] known = service.byCodeFromMemory(parsed, branch, asOf, awardedOn);
        if (known != null) {
            return Uni.createFrom().item(json(known));
        }
        return offEventLoop(() -> json(service.byCodeJson(parsed, branch, asOf, awardedOn)));
    }

    private static Response json(byte[] answer) {
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Runs {@code answer} on a worker thread: it may read the database, which must not block the event loop. */
    private static Uni<Response> offEventLoop(Supplier<Response> answer) {
        return Uni.createFrom().item(answer).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
