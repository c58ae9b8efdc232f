package org.cqpsuite.eligibility.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of each value that recurs across the read model's certifications: a status, an IDCC, a CPNE, a
 * ROME code, a date, a list of them. Thousands of certifications carry the same few hundred branches and ROME codes
 * and the dates of the same commission decisions; read from the database, each would be an object of its own. A read
 * model of 1 000 000 certifications in memory took 1.1 GB of heap; sharing these values, and keying the caches with
 * the records' own ids and codes, halved it.
 *
 * <p>Bounded: past {@code limit} distinct values, a new value is kept as read. A read model whose values do not recur
 * gains nothing from sharing them and must not grow this table without end. Values no certification holds any more
 * stay until the service stops (at most {@code limit} of them).
 */
final class Canonical {

    private final Map<Object, Object> values = new ConcurrentHashMap<>();
    private final int limit;

    Canonical(int limit) {
        this.limit = limit;
    }

    /** The shared instance equal to {@code value} ({@code value} itself the first time); {@code null} for null. */
    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (value == null) {
            return null;
        }
        Object shared = values.get(value);
        if (shared != null) {
            return (T) shared;
        }
        if (values.size() >= limit) {
            return value;
        }
        shared = values.putIfAbsent(value, value);
        return shared == null ? value : (T) shared;
    }

    /** The shared unmodifiable list equal to {@code elements}, each element shared too. */
    <T> List<T> list(List<T> elements) {
        if (elements.isEmpty()) {
            return List.of();
        }
        List<T> shared = new ArrayList<>(elements.size());
        for (T element : elements) {
            shared.add(of(element));
        }
        return of(List.copyOf(shared));
    }

    /** How many values are shared. */
    int size() {
        return values.size();
    }
}
