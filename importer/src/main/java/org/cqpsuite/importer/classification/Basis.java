package org.cqpsuite.importer.classification;

/** Which kind of evidence decided a fiche's {@link CertificationKind}, for the import report's counts. */
public enum Basis {

    /** {@code ABREGE} code or label says CQP / CQPI. */
    ABREGE("abrégé CQP/CQPI"),

    /** The title starts with "CQP" or "Certificat de qualification professionnelle". */
    TITLE("title"),

    /** A certifier is a CPNE, a commission paritaire or another branch body. */
    CERTIFIER("certifier is a branch body"),

    /** An official order registering it as a CQP or CQPI (it is not a directory fiche). */
    ORDER("official order"),

    /** No evidence of a CQP. */
    NONE("no CQP evidence");

    private final String label;

    Basis(String label) {
        this.label = label;
    }

    /** A few words for reports. */
    public String label() {
        return label;
    }
}
