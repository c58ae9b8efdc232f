package org.cqpsuite.events.registration;

import org.cqpsuite.events.CloudEventHeaders;

/**
 * Where registration events travel: the topic and the CloudEvents source. Every record follows the CloudEvents 1.0 Kafka
 * protocol binding, binary content mode, whose header names and sequence format are in {@link CloudEventHeaders}:
 * key = the certification id, {@code ce_type} = {@link RegistrationEventType#ceType()}, {@code ce_source} = {@value #SOURCE},
 * {@code ce_subject} = the certification id, {@code ce_sequence} = {@link RegistrationEventData#sequence()}, value = the
 * {@link RegistrationEventData} JSON.
 */
public final class RegistrationEvents {

    /** The topic. */
    public static final String TOPIC = "cqp.registration.events";

    /** The CloudEvents {@code source} of every event of the topic. */
    public static final String SOURCE = "/cqp-suite/registration-service";

    private RegistrationEvents() {
    }
}
