package org.cqpsuite.registration.domain;

/**
 * What a certification is, as certification-service classifies it (its {@code kind}); registration-service needs it
 * only for the directory import, to know whether a transmission is due.
 */
public enum CertificationKind {

    /** Certificat de qualification professionnelle (article L6113-4): transmitted to France compétences. */
    CQP,

    /** Interbranch CQP (article L6113-4): transmitted to France compétences. */
    CQPI,

    /**
     * A directory certification that is not a CQP (a titre professionnel, a diploma...): the transmission of article
     * L6113-4 applies to CQPs only, so it has none, inferred or not.
     */
    OTHER;

    /** Whether a certification of this kind is transmitted to France compétences before it can be registered. */
    public boolean isTransmitted() {
        return this != OTHER;
    }

    /** The kind named {@code name} (exact case), or {@code null}. */
    public static CertificationKind of(String name) {
        for (CertificationKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
