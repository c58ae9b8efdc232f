package org.cqpsuite.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqpsuite.events.AsyncApiDocument;
import org.junit.jupiter.api.Test;

class RegistrationEventsTest {

    @Test
    void topicAndSource() {
        assertThat(RegistrationEvents.TOPIC).isEqualTo("cqp.registration.events");
        assertThat(RegistrationEvents.SOURCE).isEqualTo("/cqp-suite/registration-service");
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
