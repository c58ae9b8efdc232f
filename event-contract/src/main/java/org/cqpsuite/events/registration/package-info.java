/**
 * The contract of topic {@code cqp.registration.events}, published by registration-service: every change of a
 * certification's transmission to France compétences or of its registrations in the RNCP and the RS (transmitted,
 * requested, registered, refused, withdrawn, expired, renewed, corrected) as a CloudEvents 1.0 Kafka record keyed by the
 * certification id, whose value is {@link org.cqpsuite.events.registration.RegistrationEventData}: a per-certification
 * sequence number and the certification's full registration state after the change.
 *
 * <ul>
 * <li>{@link org.cqpsuite.events.registration.RegistrationEvents}: topic, source, headers;</li>
 * <li>{@link org.cqpsuite.events.registration.RegistrationEventType}: the CloudEvents {@code type}s;</li>
 * <li>{@link org.cqpsuite.events.registration.RegistrationEventData} and the records it holds: the value;</li>
 * <li>{@link org.cqpsuite.events.registration.RegistrationEventSchema}: its JSON Schema, as a resource.</li>
 * </ul>
 *
 * <p>The records are plain Java: Jackson (2.12 or later) maps them by their component names. Producers serialize
 * them with {@code JavaTimeModule} registered and {@code SerializationFeature.WRITE_DATES_AS_TIMESTAMPS} disabled, so
 * that dates are ISO strings ({@code "2019-06-01"}, {@code "2019-03-01T14:05:31.402Z"}) and null values are written
 * (the default inclusion). Consumers should ignore unknown properties
 * ({@code DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES} disabled): a later version of the contract may add
 * optional properties.
 */
package org.cqpsuite.events.registration;
