package org.cqpsuite.registration.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.cqpsuite.events.registration.RegistrationEventData;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.events.registration.RegistrationState;
import org.cqpsuite.outbox.NewEvent;
import org.cqpsuite.outbox.Outbox;
import org.cqpsuite.registration.transmission.Transmission;

/**
 * Writes the event of a change to the outbox, in the change's transaction: the certification's full registration
 * state after the change and its next sequence number (event-contract, cqp.registration.events).
 */
@ApplicationScoped
public class RegistrationEventPublisher {

    private final Outbox outbox;
    private final ObjectMapper json;

    RegistrationEventPublisher(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** Call with the certification's row locked, after the change is applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(RegisteredCertification certification, RegistrationEventType type, Instant now) {
        certification.eventSequence++;
        certification.updatedAt = now;
        RegisteredCertification.getEntityManager().flush();
        RegistrationEventData data = new RegistrationEventData(certification.eventSequence,
                state(certification.certificationId));
        try {
            outbox.append(NewEvent.of(certification.certificationId.toString(), type.ceType(),
                    certification.eventSequence, json.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the event of certification "
                    + certification.certificationId, e);
        }
    }

    static RegistrationState state(java.util.UUID certificationId) {
        return new RegistrationState(certificationId,
                Transmission.<Transmission>list("certificationId = ?1 order by id", certificationId).stream()
                        .map(RegistrationViews::transmission).toList(),
                RegistrationEntity.ofCertification(certificationId).stream().map(RegistrationViews::entry).toList());
    }
}
