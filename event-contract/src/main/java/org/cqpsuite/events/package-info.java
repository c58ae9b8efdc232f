/**
 * The public event contract of cqp-suite: what certification-service and registration-service publish on Kafka and
 * what eligibility-service and partner systems consume. Records here are plain Java so that any consumer can use
 * them without Quarkus; each event type also has a JSON Schema under {@code META-INF/cqp/schemas}.
 *
 * <p>{@link org.cqpsuite.events.CloudEventHeaders} holds the Kafka record headers every topic uses;
 * {@link org.cqpsuite.events.AsyncApiDocument} reads the AsyncAPI 3.0 document of all the topics. The catalogue of
 * topics and event types is documented in {@code event-contract/README.md}.
 */
package org.cqpsuite.events;
