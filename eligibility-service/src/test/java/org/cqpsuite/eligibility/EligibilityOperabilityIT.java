package org.cqpsuite.eligibility;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (target/eligibility-service-runner.jar), as it runs in production. */
@QuarkusIntegrationTest
class EligibilityOperabilityIT extends EligibilityOperabilityTest {
}
