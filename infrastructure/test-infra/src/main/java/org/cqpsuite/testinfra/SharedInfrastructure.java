package org.cqpsuite.testinfra;

import java.util.logging.Logger;

/** Holds the one {@link TestInfrastructure} of this JVM and stops it at exit. */
final class SharedInfrastructure {

    private static final Logger LOG = Logger.getLogger(SharedInfrastructure.class.getName());
    private static TestInfrastructure instance;

    private SharedInfrastructure() {
    }

    static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = start(TestInfrastructure.requestedProvider());
            LOG.info(() -> "Test infrastructure: " + instance.description());
        }
        return instance;
    }

    private static TestInfrastructure start(String provider) {
        return switch (provider) {
            case "embedded" -> EmbeddedInfrastructure.start();
            case "external" -> ExternalInfrastructure.fromEnvironment();
            case "testcontainers" -> {
                if (ContainerInfrastructure.dockerAvailable()) {
                    yield ContainerInfrastructure.start();
                }
                // Docker is optional on a developer's machine: say so loudly and keep the tests real.
                LOG.warning("CQP_TEST_INFRA=testcontainers but no Docker engine answers: using the embedded "
                        + "PostgreSQL and Kafka instead.");
                yield EmbeddedInfrastructure.start();
            }
            default -> throw new IllegalArgumentException(
                    TestInfrastructure.PROVIDER_VARIABLE + " must be embedded, external or testcontainers, not: " + provider);
        };
    }
}
