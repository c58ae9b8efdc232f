package org.cqpsuite.eligibility.cpf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.cqpsuite.eligibility.readmodel.CertificationRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The JSON of answers to {@code GET /eligibility/cpf?code=}, kept per (code, date) so that asking again costs neither
 * the rules nor Jackson. Every catalogue page asks the same codes on the same day, so most questions are repeats.
 *
 * <p>An answer depends only on the certification record it was computed from, the code and the date; and on
 * {@code dataAsOf}, which changes with every applied event (of any certification). So the JSON is kept without its
 * {@code dataAsOf} value, which is appended when answering, and each entry remembers the very record it was computed
 * from: it is used only while the read model's cache still holds that same record (identity), that is until the
 * certification changes. No invalidation is needed; stale entries are evicted by size.
 */
@ApplicationScoped
public class CpfAnswerCache {

    /** How an answer's JSON ends when its {@code dataAsOf} is {@code null}; the record's last component. */
    private static final byte[] NULL_DATA_AS_OF_END = "\"dataAsOf\":null}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL_END = "null}".getBytes(StandardCharsets.UTF_8);

    private record Key(String code, LocalDate date) {
    }

    /** The answer's JSON up to and including {@code "dataAsOf":}, and the record it was computed from. */
    private record Entry(CertificationRecord source, byte[] head) {
    }

    /** The JSON of one {@code dataAsOf} value, kept because it is the same for every answer until the next event. */
    private record DataAsOfJson(Instant time, byte[] json) {
    }

    private final Cache<Key, Entry> entries;
    private final ObjectMapper json;
    private volatile DataAsOfJson lastDataAsOf = new DataAsOfJson(null, "null".getBytes(StandardCharsets.UTF_8));

    public CpfAnswerCache(ObjectMapper json,
            @ConfigProperty(name = "cqp.read-model.cache.answer-bytes") long maxBytes, MeterRegistry registry) {
        this.json = json;
        this.entries = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, Entry entry) -> entry.head().length + 100).recordStats().build();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, entries, "eligibility-cpf-answers");
        }
    }

    /**
     * The JSON of the answer about {@code code} on {@code date}, if one was kept and computed from this very
     * {@code certification} record; {@code null} otherwise.
     */
    public byte[] answer(CertificationRecord certification, String code, LocalDate date, Instant dataAsOf) {
        Entry entry = entries.getIfPresent(new Key(code, date));
        if (entry == null || entry.source() != certification) {
            return null;
        }
        return withDataAsOf(entry.head(), dataAsOf);
    }

    /**
     * The JSON of {@code view} (the answer about {@code code} on {@code date}, computed from {@code certification}),
     * kept for the next same question.
     */
    public byte[] keep(CertificationRecord certification, String code, LocalDate date, CpfEligibilityView view) {
        try {
            byte[] whole = json.writeValueAsBytes(withoutDataAsOf(view));
            if (!endsWith(whole, NULL_DATA_AS_OF_END)) {
                // The mapper does not write the null last member as expected: do not cache, answer as Jackson would.
                return json.writeValueAsBytes(view);
            }
            byte[] head = Arrays.copyOf(whole, whole.length - NULL_END.length);
            entries.put(new Key(code, date), new Entry(certification, head));
            return withDataAsOf(head, view.dataAsOf());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An eligibility answer could not be written as JSON", e);
        }
    }

    private byte[] withDataAsOf(byte[] head, Instant dataAsOf) throws IllegalStateException {
        byte[] time = dataAsOfJson(dataAsOf);
        byte[] answer = Arrays.copyOf(head, head.length + time.length + 1);
        System.arraycopy(time, 0, answer, head.length, time.length);
        answer[answer.length - 1] = '}';
        return answer;
    }

    private byte[] dataAsOfJson(Instant dataAsOf) {
        DataAsOfJson last = lastDataAsOf;
        if (last.time() == null ? dataAsOf == null : last.time().equals(dataAsOf)) {
            return last.json();
        }
        try {
            DataAsOfJson current = new DataAsOfJson(dataAsOf, json.writeValueAsBytes(dataAsOf));
            lastDataAsOf = current;
            return current.json();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dataAsOf could not be written as JSON", e);
        }
    }

    private static CpfEligibilityView withoutDataAsOf(CpfEligibilityView view) {
        return new CpfEligibilityView(view.eligible(), view.asOf(), view.certification(), view.basis(),
                view.successor(), view.reasons(), null);
    }

    private static boolean endsWith(byte[] bytes, byte[] end) {
        return bytes.length >= end.length
                && Arrays.equals(bytes, bytes.length - end.length, bytes.length, end, 0, end.length);
    }
}
