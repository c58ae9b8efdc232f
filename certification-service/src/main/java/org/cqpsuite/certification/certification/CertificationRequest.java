package org.cqpsuite.certification.certification;

import java.util.List;
import org.cqpsuite.certification.domain.CertificationKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST and PUT /certifications: the definition of a certification. */
@Schema(name = "CertificationRequest", description = "The definition of a CQP, CQPI or other certification")
public record CertificationRequest(
        @Schema(description = "CQP, CQPI (interbranch: CPNEs of at least two branches) or OTHER (a directory "
                + "certification that is not a CQP)", required = true) CertificationKind kind,
        @Schema(description = "Title, at most 1 000 characters", required = true, example = "Opérateur qualité") String title,
        @Schema(description = "The issuing CPNEs: at least one for a CQP, of at least two distinct branches for a CQPI")
        List<CpneRequest> cpnes,
        @Schema(description = "NSF codes: 3 digits and an optional letter", example = "[\"200r\"]") List<String> nsfCodes,
        @Schema(description = "ROME codes of the targeted jobs: a letter and 4 digits", example = "[\"H1502\"]")
        List<String> romeCodes) {

    /** A CPNE (commission paritaire nationale de l'emploi) and the IDCC code of its branch. */
    @Schema(name = "Cpne")
    public record CpneRequest(
            @Schema(required = true, example = "CPNEFP textile") String name,
            @Schema(description = "IDCC code of the branch, 4 digits", required = true, example = "0018") String idcc) {
    }
}
