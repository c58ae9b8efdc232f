package org.cqpsuite.eligibility.cpf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
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
 * certification changes. No invalidation is needed: an entry met with another record is dropped (and counted as a
 * miss), the others are evicted by size.
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
    private final StaleAwareStats stats = new StaleAwareStats();
    private final ObjectMapper json;
    private volatile DataAsOfJson lastDataAsOf = new DataAsOfJson(null, "null".getBytes(StandardCharsets.UTF_8));

    public CpfAnswerCache(ObjectMapper json,
            @ConfigProperty(name = "cqp.read-model.cache.answer-bytes") long maxBytes, MeterRegistry registry) {
        this.json = json;
        this.entries = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, Entry entry) -> entry.head().length + 100).recordStats(() -> stats).build();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, entries, "eligibility-cpf-answers");
        }
    }

    /**
     * The JSON of the answer about {@code code} on {@code date}, if one was kept and computed from this very
     * {@code certification} record; {@code null} otherwise.
     */
    public byte[] answer(CertificationRecord certification, String code, LocalDate date, Instant dataAsOf) {
        Key key = new Key(code, date);
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (entry.source() != certification) {
            // Computed from an older record of the certification: never useful again, and a miss for the metrics.
            stats.staleHit();
            entries.asMap().remove(key, entry);
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

    /** Hits and misses as the answers saw them (the gauge {@code cache_gets_total} an operator reads as hit rate). */
    CacheStats stats() {
        return entries.stats();
    }

    /**
     * Caffeine's counters, except that an entry found but computed from an older record counts as a miss: Caffeine
     * counted it as a hit when it was looked up, before its record could be compared.
     */
    private static final class StaleAwareStats implements StatsCounter {
        private final ConcurrentStatsCounter counted = new ConcurrentStatsCounter();
        private final LongAdder stale = new LongAdder();

        void staleHit() {
            stale.increment();
        }

        @Override
        public void recordHits(int count) {
            counted.recordHits(count);
        }

        @Override
        public void recordMisses(int count) {
            counted.recordMisses(count);
        }

        @Override
        public void recordLoadSuccess(long loadTime) {
            counted.recordLoadSuccess(loadTime);
        }

        @Override
        public void recordLoadFailure(long loadTime) {
            counted.recordLoadFailure(loadTime);
        }

        @Override
        public void recordEviction(int weight, RemovalCause cause) {
            counted.recordEviction(weight, cause);
        }

        @Override
        public CacheStats snapshot() {
            CacheStats raw = counted.snapshot();
            long staleHits = stale.sum();
            return CacheStats.of(raw.hitCount() - staleHits, raw.missCount() + staleHits, raw.loadSuccessCount(),
                    raw.loadFailureCount(), raw.totalLoadTime(), raw.evictionCount(), raw.evictionWeight());
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
