package org.cqpsuite.certification;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same checks against the packaged application, as it runs in production: one runnable jar,
 * target/certification-service-runner.jar.
 */
@QuarkusIntegrationTest
class CertificationOperabilityIT extends CertificationOperabilityTest {
}
