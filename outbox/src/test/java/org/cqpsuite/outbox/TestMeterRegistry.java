package org.cqpsuite.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** A real registry for the tests (the services use the Prometheus one): Quarkus adds it to the composite registry. */
public class TestMeterRegistry {

    @Produces
    @Singleton
    SimpleMeterRegistry registry() {
        return new SimpleMeterRegistry();
    }
}
