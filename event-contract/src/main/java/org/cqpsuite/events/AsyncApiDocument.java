package org.cqpsuite.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The AsyncAPI 3.0 document of the suite's topics ({@code cqp.certification.events}, {@code cqp.registration.events}),
 * a classpath resource of this jar. It refers to the JSON Schemas by paths relative to itself
 * ({@code schemas/certification-event-data.schema.json}, …): whoever serves it (registration-service, issue 4) serves
 * them too, at the same relative paths, i.e. every resource under {@link #DIRECTORY}.
 */
public final class AsyncApiDocument {

    /** The folder of the document and of the schemas it refers to, as a classpath resource path. */
    public static final String DIRECTORY = "/META-INF/cqp/";

    /** The document's classpath resource. */
    public static final String RESOURCE = DIRECTORY + "asyncapi.yaml";

    /** Its media type. */
    public static final String MEDIA_TYPE = "application/yaml";

    private AsyncApiDocument() {
    }

    /** The document, as YAML text. */
    public static String yaml() {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE + " (cqp-event-contract jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
