package org.cqpsuite.registration.transmission;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The transmission history is written through Panache to the service's own PostgreSQL database. */
@QuarkusTest
class TransmissionPersistenceTest {

    @Test
    void aCorrectionIsANewHistoryEntryBesideTheFirst() {
        UUID certification = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> transmission(certification, "2019-03-01", "FC-2019-0001").persist());
        QuarkusTransaction.requiringNew().run(() -> transmission(certification, "2019-03-02", "FC-2019-0001-bis").persist());

        List<Transmission> history = QuarkusTransaction.requiringNew().call(() ->
                Transmission.<Transmission>list("certificationId = ?1 order by id", certification));
        assertThat(history).extracting(t -> t.reference).containsExactly("FC-2019-0001", "FC-2019-0001-bis");
        assertThat(history).extracting(t -> t.transmittedOn)
                .containsExactly(LocalDate.parse("2019-03-01"), LocalDate.parse("2019-03-02"));
    }

    private static Transmission transmission(UUID certification, String on, String reference) {
        Transmission transmission = new Transmission();
        transmission.certificationId = certification;
        transmission.transmittedOn = LocalDate.parse(on);
        transmission.reference = reference;
        return transmission;
    }
}
