package org.cqpsuite.importer.fiche;

import java.util.List;

/** Thrown by {@link FicheMapper} when a fiche's values cannot be mapped; lists every problem found, not just the first. */
public final class FicheRejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public FicheRejection(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem in words, e.g. "DATE_FIN_ENREGISTREMENT '31/02/2024' is not a valid JJ/MM/AAAA date". */
    public List<String> problems() {
        return problems;
    }

    /** The problems joined with "; ", as the import report shows them. */
    public String reason() {
        return getMessage();
    }
}
