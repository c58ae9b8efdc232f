package org.cqpsuite.events.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CertificationEventsTest {

    @Test
    void topicSourceAndHeaders() {
        assertThat(CertificationEvents.TOPIC).isEqualTo("cqp.certification.events");
        assertThat(CertificationEvents.SOURCE).isEqualTo("/cqp-suite/certification-service");
        assertThat(List.of(CertificationEvents.CE_SPECVERSION, CertificationEvents.CE_ID, CertificationEvents.CE_TYPE,
                CertificationEvents.CE_SOURCE, CertificationEvents.CE_SUBJECT, CertificationEvents.CE_TIME,
                CertificationEvents.CE_SEQUENCE, CertificationEvents.CONTENT_TYPE)).containsExactly("ce_specversion",
                        "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_sequence", "content-type");
        assertThat(CertificationEvents.SPEC_VERSION).isEqualTo("1.0");
        assertThat(CertificationEvents.DATA_CONTENT_TYPE).isEqualTo("application/json");
    }

    @Test
    void sequenceHeadersAreNineteenDigitsAndSortInSequenceOrder() {
        assertThat(CertificationEvents.formatSequence(42)).isEqualTo("0000000000000000042");
        assertThat(CertificationEvents.formatSequence(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThat(CertificationEvents.formatSequence(9)).isLessThan(CertificationEvents.formatSequence(10));
        assertThat(CertificationEvents.parseSequence("0000000000000000042")).isEqualTo(42);
        assertThatThrownBy(() -> CertificationEvents.formatSequence(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSchemaAndTheExampleAreClasspathResources() {
        assertThat(CertificationEventSchema.json()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
        assertThat(CertificationEventSchema.examplePublished()).contains("\"status\": \"PUBLISHED\"");
    }

    /** The README shows the example file itself, so the documentation cannot drift from the contract. */
    @Test
    void theReadmeShowsTheExample() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<Object> documents = new ArrayList<>();
        while (blocks.find()) {
            documents.add(Contract.tree(blocks.group(1)));
        }

        assertThat(documents).contains(Contract.tree(CertificationEventSchema.examplePublished()));
        for (CertificationEventType type : CertificationEventType.values()) {
            assertThat(readme).contains("`" + type.ceType() + "`");
        }
    }
}
