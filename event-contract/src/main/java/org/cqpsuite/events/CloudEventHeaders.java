package org.cqpsuite.events;

/**
 * The Kafka record headers that every topic of the suite uses: the CloudEvents 1.0 Kafka protocol binding, binary
 * content mode (the CloudEvents attributes are {@code ce_}-prefixed headers, the value is the event data as UTF-8
 * JSON), plus the CloudEvents <em>sequence</em> extension. Each topic's class ({@code CertificationEvents},
 * {@code RegistrationEvents}) repeats these names next to its topic and source.
 *
 * <table>
 * <caption>The headers of a record</caption>
 * <tr><th>header</th><th>value</th></tr>
 * <tr><td>{@value #CE_SPECVERSION}</td><td>{@value #SPEC_VERSION}</td></tr>
 * <tr><td>{@value #CE_ID}</td><td>a UUID, unique per event (the same on a redelivery)</td></tr>
 * <tr><td>{@value #CE_TYPE}</td><td>the event type, e.g. {@code org.cqpsuite.certification.published}</td></tr>
 * <tr><td>{@value #CE_SOURCE}</td><td>the producing service, e.g. {@code /cqp-suite/certification-service}</td></tr>
 * <tr><td>{@value #CE_SUBJECT}</td><td>the aggregate id, the same as the key</td></tr>
 * <tr><td>{@value #CE_TIME}</td><td>when the change was committed, RFC 3339 in UTC</td></tr>
 * <tr><td>{@value #CE_SEQUENCE}</td><td>the per-aggregate sequence number, zero-padded to 19 digits
 * ({@link #formatSequence(long)})</td></tr>
 * <tr><td>{@value #CONTENT_TYPE}</td><td>{@value #DATA_CONTENT_TYPE}</td></tr>
 * </table>
 */
public final class CloudEventHeaders {

    /** The CloudEvents version. */
    public static final String SPEC_VERSION = "1.0";

    /** The media type of the value. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_TIME = "ce_time";
    /** The CloudEvents <em>sequence</em> extension: a string that sorts lexicographically in sequence order. */
    public static final String CE_SEQUENCE = "ce_sequence";
    /** Binary mode carries {@code datacontenttype} as the Kafka {@code content-type} header, not {@code ce_}. */
    public static final String CONTENT_TYPE = "content-type";

    /** The number of digits of a {@value #CE_SEQUENCE} header: enough for any {@code long}. */
    public static final int SEQUENCE_DIGITS = 19;

    private CloudEventHeaders() {
    }

    /** The {@value #CE_SEQUENCE} header value of a sequence number: 19 digits, zero-padded, e.g. {@code 0000000000000000042}. */
    public static String formatSequence(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("A sequence number is not negative, got " + sequence);
        }
        String digits = Long.toString(sequence);
        return "0".repeat(SEQUENCE_DIGITS - digits.length()) + digits;
    }

    /**
     * The sequence number of a {@value #CE_SEQUENCE} header value.
     *
     * @throws NumberFormatException if it is not a number
     */
    public static long parseSequence(String header) {
        return Long.parseLong(header);
    }
}
