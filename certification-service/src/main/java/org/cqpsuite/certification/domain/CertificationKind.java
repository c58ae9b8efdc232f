package org.cqpsuite.certification.domain;

/**
 * What a certification is. CQP and CQPI are defined by article L6113-4 of the Code du travail; {@link #OTHER} holds
 * directory certifications that are not CQPs (a titre professionnel, a diploma...) so that the directory importer can
 * keep the whole directory.
 */
public enum CertificationKind {

    /** Certificat de qualification professionnelle: created and issued by the CPNE(s) of one or more branches. */
    CQP(1),

    /** Certificat de qualification professionnelle interbranches: created by at least two branches. */
    CQPI(2),

    /** Not a CQP: no CPNE required, and not bound by the rule that a CQP is published with its three frameworks. */
    OTHER(0);

    private final int minimumBranches;

    CertificationKind(int minimumBranches) {
        this.minimumBranches = minimumBranches;
    }

    /** The number of distinct branches (IDCC) whose CPNEs must carry a certification of this kind. */
    public int minimumBranches() {
        return minimumBranches;
    }

    /**
     * Whether publication needs the three frameworks. Only CQPs and CQPIs: the suite is where CPNEs maintain those,
     * while the frameworks of {@link #OTHER} certifications belong to their certifiers and live in the directory.
     */
    public boolean requiresFrameworks() {
        return this != OTHER;
    }
}
