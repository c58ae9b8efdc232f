package org.cqpsuite.eligibility.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cqpsuite.eligibility.TestEvents.certificationChange;
import static org.cqpsuite.eligibility.TestEvents.registrationChange;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.eligibility.TestEvents;
import org.cqpsuite.eligibility.consumption.ReadModelChange;
import org.cqpsuite.eligibility.consumption.ReadModelWriter;
import org.cqpsuite.eligibility.rules.RegistrationFacts;
import org.cqpsuite.events.registration.RegistrationState;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache holds certifications before anyone asks about them: the whole read model when it turns on, and each
 * certification again right after it changed, as the database has it (against the real database).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "eligibility"))
class ReadModelCacheFillerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ReadModelWriter writer;
    @Inject
    ReadModelReader reader;
    @Inject
    ReadModelCache cache;
    @Inject
    ReadModelCacheFiller filler;

    @BeforeEach
    void cacheOn() {
        await().atMost(PATIENCE).until(cache::active);
    }

    @Test
    void aNewCertificationIsInMemoryBeforeAnyQuestionAboutIt() {
        UUID id = UUID.randomUUID();
        String code = TestEvents.rncpCode();

        writer.applyAll(List.of(certificationChange(id, 1), registrationChange(registered(id, code), 1)));

        // Only inMemory is asked (never the database): the filler must have put both the code and the certification.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reader.inMemory(code)).isNotNull());
        CertificationRecord inMemory = reader.inMemory(code).certification().orElseThrow();
        assertThat(inMemory.id()).isEqualTo(id);
        assertThat(inMemory.registrations()).extracting(RegistrationFacts::code).containsExactly(code);
        assertThat(inMemory).isEqualTo(reader.find(id).orElseThrow());
    }

    @Test
    void aChangedCertificationIsBackInMemoryWithItsChange() {
        UUID id = UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        String code = TestEvents.rncpCode();
        TestEvents.Registrations states = new TestEvents.Registrations(id);
        writer.applyAll(List.of(certificationChange(id, 1), registrationChange(states.rncp(registration, code,
                LocalDate.of(2020, 2, 20), LocalDate.of(2020, 3, 1), LocalDate.of(2025, 3, 1), 4).state(), 1)));
        await().atMost(PATIENCE).until(() -> reader.inMemory(code) != null);

        writer.applyAll(List.of(registrationChange(states.update(registration, "WITHDRAWN", LocalDate.of(2022, 6, 30),
                null, null).state(), 2)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ReadModelReader.InMemory known = reader.inMemory(code);
            assertThat(known).isNotNull();
            assertThat(known.certification().orElseThrow().registrations()).extracting(RegistrationFacts::status)
                    .containsExactly(RegistrationFacts.Status.WITHDRAWN);
        });
    }

    @Test
    void theWholeReadModelIsLoadedEachTimeTheCacheTurnsOn() {
        // More than a page, so that the walk goes from page to page.
        List<String> codes = new ArrayList<>();
        List<ReadModelChange> changes = new ArrayList<>();
        for (int i = 0; i < ReadModelCacheFiller.PAGE + 200; i++) {
            UUID id = UUID.randomUUID();
            String code = TestEvents.rsCode();
            codes.add(code);
            changes.add(certificationChange(id, 1));
            changes.add(registrationChange(registered(id, code), 1));
        }
        writer.applyAll(changes);

        // As when the listener gets its connection back: the cache turns on empty, and the filler is told.
        cache.deaf();
        cache.listening();
        filler.fillAll();

        await().atMost(PATIENCE).until(filler::complete);
        assertThat(filler.lastWalk()).as("certifications loaded page after page").isGreaterThanOrEqualTo(codes.size());
        assertThat(codes).allSatisfy(code -> {
            ReadModelReader.InMemory known = reader.inMemory(code);
            assertThat(known).as(code).isNotNull();
            assertThat(known.certification().orElseThrow().registrations()).extracting(RegistrationFacts::code)
                    .containsExactly(code);
        });
    }

    @Test
    void certificationsOfOneBranchShareItsValuesInMemory() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstCode = TestEvents.rncpCode();
        String secondCode = TestEvents.rncpCode();

        // Same CPNE and branch, registrations decided on the same dates: one copy of each in memory, not one each.
        writer.applyAll(List.of(certificationChange(first, 1), registrationChange(registered(first, firstCode), 1),
                certificationChange(second, 1), registrationChange(registered(second, secondCode), 1)));

        await().atMost(PATIENCE).until(() -> reader.inMemory(firstCode) != null && reader.inMemory(secondCode) != null);
        CertificationRecord a = reader.inMemory(firstCode).certification().orElseThrow();
        CertificationRecord b = reader.inMemory(secondCode).certification().orElseThrow();
        assertThat(a.cpnes()).isEqualTo(List.of(new CertificationRecord.Cpne("CPNE de la métallurgie", "3248")))
                .isSameAs(b.cpnes());
        assertThat(a.carryingBranches()).containsExactly("3248").isSameAs(b.carryingBranches());
        assertThat(a.status()).isSameAs(b.status());
        RegistrationFacts ra = a.registrations().get(0);
        RegistrationFacts rb = b.registrations().get(0);
        assertThat(ra.effectiveFrom()).isEqualTo(LocalDate.of(2021, 2, 1)).isSameAs(rb.effectiveFrom());
        assertThat(ra.endsOn()).isSameAs(rb.endsOn());
        // Their own values stay their own.
        assertThat(ra.code()).isEqualTo(firstCode);
        assertThat(rb.code()).isEqualTo(secondCode);
    }

    private static RegistrationState registered(UUID id, String code) {
        return new TestEvents.Registrations(id).rs(UUID.randomUUID(), code, LocalDate.of(2021, 1, 10),
                LocalDate.of(2021, 2, 1), LocalDate.of(2026, 2, 1)).state();
    }

}
