package org.cqpsuite.certification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.cqpsuite.testinfra.OperabilityContract;
import org.cqpsuite.testinfra.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "certification"))
class CertificationOperabilityTest extends OperabilityContract {

    @Override
    protected String serviceName() {
        return "certification-service";
    }

    @Override
    protected String topic() {
        return "cqp.certification.events";
    }
}
