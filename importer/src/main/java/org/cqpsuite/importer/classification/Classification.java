package org.cqpsuite.importer.classification;

import java.util.List;
import java.util.Objects;

/**
 * How one fiche was classified, and why.
 *
 * @param code the fiche's code
 * @param kind CQP, CQPI or OTHER
 * @param basis the evidence that decided the kind
 * @param reasons every piece of evidence found, in words, the deciding one first
 * @param branchIdccs for a CQP/CQPI, the carrying branches' IDCC codes when known (sorted, 4 digits); empty otherwise
 */
public record Classification(String code, CertificationKind kind, Basis basis, List<String> reasons,
        List<String> branchIdccs) {

    public Classification {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(basis, "basis");
        reasons = List.copyOf(reasons);
        branchIdccs = List.copyOf(branchIdccs);
    }

    /** The reasons as one sentence. */
    public String reason() {
        return String.join("; ", reasons);
    }
}
