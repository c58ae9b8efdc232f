package org.cqpsuite.certification.domain;

import java.util.Arrays;
import java.util.Optional;

/** The three frameworks every CQP/CQPI rests on (article L6113-1 of the Code du travail). */
public enum FrameworkKind {

    /** Référentiel d'activités: work situations, activities, targeted jobs. */
    ACTIVITIES("activities", "référentiel d'activités"),

    /** Référentiel de compétences: skills and knowledge, grouped in skills blocks. */
    SKILLS("skills", "référentiel de compétences"),

    /** Référentiel d'évaluation: criteria, methods and tests for each skill or block. */
    EVALUATION("evaluation", "référentiel d'évaluation");

    private final String pathSegment;
    private final String legalName;

    FrameworkKind(String pathSegment, String legalName) {
        this.pathSegment = pathSegment;
        this.legalName = legalName;
    }

    /** The segment naming this framework in URLs ({@code .../frameworks/skills}). */
    public String pathSegment() {
        return pathSegment;
    }

    /** The French legal term, for messages. */
    public String legalName() {
        return legalName;
    }

    /**
     * The framework a URL segment names; exact lower-case match only (URL paths are case-sensitive), empty for anything
     * else so that resources answer 404.
     */
    public static Optional<FrameworkKind> fromPath(String segment) {
        return Arrays.stream(values()).filter(kind -> kind.pathSegment.equals(segment)).findFirst();
    }
}
