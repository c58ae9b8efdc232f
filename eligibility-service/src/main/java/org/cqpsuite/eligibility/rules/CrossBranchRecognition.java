package org.cqpsuite.eligibility.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognition of a certification by a company of branch B (IDCC) on a date (Code du travail, art. L6113-4), plain
 * Java.
 *
 * <ul>
 * <li>no legal existence on the date (CQP/CQPI not transmitted on or before it): {@link RecognitionAnswer.Scope#NONE},
 * nobody;</li>
 * <li>an RNCP registration in force on the date: {@link RecognitionAnswer.Scope#ALL_BRANCHES};</li>
 * <li>otherwise (transmitted only, RS only, or an RNCP registration that ended): the carrying branches only. A kind
 * OTHER certification exists without transmission; without RNCP registration it is recognised by its carrying branches
 * (usually none).</li>
 * </ul>
 * With {@code awardedOn}, the scope is the one in force on the award date (a holder keeps what was awarded): the
 * answer's {@code asOf} is the award date and a {@code SCOPE_AS_AWARDED} reason comes first. An award date after the
 * date asked about is refused ({@link IllegalArgumentException}): nobody holds on D what is awarded later.
 */
public final class CrossBranchRecognition {

    private static final Pattern IDCC = Pattern.compile("\\d{1,4}");

    private CrossBranchRecognition() {
    }

    public static RecognitionAnswer evaluate(CertificationFacts c, String idcc, LocalDate date,
            Optional<LocalDate> awardedOn) {
        Objects.requireNonNull(c, "certification");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(awardedOn, "awardedOn");
        String branch = normalizeIdcc(idcc);
        if (awardedOn.isPresent() && awardedOn.get().isAfter(date)) {
            throw new IllegalArgumentException("awardedOn " + awardedOn.get() + " is after the date " + date);
        }
        LocalDate asOf = awardedOn.orElse(date);
        List<Reason> reasons = new ArrayList<>();
        awardedOn.ifPresent(a -> reasons.add(Reason.scopeAsAwarded(a)));

        if (!c.legallyExistsOn(asOf)) {
            reasons.add(Reason.notTransmitted(asOf, c.transmittedOn()));
            reasons.add(Reason.notRecognisedNoLegalExistence());
            return new RecognitionAnswer(false, RecognitionAnswer.Scope.NONE, c.carryingBranches(), asOf, reasons);
        }
        reasons.add(c.kind().needsTransmission() ? Reason.transmitted(c.transmittedOn())
                : Reason.transmissionNotRequired());

        Optional<RegistrationFacts> rncp = Registrations.inForce(c, asOf,
                r -> r.directory() == RegistrationFacts.Directory.RNCP);
        if (rncp.isPresent()) {
            reasons.add(Reason.inForce(rncp.get()));
            reasons.add(Reason.recognisedAllBranches());
            return new RecognitionAnswer(true, RecognitionAnswer.Scope.ALL_BRANCHES, c.carryingBranches(), asOf,
                    reasons);
        }
        Registrations.inForce(c, asOf, r -> true).ifPresent(rs -> reasons.add(Reason.inForce(rs)));
        boolean carrying = c.carryingBranches().stream().anyMatch(b -> normalizeIdcc(b).equals(branch));
        reasons.add(carrying ? Reason.recognisedCarryingBranch(branch)
                : Reason.notRecognisedOutsideCarryingBranches(branch));
        return new RecognitionAnswer(carrying, RecognitionAnswer.Scope.CARRYING_BRANCHES, c.carryingBranches(), asOf,
                reasons);
    }

    /** An IDCC of 1 to 4 digits, zero-padded to 4 ({@code 18} → {@code 0018}). */
    static String normalizeIdcc(String idcc) {
        Objects.requireNonNull(idcc, "idcc");
        String stripped = idcc.strip();
        if (!IDCC.matcher(stripped).matches()) {
            throw new IllegalArgumentException("An IDCC has 1 to 4 digits: " + idcc);
        }
        return "0".repeat(4 - stripped.length()) + stripped;
    }
}
