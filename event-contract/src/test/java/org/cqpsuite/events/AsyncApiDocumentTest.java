package org.cqpsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cqpsuite.events.certification.CertificationEventSchema;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.events.registration.RegistrationEventSchema;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.events.registration.RegistrationEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The AsyncAPI document: a valid-looking AsyncAPI 3.0 document that says what the Java contract says. */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final JsonNode DOCUMENT = JSON.valueToTree(
            new Yaml(new SafeConstructor(new LoaderOptions())).load(AsyncApiDocument.yaml()));

    /** One topic as the Java contract describes it. */
    record Topic(String channel, String message, String operation, String address, String source,
            List<String> ceTypes, String schemaResource, String exampleResource) {
    }

    static final Topic CERTIFICATION = new Topic("certificationEvents", "certificationEvent",
            "receiveCertificationEvents", CertificationEvents.TOPIC, CertificationEvents.SOURCE,
            Arrays.stream(CertificationEventType.values()).map(CertificationEventType::ceType).toList(),
            CertificationEventSchema.RESOURCE, CertificationEventSchema.EXAMPLE_PUBLISHED_RESOURCE);

    static final Topic REGISTRATION = new Topic("registrationEvents", "registrationEvent",
            "receiveRegistrationEvents", RegistrationEvents.TOPIC, RegistrationEvents.SOURCE,
            Arrays.stream(RegistrationEventType.values()).map(RegistrationEventType::ceType).toList(),
            RegistrationEventSchema.RESOURCE, RegistrationEventSchema.EXAMPLE_REGISTERED_RESOURCE);

    static Stream<Arguments> topics() {
        return Stream.of(Arguments.of(CERTIFICATION), Arguments.of(REGISTRATION));
    }

    @Test
    void anAsyncApi300DocumentWithTheSuitesBroker() {
        assertThat(DOCUMENT.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(DOCUMENT.at("/info/title").asText()).isEqualTo("cqp-suite events");
        assertThat(DOCUMENT.at("/info/version").isTextual()).isTrue();
        assertThat(DOCUMENT.at("/info/description").asText()).contains("At-least-once", "ce_id", "sequence",
                "Retention");
        assertThat(DOCUMENT.at("/servers/kafka/host").asText()).isEqualTo("localhost:9092");
        assertThat(DOCUMENT.at("/servers/kafka/protocol").asText()).isEqualTo("kafka");
        assertThat(DOCUMENT.at("/servers/kafka/description").asText()).isNotBlank();
        assertThat(names(DOCUMENT.get("channels"))).containsExactlyInAnyOrder("certificationEvents",
                "registrationEvents");
        assertThat(names(DOCUMENT.get("operations"))).containsExactlyInAnyOrder("receiveCertificationEvents",
                "receiveRegistrationEvents");
    }

    @ParameterizedTest
    @MethodSource("topics")
    void eachTopicIsAChannelThatPartnersReceiveFrom(Topic topic) {
        JsonNode channel = DOCUMENT.at("/channels/" + topic.channel());
        JsonNode operation = DOCUMENT.at("/operations/" + topic.operation());

        assertThat(channel.get("address").asText()).isEqualTo(topic.address());
        assertThat(channel.at("/bindings/kafka/topic").asText()).isEqualTo(topic.address());
        assertThat(channel.at("/bindings/kafka/topicConfiguration/retention.ms").asLong()).isEqualTo(-1);
        assertThat(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy").toString())
                .isEqualTo("[\"delete\"]");
        assertThat(channel.at("/messages/" + topic.message() + "/$ref").asText())
                .isEqualTo("#/components/messages/" + topic.message());
        assertThat(operation.get("action").asText()).isEqualTo("receive");
        assertThat(operation.at("/channel/$ref").asText()).isEqualTo("#/channels/" + topic.channel());
        assertThat(operation.at("/messages/0/$ref").asText())
                .isEqualTo("#/channels/" + topic.channel() + "/messages/" + topic.message());
    }

    @ParameterizedTest
    @MethodSource("topics")
    void eachMessageHasTheTopicsTypesSourceKeyAndPayloadSchema(Topic topic) {
        JsonNode message = DOCUMENT.at("/components/messages/" + topic.message());
        JsonNode specific = message.at("/headers/allOf/1/properties");

        assertThat(message.at("/headers/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/cloudEventsHeaders");
        assertThat(texts(specific.at("/ce_type/enum"))).isEqualTo(topic.ceTypes());
        assertThat(specific.at("/ce_source/const").asText()).isEqualTo(topic.source());
        assertThat(message.get("contentType").asText()).isEqualTo(CloudEventHeaders.DATA_CONTENT_TYPE);
        assertThat(message.at("/bindings/kafka/key/$ref").asText()).isEqualTo("#/components/schemas/certificationId");
        assertThat(message.at("/payload/schemaFormat").asText())
                .isEqualTo("application/schema+json;version=draft-2020-12");
        assertThat(resourceOf(message.at("/payload/schema/$ref").asText())).isEqualTo(topic.schemaResource());
        for (String ceType : topic.ceTypes()) {
            assertThat(message.get("description").asText()).contains("`" + ceType + "`");
        }
    }

    @Test
    void theKeyIsAUuidStringAndTheHeadersAreTheCloudEventsOnes() {
        JsonNode schemas = DOCUMENT.at("/components/schemas");

        assertThat(schemas.at("/certificationId/type").asText()).isEqualTo("string");
        assertThat(schemas.at("/certificationId/format").asText()).isEqualTo("uuid");
        assertThat(texts(schemas.at("/cloudEventsHeaders/required"))).containsExactly(CloudEventHeaders.CE_SPECVERSION,
                CloudEventHeaders.CE_ID, CloudEventHeaders.CE_TYPE, CloudEventHeaders.CE_SOURCE,
                CloudEventHeaders.CE_SUBJECT, CloudEventHeaders.CE_TIME, CloudEventHeaders.CE_SEQUENCE,
                CloudEventHeaders.CONTENT_TYPE);
        assertThat(schemas.at("/cloudEventsHeaders/properties/ce_specversion/const").asText())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION);
        assertThat(schemas.at("/cloudEventsHeaders/properties/ce_sequence/pattern").asText())
                .isEqualTo("^\\d{" + CloudEventHeaders.SEQUENCE_DIGITS + "}$");
    }

    @Test
    void everyCloudEventsTypeOfBothTopicsIsInTheDocument() {
        String yaml = AsyncApiDocument.yaml();

        for (String ceType : Stream.concat(CERTIFICATION.ceTypes().stream(), REGISTRATION.ceTypes().stream())
                .toList()) {
            assertThat(yaml).contains(ceType);
        }
    }

    /** An example's payload is a copy of the example file: it must stay equal to it. */
    @ParameterizedTest
    @MethodSource("topics")
    void theExamplesAreTheExampleFilesWithTheirHeaders(Topic topic) throws Exception {
        JsonNode example = DOCUMENT.at("/components/messages/" + topic.message() + "/examples/0");
        JsonNode payload = example.get("payload");
        JsonNode headers = example.get("headers");

        assertThat(payload).isEqualTo(JSON.readTree(read(topic.exampleResource())));
        assertThat(headerViolations(topic, headers)).isEmpty();
        assertThat(headers.get(CloudEventHeaders.CE_SEQUENCE).asText())
                .isEqualTo(CloudEventHeaders.formatSequence(payload.get("sequence").asLong()));
        String id = topic == CERTIFICATION ? payload.at("/certification/id").asText()
                : payload.at("/state/certificationId").asText();
        assertThat(headers.get(CloudEventHeaders.CE_SUBJECT).asText()).isEqualTo(id);
    }

    @Test
    void theHeadersSchemaRejectsBadHeaders() {
        ObjectNode headers = (ObjectNode) DOCUMENT.at("/components/messages/registrationEvent/examples/0/headers")
                .deepCopy();
        assertThat(headerViolations(REGISTRATION, headers)).isEmpty();

        assertThat(headerViolations(REGISTRATION, headers.deepCopy().put("ce_type",
                "org.cqpsuite.certification.published"))).isNotEmpty();
        assertThat(headerViolations(REGISTRATION, headers.deepCopy().put("ce_source",
                CertificationEvents.SOURCE))).isNotEmpty();
        assertThat(headerViolations(REGISTRATION, headers.deepCopy().put("ce_sequence", "3"))).isNotEmpty();
        assertThat(headerViolations(REGISTRATION, headers.deepCopy().put("ce_id", "event-1"))).isNotEmpty();
        assertThat(headerViolations(REGISTRATION, headers.deepCopy().put("ce_time", "yesterday"))).isNotEmpty();
        ObjectNode withoutSubject = headers.deepCopy();
        withoutSubject.remove("ce_subject");
        assertThat(headerViolations(REGISTRATION, withoutSubject)).isNotEmpty();
    }

    /** Every {@code $ref}: within the document, to a node that exists; to a file, to a resource of this jar. */
    @Test
    void everyReferenceResolves() throws Exception {
        Map<String, String> refs = new LinkedHashMap<>();
        collectRefs(DOCUMENT, "", refs);
        List<String> files = new ArrayList<>();

        assertThat(refs).isNotEmpty();
        for (Map.Entry<String, String> ref : refs.entrySet()) {
            String target = ref.getValue();
            if (target.startsWith("#")) {
                assertThat(DOCUMENT.at(target.substring(1)).isMissingNode()).as(ref.toString()).isFalse();
                continue;
            }
            URI uri = URI.create(AsyncApiDocument.DIRECTORY).resolve(target);
            assertThat(uri.getScheme()).as("a relative reference: %s", ref).isNull();
            String resource = uri.getPath();
            assertThat(resource).as(ref.toString()).startsWith(AsyncApiDocument.DIRECTORY);
            assertThat(AsyncApiDocument.class.getResource(resource)).as(ref.toString()).isNotNull();
            if (uri.getFragment() != null && !uri.getFragment().isEmpty()) {
                assertThat(JSON.readTree(read(resource)).at(uri.getFragment()).isMissingNode()).as(ref.toString())
                        .isFalse();
            }
            files.add(resource);
        }
        assertThat(files).contains(CertificationEventSchema.RESOURCE, RegistrationEventSchema.RESOURCE);
    }

    @Test
    void theReadmeSaysWhereTheDocumentIs() throws Exception {
        assertThat(Files.readString(Path.of("README.md"))).contains("src/main/resources" + AsyncApiDocument.RESOURCE);
    }

    private static List<String> headerViolations(Topic topic, JsonNode headers) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$ref", "#/components/messages/" + topic.message() + "/headers");
        schema.set("components", DOCUMENT.get("components"));
        JsonSchema headersSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        return headersSchema.validate(headers).stream().map(Object::toString).toList();
    }

    private static void collectRefs(JsonNode node, String pointer, Map<String, String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getKey().equals("$ref")) {
                    refs.put(path, field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), path, refs);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(node.get(i), pointer + "/" + i, refs);
            }
        }
    }

    private static String resourceOf(String ref) {
        return URI.create(AsyncApiDocument.DIRECTORY).resolve(ref).getPath();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
