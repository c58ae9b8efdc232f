package org.cqpsuite.eligibility.readmodel;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cqpsuite.eligibility.rules.CertificationFacts;
import org.cqpsuite.eligibility.rules.RegistrationFacts;

/**
 * One certification as the read model holds it: what both topics said last about it.
 *
 * @param id the certification id
 * @param kind CQP, CQPI or OTHER
 * @param title its title
 * @param status DRAFT, PUBLISHED or RETIRED (informative: the rules read the registrations)
 * @param cpnes its issuing CPNEs, in the certification's order
 * @param carryingBranches the IDCCs of its carrying branches, sorted
 * @param romeCodes its ROME codes
 * @param transmissionDates its transmissions to France compétences, oldest first
 * @param registrations its registrations, in the order registration-service recorded them
 */
public record CertificationRecord(UUID id, CertificationFacts.Kind kind, String title, String status,
        List<Cpne> cpnes, List<String> carryingBranches, List<String> romeCodes, List<LocalDate> transmissionDates,
        List<RegistrationFacts> registrations) {

    /** An issuing CPNE and the IDCC of its branch. */
    public record Cpne(String name, String idcc) {
    }

    public CertificationRecord {
        cpnes = List.copyOf(cpnes);
        carryingBranches = List.copyOf(carryingBranches);
        romeCodes = List.copyOf(romeCodes);
        transmissionDates = List.copyOf(transmissionDates);
        registrations = List.copyOf(registrations);
    }

    /** Everything the rules need, with every registration. */
    public CertificationFacts facts() {
        return new CertificationFacts(id, kind, title, carryingBranches, transmissionDates, registrations);
    }

    /**
     * The facts restricted to the registrations that carry {@code code} (a directory code, upper case): a question
     * asked by code is about that directory entry, so a registration of the certification under another code (its
     * renewal under a new number) is not its basis; it is named as its successor instead.
     */
    public CertificationFacts factsFor(String code) {
        String wanted = code.toUpperCase(Locale.ROOT);
        return new CertificationFacts(id, kind, title, carryingBranches, transmissionDates,
                registrations.stream().filter(r -> wanted.equals(r.code())).toList());
    }

    /** The name of the CPNE of branch {@code idcc} issuing it, or {@code null}. */
    public String cpneOf(String idcc) {
        return cpnes.stream().filter(c -> c.idcc().equals(idcc)).map(Cpne::name).findFirst().orElse(null);
    }
}
