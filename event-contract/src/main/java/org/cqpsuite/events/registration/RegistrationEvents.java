package org.cqpsuite.events.registration;

import org.cqpsuite.events.CloudEventHeaders;

/**
 * Where and how registration events travel: the topic, the CloudEvents source and the Kafka record headers of the
 * CloudEvents 1.0 Kafka protocol binding, binary content mode (the attributes are {@code ce_}-prefixed headers, the
 * value is the {@link RegistrationEventData} JSON), exactly as for certification events. The header names are those of
 * {@link CloudEventHeaders}, repeated here.
 *
 * <table>
 * <caption>A record of {@value #TOPIC}</caption>
 * <tr><th>part</th><th>value</th></tr>
 * <tr><td>key</td><td>the certification id (UUID string)</td></tr>
 * <tr><td>{@value #CE_SPECVERSION}</td><td>{@value #SPEC_VERSION}</td></tr>
 * <tr><td>{@value #CE_ID}</td><td>a UUID, unique per event (the same on a redelivery)</td></tr>
 * <tr><td>{@value #CE_TYPE}</td><td>{@link RegistrationEventType#ceType()}</td></tr>
 * <tr><td>{@value #CE_SOURCE}</td><td>{@value #SOURCE}</td></tr>
 * <tr><td>{@value #CE_SUBJECT}</td><td>the certification id</td></tr>
 * <tr><td>{@value #CE_TIME}</td><td>when the change was committed, RFC 3339 in UTC</td></tr>
 * <tr><td>{@value #CE_SEQUENCE}</td><td>{@link RegistrationEventData#sequence()}, zero-padded to 19 digits
 * ({@link #formatSequence(long)})</td></tr>
 * <tr><td>{@value #CONTENT_TYPE}</td><td>{@value #DATA_CONTENT_TYPE}</td></tr>
 * <tr><td>value</td><td>{@link RegistrationEventData} as UTF-8 JSON</td></tr>
 * </table>
 */
public final class RegistrationEvents {

    /** The topic. */
    public static final String TOPIC = "cqp.registration.events";

    /** The CloudEvents {@code source} of every event of the topic. */
    public static final String SOURCE = "/cqp-suite/registration-service";

    /** The CloudEvents version. */
    public static final String SPEC_VERSION = CloudEventHeaders.SPEC_VERSION;

    /** The media type of the value. */
    public static final String DATA_CONTENT_TYPE = CloudEventHeaders.DATA_CONTENT_TYPE;

    public static final String CE_SPECVERSION = CloudEventHeaders.CE_SPECVERSION;
    public static final String CE_ID = CloudEventHeaders.CE_ID;
    public static final String CE_TYPE = CloudEventHeaders.CE_TYPE;
    public static final String CE_SOURCE = CloudEventHeaders.CE_SOURCE;
    public static final String CE_SUBJECT = CloudEventHeaders.CE_SUBJECT;
    public static final String CE_TIME = CloudEventHeaders.CE_TIME;
    /** The CloudEvents <em>sequence</em> extension: a string that sorts lexicographically in sequence order. */
    public static final String CE_SEQUENCE = CloudEventHeaders.CE_SEQUENCE;
    /** Binary mode carries {@code datacontenttype} as the Kafka {@code content-type} header, not {@code ce_}. */
    public static final String CONTENT_TYPE = CloudEventHeaders.CONTENT_TYPE;

    private RegistrationEvents() {
    }

    /**
     * The {@value #CE_SEQUENCE} header value of a sequence number: 19 digits, zero-padded, e.g.
     * {@code 0000000000000000042}. The same as {@link CloudEventHeaders#formatSequence(long)}.
     */
    public static String formatSequence(long sequence) {
        return CloudEventHeaders.formatSequence(sequence);
    }

    /**
     * The sequence number of a {@value #CE_SEQUENCE} header value. The same as
     * {@link CloudEventHeaders#parseSequence(String)}.
     *
     * @throws NumberFormatException if it is not a number
     */
    public static long parseSequence(String header) {
        return CloudEventHeaders.parseSequence(header);
    }
}
