package org.cqpsuite.eligibility.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CPF eligibility on a date (Code du travail, art. L6323-6), plain Java.
 *
 * <ol>
 * <li>A CQP/CQPI must exist legally on D: transmitted to France compétences on or before D (L6113-4; the last recorded
 * transmission, see {@link CertificationFacts}). OTHER needs no transmission.</li>
 * <li>Without a block: it needs a registration in force on D ({@link RegistrationFacts#standingOn}) in the RNCP
 * (L6113-5) or the RS (L6113-6). When several are in force, the RNCP one is used, then the one that started last
 * ({@link Registrations#PREFERENCE}).</li>
 * <li>With a block: it needs an RNCP registration in force on D that lists the block; an RS registration never makes a
 * block eligible.</li>
 * <li>Level: the RNCP basis's level when decided on or after 2019-01-01; none before, none for the RS.</li>
 * <li>Successor: the successor of the basis, or without basis of the latest registration started on or before D,
 * when it names one; each registration that is not in force on D gives its reason (not yet effective, ended,
 * withdrawn).</li>
 * </ol>
 */
public final class CpfEligibility {

    /** The first decision date whose RNCP registrations attribute a level (decree of 8 January 2019). */
    public static final LocalDate FIRST_LEVEL_DECISION = LocalDate.of(2019, 1, 1);

    private CpfEligibility() {
    }

    public static CpfAnswer evaluate(CertificationFacts c, LocalDate date, Optional<String> blockCode) {
        Objects.requireNonNull(c, "certification");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(blockCode, "blockCode");
        String block = blockCode.filter(b -> !b.isBlank()).map(RegistrationFacts::normalizeBlock).orElse(null);
        List<Reason> reasons = new ArrayList<>();

        if (!c.legallyExistsOn(date)) {
            reasons.add(Reason.notTransmitted(date, c.transmittedOn()));
            reasons.add(Reason.cpfNotEligible(date));
            return new CpfAnswer(false, date, null, null, block, null, reasons);
        }
        reasons.add(c.kind().needsTransmission() ? Reason.transmitted(c.transmittedOn())
                : Reason.transmissionNotRequired());

        Optional<RegistrationFacts> basis = block == null
                ? Registrations.inForce(c, date, r -> true)
                : Registrations.inForce(c, date, r -> r.directory() == RegistrationFacts.Directory.RNCP
                        && r.listsBlock(block));

        if (basis.isPresent()) {
            RegistrationFacts b = basis.get();
            reasons.add(Reason.inForce(b));
            if (block != null) {
                reasons.add(Reason.blockListed(block, b));
            }
            Integer level = level(b, reasons);
            SuccessorRef successor = successorOf(b, reasons);
            reasons.add(Reason.cpfEligible(date));
            return new CpfAnswer(true, date, b, level, block, successor, reasons);
        }

        if (block != null) {
            Optional<RegistrationFacts> rncp = Registrations.inForce(c, date,
                    r -> r.directory() == RegistrationFacts.Directory.RNCP);
            Optional<RegistrationFacts> any = Registrations.inForce(c, date, r -> true);
            if (rncp.isPresent()) {
                reasons.add(Reason.inForce(rncp.get()));
                reasons.add(Reason.blockNotListed(block, rncp.get()));
                reasons.add(Reason.cpfNotEligible(date));
                return new CpfAnswer(false, date, null, null, block, null, reasons);
            }
            if (any.isPresent()) {
                reasons.add(Reason.inForce(any.get()));
                reasons.add(Reason.blockRequiresRncp(block));
                reasons.add(Reason.cpfNotEligible(date));
                return new CpfAnswer(false, date, null, null, block, null, reasons);
            }
        }

        List<RegistrationFacts> granted = Registrations.granted(c);
        if (granted.isEmpty()) {
            reasons.add(Reason.notRegistered());
        } else {
            for (RegistrationFacts r : granted) {
                reasons.add(Reason.notInForce(r, r.standingOn(date)));
            }
        }
        SuccessorRef successor = Registrations.latestStarted(c, date).map(r -> successorOf(r, reasons)).orElse(null);
        reasons.add(Reason.cpfNotEligible(date));
        return new CpfAnswer(false, date, null, null, block, successor, reasons);
    }

    private static Integer level(RegistrationFacts b, List<Reason> reasons) {
        if (b.directory() == RegistrationFacts.Directory.RS) {
            reasons.add(Reason.noLevelInRs());
            return null;
        }
        if (b.level() != null && b.decidedOn() != null && !b.decidedOn().isBefore(FIRST_LEVEL_DECISION)) {
            reasons.add(Reason.levelAttributed(b.level(), b));
            return b.level();
        }
        reasons.add(Reason.levelNotAttributed(b));
        return null;
    }

    private static SuccessorRef successorOf(RegistrationFacts r, List<Reason> reasons) {
        if (!r.hasSuccessor()) {
            return null;
        }
        SuccessorRef successor = new SuccessorRef(r.successorId(), r.successorCode());
        reasons.add(Reason.replacedBy(r, successor));
        return successor;
    }
}
