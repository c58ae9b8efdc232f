package org.cqpsuite.eligibility.cpf;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cqpsuite.eligibility.api.DirectoryCode;
import org.cqpsuite.eligibility.readmodel.CertificationRecord;
import org.cqpsuite.eligibility.readmodel.ReadModelReader;
import org.cqpsuite.eligibility.rules.CpfAnswer;
import org.cqpsuite.eligibility.rules.CpfEligibility;
import org.cqpsuite.problem.ProblemException;

/** Answers CPF-eligibility questions from the read model with {@link CpfEligibility}. */
@ApplicationScoped
public class CpfEligibilityService {

    private final ReadModelReader readModel;
    private final CpfAnswerCache answers;

    public CpfEligibilityService(ReadModelReader readModel, CpfAnswerCache answers) {
        this.readModel = readModel;
        this.answers = answers;
    }

    /**
     * The JSON of {@link #byCode}'s answer if the certification is in memory (the read model's cache): the answer
     * kept from an earlier question, or computed now and kept. This never touches the database, so it may run on the
     * event loop (computing an answer is a fraction of a millisecond of CPU). {@code null} otherwise.
     *
     * @throws ProblemException 404 when the cache knows that no certification carries the code
     */
    public byte[] byCodeFromMemory(DirectoryCode code, LocalDate date) {
        ReadModelReader.InMemory known = readModel.inMemory(code.registrationCode());
        if (known == null) {
            return null;
        }
        CertificationRecord certification = known.certification().orElseThrow(code::unknown);
        return answerJson(certification, code, date, known.dataAsOf());
    }

    /** The JSON of {@link #byCode}'s answer, reading the database for what memory lacks, and kept for next time. */
    public byte[] byCodeJson(DirectoryCode code, LocalDate date) {
        UUID id = readModel.certificationIdOf(code.registrationCode())
                .orElseThrow(code::unknown);
        CertificationRecord certification = readModel.find(id).orElseThrow(code::unknown);
        return answerJson(certification, code, date, readModel.lastEventTime());
    }

    private byte[] answerJson(CertificationRecord certification, DirectoryCode code, LocalDate date, Instant dataAsOf) {
        byte[] cached = answers.answer(certification, code.asked(), date, dataAsOf);
        return cached != null ? cached
                : answers.keep(certification, code.asked(), date, answer(certification, code, date, dataAsOf));
    }

    /**
     * Asked by code: the answer is about that directory entry (and its block), see
     * {@link CertificationRecord#factsFor}.
     *
     * @throws ProblemException 404 when no certification of the read model carries the code
     */
    public CpfEligibilityView byCode(DirectoryCode code, LocalDate date) {
        UUID id = readModel.certificationIdOf(code.registrationCode())
                .orElseThrow(code::unknown);
        CertificationRecord certification = readModel.find(id).orElseThrow(code::unknown);
        return answer(certification, code, date, readModel.lastEventTime());
    }

    /**
     * Asked by certification id: the answer is about the certification, whichever of its registrations is in force.
     *
     * @throws ProblemException 404 when the read model does not know it
     */
    public CpfEligibilityView byCertification(UUID id, Optional<String> block, LocalDate date) {
        CertificationRecord certification = readModel.find(id).orElseThrow(() -> ProblemException.notFound(
                "No certification " + id + " is known to the eligibility read model."));
        CpfAnswer answer = CpfEligibility.evaluate(certification.facts(), date, block);
        return CpfEligibilityView.of(certification, null, answer, readModel.lastEventTime());
    }

    /** One entry per code, in order: an answer, or the problem a single question would have got. */
    public CpfBatchAnswer batch(List<String> codes, LocalDate date) {
        Set<String> registrationCodes = new LinkedHashSet<>();
        for (String text : codes) {
            DirectoryCode.parse(text).ifPresent(c -> registrationCodes.add(c.registrationCode()));
        }
        Map<String, UUID> ids = readModel.certificationIdsOf(registrationCodes);
        Map<UUID, CertificationRecord> certifications = readModel.findAll(new LinkedHashSet<>(ids.values()));
        Instant dataAsOf = readModel.lastEventTime();
        List<CpfBatchEntry> entries = new ArrayList<>(codes.size());
        for (String text : codes) {
            Optional<DirectoryCode> code = DirectoryCode.parse(text);
            if (code.isEmpty()) {
                entries.add(CpfBatchEntry.error(text, ProblemException.invalid("codes", "pattern",
                        DirectoryCode.RULE).problem()));
                continue;
            }
            UUID id = ids.get(code.get().registrationCode());
            CertificationRecord certification = id == null ? null : certifications.get(id);
            entries.add(certification == null ? CpfBatchEntry.error(text, code.get().unknown().problem())
                    : CpfBatchEntry.answer(text, answer(certification, code.get(), date, dataAsOf)));
        }
        return new CpfBatchAnswer(date, dataAsOf, entries);
    }

    private static CpfEligibilityView answer(CertificationRecord certification, DirectoryCode code, LocalDate date,
            Instant dataAsOf) {
        CpfAnswer answer = CpfEligibility.evaluate(certification.factsFor(code.registrationCode()), date,
                Optional.ofNullable(code.blockCode()));
        return CpfEligibilityView.of(certification, code.registrationCode(), answer, dataAsOf);
    }
}
