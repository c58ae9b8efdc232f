package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on a machine without Docker, so it is checked against the project instead: every
 * service it builds exists with its Dockerfile, publishes the port the service listens on, sets only environment
 * variables that override real configuration keys, and waits for healthy dependencies.
 */
class DockerComposeTest {

    private static final List<String> SERVICES = List.of("certification-service", "registration-service",
            "eligibility-service");
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(SuiteRoot.ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void theComposeFileRunsTheInfrastructureAndEveryService() {
        assertThat(services).containsKeys("postgres", "kafka");
        assertThat(services).containsKeys(SERVICES.toArray(String[]::new));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceIsBuiltFromItsModuleWithAnExistingDockerfile() {
        for (String service : SERVICES) {
            Map<String, Object> build = (Map<String, Object>) services.get(service).get("build");
            Path context = SuiteRoot.ROOT.resolve((String) build.get("context")).normalize();
            assertThat(context).as(service + " build context").isEqualTo(SuiteRoot.ROOT.resolve(service));
            assertThat(context.resolve((String) build.get("dockerfile"))).as(service + " Dockerfile").isRegularFile();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServicePublishesThePortItListensOn() {
        for (String service : SERVICES) {
            String port = SuiteRoot.applicationProperties(service).getProperty("quarkus.http.port");
            List<String> ports = (List<String>) services.get(service).get("ports");
            assertThat(ports).as(service + " ports").containsExactly(port + ":" + port);
            String healthcheck = String.join(" ", (List<String>) ((Map<String, Object>) services.get(service)
                    .get("healthcheck")).get("test"));
            assertThat(healthcheck).contains("localhost:" + port + "/q/health/ready");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEnvironmentVariableOverridesAConfigurationKeyOfItsService() {
        for (String service : SERVICES) {
            Properties properties = SuiteRoot.applicationProperties(service);
            Set<String> keys = properties.stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("%"))
                    .map(key -> key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))
                    .collect(Collectors.toSet());
            Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
            assertThat(environment).as(service + " environment").isNotEmpty();
            assertThat(keys).as(service + " configuration keys").containsAll(environment.keySet());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceUsesItsOwnDatabaseCreatedByTheInitScript() throws IOException {
        String init = Files.readString(SuiteRoot.ROOT.resolve("docker/postgres-init.sql"));
        for (String service : SERVICES) {
            Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
            String url = (String) environment.get("QUARKUS_DATASOURCE_JDBC_URL");
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertThat(database).isEqualTo(service.replace("-service", ""));
            assertThat(init).contains("CREATE DATABASE " + database + ";");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesStartOnlyOnceTheirDependenciesAreHealthy() {
        for (String service : SERVICES) {
            Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) services.get(service)
                    .get("depends_on");
            assertThat(dependsOn).as(service + " depends_on").containsKeys("postgres", "kafka");
            dependsOn.forEach((dependency, condition) -> {
                assertThat(condition).containsEntry("condition", "service_healthy");
                assertThat(services.get(dependency)).as(dependency + " healthcheck").containsKey("healthcheck");
            });
        }
    }
}
