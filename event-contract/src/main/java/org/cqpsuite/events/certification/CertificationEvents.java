package org.cqpsuite.events.certification;

import org.cqpsuite.events.CloudEventHeaders;

/**
 * Where certification events travel: the topic and the CloudEvents source. Every record follows the CloudEvents 1.0 Kafka
 * protocol binding, binary content mode, whose header names and sequence format are in {@link CloudEventHeaders}:
 * key = the certification id, {@code ce_type} = {@link CertificationEventType#ceType()}, {@code ce_source} = {@value #SOURCE},
 * {@code ce_subject} = the certification id, {@code ce_sequence} = {@link CertificationEventData#sequence()}, value = the
 * {@link CertificationEventData} JSON.
 */
public final class CertificationEvents {

    /** The topic. */
    public static final String TOPIC = "cqp.certification.events";

    /** The CloudEvents {@code source} of every event of the topic. */
    public static final String SOURCE = "/cqp-suite/certification-service";

    private CertificationEvents() {
    }
}
