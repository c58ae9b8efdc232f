package org.cqpsuite.eligibility.cpf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.eligibility.api.CertificationRef;
import org.cqpsuite.eligibility.readmodel.CertificationRecord;
import org.cqpsuite.eligibility.rules.CpfAnswer;
import org.cqpsuite.eligibility.rules.Reason;
import org.cqpsuite.eligibility.rules.RegistrationFacts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to "is training toward this certification CPF-eligible on {@code asOf}?".
 *
 * @param eligible whether it is
 * @param asOf the date asked about
 * @param certification what was asked about
 * @param basis the registration in force the answer rests on, or {@code null} when not eligible
 * @param successor the registration that follows the one asked about, when it ended or was replaced, or {@code null}
 * @param reasons why, in order, each in French with a stable code and its legal reference
 * @param dataAsOf the time of the last event applied to the read model: the answer is as fresh as this
 */
@Schema(name = "CpfEligibility")
public record CpfEligibilityView(boolean eligible, LocalDate asOf, CertificationRef certification, Basis basis,
        Successor successor, List<Reason> reasons, Instant dataAsOf) {

    /**
     * A registration in force on the date.
     *
     * @param directory RNCP or RS
     * @param code its code
     * @param effectiveFrom its first day
     * @param endsOn its last day, {@code null} when without end
     * @param level the qualification level (RNCP, decided from 2019-01-01), else {@code null}
     * @param block the skills block asked about, else {@code null}
     * @param legalBasis the official order that registered it, when known from one (its code is then {@code null})
     */
    @Schema(name = "CpfBasis")
    public record Basis(@Schema(enumeration = {"RNCP", "RS"}) String directory,
            @Schema(example = "RNCP34486") String code,
            @Schema(example = "2020-03-01") LocalDate effectiveFrom,
            @Schema(example = "2025-03-01", nullable = true) LocalDate endsOn,
            @Schema(example = "4", nullable = true, minimum = "1", maximum = "8") Integer level,
            @Schema(example = "RNCP34486BC01", nullable = true) String block,
            @Schema(example = "Arrêté du 20 janvier 2014 (NOR ETSD1401196A)", nullable = true) String legalBasis) {
    }

    /**
     * The registration that follows one that ended or was replaced.
     *
     * @param id the successor registration of the same certification, {@code null} when only its code is known
     * @param code its code, {@code null} while not known
     */
    @Schema(name = "Successor")
    public record Successor(UUID id, @Schema(example = "RNCP38912") String code) {
    }

    static CpfEligibilityView of(CertificationRecord certification, String askedCode, CpfAnswer answer,
            Instant dataAsOf) {
        RegistrationFacts b = answer.basis();
        String code = askedCode != null ? askedCode : b != null ? b.code() : null;
        return new CpfEligibilityView(answer.eligible(), answer.asOf(),
                new CertificationRef(certification.id(), code, certification.title(), certification.kind().name()),
                b == null ? null : new Basis(b.directory().name(), b.code(), b.effectiveFrom(), b.endsOn(),
                        answer.level(), answer.block(), b.legalBasis()),
                answer.successor() == null ? null
                        : new Successor(answer.successor().id(), answer.successor().code()),
                answer.reasons(), dataAsOf);
    }
}
