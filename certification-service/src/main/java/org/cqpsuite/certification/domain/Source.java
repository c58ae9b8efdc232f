package org.cqpsuite.certification.domain;

/** Who wrote a certification record. */
public enum Source {

    /** Written through the API by a CPNE or an operator: all rules apply. */
    API,

    /**
     * Written by the directory importer from the official directory (RNCP/RS): it carries what the directory gives,
     * which may lack some frameworks, so publication does not require them.
     */
    DIRECTORY_IMPORT
}
