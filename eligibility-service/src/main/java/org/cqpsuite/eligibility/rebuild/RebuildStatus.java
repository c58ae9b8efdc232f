package org.cqpsuite.eligibility.rebuild;

import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the last rebuild of the read model stands.
 *
 * @param state IDLE (none since start), RUNNING, DONE or FAILED
 * @param startedAt when it started, or {@code null}
 * @param finishedAt when it finished, or {@code null}
 * @param target the number of records to replay: both topics from the beginning to their end when it started
 * @param read records replayed so far
 * @param applied events that changed the read model (the others were older than what was there)
 * @param poison records skipped because they are poison (they were sent to the dead-letter topic when first consumed)
 * @param eventsPerSecond replay rate so far
 * @param error why it failed, or {@code null}
 */
@Schema(name = "RebuildStatus")
public record RebuildStatus(@Schema(enumeration = {"IDLE", "RUNNING", "DONE", "FAILED"}) String state,
        Instant startedAt, Instant finishedAt, long target, long read, long applied, long poison,
        double eventsPerSecond, String error) {

    static RebuildStatus idle() {
        return new RebuildStatus("IDLE", null, null, 0, 0, 0, 0, 0, null);
    }

    static RebuildStatus running(Instant startedAt, long target, long read, long applied, long poison, Instant now) {
        return new RebuildStatus("RUNNING", startedAt, null, target, read, applied, poison,
                rate(read, startedAt, now), null);
    }

    RebuildStatus finished(Instant now, String error) {
        return new RebuildStatus(error == null ? "DONE" : "FAILED", startedAt, now, target, read, applied, poison,
                rate(read, startedAt, now), error);
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }

    private static double rate(long read, Instant from, Instant to) {
        double seconds = Math.max(Duration.between(from, to).toNanos(), 1) / 1e9;
        return Math.round(read / seconds * 10) / 10.0;
    }
}
