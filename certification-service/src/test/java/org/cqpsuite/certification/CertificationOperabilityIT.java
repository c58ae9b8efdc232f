package org.cqpsuite.certification;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (quarkus-app/quarkus-run.jar), as it runs in production. */
@QuarkusIntegrationTest
class CertificationOperabilityIT extends CertificationOperabilityTest {
}
