package org.cqpsuite.events.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CertificationEventsTest {

    @Test
    void topicAndSource() {
        assertThat(CertificationEvents.TOPIC).isEqualTo("cqp.certification.events");
        assertThat(CertificationEvents.SOURCE).isEqualTo("/cqp-suite/certification-service");
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
