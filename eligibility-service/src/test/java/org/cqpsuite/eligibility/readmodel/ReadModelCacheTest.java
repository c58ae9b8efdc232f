package org.cqpsuite.eligibility.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache keeps only what it can be sure of: values read before a change that was forgotten are not kept. */
class ReadModelCacheTest {

    private final ReadModelCache cache = new ReadModelCache(100, new SimpleMeterRegistry());
    private final UUID id = UUID.randomUUID();

    @Test
    void keepsNothingUntilItListens() {
        cache.keepId("RNCP1", Optional.of(id), cache.generation());

        assertThat(cache.active()).isFalse();
        assertThat(cache.idOf("RNCP1")).isNull();
    }

    @Test
    void keepsWhatWasReadAndForgetsWhatChanged() {
        cache.listening();
        cache.keepId("RNCP1", Optional.of(id), cache.generation());
        cache.keepId("RNCP2", Optional.empty(), cache.generation());

        assertThat(cache.idOf("RNCP1")).contains(id);
        assertThat(cache.idOf("RNCP2")).isEmpty();

        cache.forgetAnnounced(List.of(ReadModelNotifications.payload(id, List.of("RNCP2"))));

        assertThat(cache.idOf("RNCP1")).as("a code not named stays").contains(id);
        assertThat(cache.idOf("RNCP2")).as("a code named is forgotten").isNull();
    }

    @Test
    void doesNotKeepAValueReadBeforeAChangeItWasToldAbout() {
        cache.listening();
        long readAt = cache.generation();
        // Meanwhile another certification changed and was announced: anything read before may be old.
        cache.forgetAnnounced(List.of(ReadModelNotifications.payload(UUID.randomUUID(), List.of("RNCP9"))));
        cache.keepCertification(id, Optional.empty(), readAt);

        assertThat(cache.certification(id)).isNull();
    }

    @Test
    void forgetsEverythingWhenTold() {
        cache.listening();
        cache.keepId("RNCP1", Optional.of(id), cache.generation());
        cache.keepCertification(id, Optional.empty(), cache.generation());

        cache.forgetAnnounced(List.of(ReadModelNotifications.EVERYTHING));

        assertThat(cache.idOf("RNCP1")).isNull();
        assertThat(cache.certification(id)).isNull();
    }

    @Test
    void turnsOffAndEmptiesWhenItStopsListening() {
        cache.listening();
        cache.keepId("RNCP1", Optional.of(id), cache.generation());

        cache.deaf();
        cache.keepId("RNCP3", Optional.of(id), cache.generation());

        assertThat(cache.active()).isFalse();
        assertThat(cache.idOf("RNCP1")).isNull();
        assertThat(cache.idOf("RNCP3")).isNull();
    }

    @Test
    void readsTheTimeOfTheLastEventOnceUntilAChange() {
        AtomicInteger reads = new AtomicInteger();
        Instant first = Instant.parse("2026-11-27T10:00:00Z");
        cache.listening();

        assertThat(cache.dataAsOf(() -> {
            reads.incrementAndGet();
            return Optional.of(first);
        })).contains(first);
        assertThat(cache.dataAsOf(() -> Optional.of(Instant.EPOCH))).contains(first);
        assertThat(reads).hasValue(1);

        cache.forgetAnnounced(List.of(ReadModelNotifications.payload(id, List.of())));

        assertThat(cache.dataAsOf(() -> Optional.of(first.plusSeconds(1)))).contains(first.plusSeconds(1));
    }

    @Test
    void payloadsNameTheCertificationAndItsCodes() {
        String payload = ReadModelNotifications.payload(id, List.of("RNCP1", "RS2"));

        assertThat(payload).isEqualTo(id + " RNCP1 RS2");
        assertThat(ReadModelNotifications.Change.parse(payload))
                .isEqualTo(new ReadModelNotifications.Change(id, List.of("RNCP1", "RS2")));
        assertThat(ReadModelNotifications.Change.parse(ReadModelNotifications.EVERYTHING)).isNull();
    }
}
