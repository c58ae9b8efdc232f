package org.cqpsuite.events.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of {@link RegistrationEventData}, and an example, as classpath resources of this jar,
 * so that the producer's and consumers' tests can validate real events with the JSON Schema validator of their choice.
 * This class only reads the resources; it validates nothing.
 */
public final class RegistrationEventSchema {

    /** The schema's classpath resource. */
    public static final String RESOURCE = "/META-INF/cqp/schemas/registration-event-data.schema.json";

    /** The schema's {@code $id}. */
    public static final String ID = "urn:cqp-suite:schema:registration-event-data";

    /** An example {@code org.cqpsuite.registration.registered} event's data, valid against the schema. */
    public static final String EXAMPLE_REGISTERED_RESOURCE = "/META-INF/cqp/schemas/examples/registration-registered.json";

    private RegistrationEventSchema() {
    }

    /** The schema document, as JSON text. */
    public static String json() {
        return read(RESOURCE);
    }

    /** The example of {@link #EXAMPLE_REGISTERED_RESOURCE}, as JSON text. */
    public static String exampleRegistered() {
        return read(EXAMPLE_REGISTERED_RESOURCE);
    }

    private static String read(String resource) {
        try (InputStream in = RegistrationEventSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource + " (cqp-event-contract jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
