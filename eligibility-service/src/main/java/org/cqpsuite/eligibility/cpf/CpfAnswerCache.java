package org.cqpsuite.eligibility.cpf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import org.cqpsuite.eligibility.readmodel.AnswerCache;
import org.cqpsuite.eligibility.readmodel.CertificationRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The JSON of answers to {@code GET /eligibility/cpf?code=}, kept per (code, date): see {@link AnswerCache}.
 * Metrics: {@code cache_gets_total{cache="eligibility-cpf-answers"}}.
 */
@ApplicationScoped
public class CpfAnswerCache {

    private record Question(String code, LocalDate date) {
    }

    private final AnswerCache<Question, CpfEligibilityView> answers;

    public CpfAnswerCache(ObjectMapper json,
            @ConfigProperty(name = "cqp.read-model.cache.answer-bytes") long maxBytes, MeterRegistry registry) {
        this.answers = new AnswerCache<>("eligibility-cpf-answers", json, maxBytes, registry,
                CpfAnswerCache::withoutDataAsOf, CpfEligibilityView::dataAsOf);
    }

    /**
     * The JSON of the answer about {@code code} on {@code date}, if one was kept and computed from this very
     * {@code certification} record; {@code null} otherwise.
     */
    public byte[] answer(CertificationRecord certification, String code, LocalDate date, Instant dataAsOf) {
        return answers.answer(certification, new Question(code, date), dataAsOf);
    }

    /**
     * The JSON of {@code view} (the answer about {@code code} on {@code date}, computed from {@code certification}),
     * kept for the next same question.
     */
    public byte[] keep(CertificationRecord certification, String code, LocalDate date, CpfEligibilityView view) {
        return answers.keep(certification, new Question(code, date), view);
    }

    CacheStats stats() {
        return answers.stats();
    }

    private static CpfEligibilityView withoutDataAsOf(CpfEligibilityView view) {
        return new CpfEligibilityView(view.eligible(), view.asOf(), view.certification(), view.basis(),
                view.successor(), view.reasons(), null);
    }
}
