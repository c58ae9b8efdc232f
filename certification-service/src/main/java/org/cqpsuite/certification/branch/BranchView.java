package org.cqpsuite.certification.branch;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A branch as the API shows it. */
@Schema(name = "Branch", description = "A professional branch, identified by the IDCC code of its collective agreement")
public record BranchView(
        @Schema(description = "IDCC code, 4 digits, zero-padded", example = "0018") String idcc,
        @Schema(example = "Industrie textile") String label,
        @Schema(description = "Légifrance legal states of the agreement (VIGUEUR_ETEN, VIGUEUR_NON_ETEN, MODIFIE, "
                + "REMPLACE, PERIME, ABROGE, DENONCE); empty when the list does not say", example = "[\"VIGUEUR_ETEN\"]")
        List<String> legalStates,
        @Schema(description = "Whether the agreement is in force; null when the list does not say", example = "true",
                nullable = true) Boolean inForce,
        @Schema(description = "Légifrance KALICONT identifier", example = "KALICONT000005635689") String kaliId,
        @Schema(description = "Full title of the agreement") String title,
        @Schema(description = "The agreement on Légifrance") String url) {

    static BranchView of(Branch branch) {
        List<String> states = branch.legalState == null ? List.of() : List.of(branch.legalState.split("\\|"));
        return new BranchView(branch.idcc, branch.label, states, branch.inForce, branch.kaliId, branch.title,
                branch.url);
    }
}
