package org.cqpsuite.certification.domain;

/** Where a certification stands in this service; the transitions are {@link CertificationLifecycle}'s. */
public enum CertificationStatus {

    /** Being written by its CPNE(s): every edit allowed, not visible as a certification yet. */
    DRAFT,

    /** Published: may still be corrected and given new framework versions, but its kind is fixed. */
    PUBLISHED,

    /** Retired (or a draft abandoned): final, read-only; its definition and framework versions stay readable. */
    RETIRED
}
