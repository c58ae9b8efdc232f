package org.cqpsuite.registration;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (target/registration-service-runner.jar), as it runs in production. */
@QuarkusIntegrationTest
class RegistrationOperabilityIT extends RegistrationOperabilityTest {
}
