package org.cqpsuite.events.registration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** What the tests share: the producers' Jackson configuration and the schema, with format assertions on. */
final class Contract {

    /** As a producer must configure Jackson: ISO dates, not timestamps. */
    static final ObjectMapper PRODUCER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** As a tolerant consumer configures Jackson. */
    static final ObjectMapper CONSUMER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * Draft 2020-12 makes {@code format} an annotation by default; the contract means its formats (uuid, date,
     * date-time) as assertions, so they are turned on.
     */
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static final JsonSchema SCHEMA = FACTORY.getSchema(RegistrationEventSchema.json(), CONFIG);

    private Contract() {
    }

    static JsonNode tree(String json) {
        try {
            return PRODUCER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One violation of the schema.
     *
     * @param location the JSON Pointer of the offending value ({@code ""} for the whole document)
     * @param message the validator's message
     */
    record Violation(String location, String message) {
    }

    /** The violations, sorted by location; empty when valid. */
    static List<Violation> violations(JsonNode document) {
        Set<ValidationMessage> messages = SCHEMA.validate(document);
        return messages.stream()
                .map(message -> new Violation(message.getInstanceLocation().toString(), message.getMessage()))
                .sorted(Comparator.comparing(Violation::location).thenComparing(Violation::message)).toList();
    }
}
