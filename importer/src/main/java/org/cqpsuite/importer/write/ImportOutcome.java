package org.cqpsuite.importer.write;

import java.util.List;
import java.util.UUID;

/**
 * What a service answered for one item.
 *
 * @param code the directory code
 * @param id the certification (or registration) id, {@code null} when rejected
 * @param outcome CREATED, UPDATED, UNCHANGED or REJECTED
 * @param events the event types the change published (registration-service), possibly empty
 * @param errors why it was rejected: "field: message (rule)"
 */
public record ImportOutcome(String code, UUID id, String outcome, List<String> events, List<String> errors) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String REJECTED = "REJECTED";

    public ImportOutcome {
        events = events == null ? List.of() : List.copyOf(events);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean rejected() {
        return REJECTED.equals(outcome);
    }

    public static ImportOutcome rejected(String code, String reason) {
        return new ImportOutcome(code, null, REJECTED, List.of(), List.of(reason));
    }
}
