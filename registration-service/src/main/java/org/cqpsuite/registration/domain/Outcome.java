package org.cqpsuite.registration.domain;

/** What France compétences decided on a registration request. */
public enum Outcome {

    /** Registered, after the commission's assent (avis conforme) for a registration on request. */
    REGISTERED,

    /** Refused: the request ends there; the CPNE may file a new request. */
    REFUSED
}
