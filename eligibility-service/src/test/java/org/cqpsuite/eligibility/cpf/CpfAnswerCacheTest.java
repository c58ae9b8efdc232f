package org.cqpsuite.eligibility.cpf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.eligibility.api.CertificationRef;
import org.cqpsuite.eligibility.readmodel.CertificationRecord;
import org.cqpsuite.eligibility.rules.CertificationFacts;
import org.cqpsuite.eligibility.rules.Reason;
import org.junit.jupiter.api.Test;

/**
 * A kept answer is byte for byte what Jackson writes for the same answer, whatever its {@code dataAsOf}, and only
 * while the certification record it was computed from is the one asked about.
 */
class CpfAnswerCacheTest {

    /** Configured as Quarkus configures its mapper: ISO dates, nulls written. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final LocalDate DATE = LocalDate.of(2024, 1, 15);
    private static final Instant EVENT = Instant.parse("2026-11-27T10:15:02.123456Z");

    private final CpfAnswerCache cache = new CpfAnswerCache(JSON, 1 << 20, null);
    private final UUID id = UUID.randomUUID();
    private final CertificationRecord record = record();

    @Test
    void aKeptAnswerIsWhatJacksonWritesWithTheCurrentDataAsOf() throws Exception {
        CpfEligibilityView view = view(EVENT);

        byte[] first = cache.keep(record, "RNCP34486", DATE, view);

        assertThat(text(first)).isEqualTo(JSON.writeValueAsString(view));
        assertThat(text(cache.answer(record, "RNCP34486", DATE, EVENT))).isEqualTo(JSON.writeValueAsString(view));
        Instant later = EVENT.plusSeconds(90);
        assertThat(text(cache.answer(record, "RNCP34486", DATE, later)))
                .isEqualTo(JSON.writeValueAsString(view(later)));
        assertThat(text(cache.answer(record, "RNCP34486", DATE, null)))
                .isEqualTo(JSON.writeValueAsString(view(null)));
    }

    @Test
    void anAnswerIsKeptPerCodeAndDate() {
        cache.keep(record, "RNCP34486", DATE, view(EVENT));

        assertThat(cache.answer(record, "RNCP34486BC01", DATE, EVENT)).isNull();
        assertThat(cache.answer(record, "RNCP34486", DATE.plusDays(1), EVENT)).isNull();
        assertThat(cache.answer(record, "RNCP34486", DATE, EVENT)).isNotNull();
    }

    @Test
    void anAnswerIsUsedForTheRecordItWasComputedFromOrAnEqualOneReadAgain() {
        cache.keep(record, "RNCP34486", DATE, view(EVENT));
        // The certification was read again from the database (the cache filler reloads it): an equal, other record.
        CertificationRecord reread = record();

        assertThat(reread).isNotSameAs(record).isEqualTo(record);
        assertThat(cache.answer(reread, "RNCP34486", DATE, EVENT)).isNotNull();
        assertThat(cache.answer(record, "RNCP34486", DATE, EVENT)).isNotNull();
    }

    @Test
    void anAnswerIsNotUsedOnceTheCertificationChanged() {
        cache.keep(record, "RNCP34486", DATE, view(EVENT));

        assertThat(cache.answer(changed(), "RNCP34486", DATE, EVENT)).isNull();
        // Dropped: not even the record it came from finds it any more.
        assertThat(cache.answer(record, "RNCP34486", DATE, EVENT)).isNull();
    }

    @Test
    void theHitCounterCountsOnlyAnswersGivenFromMemory() {
        cache.answer(record, "RNCP34486", DATE, EVENT); // nothing kept yet
        cache.keep(record, "RNCP34486", DATE, view(EVENT));
        cache.answer(record, "RNCP34486", DATE, EVENT); // given from memory
        cache.answer(changed(), "RNCP34486", DATE, EVENT); // kept, but from an older record

        assertThat(cache.stats().hitCount()).isEqualTo(1);
        assertThat(cache.stats().missCount()).isEqualTo(2);
    }

    @Test
    void aMapperThatLeavesNullsOutIsAnsweredAsItWritesAndNothingIsKept() throws Exception {
        ObjectMapper nonNull = JSON.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        CpfAnswerCache other = new CpfAnswerCache(nonNull, 1 << 20, null);
        CpfEligibilityView view = view(EVENT);

        assertThat(text(other.keep(record, "RNCP34486", DATE, view))).isEqualTo(nonNull.writeValueAsString(view));
        assertThat(other.answer(record, "RNCP34486", DATE, EVENT)).isNull();
    }

    private CpfEligibilityView view(Instant dataAsOf) {
        return new CpfEligibilityView(true, DATE, new CertificationRef(id, "RNCP34486", "CQP Soudeur « TIG »", "CQP"),
                new CpfEligibilityView.Basis("RNCP", "RNCP34486", LocalDate.of(2020, 3, 1), LocalDate.of(2025, 3, 1),
                        4, null, null),
                null, List.of(new Reason("CPF_ELIGIBLE", "Éligible au compte personnel de formation le 15/01/2024.",
                        "Code du travail, art. L6323-6")),
                dataAsOf);
    }

    private CertificationRecord record() {
        return new CertificationRecord(id, CertificationFacts.Kind.CQP, "CQP Soudeur « TIG »", "PUBLISHED", List.of(),
                List.of("1486"), List.of(), List.of(LocalDate.of(2020, 1, 15)), List.of());
    }

    /** The same certification after a change: a second transmission recorded. */
    private CertificationRecord changed() {
        return new CertificationRecord(id, CertificationFacts.Kind.CQP, "CQP Soudeur « TIG »", "PUBLISHED", List.of(),
                List.of("1486"), List.of(), List.of(LocalDate.of(2020, 1, 15), LocalDate.of(2021, 1, 15)), List.of());
    }

    private static String text(byte[] json) {
        return json == null ? null : new String(json, StandardCharsets.UTF_8);
    }
}
