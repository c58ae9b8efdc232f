package org.cqpsuite.certification.branch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.cqpsuite.certification.api.PageOf;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The professional branches (IDCC), read-only: the list is Légifrance's, loaded at start. */
@Path("/branches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Branches", description = "Professional branches and their collective agreements (IDCC)")
public class BranchResource {

    @GET
    @Operation(summary = "List branches",
            description = "The collective agreements of the Légifrance list (786 distinct IDCC codes in the 2024-02-20 list), by IDCC code, "
                    + "optionally filtered by a text found in the label or the code, and by whether they are in force.")
    @APIResponse(responseCode = "200", description = "A page of branches", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "textile", value = """
                    {"items": [{"idcc": "0018", "label": "Industrie textile", "legalStates": ["VIGUEUR_ETEN"],
                    "inForce": true, "kaliId": "KALICONT000005635689", "title": "Convention collective nationale de l'industrie textile du 1er février 1951",
                    "url": "https://www.legifrance.gouv.fr/conv_coll/id/KALICONT000005635689"}], "page": 0, "size": 1, "total": 3}""")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<BranchView> list(
            @Parameter(description = "Text to find in the label (accents and case ignored) or the start of the IDCC code",
                    example = "textile") @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "Only agreements in force (true) or no longer in force (false); agreements for which "
                    + "the list does not say are left out of both")
            @QueryParam("inForce") Boolean inForce,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) Integer page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) Integer size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (q != null && !q.isBlank()) {
            conditions.add("(searchText like :text or idcc like :prefix)");
            parameters.and("text", "%" + BranchList.fold(q) + "%").and("prefix", q.trim() + "%");
        }
        if (inForce != null) {
            conditions.add("inForce = :inForce");
            parameters.and("inForce", inForce);
        }
        String where = String.join(" and ", conditions);
        PanacheQuery<Branch> query = conditions.isEmpty()
                ? Branch.findAll(Sort.by("idcc"))
                : Branch.find(where, Sort.by("idcc"), parameters);
        List<BranchView> items = query.page(Page.of(page, size)).stream().map(BranchView::of).toList();
        return new PageOf<>(items, page, size, query.count());
    }

    @GET
    @Path("/{idcc}")
    @Operation(summary = "Get a branch", description = "The branch whose collective agreement has this IDCC code.")
    @APIResponse(responseCode = "200", description = "The branch", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BranchView.class),
            examples = @ExampleObject(name = "textile", value = """
                    {"idcc": "0018", "label": "Industrie textile", "legalStates": ["VIGUEUR_ETEN"], "inForce": true,
                    "kaliId": "KALICONT000005635689", "title": "Convention collective nationale de l'industrie textile du 1er février 1951",
                    "url": "https://www.legifrance.gouv.fr/conv_coll/id/KALICONT000005635689"}""")))
    @APIResponse(responseCode = "400", description = "The IDCC code is not 4 digits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No branch has this IDCC code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BranchView get(@Parameter(description = "IDCC code, 4 digits", example = "0018") @PathParam("idcc")
            @Pattern(regexp = "\\d{4}", message = "must be 4 digits (IDCC code, zero-padded), e.g. 0018") String idcc) {
        Branch branch = Branch.findById(idcc);
        if (branch == null) {
            throw ProblemException.notFound("No branch has the IDCC code " + idcc + ".");
        }
        return BranchView.of(branch);
    }

}
