package org.cqpsuite.eligibility.consumption;

import java.time.Instant;
import java.util.UUID;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.registration.RegistrationState;

/** One parsed, valid event of either topic: what the read model applies. */
public sealed interface ReadModelChange {

    /** The topic it was read from: the sequence numbers of the two topics are independent. */
    String topic();

    UUID certificationId();

    /** The per-certification sequence number of its topic. */
    long sequence();

    /** The CloudEvents {@code time}: when the change happened in the service that published it. */
    Instant time();

    /** The CloudEvents {@code type}. */
    String type();

    /** A {@code cqp.certification.events} event: the certification's full state. */
    record CertificationChange(String topic, UUID certificationId, long sequence, Instant time, String type,
            CertificationState state) implements ReadModelChange {
    }

    /** A {@code cqp.registration.events} event: the certification's full registration state. */
    record RegistrationChange(String topic, UUID certificationId, long sequence, Instant time, String type,
            RegistrationState state) implements ReadModelChange {
    }
}
