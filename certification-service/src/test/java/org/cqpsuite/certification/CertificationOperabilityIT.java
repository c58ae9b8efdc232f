package org.cqpsuite.certification;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (target/certification-service-runner.jar), as it runs in production. */
@QuarkusIntegrationTest
class CertificationOperabilityIT extends CertificationOperabilityTest {
}
