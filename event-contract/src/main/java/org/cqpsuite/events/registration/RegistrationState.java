package org.cqpsuite.events.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A certification's full registration state as published on {@value RegistrationEvents#TOPIC}: its transmissions to
 * France compétences and its registrations in the RNCP and the RS. Immutable: {@code null} lists are empty lists.
 *
 * <p>JSON: the component names are the property names; {@link LocalDate}s are {@code "2019-06-01"} and
 * {@link Instant}s RFC 3339 in UTC, {@code "2019-03-01T14:05:31.402Z"} (Jackson: {@code JavaTimeModule} with
 * {@code WRITE_DATES_AS_TIMESTAMPS} disabled).
 *
 * @param certificationId the certification id (as in {@code cqp.certification.events}), also the Kafka key and
 *        {@code ce_subject}
 * @param transmissions every transmission to France compétences, oldest first; the last one is the current one. Never
 *        empty for a CQP or a CQPI (their first event is their first transmission, recorded or inferred from a
 *        directory import); empty only for a certification of kind {@code OTHER} (a directory certification that is
 *        not a CQP, found by the directory importer: the transmission of article L6113-4 of the Code du travail applies
 *        to CQPs only). The state does not carry the kind: {@code cqp.certification.events} does
 * @param registrations every registration of the certification, in the RNCP or the RS, whatever its status, in the
 *        order registration-service recorded them (request order; a registration found by the directory importer when
 *        it was found). Append-only: an entry never moves nor disappears, it only changes status
 */
public record RegistrationState(UUID certificationId, List<TransmissionState> transmissions,
        List<RegistrationEntry> registrations) {

    public RegistrationState {
        transmissions = list(transmissions);
        registrations = list(registrations);
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
