package org.cqpsuite.eligibility.readmodel;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The JSON of answers computed from one certification record, kept per question so that asking again costs neither
 * the rules nor Jackson. Every catalogue page asks the same codes on the same day, so most questions are repeats.
 *
 * <p>An answer depends only on the certification record it was computed from and the question; and on
 * {@code dataAsOf}, which changes with every applied event (of any certification). So the JSON is kept without its
 * {@code dataAsOf} value (the answer's last member), which is appended when answering, and each entry remembers the
 * record it was computed from: it is used only while the read model's cache holds that same record or an equal one
 * (the same certification read again), that is until the certification changes. No invalidation is needed: an entry
 * met with a different record is dropped (and counted as a miss), the others are evicted by size.
 *
 * @param <K> the question (code, date...)
 * @param <V> the answer, a record whose last component is {@code dataAsOf}
 */
public final class AnswerCache<K, V> {

    /** How an answer's JSON ends when its {@code dataAsOf} is {@code null}; the record's last component. */
    private static final byte[] NULL_DATA_AS_OF_END = "\"dataAsOf\":null}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL_END = "null}".getBytes(StandardCharsets.UTF_8);

    /** The answer's JSON up to and including {@code "dataAsOf":}, and the record it was computed from. */
    private record Entry(CertificationRecord source, byte[] head) {
    }

    /** The JSON of one {@code dataAsOf} value, kept because it is the same for every answer until the next event. */
    private record DataAsOfJson(Instant time, byte[] json) {
    }

    private final Cache<K, Entry> entries;
    private final StaleAwareStats stats = new StaleAwareStats();
    private final ObjectMapper json;
    private final UnaryOperator<V> withoutDataAsOf;
    private final Function<V, Instant> dataAsOf;
    private volatile DataAsOfJson lastDataAsOf = new DataAsOfJson(null, "null".getBytes(StandardCharsets.UTF_8));

    /**
     * @param maxBytes the JSON kept, at most (plus about 100 bytes an entry)
     * @param registry where to publish {@code cache_gets_total{cache=name}} and the others; none when {@code null}
     * @param withoutDataAsOf the same answer with a {@code null} {@code dataAsOf}
     */
    public AnswerCache(String name, ObjectMapper json, long maxBytes, MeterRegistry registry,
            UnaryOperator<V> withoutDataAsOf, Function<V, Instant> dataAsOf) {
        this.json = json;
        this.withoutDataAsOf = withoutDataAsOf;
        this.dataAsOf = dataAsOf;
        this.entries = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((K key, Entry entry) -> entry.head().length + 100).recordStats(() -> stats).build();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, entries, name);
        }
    }

    /**
     * The JSON of the answer to {@code question}, if one was kept and computed from this {@code certification} record
     * (or an equal one), ending with {@code dataAsOf}; {@code null} otherwise.
     */
    public byte[] answer(CertificationRecord certification, K question, Instant dataAsOf) {
        Entry entry = entries.getIfPresent(question);
        if (entry == null) {
            return null;
        }
        if (entry.source() != certification && !entry.source().equals(certification)) {
            // Computed from an older record of the certification: never useful again, and a miss for the metrics.
            // (An equal record, the same certification read again, by the cache filler say, gives the same answer.)
            stats.staleHit();
            entries.asMap().remove(question, entry);
            return null;
        }
        return withDataAsOf(entry.head(), dataAsOf);
    }

    /** The JSON of {@code answer} (to {@code question}, computed from {@code certification}), kept for next time. */
    public byte[] keep(CertificationRecord certification, K question, V answer) {
        try {
            byte[] whole = json.writeValueAsBytes(withoutDataAsOf.apply(answer));
            if (!endsWith(whole, NULL_DATA_AS_OF_END)) {
                // The mapper does not write the null last member as expected: do not cache, answer as Jackson would.
                return json.writeValueAsBytes(answer);
            }
            byte[] head = Arrays.copyOf(whole, whole.length - NULL_END.length);
            entries.put(question, new Entry(certification, head));
            return withDataAsOf(head, dataAsOf.apply(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer could not be written as JSON", e);
        }
    }

    /** Hits and misses as the answers saw them (what an operator reads as hit rate in {@code cache_gets_total}). */
    public CacheStats stats() {
        return entries.stats();
    }

    private byte[] withDataAsOf(byte[] head, Instant dataAsOf) {
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

    private static boolean endsWith(byte[] bytes, byte[] end) {
        return bytes.length >= end.length
                && Arrays.equals(bytes, bytes.length - end.length, bytes.length, end, 0, end.length);
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
}
