package org.cqpsuite.events;

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

/**
 * What the contract tests of both topics share: the producers' and consumers' Jackson configuration and schema
 * validation with format assertions on. Each package's {@code Contract} adds its topic's schema.
 */
public abstract class SchemaContract {

    /** As a producer must configure Jackson: ISO dates, not timestamps. */
    public static final ObjectMapper PRODUCER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** As a tolerant consumer configures Jackson. */
    public static final ObjectMapper CONSUMER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * Draft 2020-12 makes {@code format} an annotation by default; the contract means its formats (uuid, date,
     * date-time) as assertions, so they are turned on.
     */
    public static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();

    public static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    protected SchemaContract() {
    }

    public static JsonNode tree(String json) {
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
    public record Violation(String location, String message) {
    }

    /** The violations, sorted by location; empty when valid. */
    protected static List<Violation> violations(JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream()
                .map(message -> new Violation(message.getInstanceLocation().toString(), message.getMessage()))
                .sorted(Comparator.comparing(Violation::location).thenComparing(Violation::message)).toList();
    }
}
