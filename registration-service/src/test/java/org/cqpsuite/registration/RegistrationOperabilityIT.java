package org.cqpsuite.registration;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same checks against the packaged application, as it runs in production: one runnable jar,
 * target/registration-service-runner.jar.
 */
@QuarkusIntegrationTest
class RegistrationOperabilityIT extends RegistrationOperabilityTest {
}
