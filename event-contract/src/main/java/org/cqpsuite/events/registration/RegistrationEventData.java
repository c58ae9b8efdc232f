package org.cqpsuite.events.registration;

/**
 * The value (CloudEvents data, {@code application/json}) of every record of {@value RegistrationEvents#TOPIC},
 * whatever its {@link RegistrationEventType}. JSON Schema: {@link RegistrationEventSchema}.
 *
 * @param sequence the per-certification sequence number of this topic: 1 for the certification's first registration
 *        event ({@link RegistrationEventType#TRANSMITTED} for a CQP or a CQPI; for a certification of kind
 *        {@code OTHER}, which has no transmission, the {@link RegistrationEventType#REGISTERED},
 *        {@link RegistrationEventType#EXPIRED} or {@link RegistrationEventType#WITHDRAWN} of its first registration
 *        found by the directory importer), then +1 with every registration event of that
 *        certification, with no gaps. Independent of the sequence of {@code cqp.certification.events}. The same number
 *        is in the {@value org.cqpsuite.events.CloudEventHeaders#CE_SEQUENCE} header. A consumer applies an event only if
 *        {@code sequence > last applied}, and has missed events when {@code sequence > last applied + 1}.
 * @param state the certification's full registration state right after the change the event reports
 */
public record RegistrationEventData(long sequence, RegistrationState state) {
}
