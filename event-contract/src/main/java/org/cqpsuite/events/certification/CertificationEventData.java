package org.cqpsuite.events.certification;

/**
 * The value (CloudEvents data, {@code application/json}) of every record of {@value CertificationEvents#TOPIC},
 * whatever its {@link CertificationEventType}. JSON Schema: {@link CertificationEventSchema}.
 *
 * @param sequence the per-certification sequence number: 1 for the certification's first event, then +1 with every
 *        event of that certification, with no gaps. The same number is in the {@value org.cqpsuite.events.CloudEventHeaders#CE_SEQUENCE}
 *        header. A consumer applies an event only if {@code sequence > last applied}, and has missed events when
 *        {@code sequence > last applied + 1}.
 * @param certification the certification's full current state right after the change the event reports
 */
public record CertificationEventData(long sequence, CertificationState certification) {
}
