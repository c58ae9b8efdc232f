package org.cqpsuite.events.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.util.List;
import org.cqpsuite.events.SchemaContract;

/** The registration events' schema, with what {@link SchemaContract} gives every contract test. */
final class Contract extends SchemaContract {

    static final JsonSchema SCHEMA = FACTORY.getSchema(RegistrationEventSchema.json(), CONFIG);

    private Contract() {
    }

    /** The violations of this topic's schema, sorted by location; empty when valid. */
    static List<Violation> violations(JsonNode document) {
        return violations(SCHEMA, document);
    }
}
