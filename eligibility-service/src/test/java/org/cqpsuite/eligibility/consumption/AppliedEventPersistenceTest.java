package org.cqpsuite.eligibility.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The applied-event positions are written through Panache to the service's own PostgreSQL database. */
@QuarkusTest
class AppliedEventPersistenceTest {

    @Test
    void thePositionOfACertificationIsStoredAndMovedForward() {
        AppliedEvent.Key key = new AppliedEvent.Key("cqp.registration.events", UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> {
            AppliedEvent applied = new AppliedEvent();
            applied.key = key;
            applied.sequence = 1;
            applied.persist();
        });
        QuarkusTransaction.requiringNew().run(() -> AppliedEvent.<AppliedEvent>findById(key).sequence = 2);

        AppliedEvent found = QuarkusTransaction.requiringNew().call(() -> AppliedEvent.findById(key));
        assertThat(found.sequence).isEqualTo(2);
    }

    @Test
    void aSequenceNumberMustBePositive() {
        AppliedEvent.Key key = new AppliedEvent.Key("cqp.certification.events", UUID.randomUUID());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            AppliedEvent applied = new AppliedEvent();
            applied.key = key;
            applied.sequence = 0;
            applied.persist();
        })).hasStackTraceContaining("applied_event_sequence_check");
    }
}
