package org.cqpsuite.eligibility.catalogue;

import java.util.List;
import java.util.UUID;
import org.cqpsuite.eligibility.cpf.CpfEligibilityView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A certification CPF-eligible on the date asked about.
 *
 * @param id its id in the suite
 * @param title its title
 * @param kind CQP, CQPI or OTHER
 * @param basis the registration in force it is eligible under (RNCP preferred)
 * @param carryingBranches the IDCCs of its carrying branches
 * @param romeCodes its ROME codes
 */
@Schema(name = "EligibleCertification")
public record EligibleCertificationView(UUID id,
        @Schema(example = "CQPI Technicien de maintenance industrielle") String title,
        @Schema(enumeration = {"CQP", "CQPI", "OTHER"}) String kind, CpfEligibilityView.Basis basis,
        @Schema(example = "[\"1580\", \"2528\"]") List<String> carryingBranches,
        @Schema(example = "[\"I1304\"]") List<String> romeCodes) {
}
