package org.cqpsuite.eligibility.recognition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.cqpsuite.eligibility.api.DirectoryCode;
import org.cqpsuite.eligibility.readmodel.AnswerCache;
import org.cqpsuite.eligibility.readmodel.CertificationRecord;
import org.cqpsuite.eligibility.readmodel.ReadModelReader;
import org.cqpsuite.eligibility.rules.CrossBranchRecognition;
import org.cqpsuite.eligibility.rules.RecognitionAnswer;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers recognition questions from the read model with {@link CrossBranchRecognition}; the JSON of answers asked by
 * code is kept per question ({@link AnswerCache}, metrics {@code cache_gets_total{cache="eligibility-recognition-answers"}}).
 */
@ApplicationScoped
public class RecognitionService {

    /** A question by code: the registration code, the branch (4 digits), the date and the award date if any. */
    private record Question(String code, String idcc, LocalDate date, LocalDate awardedOn) {
    }

    private final ReadModelReader readModel;
    private final AnswerCache<Question, RecognitionView> answers;

    public RecognitionService(ReadModelReader readModel, ObjectMapper json,
            @ConfigProperty(name = "cqp.read-model.cache.recognition-answer-bytes") long maxBytes,
            MeterRegistry registry) {
        this.readModel = readModel;
        this.answers = new AnswerCache<>("eligibility-recognition-answers", json, maxBytes, registry,
                RecognitionService::withoutDataAsOf, RecognitionView::dataAsOf);
    }

    /**
     * The JSON of {@link #byCodeJson}'s answer if the certification is in memory (the read model's cache): the answer
     * kept from an earlier question, or computed now and kept. This never touches the database, so it may run on the
     * event loop. {@code null} otherwise.
     *
     * @throws ProblemException 404 when the cache knows that no certification carries the code
     */
    public byte[] byCodeFromMemory(DirectoryCode code, String idcc, LocalDate date, LocalDate awardedOn) {
        ReadModelReader.InMemory known = readModel.inMemory(code.registrationCode());
        if (known == null) {
            return null;
        }
        CertificationRecord certification = known.certification().orElseThrow(code::unknown);
        return answerJson(certification, code, idcc, date, awardedOn, known.dataAsOf());
    }

    /**
     * The JSON of the answer about the certification registered under {@code code}, reading the database for what
     * memory lacks, and kept for next time.
     *
     * @throws ProblemException 404 when no certification of the read model carries the code
     */
    public byte[] byCodeJson(DirectoryCode code, String idcc, LocalDate date, LocalDate awardedOn) {
        CertificationRecord certification = readModel.certificationIdOf(code.registrationCode())
                .flatMap(readModel::find).orElseThrow(code::unknown);
        return answerJson(certification, code, idcc, date, awardedOn, readModel.lastEventTime());
    }

    private byte[] answerJson(CertificationRecord certification, DirectoryCode code, String idcc, LocalDate date,
            LocalDate awardedOn, Instant dataAsOf) {
        Question question = new Question(code.registrationCode(), idcc, date, awardedOn);
        byte[] cached = answers.answer(certification, question, dataAsOf);
        return cached != null ? cached : answers.keep(certification, question,
                answer(certification, code.registrationCode(), idcc, date, awardedOn, dataAsOf));
    }

    /**
     * The answer about the certification {@code id}.
     *
     * @throws ProblemException 404 when the read model does not know it
     */
    public RecognitionView byCertification(UUID id, String idcc, LocalDate date, LocalDate awardedOn) {
        CertificationRecord certification = readModel.find(id).orElseThrow(() -> ProblemException.notFound(
                "No certification " + id + " is known to the eligibility read model."));
        return answer(certification, null, idcc, date, awardedOn, readModel.lastEventTime());
    }

    CacheStats stats() {
        return answers.stats();
    }

    private static RecognitionView answer(CertificationRecord certification, String askedCode, String idcc,
            LocalDate date, LocalDate awardedOn, Instant dataAsOf) {
        RecognitionAnswer answer = CrossBranchRecognition.evaluate(certification.facts(), idcc, date,
                Optional.ofNullable(awardedOn));
        return RecognitionView.of(certification, askedCode, idcc, date, answer, dataAsOf);
    }

    private static RecognitionView withoutDataAsOf(RecognitionView view) {
        return new RecognitionView(view.recognized(), view.scope(), view.idcc(), view.carryingBranches(), view.asOf(),
                view.scopeDate(), view.certification(), view.reasons(), null);
    }
}
