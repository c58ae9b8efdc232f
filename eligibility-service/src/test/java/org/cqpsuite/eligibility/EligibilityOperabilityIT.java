package org.cqpsuite.eligibility;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same checks against the packaged application, as it runs in production: one runnable jar,
 * target/eligibility-service-runner.jar.
 */
@QuarkusIntegrationTest
class EligibilityOperabilityIT extends EligibilityOperabilityTest {
}
