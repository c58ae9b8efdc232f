package org.cqpsuite.registration.domain;

/** How a certification came to be registered (article L6113-5 du Code du travail). */
public enum RegistrationType {

    /**
     * Enregistrement sur demande: at the request of the certifier (for a CQP, its CPNE), after the assent (avis conforme)
     * of France compétences' commission for professional certification; limited to five years, then renewed. This is
     * how CQPs are registered.
     */
    ON_REQUEST,

    /**
     * Enregistrement de droit: diplomas and titles issued on behalf of the State, registered without the commission's
     * assent. Kept so that directory data can be recorded as it is; no five-year limit is checked for it.
     */
    BY_RIGHT
}
