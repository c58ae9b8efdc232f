package org.cqpsuite.events.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cqpsuite.events.certification.Contract.PRODUCER;
import static org.cqpsuite.events.certification.Contract.tree;
import static org.cqpsuite.events.certification.Contract.violations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificationEventDataSchemaTest {

    private static final UUID ID = UUID.fromString("3f2b8c1e-6d4a-4f7b-9a51-0c2e7d9b4a10");

    static CertificationEventData published() {
        return new CertificationEventData(5, new CertificationState(ID, CertificationState.KIND_CQPI,
                "Opérateur qualité", CertificationState.STATUS_PUBLISHED, CertificationState.SOURCE_API,
                List.of(new CpneState("CPNEFP textile", "0018"), new CpneState("CPNEFP habillement", "0247")),
                List.of("0018", "0247"), List.of("200r"), List.of("H1502"), LocalDate.of(2026, 1, 12),
                Instant.parse("2026-01-31T09:15:02.123456Z"), 4,
                new FrameworkVersions(
                        new FrameworkVersionRef(1, LocalDate.of(2026, 2, 1), "m.durand", List.of()),
                        new FrameworkVersionRef(2, LocalDate.of(2026, 2, 1), "m.durand", List.of("BC01", "BC02")),
                        new FrameworkVersionRef(1, LocalDate.of(2026, 2, 1), "j.martin", List.of()))));
    }

    /** A certification just created: first event, no framework version, no codes. */
    static CertificationEventData created() {
        return new CertificationEventData(1, new CertificationState(UUID.randomUUID(), CertificationState.KIND_OTHER,
                "Titre professionnel agent de propreté", CertificationState.STATUS_DRAFT,
                CertificationState.SOURCE_DIRECTORY_IMPORT, List.of(), List.of(), List.of(), List.of(),
                LocalDate.of(2026, 3, 2), Instant.parse("2026-03-02T08:00:00Z"), 0,
                new FrameworkVersions(null, null, null)));
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        JsonSchema metaSchema = Contract.FACTORY.getSchema(
                SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), Contract.CONFIG);

        assertThat(metaSchema.validate(tree(CertificationEventSchema.json()))).isEmpty();
        assertThat(metaSchema.validate(tree("{\"type\": \"object\", \"required\": \"sequence\"}")))
                .as("the meta-schema check itself works").isNotEmpty();
        assertThat(tree(CertificationEventSchema.json()).get("$id").asText()).isEqualTo(CertificationEventSchema.ID);
    }

    @Test
    void recordsSerializedAsProducersMustValidateAndReadBackEqual() throws Exception {
        for (CertificationEventData event : List.of(published(), created())) {
            String json = PRODUCER.writeValueAsString(event);

            assertThat(violations(tree(json))).as(json).isEmpty();
            assertThat(Contract.CONSUMER.readValue(json, CertificationEventData.class)).isEqualTo(event);
            assertThat(PRODUCER.readValue(json, CertificationEventData.class)).isEqualTo(event);
        }
    }

    @Test
    void datesAreIsoStringsAndMissingFrameworksAreNulls() throws Exception {
        JsonNode published = tree(PRODUCER.writeValueAsString(published()));
        JsonNode created = tree(PRODUCER.writeValueAsString(created()));

        assertThat(published.at("/certification/createdOn").asText()).isEqualTo("2026-01-12");
        assertThat(published.at("/certification/updatedAt").asText()).isEqualTo("2026-01-31T09:15:02.123456Z");
        assertThat(published.at("/certification/frameworks/skills/effectiveDate").asText()).isEqualTo("2026-02-01");
        assertThat(published.at("/certification/id").asText()).isEqualTo(ID.toString());
        JsonNode frameworks = created.at("/certification/frameworks");
        assertThat(frameworks.has("activities") && frameworks.get("activities").isNull()).isTrue();
        assertThat(frameworks.get("skills").isNull()).isTrue();
        assertThat(frameworks.get("evaluation").isNull()).isTrue();
    }

    @Test
    void theRecordsJsonIsTheExample() throws Exception {
        assertThat(tree(PRODUCER.writeValueAsString(published())))
                .isEqualTo(tree(CertificationEventSchema.examplePublished()));
    }

    @Test
    void theExampleIsValid() throws Exception {
        JsonNode example = tree(CertificationEventSchema.examplePublished());

        assertThat(violations(example)).isEmpty();
        assertThat(Contract.CONSUMER.treeToValue(example, CertificationEventData.class)).isEqualTo(published());
    }

    @Test
    void timestampsInsteadOfIsoDatesAreRejected() throws Exception {
        String json = PRODUCER.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(published());

        assertThat(violations(tree(json))).extracting(Contract.Violation::location)
                .contains("/certification/createdOn", "/certification/updatedAt",
                        "/certification/frameworks/skills/effectiveDate");
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                invalid("missing sequence", "", root -> root.remove("sequence")),
                invalid("sequence 0", "/sequence", root -> root.put("sequence", 0)),
                invalid("negative sequence", "/sequence", root -> root.put("sequence", -3)),
                invalid("sequence not an integer", "/sequence", root -> root.put("sequence", 1.5)),
                invalid("sequence as a string", "/sequence", root -> root.put("sequence", "0000000000000000005")),
                invalid("missing certification", "", root -> root.remove("certification")),
                invalid("extra top-level property", "", root -> root.put("type", "published")),
                invalid("extra certification property", "/certification",
                        root -> certification(root).put("label", "x")),
                invalid("IDCC 18 (not zero-padded)", "/certification/cpnes/0/idcc",
                        root -> ((ObjectNode) certification(root).withArray("cpnes").get(0)).put("idcc", "18")),
                invalid("IDCC with letters", "/certification/carryingBranches/1",
                        root -> certification(root).withArray("carryingBranches").set(1, "02A7")),
                invalid("duplicate carrying branch", "/certification/carryingBranches",
                        root -> certification(root).withArray("carryingBranches").set(1, "0018")),
                invalid("unknown kind", "/certification/kind", root -> certification(root).put("kind", "BTS")),
                invalid("kind in lower case", "/certification/kind", root -> certification(root).put("kind", "cqp")),
                invalid("unknown status", "/certification/status",
                        root -> certification(root).put("status", "ARCHIVED")),
                invalid("unknown source", "/certification/source",
                        root -> certification(root).put("source", "IMPORT")),
                invalid("id not a UUID", "/certification/id", root -> certification(root).put("id", "CQP-0001")),
                invalid("impossible date", "/certification/createdOn",
                        root -> certification(root).put("createdOn", "2026-02-30")),
                invalid("date-time without offset", "/certification/updatedAt",
                        root -> certification(root).put("updatedAt", "2026-01-31T09:15:02")),
                invalid("negative version", "/certification/version",
                        root -> certification(root).put("version", -1)),
                invalid("missing carryingBranches", "/certification",
                        root -> certification(root).remove("carryingBranches")),
                invalid("null cpnes", "/certification/cpnes", root -> certification(root).putNull("cpnes")),
                invalid("blank title", "/certification/title", root -> certification(root).put("title", "")),
                invalid("CPNE without name", "/certification/cpnes/1",
                        root -> ((ObjectNode) certification(root).withArray("cpnes").get(1)).remove("name")),
                invalid("NSF code in upper case", "/certification/nsfCodes/0",
                        root -> certification(root).withArray("nsfCodes").set(0, "200R")),
                invalid("ROME code in lower case", "/certification/romeCodes/0",
                        root -> certification(root).withArray("romeCodes").set(0, "h1502")),
                invalid("missing framework property", "/certification/frameworks",
                        root -> frameworks(root).remove("evaluation")),
                invalid("extra framework", "/certification/frameworks",
                        root -> frameworks(root).putNull("certification")),
                invalid("framework version 0", "/certification/frameworks/skills/number",
                        root -> ((ObjectNode) frameworks(root).get("skills")).put("number", 0)),
                invalid("framework version without author", "/certification/frameworks/evaluation",
                        root -> ((ObjectNode) frameworks(root).get("evaluation")).remove("author")),
                invalid("blocks on the activities framework", "/certification/frameworks/activities/blockCodes",
                        root -> ((ObjectNode) frameworks(root).get("activities")).withArray("blockCodes")
                                .add("BC01")),
                invalid("framework version without blockCodes", "/certification/frameworks/skills",
                        root -> ((ObjectNode) frameworks(root).get("skills")).remove("blockCodes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void invalidDocumentsAreRejected(String name, String location, Consumer<ObjectNode> breakIt) {
        ObjectNode document = (ObjectNode) tree(CertificationEventSchema.examplePublished());
        breakIt.accept(document);

        assertThat(violations(document)).as(name).extracting(Contract.Violation::location).contains(location);
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRejected() {
        assertThat(violations(JsonNodeFactory.instance.arrayNode())).isNotEmpty();
        assertThat(violations(JsonNodeFactory.instance.nullNode())).isNotEmpty();
    }

    @Test
    void theSchemaEnumsAreTheContractConstants() {
        JsonNode certification = tree(CertificationEventSchema.json()).at("/$defs/certification/properties");

        assertThat(texts(certification.at("/kind/enum"))).isEqualTo(CertificationState.KINDS);
        assertThat(texts(certification.at("/status/enum"))).isEqualTo(CertificationState.STATUSES);
        assertThat(texts(certification.at("/source/enum"))).isEqualTo(CertificationState.SOURCES);
    }

    @Test
    void everyRecordComponentIsRequiredBySchema() {
        JsonNode schema = tree(CertificationEventSchema.json());

        assertThat(texts(schema.get("required"))).containsExactlyInAnyOrder(components(CertificationEventData.class));
        assertThat(texts(schema.at("/$defs/certification/required")))
                .containsExactlyInAnyOrder(components(CertificationState.class));
        assertThat(texts(schema.at("/$defs/cpne/required"))).containsExactlyInAnyOrder(components(CpneState.class));
        assertThat(texts(schema.at("/$defs/frameworks/required")))
                .containsExactlyInAnyOrder(components(FrameworkVersions.class));
        assertThat(texts(schema.at("/$defs/frameworkVersion/required")))
                .containsExactlyInAnyOrder(components(FrameworkVersionRef.class));
    }

    @Test
    void nullListsAreEmptyAndListsAreImmutable() {
        CertificationState state = new CertificationState(ID, "CQP", "t", "DRAFT", "API", null, null, null, null,
                LocalDate.of(2026, 1, 1), Instant.EPOCH, 0, new FrameworkVersions(null, null, null));
        ArrayList<String> codes = new ArrayList<>(List.of("BC01"));
        FrameworkVersionRef ref = new FrameworkVersionRef(1, LocalDate.of(2026, 1, 1), "a", codes);
        codes.add("BC02");

        assertThat(state.cpnes()).isEmpty();
        assertThat(state.carryingBranches()).isEmpty();
        assertThat(state.nsfCodes()).isEmpty();
        assertThat(state.romeCodes()).isEmpty();
        assertThat(ref.blockCodes()).containsExactly("BC01");
        assertThat(new FrameworkVersionRef(1, LocalDate.of(2026, 1, 1), "a", null).blockCodes()).isEmpty();
        assertThatThrownBy(() -> ref.blockCodes().add("BC03"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Arguments invalid(String name, String location, Consumer<ObjectNode> breakIt) {
        return Arguments.of(name, location, breakIt);
    }

    private static ObjectNode certification(ObjectNode root) {
        return (ObjectNode) root.get("certification");
    }

    private static ObjectNode frameworks(ObjectNode root) {
        return (ObjectNode) certification(root).get("frameworks");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (Iterator<JsonNode> it = ((ArrayNode) array).elements(); it.hasNext();) {
            texts.add(it.next().asText());
        }
        return texts;
    }

    private static String[] components(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents()).map(RecordComponent::getName)
                .toArray(String[]::new);
    }
}
