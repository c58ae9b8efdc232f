package org.cqpsuite.eligibility.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cqpsuite.eligibility.TestEvents.certificationChange;
import static org.cqpsuite.eligibility.TestEvents.registrationChange;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.eligibility.TestEvents;
import org.cqpsuite.eligibility.readmodel.CertificationRecord;
import org.cqpsuite.eligibility.readmodel.ReadModelCache;
import org.cqpsuite.eligibility.readmodel.ReadModelNotifications;
import org.cqpsuite.eligibility.readmodel.ReadModelReader;
import org.cqpsuite.eligibility.rules.RegistrationFacts;
import org.cqpsuite.events.registration.RegistrationState;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch of events applied at once gives what applying them one by one would, and every change reaches the cache,
 * whichever instance applied it (against the real database).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "eligibility"))
class ReadModelWriterTest {

    @Inject
    ReadModelWriter writer;
    @Inject
    ReadModelReader reader;
    @Inject
    ReadModelCache cache;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void cacheOn() {
        await().atMost(Duration.ofSeconds(30)).until(cache::active);
    }

    @Test
    void aBatchWritesTheNewestStateOfEachCertificationAndSaysWhatEachEventDid() {
        UUID id = UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        String code = TestEvents.rncpCode();
        TestEvents.Registrations states = new TestEvents.Registrations(id).transmitted(LocalDate.of(2020, 1, 15));
        RegistrationState transmitted = states.state();
        RegistrationState registered = states.rncp(registration, code, LocalDate.of(2020, 2, 20),
                LocalDate.of(2020, 3, 1), LocalDate.of(2025, 3, 1), 4).state();
        RegistrationState withdrawn = states.update(registration, "WITHDRAWN", LocalDate.of(2022, 6, 30), null, null)
                .state();

        List<ApplyOutcome> outcomes = writer.applyAll(List.of(certificationChange(id, 1),
                registrationChange(transmitted, 1), registrationChange(withdrawn, 3), registrationChange(registered, 2),
                registrationChange(registered, 2)));

        assertThat(outcomes).containsExactly(ApplyOutcome.APPLIED, ApplyOutcome.APPLIED, ApplyOutcome.APPLIED,
                ApplyOutcome.APPLIED, ApplyOutcome.DUPLICATE);
        CertificationRecord record = reader.find(id).orElseThrow();
        assertThat(record.registrations()).extracting(RegistrationFacts::status)
                .containsExactly(RegistrationFacts.Status.WITHDRAWN);
        assertThat(record.transmissionDates()).containsExactly(LocalDate.of(2020, 1, 15));
        assertThat(reader.certificationIdOf(code)).contains(id);

        assertThat(writer.applyAll(List.of(registrationChange(registered, 2), registrationChange(registered, 5))))
                .containsExactly(ApplyOutcome.STALE, ApplyOutcome.APPLIED_AFTER_GAP);
        assertThat(reader.find(id).orElseThrow().registrations()).extracting(RegistrationFacts::status)
                .containsExactly(RegistrationFacts.Status.REGISTERED);
    }

    @Test
    void aChangeAnnouncedByAnotherInstanceReachesThisInstancesCache() throws Exception {
        UUID id = UUID.randomUUID();
        String code = TestEvents.rncpCode();
        writer.applyAll(List.of(certificationChange(id, 1)));
        assertThat(reader.certificationIdOf(code)).as("unknown").isEmpty();
        // ...and now known to be unknown. The reader keeps what it read only if no change was announced meanwhile
        // (the live consumer may be applying other tests' events): ask until it is kept.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            reader.certificationIdOf(code);
            reader.lastEventTime(); // inMemory answers only once this is known too
            ReadModelReader.InMemory known = reader.inMemory(code);
            return known != null && known.certification().isEmpty();
        });

        // Another instance sharing the database registers the code: first without telling anyone...
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO registration (id, certification_id, position, directory, code, status,
                            effective_from, ends_on, block_codes)
                        VALUES (?, ?, 0, 'RNCP', ?, 'REGISTERED', DATE '2020-03-01', DATE '2025-03-01', '{}')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, id);
            insert.setString(3, code);
            insert.executeUpdate();
        }
        assertThat(reader.certificationIdOf(code)).as("answered from the cache, which was not told").isEmpty();

        // ...then announcing it, as ReadModelWriter does in the transaction that writes.
        try (Connection connection = dataSource.getConnection()) {
            ReadModelNotifications.announce(connection, List.of(ReadModelNotifications.payload(id, List.of(code))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.certificationIdOf(code).isPresent());
        assertThat(reader.certificationIdOf(code)).contains(id);
        assertThat(reader.find(id).orElseThrow().registrations()).extracting(RegistrationFacts::code)
                .containsExactly(code);
    }

    @Test
    void aCodeCarriedByTwoCertificationsIsTheOneRegisteredLastWhetherAskedAloneOrAmongOthers() {
        // A data error upstream; the reader reads one code and several codes with two different statements.
        String askedAlone = TestEvents.rncpCode();
        String askedAmongOthers = TestEvents.rncpCode();
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        RegistrationState earlier = new TestEvents.Registrations(first)
                .rncp(UUID.randomUUID(), askedAlone, LocalDate.of(2020, 2, 20), LocalDate.of(2020, 3, 1),
                        LocalDate.of(2025, 3, 1), 4)
                .rncp(UUID.randomUUID(), askedAmongOthers, LocalDate.of(2020, 2, 20), LocalDate.of(2020, 3, 1),
                        LocalDate.of(2025, 3, 1), 4)
                .state();
        RegistrationState later = new TestEvents.Registrations(last)
                .rncp(UUID.randomUUID(), askedAlone, LocalDate.of(2023, 2, 20), LocalDate.of(2023, 3, 1),
                        LocalDate.of(2028, 3, 1), 4)
                .rncp(UUID.randomUUID(), askedAmongOthers, LocalDate.of(2023, 2, 20), LocalDate.of(2023, 3, 1),
                        LocalDate.of(2028, 3, 1), 4)
                .state();
        // The later one applied first: the answer does not depend on the order of the rows.
        writer.applyAll(List.of(certificationChange(first, 1), certificationChange(last, 1),
                registrationChange(later, 1), registrationChange(earlier, 1)));

        assertThat(reader.certificationIdOf(askedAlone)).contains(last);
        String unknown = TestEvents.rncpCode();
        assertThat(reader.certificationIdsOf(List.of(askedAmongOthers, unknown)))
                .containsExactlyEntriesOf(java.util.Map.of(askedAmongOthers, last));
        assertThat(reader.findAll(List.of(first, last)).keySet()).containsExactly(first, last);
    }

}
