package org.cqpsuite.registration.registration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.events.registration.BlockState;
import org.cqpsuite.events.registration.RegistrationEntry;
import org.cqpsuite.events.registration.TransmissionState;
import org.cqpsuite.registration.transmission.Transmission;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the API answers. The state of a certification's registrations has the shape of the events' data
 * (event-contract), so that partners read one model whether they poll the API or subscribe to the topic.
 */
public final class RegistrationViews {

    private RegistrationViews() {
    }

    /** A certification's transmissions and registrations, and the history of every change. */
    @Schema(name = "CertificationRegistrations")
    public record CertificationRegistrations(UUID certificationId, List<TransmissionState> transmissions,
            List<RegistrationEntry> registrations, List<HistoryEntry> history) {
    }

    /** One registration, its certification and its history. */
    @Schema(name = "RegistrationWithHistory")
    public record RegistrationView(UUID certificationId, RegistrationEntry registration, List<HistoryEntry> history) {
    }

    /** One change: what was done, the status after it, the request's details, when and by whom. */
    @Schema(name = "RegistrationHistoryEntry")
    public record HistoryEntry(UUID registrationId, String action, String status, JsonNode details, Instant recordedAt,
            String recordedBy) {
    }

    static TransmissionState transmission(Transmission transmission) {
        return new TransmissionState(transmission.transmittedOn, transmission.reference, transmission.recordedAt,
                transmission.inferred);
    }

    static RegistrationEntry entry(RegistrationEntity r) {
        return new RegistrationEntry(r.id, r.directory.name(), r.code, r.status.name(),
                r.registrationType == null ? null : r.registrationType.name(), r.requestedOn, r.decidedOn,
                r.effectiveFrom, r.endsOn, r.awardDeadline, r.level,
                r.blocks.stream().map(b -> new BlockState(b.code(), b.title())).toList(), r.withdrawnOn,
                r.withdrawalReason, r.predecessorId, r.successorId, r.predecessorCode, r.successorCode, r.legalBasis);
    }

    static HistoryEntry history(RegistrationHistoryEntry h) {
        return new HistoryEntry(h.registrationId, h.action, h.status, h.details, h.recordedAt, h.recordedBy);
    }
}
