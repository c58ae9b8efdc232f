/**
 * The public event contract of cqp-suite: what certification-service and registration-service publish on Kafka and
 * what eligibility-service and partner systems consume. Records here are plain Java so that any consumer can use
 * them without Quarkus; each event type also has a JSON Schema under {@code META-INF/cqp/schemas}.
 *
 * <p>The catalogue of topics and event types is documented in {@code event-contract/README.md}.
 */
package org.cqpsuite.events;
