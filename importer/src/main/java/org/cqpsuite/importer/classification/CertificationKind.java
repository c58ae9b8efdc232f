package org.cqpsuite.importer.classification;

/** What a fiche certifies, for the suite: the same three kinds as certification-service. */
public enum CertificationKind {

    /** Certificat de qualification professionnelle: created and issued by the CPNE(s) of one branch (L6113-4). */
    CQP,

    /** Interbranch CQP: created by at least two branches. */
    CQPI,

    /** Anything else in the directories (diplomas, titres professionnels, RS certifications...). */
    OTHER
}
