package org.cqpsuite.eligibility.consumption;

/** What applying one event did to the read model. */
public enum ApplyOutcome {
    /** Newer than what was applied: applied. */
    APPLIED,
    /** Applied, but its sequence number skips at least one event of the certification (logged and counted). */
    APPLIED_AFTER_GAP,
    /** Its sequence number was already applied (a redelivery): nothing changed. */
    DUPLICATE,
    /** Older than what was applied (it arrived late): nothing changed. */
    STALE;

    public boolean applied() {
        return this == APPLIED || this == APPLIED_AFTER_GAP;
    }
}
