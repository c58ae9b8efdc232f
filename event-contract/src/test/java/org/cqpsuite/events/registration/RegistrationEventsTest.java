package org.cqpsuite.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqpsuite.events.AsyncApiDocument;
import org.cqpsuite.events.CloudEventHeaders;
import org.cqpsuite.events.certification.CertificationEvents;
import org.junit.jupiter.api.Test;

class RegistrationEventsTest {

    @Test
    void topicSourceAndHeaders() {
        assertThat(RegistrationEvents.TOPIC).isEqualTo("cqp.registration.events");
        assertThat(RegistrationEvents.SOURCE).isEqualTo("/cqp-suite/registration-service");
        assertThat(List.of(RegistrationEvents.CE_SPECVERSION, RegistrationEvents.CE_ID, RegistrationEvents.CE_TYPE,
                RegistrationEvents.CE_SOURCE, RegistrationEvents.CE_SUBJECT, RegistrationEvents.CE_TIME,
                RegistrationEvents.CE_SEQUENCE, RegistrationEvents.CONTENT_TYPE)).containsExactly("ce_specversion",
                        "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_sequence", "content-type");
        assertThat(RegistrationEvents.SPEC_VERSION).isEqualTo("1.0");
        assertThat(RegistrationEvents.DATA_CONTENT_TYPE).isEqualTo("application/json");
    }

    /** Both topics travel the same way: their header names are the shared ones. */
    @Test
    void theHeadersAreTheSameAsTheCertificationOnes() {
        assertThat(List.of(RegistrationEvents.CE_SPECVERSION, RegistrationEvents.CE_ID, RegistrationEvents.CE_TYPE,
                RegistrationEvents.CE_SOURCE, RegistrationEvents.CE_SUBJECT, RegistrationEvents.CE_TIME,
                RegistrationEvents.CE_SEQUENCE, RegistrationEvents.CONTENT_TYPE, RegistrationEvents.SPEC_VERSION,
                RegistrationEvents.DATA_CONTENT_TYPE)).isEqualTo(List.of(CertificationEvents.CE_SPECVERSION,
                        CertificationEvents.CE_ID, CertificationEvents.CE_TYPE, CertificationEvents.CE_SOURCE,
                        CertificationEvents.CE_SUBJECT, CertificationEvents.CE_TIME, CertificationEvents.CE_SEQUENCE,
                        CertificationEvents.CONTENT_TYPE, CertificationEvents.SPEC_VERSION,
                        CertificationEvents.DATA_CONTENT_TYPE))
                .isEqualTo(List.of(CloudEventHeaders.CE_SPECVERSION, CloudEventHeaders.CE_ID, CloudEventHeaders.CE_TYPE,
                        CloudEventHeaders.CE_SOURCE, CloudEventHeaders.CE_SUBJECT, CloudEventHeaders.CE_TIME,
                        CloudEventHeaders.CE_SEQUENCE, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.DATA_CONTENT_TYPE));
    }

    @Test
    void sequenceHeadersAreNineteenDigits() {
        assertThat(RegistrationEvents.formatSequence(3)).isEqualTo("0000000000000000003")
                .isEqualTo(CertificationEvents.formatSequence(3));
        assertThat(RegistrationEvents.parseSequence("0000000000000000042")).isEqualTo(42);
    }

    @Test
    void theSchemaAndTheExampleAreClasspathResources() {
        assertThat(RegistrationEventSchema.json())
                .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
        assertThat(RegistrationEventSchema.exampleRegistered()).contains("\"status\": \"REGISTERED\"");
    }

    /** The README shows the example file itself, so the documentation cannot drift from the contract. */
    @Test
    void theReadmeShowsTheExampleEveryTypeAndTheAsyncApiDocument() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<Object> documents = new ArrayList<>();
        while (blocks.find()) {
            documents.add(Contract.tree(blocks.group(1)));
        }

        assertThat(documents).contains(Contract.tree(RegistrationEventSchema.exampleRegistered()));
        for (RegistrationEventType type : RegistrationEventType.values()) {
            assertThat(readme).contains("`" + type.ceType() + "`");
        }
        assertThat(readme).contains("src/main/resources" + AsyncApiDocument.RESOURCE)
                .contains("`" + RegistrationEvents.TOPIC + "`");
    }
}
