/**
 * The contract of topic {@code cqp.certification.events}, published by certification-service: every change of a
 * certification (created, updated, published, retired, framework version added) as a CloudEvents 1.0 Kafka record
 * keyed by the certification id, whose value is {@link org.cqpsuite.events.certification.CertificationEventData}: a
 * per-certification sequence number and the certification's full state after the change.
 *
 * <ul>
 * <li>{@link org.cqpsuite.events.certification.CertificationEvents}: topic, source, headers;</li>
 * <li>{@link org.cqpsuite.events.certification.CertificationEventType}: the CloudEvents {@code type}s;</li>
 * <li>{@link org.cqpsuite.events.certification.CertificationEventData} and the records it holds: the value;</li>
 * <li>{@link org.cqpsuite.events.certification.CertificationEventSchema}: its JSON Schema, as a resource.</li>
 * </ul>
 *
 * <p>The records are plain Java: Jackson (2.12 or later) maps them by their component names. Producers serialize
 * them with {@code JavaTimeModule} registered and {@code SerializationFeature.WRITE_DATES_AS_TIMESTAMPS} disabled, so
 * that dates are ISO strings ({@code "2026-01-31"}, {@code "2026-01-31T09:15:02.123456Z"}) and null values are
 * written (the default inclusion). Consumers should ignore unknown properties
 * ({@code DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES} disabled): a later version of the contract may add
 * optional properties.
 */
package org.cqpsuite.events.certification;
