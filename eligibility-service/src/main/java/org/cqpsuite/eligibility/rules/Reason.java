package org.cqpsuite.eligibility.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One reason of an answer: a stable English code clients may test (the constants of this record), a message in French
 * for end users, and the legal reference it rests on.
 *
 * @param code a stable code, e.g. {@link #REGISTERED_RNCP_IN_FORCE}
 * @param message the reason in French
 * @param legalReference e.g. {@code Code du travail, art. L6323-6}
 */
public record Reason(String code, String message, String legalReference) {

    public static final String L6113_4 = "Code du travail, art. L6113-4";
    public static final String L6113_5 = "Code du travail, art. L6113-5";
    public static final String L6113_6 = "Code du travail, art. L6113-6";
    public static final String L6323_6 = "Code du travail, art. L6323-6";
    /** Qualification levels: RNCP certifications are classified by level (L6113-5), levels 1 to 8 since 2019. */
    public static final String LEVELS = L6113_5 + " ; décret n° 2019-14 du 8 janvier 2019";

    /** A CQP/CQPI not transmitted to France compétences on or before the date: no legal existence. */
    public static final String NOT_TRANSMITTED = "NOT_TRANSMITTED";
    /** A CQP/CQPI transmitted on or before the date: it exists legally. */
    public static final String TRANSMITTED = "TRANSMITTED";
    /** Not a CQP (a directory certification): no transmission needed. */
    public static final String TRANSMISSION_NOT_REQUIRED = "TRANSMISSION_NOT_REQUIRED";
    public static final String REGISTERED_RNCP_IN_FORCE = "REGISTERED_RNCP_IN_FORCE";
    public static final String REGISTERED_RS_IN_FORCE = "REGISTERED_RS_IN_FORCE";
    /** No registration was ever granted. */
    public static final String NOT_REGISTERED = "NOT_REGISTERED";
    public static final String REGISTRATION_NOT_YET_EFFECTIVE = "REGISTRATION_NOT_YET_EFFECTIVE";
    public static final String REGISTRATION_ENDED = "REGISTRATION_ENDED";
    public static final String REGISTRATION_WITHDRAWN = "REGISTRATION_WITHDRAWN";
    /** The registration that ended, or the one used, was replaced by a successor. */
    public static final String REPLACED_BY_SUCCESSOR = "REPLACED_BY_SUCCESSOR";
    public static final String BLOCK_LISTED = "BLOCK_LISTED";
    public static final String BLOCK_NOT_LISTED = "BLOCK_NOT_LISTED";
    /** Skills blocks exist in the RNCP only: an RS registration does not make a block eligible. */
    public static final String BLOCK_REQUIRES_RNCP = "BLOCK_REQUIRES_RNCP";
    public static final String LEVEL_ATTRIBUTED = "LEVEL_ATTRIBUTED";
    /** An RNCP registration decided before 2019-01-01 (or without a recorded level) attributes no level. */
    public static final String LEVEL_NOT_ATTRIBUTED = "LEVEL_NOT_ATTRIBUTED";
    /** RS certifications have no level. */
    public static final String NO_LEVEL_IN_RS = "NO_LEVEL_IN_RS";
    public static final String CPF_ELIGIBLE = "CPF_ELIGIBLE";
    public static final String CPF_NOT_ELIGIBLE = "CPF_NOT_ELIGIBLE";
    public static final String RECOGNISED_ALL_BRANCHES = "RECOGNISED_ALL_BRANCHES";
    public static final String RECOGNISED_CARRYING_BRANCH = "RECOGNISED_CARRYING_BRANCH";
    public static final String NOT_RECOGNISED_OUTSIDE_CARRYING_BRANCHES = "NOT_RECOGNISED_OUTSIDE_CARRYING_BRANCHES";
    public static final String NOT_RECOGNISED_NO_LEGAL_EXISTENCE = "NOT_RECOGNISED_NO_LEGAL_EXISTENCE";
    /** With an award date: the scope is the one in force on that date. */
    public static final String SCOPE_AS_AWARDED = "SCOPE_AS_AWARDED";

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(legalReference, "legalReference");
    }

    static String fr(LocalDate date) {
        return date == null ? "sans date de fin" : date.format(FRENCH_DATE);
    }

    static Reason notTransmitted(LocalDate date, LocalDate transmittedOn) {
        String message = transmittedOn == null
                ? "Le CQP n'a pas été transmis à France compétences : il n'a pas d'existence légale."
                : "Le CQP n'a été transmis à France compétences que le " + fr(transmittedOn)
                        + " : il n'avait pas d'existence légale le " + fr(date) + ".";
        return new Reason(NOT_TRANSMITTED, message, L6113_4);
    }

    static Reason transmitted(LocalDate transmittedOn) {
        return new Reason(TRANSMITTED, "Le CQP a été transmis à France compétences le " + fr(transmittedOn)
                + " : il a une existence légale.", L6113_4);
    }

    static Reason transmissionNotRequired() {
        return new Reason(TRANSMISSION_NOT_REQUIRED,
                "Cette certification n'est pas un CQP : sa transmission à France compétences n'est pas requise.",
                L6113_4);
    }

    /** The article, and the order that registered it when it is known from one. */
    private static String withBasis(String article, RegistrationFacts r) {
        return r.legalBasis() == null ? article : article + " ; " + r.legalBasis();
    }

    static Reason inForce(RegistrationFacts r) {
        boolean rncp = r.directory() == RegistrationFacts.Directory.RNCP;
        return new Reason(rncp ? REGISTERED_RNCP_IN_FORCE : REGISTERED_RS_IN_FORCE,
                "Enregistrement " + r.designation() + " au " + (rncp ? "RNCP" : "répertoire spécifique") + " en vigueur du "
                        + fr(r.effectiveFrom()) + (r.endsOn() == null ? " (sans date de fin)" : " au " + fr(r.endsOn()))
                        + ".",
                withBasis(rncp ? L6113_5 : L6113_6, r));
    }

    static Reason notInForce(RegistrationFacts r, RegistrationFacts.Standing standing) {
        String ref = r.directory() == RegistrationFacts.Directory.RNCP ? L6113_5 : L6113_6;
        String what = "L'enregistrement " + r.designation() + " (" + r.directory() + ")";
        return switch (standing) {
            case NOT_YET_EFFECTIVE -> new Reason(REGISTRATION_NOT_YET_EFFECTIVE,
                    what + " ne prend effet que le " + fr(r.effectiveFrom()) + ".", ref);
            case ENDED -> new Reason(REGISTRATION_ENDED, what + " a pris fin le " + fr(r.endsOn()) + ".", ref);
            case WITHDRAWN -> new Reason(REGISTRATION_WITHDRAWN,
                    what + " a été retiré à compter du " + fr(r.withdrawnOn()) + ".", ref);
            default -> throw new IllegalArgumentException("Not a reason: " + standing);
        };
    }

    static Reason notRegistered() {
        return new Reason(NOT_REGISTERED,
                "La certification n'est enregistrée ni au RNCP ni au répertoire spécifique.", L6323_6);
    }

    static Reason replacedBy(RegistrationFacts r, SuccessorRef successor) {
        String ref = r.directory() == RegistrationFacts.Directory.RNCP ? L6113_5 : L6113_6;
        return new Reason(REPLACED_BY_SUCCESSOR, "L'enregistrement " + r.designation() + " est remplacé par "
                + (successor.code() == null ? "un nouvel enregistrement" : successor.code()) + ".", ref);
    }

    static Reason blockListed(String block, RegistrationFacts r) {
        return new Reason(BLOCK_LISTED,
                "Le bloc de compétences " + block + " figure dans l'enregistrement " + r.designation() + " au RNCP.", L6323_6);
    }

    static Reason blockNotListed(String block, RegistrationFacts r) {
        return new Reason(BLOCK_NOT_LISTED, "Le bloc de compétences " + block
                + " ne figure pas dans l'enregistrement " + r.designation() + " au RNCP en vigueur.", L6323_6);
    }

    static Reason blockRequiresRncp(String block) {
        return new Reason(BLOCK_REQUIRES_RNCP, "Le bloc de compétences " + block
                + " n'est éligible qu'au titre d'un enregistrement au RNCP en vigueur ; le répertoire spécifique "
                + "ne comporte pas de blocs.", L6323_6);
    }

    static Reason levelAttributed(int level, RegistrationFacts r) {
        return new Reason(LEVEL_ATTRIBUTED, "Niveau de qualification " + level + " attribué par l'enregistrement "
                + r.designation() + " décidé le " + fr(r.decidedOn()) + ".", LEVELS);
    }

    static Reason levelNotAttributed(RegistrationFacts r) {
        return new Reason(LEVEL_NOT_ATTRIBUTED, "Aucun niveau de qualification n'est attribué : l'enregistrement "
                + r.designation() + " a été décidé le " + fr(r.decidedOn())
                + ", avant le 01/01/2019 ou sans niveau enregistré.", LEVELS);
    }

    static Reason noLevelInRs() {
        return new Reason(NO_LEVEL_IN_RS,
                "Les certifications du répertoire spécifique n'ont pas de niveau de qualification.", L6113_6);
    }

    static Reason cpfEligible(LocalDate date) {
        return new Reason(CPF_ELIGIBLE, "Éligible au compte personnel de formation le " + fr(date) + ".", L6323_6);
    }

    static Reason cpfNotEligible(LocalDate date) {
        return new Reason(CPF_NOT_ELIGIBLE, "Non éligible au compte personnel de formation le " + fr(date)
                + " : seules les certifications enregistrées au RNCP ou au répertoire spécifique (et les blocs de "
                + "compétences du RNCP) le sont.", L6323_6);
    }

    static Reason recognisedAllBranches() {
        return new Reason(RECOGNISED_ALL_BRANCHES,
                "Enregistré au RNCP : le CQP est reconnu par les entreprises de toutes les branches.", L6113_4);
    }

    static Reason recognisedCarryingBranch(String idcc) {
        return new Reason(RECOGNISED_CARRYING_BRANCH,
                "La branche IDCC " + idcc + " porte ce CQP : il y est reconnu.", L6113_4);
    }

    static Reason notRecognisedOutsideCarryingBranches(String idcc) {
        return new Reason(NOT_RECOGNISED_OUTSIDE_CARRYING_BRANCHES, "Sans enregistrement au RNCP, le CQP n'est "
                + "reconnu que par les branches qui le portent ; la branche IDCC " + idcc + " n'en fait pas partie.",
                L6113_4);
    }

    static Reason notRecognisedNoLegalExistence() {
        return new Reason(NOT_RECOGNISED_NO_LEGAL_EXISTENCE,
                "Sans existence légale, le CQP n'est reconnu par aucune branche.", L6113_4);
    }

    static Reason scopeAsAwarded(LocalDate awardedOn) {
        return new Reason(SCOPE_AS_AWARDED, "Le titulaire conserve la certification telle que délivrée : la "
                + "reconnaissance est appréciée à la date de délivrance, le " + fr(awardedOn) + ".", L6113_4);
    }
}
