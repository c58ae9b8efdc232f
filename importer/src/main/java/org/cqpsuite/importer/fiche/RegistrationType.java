package org.cqpsuite.importer.fiche;

/** How a certification entered the directory ({@code TYPE_ENREGISTREMENT} / {@code Type_Enregistrement}). */
public enum RegistrationType {

    /**
     * "Enregistrement sur demande": registered on the certifier's request after the commission's assent; dated by
     * {@code DATE_DECISION}, limited in time (at most five years). CQPs are registered this way.
     */
    ON_REQUEST,

    /**
     * "Enregistrement de droit": registered by right (state diplomas and titles); dated by {@code DATE_EFFET}.
     */
    BY_RIGHT
}
