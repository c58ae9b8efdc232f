package org.cqpsuite.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.cqpsuite.eligibility.consumption.ApplyOutcome;
import org.cqpsuite.eligibility.consumption.ReadModelChange;
import org.cqpsuite.eligibility.consumption.ReadModelWriter;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.events.registration.RegistrationEvents;
import org.cqpsuite.events.registration.RegistrationState;

/**
 * Writes states straight into the read model, through the same {@link ReadModelWriter} the consumers use, for API
 * tests that are about the answers rather than the consumption (which {@code ConsumptionTest} covers end to end).
 */
@ApplicationScoped
public class ReadModelSeed {

    private final ReadModelWriter writer;

    public ReadModelSeed(ReadModelWriter writer) {
        this.writer = writer;
    }

    public ApplyOutcome certification(long sequence, CertificationState state) {
        return writer.apply(new ReadModelChange.CertificationChange(CertificationEvents.TOPIC, state.id(), sequence,
                Instant.now(), CertificationEventType.CREATED.ceType(), state));
    }

    public ApplyOutcome registrations(long sequence, RegistrationState state) {
        return writer.apply(new ReadModelChange.RegistrationChange(RegistrationEvents.TOPIC, state.certificationId(),
                sequence, Instant.now(), RegistrationEventType.REGISTERED.ceType(), state));
    }
}
