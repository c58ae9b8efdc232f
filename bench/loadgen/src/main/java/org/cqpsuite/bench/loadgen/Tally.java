package org.cqpsuite.bench.loadgen;

import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The figures of one worker (touched only on its event-loop thread), merged into one at the end. Latencies are
 * recorded in nanoseconds, 3 significant digits, up to 10 minutes.
 */
final class Tally {

    static final long MAX_NANOS = 600_000_000_000L;

    /** Latency of every answer: closed, from the send; open, from the intended send time. */
    final Histogram latency = new Histogram(MAX_NANOS, 3);
    /** Open model only: from the moment a connection took the request (what a naive client would report). */
    final Histogram service = new Histogram(MAX_NANOS, 3);
    final TreeMap<Integer, Long> statuses = new TreeMap<>();
    long answers;
    long badStatus;
    long transportErrors;
    long unfinished;
    String firstError;

    void answer(int status, long latencyNanos, StatusPolicy ok) {
        answers++;
        latency.recordValue(Math.min(Math.max(latencyNanos, 0), MAX_NANOS));
        statuses.merge(status, 1L, Long::sum);
        if (!ok.isOk(status)) {
            badStatus++;
        }
    }

    void failure(Throwable t) {
        transportErrors++;
        if (firstError == null) {
            firstError = String.valueOf(t);
        }
    }

    long errors() {
        return badStatus + transportErrors + unfinished;
    }

    Tally add(Tally other) {
        latency.add(other.latency);
        service.add(other.service);
        other.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
        answers += other.answers;
        badStatus += other.badStatus;
        transportErrors += other.transportErrors;
        unfinished += other.unfinished;
        if (firstError == null) {
            firstError = other.firstError;
        }
        return this;
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    static double maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1e6;
    }

    String statusLine() {
        StringBuilder sb = new StringBuilder();
        statuses.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
