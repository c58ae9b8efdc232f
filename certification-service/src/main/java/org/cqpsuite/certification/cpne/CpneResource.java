package org.cqpsuite.certification.cpne;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The CPNEs that issue certifications, as the certifications name them. */
@Path("/cpnes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "CPNEs", description = "Commissions paritaires nationales de l'emploi, each tied to a branch (IDCC)")
public class CpneResource {

    /** A CPNE, its branch and how many certifications it issues. */
    @Schema(name = "CpneSummary")
    public record CpneView(String name, String idcc, String branchLabel, long certifications) {
    }

    @Inject
    EntityManager entityManager;

    @GET
    @PermitAll
    @Transactional
    @Operation(summary = "List the CPNEs",
            description = "Every CPNE named by at least one certification, with its branch and the number of "
                    + "certifications it issues, by IDCC then name; optionally only those of one branch or whose "
                    + "name contains a text.")
    @APIResponse(responseCode = "200", description = "The CPNEs", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "textile", value = """
                    [{"name": "CPNEFP textile", "idcc": "0018", "branchLabel": "Industrie textile", "certifications": 3}]""")))
    public List<CpneView> list(
            @Parameter(description = "Only the CPNEs of this branch", example = "0018") @QueryParam("idcc")
            @Pattern(regexp = "\\d{4}", message = "must be 4 digits (IDCC code, zero-padded), e.g. 0018") String idcc,
            @Parameter(description = "Text to find in the name, case ignored") @QueryParam("q") @Size(max = 200) String q) {
        return entityManager.createQuery("""
                select new org.cqpsuite.certification.cpne.CpneResource$CpneView(p.name, p.idcc, b.label, count(c))
                from Certification c join c.cpnes p join Branch b on b.idcc = p.idcc
                where (:idcc is null or p.idcc = :idcc) and (:q is null or lower(p.name) like :q)
                group by p.name, p.idcc, b.label
                order by p.idcc, p.name""", CpneView.class)
                .setParameter("idcc", idcc)
                .setParameter("q", q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase(Locale.ROOT) + "%")
                .getResultList();
    }
}
