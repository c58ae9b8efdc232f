package org.cqpsuite.eligibility.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cqpsuite.eligibility.TestEvents.certificationChange;
import static org.cqpsuite.eligibility.TestEvents.registrationChange;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cqpsuite.eligibility.TestEvents;
import org.cqpsuite.eligibility.consumption.ReadModelWriter;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * A read model larger than the cache is not loaded ahead: an arbitrary part of it would only take the room of the
 * certifications asked about. The cache is left to the questions (against the real database).
 */
@QuarkusTest
@TestProfile(ReadModelCacheFillerLargeReadModelTest.SmallCache.class)
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "eligibility"))
class ReadModelCacheFillerLargeReadModelTest {

    /** A cache of two certifications, for a read model of more. */
    public static class SmallCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cqp.read-model.cache.certifications", "2",
                    "cqp.consumer.group", "eligibility-small-cache-test");
        }
    }

    @Inject
    ReadModelWriter writer;
    @Inject
    ReadModelReader reader;
    @Inject
    ReadModelCache cache;
    @Inject
    ReadModelCacheFiller filler;

    @Test
    void aReadModelLargerThanTheCacheIsLeftToTheQuestions() {
        String[] codes = new String[3];
        for (int i = 0; i < codes.length; i++) {
            UUID id = UUID.randomUUID();
            codes[i] = TestEvents.rsCode();
            writer.applyAll(List.of(certificationChange(id, 1), registrationChange(new TestEvents.Registrations(id)
                    .rs(UUID.randomUUID(), codes[i], LocalDate.of(2021, 1, 10), LocalDate.of(2021, 2, 1),
                            LocalDate.of(2026, 2, 1)).state(), 1)));
        }
        await().atMost(Duration.ofSeconds(30)).until(cache::active);

        // As when the listener gets its connection back: the filler finds three certifications or more, and two places.
        cache.deaf();
        cache.listening();
        filler.fillAll();
        await().atMost(Duration.ofSeconds(30)).until(filler::complete);

        assertThat(filler.lastWalk()).as("nothing loaded ahead").isZero();

        // Nor is a certification loaded again after its change (the cache is empty, so it has room).
        UUID id = UUID.randomUUID();
        String code = TestEvents.rsCode();
        writer.applyAll(List.of(certificationChange(id, 1), registrationChange(new TestEvents.Registrations(id)
                .rs(UUID.randomUUID(), code, LocalDate.of(2021, 1, 10), LocalDate.of(2021, 2, 1),
                        LocalDate.of(2026, 2, 1)).state(), 1)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> reader.inMemory(code) == null);

        // A question still reads it, and the cache keeps it for the next one.
        reader.certificationIdOf(code).flatMap(reader::find).orElseThrow();
        reader.lastEventTime();
        assertThat(reader.inMemory(code)).isNotNull();
    }
}
