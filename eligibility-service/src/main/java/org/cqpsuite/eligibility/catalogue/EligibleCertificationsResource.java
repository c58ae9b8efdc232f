package org.cqpsuite.eligibility.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cqpsuite.eligibility.api.Clocks;
import org.cqpsuite.eligibility.cpf.CpfEligibilityView;
import org.cqpsuite.eligibility.readmodel.CertificationRecord;
import org.cqpsuite.eligibility.readmodel.ReadModelReader;
import org.cqpsuite.eligibility.rules.CpfAnswer;
import org.cqpsuite.eligibility.rules.CpfEligibility;
import org.cqpsuite.eligibility.rules.RegistrationFacts;
import org.cqpsuite.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalogue: certifications CPF-eligible on a date, filtered and paged. */
@Path("/eligible-certifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "CPF eligibility")
public class EligibleCertificationsResource {

    private final CatalogueQuery query;
    private final ReadModelReader readModel;
    private final Clock clock;

    public EligibleCertificationsResource(CatalogueQuery query, ReadModelReader readModel, Clock clock) {
        this.query = query;
        this.readModel = readModel;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "List the certifications CPF-eligible on a date",
            description = "Every certification of the read model that `GET /eligibility/cpf?certification=` would "
                    + "answer eligible on the date, by title, with the registration it is eligible under. Filters: "
                    + "`idcc` keeps those recognised in that branch (RNCP registration in force, or a carrying "
                    + "branch), `level` those whose RNCP basis attributes that level, `rome` those with that ROME code, "
                    + "`q` those whose title contains the text (accents and case ignored) or that have a registration "
                    + "with that code. Reads need no token.")
    @APIResponse(responseCode = "200", description = "A page, with the total", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CataloguePage.class),
            examples = @ExampleObject(name = "one page", value = """
                    {"asOf": "2024-01-15", "page": 0, "size": 20, "total": 1, "dataAsOf": "2026-11-27T10:15:02.123456Z",
                     "items": [{"id": "5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11",
                       "title": "CQPI Technicien de maintenance industrielle", "kind": "CQPI",
                       "basis": {"directory": "RNCP", "code": "RNCP34486", "effectiveFrom": "2020-03-01",
                         "endsOn": "2025-03-01", "level": 4, "block": null},
                       "carryingBranches": ["1580", "2528"], "romeCodes": ["I1304"]}]}""")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The read model's database is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CataloguePage list(
            @Parameter(description = "The date (YYYY-MM-DD); today in Europe/Paris when absent", example = "2024-01-15")
            @QueryParam("date") LocalDate date,
            @Parameter(description = "Only those recognised in this branch: its IDCC, 4 digits", example = "1580")
            @QueryParam("idcc") @Pattern(regexp = "\\d{4}", message = "must be 4 digits (IDCC code, zero-padded), e.g. 1580") String idcc,
            @Parameter(description = "Only those whose RNCP registration attributes this level, 1 to 8", example = "4")
            @QueryParam("level") @Min(1) @Max(8) Integer level,
            @Parameter(description = "Only those with this ROME code", example = "I1304")
            @QueryParam("rome") @Pattern(regexp = "[A-Na-n]\\d{4}", message = "must be a ROME code: a letter A to N and 4 digits, e.g. I1304") String rome,
            @Parameter(description = "Text found in the title (accents and case ignored), or a directory code",
                    example = "maintenance") @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) Integer page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) Integer size) {
        LocalDate asOf = Clocks.dateOrToday(date, clock);
        CatalogueQuery.Filters filters = new CatalogueQuery.Filters(asOf, idcc, level,
                rome == null ? null : rome.toUpperCase(java.util.Locale.ROOT), q == null || q.isBlank() ? null : q);
        Instant dataAsOf = readModel.lastEventTime();
        CatalogueQuery.Result result = query.find(filters, page, size);
        Map<UUID, CertificationRecord> records = readModel.findAll(result.ids());
        List<EligibleCertificationView> items = new ArrayList<>();
        for (UUID id : result.ids()) {
            CertificationRecord c = records.get(id);
            if (c == null) {
                continue; // removed between the two queries (a rebuild started)
            }
            CpfAnswer answer = CpfEligibility.evaluate(c.facts(), asOf, Optional.empty());
            RegistrationFacts b = answer.basis();
            items.add(new EligibleCertificationView(c.id(), c.title(), c.kind().name(),
                    b == null ? null : new CpfEligibilityView.Basis(b.directory().name(), b.code(),
                            b.effectiveFrom(), b.endsOn(), answer.level(), null, b.legalBasis()),
                    c.carryingBranches(), c.romeCodes()));
        }
        return new CataloguePage(asOf, items, page, size, result.total(), dataAsOf);
    }
}
