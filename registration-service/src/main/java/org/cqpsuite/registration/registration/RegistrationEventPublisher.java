package org.cqpsuite.registration.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
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
        RegisteredCertification.getEntityManager().flush();
        append(certification, type, now, state(certification.certificationId));
    }

    /**
     * As {@link #changed(RegisteredCertification, RegistrationEventType, Instant)}, for a caller that holds the
     * certification's rows as they are after the change (the directory import): the state is taken from them, without
     * a flush or a query.
     *
     * @param transmissions the certification's transmissions, in the order of their ids
     * @param registrations its registrations, in the order of their positions (new ones last)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(RegisteredCertification certification, RegistrationEventType type, Instant now,
            List<Transmission> transmissions, List<RegistrationEntity> registrations) {
        append(certification, type, now, new RegistrationState(certification.certificationId,
                transmissions.stream().map(RegistrationViews::transmission).toList(),
                registrations.stream().map(RegistrationViews::entry).toList()));
    }

    private void append(RegisteredCertification certification, RegistrationEventType type, Instant now,
            RegistrationState state) {
        certification.eventSequence++;
        certification.updatedAt = now;
        RegistrationEventData data = new RegistrationEventData(certification.eventSequence, state);
        try {
            outbox.append(NewEvent.of(certification.certificationId.toString(), type.ceType(),
                    certification.eventSequence, json.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the event of certification "
                    + certification.certificationId, e);
        }
    }

    /**
     * Takes at once the outbox's locks of the keys of these certifications' events (see {@link Outbox#lockKeys}), for a
     * transaction about to publish events of several of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void willChange(Collection<UUID> certificationIds) {
        outbox.lockKeys(certificationIds.stream().map(UUID::toString).toList());
    }

    static RegistrationState state(UUID certificationId) {
        return new RegistrationState(certificationId,
                Transmission.<Transmission>list("certificationId = ?1 order by id", certificationId).stream()
                        .map(RegistrationViews::transmission).toList(),
                RegistrationEntity.ofCertification(certificationId).stream().map(RegistrationViews::entry).toList());
    }
}
