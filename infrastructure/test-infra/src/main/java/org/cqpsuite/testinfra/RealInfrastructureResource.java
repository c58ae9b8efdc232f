package org.cqpsuite.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.cqpsuite.infra.SuiteTokens;

/**
 * Gives a Quarkus test (or integration test) a real PostgreSQL database of its own and the real Kafka broker of this
 * JVM. Use it with {@code @QuarkusTestResource(value = RealInfrastructureResource.class, initArgs =
 * @ResourceArg(name = "database", value = "certification"))}.
 *
 * <p>Which PostgreSQL and Kafka: see {@link TestInfrastructure#requestedProvider()} and the module README. It also
 * sets {@code mp.jwt.verify.publickey.location} and {@code mp.jwt.verify.issuer} so that the application accepts the
 * tokens of {@link TestTokens}.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        return Map.of(
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(database),
                "quarkus.datasource.username", infrastructure.username(),
                "quarkus.datasource.password", infrastructure.password(),
                "kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                // The application verifies the tokens of TestTokens (harmless for one without smallrye-jwt).
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyLocation(),
                "mp.jwt.verify.issuer", SuiteTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The infrastructure outlives one application start: it is shared by every test class of this JVM and
        // stopped by a shutdown hook.
    }
}
